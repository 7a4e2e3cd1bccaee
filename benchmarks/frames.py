"""Decisions over a data frame: check_frame on 1,000,000 cross-border applicants in a polars frame, beside
OpenFisca's vectorised simulation of the same rules, measured in the same run.

The workload is the peer's: NL -> VL or VL -> NL, a random degree of the awarding system, accreditation yes, no or
unknown, arts half the time, one assessment date. The frame holds them as a data team has them: text codes and
flags, a boolean arts column and a date column of award dates. OpenFisca's figure comes from its own script,
run in a subprocess in its own environment (it pins its own numpy); point OPENFISCA_PEER at the folder holding
``vectorised.py`` and its ``.venv-openfisca``. Without it the benchmark says so and prints the library's figures.

    pip install -e '.[frames]' polars && python benchmarks/frames.py [--rows 1000000] [--quick]

Memory: peak RSS of a fresh process that builds the frame and decides it, against one that only builds it, at
two sizes; what deciding adds should grow with the frame's own columns (the output), not with its cases.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
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
    first = date(2000, 1, 1)
    award = [first + timedelta(days=int(day)) for day in rng.integers(0, (ON - first).days, rows)]
    return pl.DataFrame({
        "awarded_by": np.where(from_nl, "NL", "VL"),
        "degree": degrees,
        "awarded_on": pl.Series(award, dtype=pl.Date),
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


def peak_rss(rows: int, decide: bool) -> float:
    """Peak RSS (MiB) of a fresh process that builds the frame of ``rows`` and, if ``decide``, decides it."""
    code = (
        "import resource, sys; sys.path.insert(0, sys.argv[1]); from frames import applicants, ON\n"
        "from nvao_equivalence.frames import check_frame\n"
        f"frame = applicants({rows})\n"
        + ("check_frame(frame, on=ON)\n" if decide else "")
        + "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent)], capture_output=True, text=True, check=True
    )
    return int(done.stdout) / 1024


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
            size: {"frame_only_mib": peak_rss(size, False), "decided_mib": peak_rss(size, True)}
            for size in (rows // 2, rows)
        }
        for size, figure in memory.items():
            added = figure["decided_mib"] - figure["frame_only_mib"]
            print(f"peak RSS at {size:>9,} rows: frame {figure['frame_only_mib']:7.1f} MiB, decided "
                  f"{figure['decided_mib']:7.1f} MiB (+{added:.1f} MiB)")  # fmt: skip
        figures["memory"] = memory
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
