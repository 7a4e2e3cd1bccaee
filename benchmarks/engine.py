"""Benchmark the decision engine, each figure side by side with a baseline measured in the same run.

    python benchmarks/engine.py                 # the full figures; writes benchmarks/results/engine.json
    python benchmarks/engine.py --quick --check # fewer repeats; exit 1 only on a gross regression (see "guard")

Figures and targets (ratios to the baseline, because absolute times on shared machines drift):

- check_equivalence on a prepared Diploma, median per call over the grid of degrees x directions x dates x facts,
  against a hand-written if-chain encoding R2003/R2014 that returns a tuple: <= 6x, and <= 3 us absolute;
- Diploma(...) from strings, as batch builds it, against date.fromisoformat plus dict lookups: <= 3x;
- import nvao_equivalence in a fresh interpreter (median of 20) against import attrs: <= 2x;
- the first decision after import (rule loading and indexing): <= 20 ms;
- timeline() per diploma against one check_equivalence: <= 10x.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from nvao_equivalence import Diploma, check_equivalence, timeline
from nvao_equivalence._vocabulary.degrees import degrees_of

RESULTS = Path(__file__).parent / "results" / "engine.json"
R2003_FROM, R2014_FROM = date(2005, 2, 1), date(2014, 4, 1)

# The baseline: R2003 and R2014 as a programmer would write them by hand, with the comparable-degree table inline.
_COMPARABLE = {
    ("NL", "hbo-bachelor", False): ("professional-bachelor",),
    ("NL", "hbo-bachelor", True): ("professional-bachelor", "academic-bachelor"),
    ("NL", "wo-bachelor", False): ("academic-bachelor",), ("NL", "wo-bachelor", True): ("academic-bachelor",),
    ("NL", "hbo-master", False): ("master",), ("NL", "hbo-master", True): ("master",),
    ("NL", "wo-master", False): ("master",), ("NL", "wo-master", True): ("master",),
    ("VL", "professional-bachelor", False): ("hbo-bachelor",), ("VL", "professional-bachelor", True): ("hbo-bachelor",),
    ("VL", "bachelor-after-bachelor", False): ("hbo-bachelor",),
    ("VL", "bachelor-after-bachelor", True): ("hbo-bachelor",),
    ("VL", "academic-bachelor", False): ("wo-bachelor",),
    ("VL", "academic-bachelor", True): ("wo-bachelor", "hbo-bachelor"),
    ("VL", "master", False): ("hbo-master", "wo-master"), ("VL", "master", True): ("hbo-master", "wo-master"),
    ("VL", "master-after-master", False): ("hbo-master", "wo-master"),
    ("VL", "master-after-master", True): ("hbo-master", "wo-master"),
}  # fmt: skip


def by_hand(source: str, degree: str, arts: bool, accredited: bool | None, target: str, on: date) -> tuple[str, tuple]:
    if source == target or source not in ("NL", "VL") or target not in ("NL", "VL"):
        return ("not-applicable", ())
    if on < R2003_FROM:
        return ("not-recognised", ())
    comparable = _COMPARABLE.get((source, degree, arts))
    if comparable is None or accredited is False:
        return ("not-recognised", ())
    if accredited is None:
        return ("undetermined", ())
    return ("admission-equivalent" if on < R2014_FROM else "equivalent", comparable)


def grid() -> list[tuple[Diploma, str, date]]:
    cases = []
    dates = (date(2005, 1, 31), R2003_FROM, date(2010, 1, 1), date(2014, 3, 31), R2014_FROM, date(2022, 9, 1))
    for source, target in (("NL", "VL"), ("VL", "NL")):
        facts = itertools.product(degrees_of(source), (False, True), (True, False, None), dates)
        for degree, arts, accredited, on in facts:
            diploma = Diploma(
                awarded_by=source, degree=degree, awarded_on=date(2004, 7, 1), accredited=accredited, arts=arts
            )
            cases.append((diploma, target, on))
    return cases


def per_call(function, cases, repeats: int) -> float:
    """Median over repeats of the time per call, in microseconds."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for case in cases:
            function(case)
        samples.append((time.perf_counter() - start) / len(cases) * 1e6)
    return statistics.median(samples)


def fresh(code: str, runs: int) -> float:
    """Median over fresh interpreters of what ``code`` prints (a duration in ms)."""
    values = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        values.append(float(out))
    return statistics.median(values)


