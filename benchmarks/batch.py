"""Benchmark `nvao-equivalence batch`: rows/s and peak memory, side by side with a plain CSV passthrough.

Generates intake files of realistic rows, runs `batch` on each in a fresh process and, in the same run, a
`csv.reader` -> `csv.writer` passthrough of the same file adding as many columns. With openpyxl installed (the
`excel` extra), the same for an .xlsx workbook of date and boolean cells written to .xlsx, beside an openpyxl
read-only -> write-only passthrough. Prints a table and writes benchmarks/results/batch.json.

    python benchmarks/batch.py            # CSV: 100,000 and 1,000,000 rows; .xlsx: 100,000 rows
    python benchmarks/batch.py --quick    # CSV: 10,000 and 50,000 rows; .xlsx: 10,000 rows
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "batch.json"

# A passthrough that reads every row and writes it back with as many more columns as batch adds (eight): the floor
# for any CSV tool.
PASSTHROUGH = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as src, open(sys.argv[2], "w", newline="") as dst:
    reader, writer = csv.reader(src), csv.writer(dst)
    for row in reader:
        writer.writerow([*row, "", "", "", "", "", "", "", ""])
"""
# The same floor for a workbook, in the modes batch uses: openpyxl's streaming reader and writer.
XLSX_PASSTHROUGH = """
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
out = openpyxl.Workbook(write_only=True)
sheet = out.create_sheet("decisions")
for row in book.worksheets[0].iter_rows(values_only=True):
    sheet.append([*row, "", "", "", "", "", "", "", ""])
out.save(sys.argv[2])
"""

_ROWS = [
    ("VL", "academic-bachelor", "yes", ""),
    ("NL", "hbo-bachelor", "ja", "ja"),
    ("VL", "master", "", ""),
    ("NL", "wo-master", "nee", ""),
    ("NL", "associate-degree", "yes", ""),
    ("VL", "master-after-master", "1", ""),
    ("DE", "bachelor", "", ""),
    ("NL", "wo-bachelor", "yes", ""),
]


def generate(path: Path, rows: int) -> None:
    chooser = random.Random(2005)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["student", "name", "awarded_by", "degree", "awarded_on", "accredited", "arts", "target"])
        for number in range(rows):
            source, degree, accredited, arts = chooser.choice(_ROWS)
            target = "VL" if source != "VL" else "NL"
            day = f"{chooser.randint(1, 28):02d}-{chooser.randint(1, 12):02d}-{chooser.randint(2000, 2024)}"
            writer.writerow([f"S{number:07d}", "Zoë Peeters", source, degree, day, accredited, arts, target])


def generate_xlsx(path: Path, rows: int) -> None:
    """The same rows as a workbook, as an office keeps them: award dates as date cells, yes/no as boolean cells."""
    import openpyxl

    chooser = random.Random(2005)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Aanmeldingen")
    sheet.append(["student", "name", "awarded_by", "degree", "awarded_on", "accredited", "arts", "target"])
    flags = {"yes": True, "ja": True, "1": True, "nee": False, "": None}
    for number in range(rows):
        source, degree, accredited, arts = chooser.choice(_ROWS)
        target = "VL" if source != "VL" else "NL"
        day = date(chooser.randint(2000, 2024), chooser.randint(1, 12), chooser.randint(1, 28))
        sheet.append([f"S{number:07d}", "Zoë Peeters", source, degree, day, flags[accredited], flags[arts], target])
    book.save(path)


def measure(command: list[str], accepted: tuple[int, ...] = (0, 1)) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in KiB of one child process, which must exit with an ``accepted`` code
    (batch exits 1 when some rows are errors)."""
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in accepted:
        raise SystemExit(f"{command[:5]} failed with {status}; accepted exit codes: {accepted}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = parser.parse_args()
    sizes = (10_000, 50_000) if args.quick else (100_000, 1_000_000)
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for rows in sizes:
            source = Path(scratch) / f"in-{rows}.csv"
            generate(source, rows)
            results.append(side_by_side(source, Path(scratch) / "out.csv", PASSTHROUGH, rows))
        workbooks = _xlsx_results(Path(scratch), sizes[0] if args.quick else 100_000)
    print(f"{'rows':>10}  {'batch rows/s':>13}  {'passthrough rows/s':>18}  {'ratio':>6}  {'batch peak RSS':>14}")
    for result in results:
        print(
            f"{result['rows']:>10,}  {result['batch_rows_per_s']:>13,}  {result['passthrough_rows_per_s']:>18,}  "
            f"{result['ratio']:>6.3f}  {result['batch_peak_rss_kib'] / 1024:>11.1f} MiB"
        )
    small, large = results[0]["batch_peak_rss_kib"], results[-1]["batch_peak_rss_kib"]
    print(f"peak RSS at {sizes[-1]:,} rows is {large / small:.3f}x the figure at {sizes[0]:,} rows")
    if workbooks:
        result = workbooks[0]
        print(
            f".xlsx -> .xlsx, {result['rows']:,} rows: batch {result['batch_rows_per_s']:,} rows/s, "
            f"openpyxl passthrough {result['passthrough_rows_per_s']:,} rows/s, ratio {result['ratio']:.3f}; "
            f"peak RSS {result['batch_peak_rss_kib'] / 1024:.1f} MiB "
            f"(passthrough {result['passthrough_peak_rss_kib'] / 1024:.1f} MiB)"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    machine = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
    RESULTS.write_text(json.dumps({"machine": machine, "results": results, "xlsx": workbooks}, indent=2) + "\n")


def _xlsx_results(scratch: Path, rows: int) -> list[dict[str, float]]:
    try:
        import openpyxl  # noqa: F401
    except ModuleNotFoundError:
        print("openpyxl is not installed (pip install -e '.[excel]'): the .xlsx case is left out")
        return []
    source = scratch / f"in-{rows}.xlsx"
    generate_xlsx(source, rows)
    return [side_by_side(source, scratch / "out.xlsx", XLSX_PASSTHROUGH, rows)]


def side_by_side(source: Path, out: Path, passthrough: str, rows: int) -> dict[str, float]:
    """batch on ``source`` and the ``passthrough`` script on the same file, each in a fresh process, one after
    the other."""
    batch = [sys.executable, "-m", "nvao_equivalence", "batch", str(source), "-o", str(out)]
    seconds, rss = measure([*batch, "--on", "2025-09-01", "--quiet"])
    base_seconds, base_rss = measure([sys.executable, "-c", passthrough, str(source), str(out)])
    return {
        "rows": rows,
        "batch_rows_per_s": round(rows / seconds),
        "passthrough_rows_per_s": round(rows / base_seconds),
        "ratio": round(base_seconds / seconds, 3),
        "batch_peak_rss_kib": rss,
        "passthrough_peak_rss_kib": base_rss,
    }


if __name__ == "__main__":
    main()
