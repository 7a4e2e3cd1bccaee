"""Benchmark the memory of `nvao-equivalence batch` on files where every row spells things its own way.

Generates intake files of 50,000 and 200,000 rows whose jurisdictions, degrees and (in JSON Lines) column names
are written in case and whitespace variants, nearly every one distinct ("tHe  NeTHerlands", "WO_Bachelor",
"AwArDeD_bY"), and runs `batch` on each in a fresh process. The baseline, in the same run: the same rows with
one spelling each. Peak RSS must stay flat: the caches behind the spellings are bounded. Not a test; prints a
table and writes benchmarks/results/memory.json.

    python benchmarks/memory.py            # 50,000 and 200,000 rows
    python benchmarks/memory.py --quick    # 10,000 and 40,000 rows
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from batch import measure  # the same fresh-process measurement as the batch benchmark

RESULTS = Path(__file__).parent / "results" / "memory.json"

# (awarded by, degree, target): the row's facts, each spelt as written here in the baseline.
_ROWS = [
    ("the netherlands", "wo-bachelor", "vlaanderen"),
    ("vlaamse gemeenschap", "academische bachelor", "nederland"),
    ("nederland", "hbo-bachelor", "flemish community"),
    ("flanders", "professional bachelor", "the netherlands"),
]
_COLUMNS = ["student", "awarded_by", "degree", "awarded_on", "accredited", "target"]


def _varied(chooser: random.Random) -> Callable[[str], str]:
    """A spelling of ``text`` in random case, with runs of spaces (or an underscore) where it has a separator."""

    def spell(text: str) -> str:
        letters = "".join(char.upper() if chooser.random() < 0.5 else char for char in text)
        spaces = " " * chooser.randint(1, 12)
        return letters.replace(" ", spaces).replace("-", chooser.choice([spaces, "_", "-"]))

    return spell


def _same(text: str) -> str:
    return text


def generate(path: Path, rows: int, kind: str, varied: bool) -> None:
    chooser = random.Random(2014)
    spell = _varied(chooser) if varied else _same
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        if kind == "csv":
            writer.writerow(_COLUMNS)
        for number in range(rows):
            awarded_by, degree, target = chooser.choice(_ROWS)
            day = f"{chooser.randint(1, 28):02d}-{chooser.randint(1, 12):02d}-{chooser.randint(2015, 2024)}"
            values = [f"S{number:07d}", spell(awarded_by), spell(degree), day, "ja", spell(target)]
            if kind == "csv":
                writer.writerow(values)
            else:  # JSON Lines: the column names vary too (the first record's are the plain ones)
                names = _COLUMNS if number == 0 else [spell(name) for name in _COLUMNS]
                out.write(json.dumps(dict(zip(names, values, strict=True))) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = parser.parse_args()
    sizes = (10_000, 40_000) if args.quick else (50_000, 200_000)
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for kind in ("csv", "jsonl"):
            for rows in sizes:
                figures = {}
                for varied in (True, False):
                    source = Path(scratch) / f"in-{rows}-{varied}.{kind}"
                    generate(source, rows, kind, varied)
                    out = Path(scratch) / f"out.{kind}"
                    command = [sys.executable, "-m", "nvao_equivalence", "batch", str(source), "-o", str(out)]
                    # Exit 0 only: every row, however it is spelt, must be decided.
                    figures[varied] = measure([*command, "--on", "2025-09-01", "--quiet"], accepted=(0,))
                    source.unlink()
                results.append({
                    "format": kind,
                    "rows": rows,
                    "varied_peak_rss_kib": figures[True][1],
                    "same_spelling_peak_rss_kib": figures[False][1],
                    "varied_seconds": round(figures[True][0], 2),
                    "same_spelling_seconds": round(figures[False][0], 2),
                })  # fmt: skip
    print(f"{'format':>6}  {'rows':>8}  {'varied spellings':>16}  {'one spelling (baseline)':>23}  {'ratio':>5}")
    for result in results:
        varied, same = result["varied_peak_rss_kib"], result["same_spelling_peak_rss_kib"]
        print(
            f"{result['format']:>6}  {result['rows']:>8,}  {varied / 1024:>12.1f} MiB  {same / 1024:>19.1f} MiB  "
            f"{varied / same:>5.2f}"
        )
    for kind in ("csv", "jsonl"):
        small, large = (result["varied_peak_rss_kib"] for result in results if result["format"] == kind)
        print(f"{kind}: peak RSS with varied spellings at {sizes[-1]:,} rows is {large / small:.3f}x {sizes[0]:,} rows")
    RESULTS.parent.mkdir(exist_ok=True)
    machine = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
    RESULTS.write_text(json.dumps({"machine": machine, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