def measure(quick: bool) -> list[dict[str, object]]:
    repeats, runs = (5, 5) if quick else (25, 20)
    cases = grid()
    plain = [(d.awarded_by, d.degree.value, d.arts, d.accredited, t, on) for d, t, on in cases]
    engine = per_call(lambda case: check_equivalence(case[0], target=case[1], on=case[2]), cases, repeats)
    baseline = per_call(lambda case: by_hand(*case), plain, repeats)

    rows = [(d.awarded_by, d.degree.value, "2016-07-01", "yes") for d, _, _ in cases]
    aliases = {"NL": "NL", "VL": "VL"}
    degrees = {degree.value: degree for degree in (d.degree for d, _, _ in cases)}
    flags = {"yes": True, "no": False, "": None}
    build = per_call(lambda r: Diploma(awarded_by=r[0], degree=r[1], awarded_on=r[2], accredited=True), rows, repeats)
    build_base = per_call(
        lambda r: (aliases[r[0]], degrees[r[1]], date.fromisoformat(r[2]), flags[r[3]]), rows, repeats
    )

    line = per_call(lambda case: timeline(case[0], target=case[1]), cases, max(1, repeats // 5))
    one = per_call(lambda case: check_equivalence(case[0], target=case[1], on=case[2]), cases, max(1, repeats // 5))

    timer = "import time; t = time.perf_counter(); {0}; print((time.perf_counter() - t) * 1000)"
    imported = fresh(timer.format("import nvao_equivalence"), runs)
    attrs_only = fresh(timer.format("import attrs"), runs)
    first = fresh(
        "from datetime import date; import time; from nvao_equivalence import Diploma, check_equivalence; "
        "d = Diploma(awarded_by='VL', degree='master', awarded_on=date(2016, 7, 1), accredited=True); "
        "t = time.perf_counter(); check_equivalence(d, target='NL', on=date(2017, 6, 1)); "
        "print((time.perf_counter() - t) * 1000)",
        runs,
    )
    # "guard": what --check allows before it calls a figure a gross regression: three times the target, or three
    # times the figure recorded in benchmarks/README.md where the target is not met yet.
    return [
        {"figure": "check_equivalence per call (us)", "value": engine, "baseline": baseline, "target_ratio": 6.0,
         "target_absolute": 3.0, "guard_ratio": 18.0, "guard_absolute": 10.5},
        {"figure": "Diploma(...) from strings (us)", "value": build, "baseline": build_base, "target_ratio": 3.0,
         "guard_ratio": 36.0},
        {"figure": "import nvao_equivalence (ms)", "value": imported, "baseline": attrs_only, "target_ratio": 2.0,
         "guard_ratio": 6.0},
        {"figure": "first decision after import (ms)", "value": first, "baseline": None, "target_absolute": 20.0,
         "guard_absolute": 125.0},
        {"figure": "timeline() per diploma (us)", "value": line, "baseline": one, "target_ratio": 10.0,
         "guard_ratio": 30.0},
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the decision engine against baselines.")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, for a smoke run")
    parser.add_argument("--check", action="store_true", help="exit 1 if a figure is beyond its guard")
    args = parser.parse_args()
    results = measure(args.quick)
    print(f"{'figure':<36} {'value':>10} {'baseline':>10} {'ratio':>7} {'target':>10}")
    failures = []
    for result in results:
        baseline = result["baseline"]
        ratio = result["value"] / baseline if baseline else None
        result["ratio"] = ratio
        target = (f"<= {result['target_ratio']}x" if "target_ratio" in result else "") + (
            f" <= {result['target_absolute']}" if "target_absolute" in result else ""
        )
        shown_baseline = f"{baseline:10.2f}" if baseline else f"{'-':>10}"
        shown_ratio = f"{ratio:7.2f}" if ratio else f"{'-':>7}"
        print(f"{result['figure']:<36} {result['value']:10.2f} {shown_baseline} {shown_ratio} {target:>10}")
        if ratio and "guard_ratio" in result and ratio > result["guard_ratio"]:
            failures.append(f"{result['figure']}: ratio {ratio:.2f} is over its guard {result['guard_ratio']}")
        if "guard_absolute" in result and result["value"] > result["guard_absolute"]:
            failures.append(f"{result['figure']}: {result['value']:.2f} is over its guard {result['guard_absolute']}")
    if not args.quick:
        RESULTS.parent.mkdir(exist_ok=True)
        machine = {"python": platform.python_version(), "machine": platform.machine()}
        RESULTS.write_text(json.dumps({"machine": machine, "results": results}, indent=2) + "\n")
    for failure in failures:
        print(f"gross regression: {failure}", file=sys.stderr)
    return 1 if args.check and failures else 0


if __name__ == "__main__":
    sys.exit(main())
