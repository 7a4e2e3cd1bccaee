"""Decisions over a data frame: check_frame on 1,000,000 cross-border applicants in a polars frame, beside
OpenFisca's vectorised simulation of the same rules, measured in the same run.

The workload is the peer's: NL -> VL or VL -> NL, a random degree of the awarding system, accreditation yes, no or
unknown, arts half the time, one assessment date. The frame holds them as a data team has them: text codes and
flags, a boolean arts column and a date column of award dates. OpenFisca's figure comes from its own script,
run in a subprocess in its own environment (it pins its own numpy); point OPENFISCA_PEER at the folder holding
``vectorised.py`` and its ``.venv-openfisca``. Without it the benchmark says so and prints the library's figures.

    pip install -e '.[frames]' polars && python benchmarks/frames.py [--rows 1000000] [--quick]

Memory: what deciding adds to the resident memory at its peak, at two sizes, beside what the output columns take;
it should grow with the frame's own columns (the output and the working columns), not with anything else.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "frames.json"
ON = date(2015, 9, 1)
NL = ("associate-degree", "hbo-bachelor", "wo-bachelor", "hbo-master", "wo-master", "doctorate")
VL = ("graduaat", "professional-bachelor", "academic-bachelor", "bachelor-after-bachelor", "master",
      "master-after-master", "doctorate")  # fmt: skip


def applicants(rows: int, seed: int = 0):  # type: ignore[no-untyped-def]
    import numpy as np
    import polars as pl

    rng = np.random.default_rng(seed)
    from_nl = rng.integers(0, 2, rows).astype(bool)
    degrees = np.where(
        from_nl, np.array(NL)[rng.integers(0, len(NL), rows)], np.array(VL)[rng.integers(0, len(VL), rows)]
    )
    first = np.datetime64("2000-01-01")
    award = first + rng.integers(0, (ON - date(2000, 1, 1)).days, rows).astype("timedelta64[D]")
    return pl.DataFrame({
        "awarded_by": np.where(from_nl, "NL", "VL"),
        "degree": degrees,
        "awarded_on": pl.Series(award).cast(pl.Date),
        "accredited": np.array(["yes", "no", ""])[rng.integers(0, 3, rows)],
        "arts": rng.integers(0, 2, rows).astype(bool),
        "target": np.where(from_nl, "VL", "NL"),
    })  # fmt: skip


def library(rows: int, repeats: int) -> float:
    from nvao_equivalence.frames import check_frame

    frame = applicants(rows)
    check_frame(frame.head(1000), on=ON)  # rules loaded, imports done
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        decided = check_frame(frame, on=ON)
        times.append(time.perf_counter() - start)
    assert decided.height == rows
    assert decided["error"].null_count() == rows
    return rows / statistics.median(times)


def openfisca(rows: int) -> float | None:
    peer = os.environ.get("OPENFISCA_PEER")
    if not peer:
        return None
    python = Path(peer) / ".venv-openfisca" / "bin" / "python"
    script = Path(peer) / "vectorised.py"
    if not python.exists() or not script.exists():
        return None
    done = subprocess.run(
        [str(python), str(script), str(rows), ON.isoformat()], capture_output=True, text=True, check=True, cwd=peer
    )
    return float(done.stdout.split()[-1])


def added_rss(rows: int) -> float:
    """What deciding a frame of ``rows`` adds to the resident memory at its peak (MiB), in a fresh process: the
    peak is reset once the frame is built (Linux's clear_refs), then read after the decision."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from frames import applicants, ON\n"
        "from nvao_equivalence.frames import check_frame\n"
        "def status(key):\n"
        "    return next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith(key))\n"
        f"frame = applicants({rows}); check_frame(frame.head(1000), on=ON)\n"
        "open('/proc/self/clear_refs', 'w').write('5'); before = status('VmRSS:')\n"
        "decided = check_frame(frame, on=ON)\n"
        "print((status('VmHWM:') - before) / 1024)"
    )
    here = str(Path(__file__).parent)
    done = subprocess.run([sys.executable, "-c", code, here], capture_output=True, text=True, check=True)
    return float(done.stdout)


def output_mib(rows: int) -> float:
    """What the output columns themselves take, as polars estimates them: what deciding must add."""
    from nvao_equivalence.frames import check_frame

    frame = applicants(rows)
    return (check_frame(frame, on=ON).estimated_size() - frame.estimated_size()) / (1 << 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="100,000 rows, one repeat, no memory figures")
    args = parser.parse_args()
    rows = 100_000 if args.quick else args.rows
    ours = library(rows, 1 if args.quick else 5)
    peer = openfisca(rows)
    print(f"{'figure':44} {'rows/s':>12}")
    print(f"{'check_frame (polars, median of 5)':44} {ours:12,.0f}")
    if peer is None:
        print("OpenFisca: not measured (set OPENFISCA_PEER to the folder with vectorised.py and .venv-openfisca)")
    else:
        print(f"{'OpenFisca vectorised (median of 3)':44} {peer:12,.0f}")
        print(f"{'ratio (check_frame / OpenFisca)':44} {ours / peer:12.2f}   target >= 1.0")
    figures: dict[str, object] = {"rows": rows, "check_frame_rows_per_s": ours, "openfisca_rows_per_s": peer}
    if not args.quick:
        memory = {
            size: {"added_peak_mib": added_rss(size), "output_columns_mib": output_mib(size)}
            for size in (rows // 2, rows)
        }
        for size, figure in memory.items():
            print(f"deciding {size:>9,} rows adds at its peak {figure['added_peak_mib']:6.1f} MiB; "
                  f"its output columns take {figure['output_columns_mib']:6.1f} MiB")  # fmt: skip
        figures["memory"] = memory
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
