"""Benchmark accreditation registers: load time and lookup time, side by side with a plain dict in the same run.

Generates DUO-layout ``ho_erkenningen_rio.csv`` files (46 columns) with 100,000 programmes, once with one row per
programme and once with five rows per programme (one per location, as RIO repeats them), and a DEQAR report array
of 100,000 reports. Each is loaded in a fresh process, which reports its load time, its peak RSS and the mean time
of a register lookup (``register.lookup(code, day)``) over 100,000 random programmes. The baseline, in its own
fresh process on the same file: ``csv.DictReader`` (or ``json.load``) into a plain ``dict`` keyed by programme, and
``dict.get``. Both are called directly in the timed loop. ``answer_us`` is the time of building the same answers
alone (``RegisterAnswer(...)``), ``answer_ratio`` that against ``dict.get``. Target: lookup <= 8x ``dict.get``.
Prints a table and writes benchmarks/results/registers.json.

    python benchmarks/registers.py            # 100,000 programmes
    python benchmarks/registers.py --quick    # 10,000 programmes
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
from datetime import date, timedelta
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "registers.json"
# The 46 columns of DUO's ho_erkenningen_rio.csv, in order.
HEADER = [
    "BEVOEGD_GEZAG_CODE",
    "BEVOEGD_GEZAG_NAAM",
    "INSTELLINGSCODE",
    "INSTELLINGSNAAM",
    "VESTIGINGSCODE",
    "VESTIGINGSNAAM",
    "GEMEENTENAAM",
    "PLAATSNAAM",
    "ERKENDEOPLEIDINGSCODE",
    "INSTROOM_EINDDATUM",
    "OPLEIDINGSEENHEIDCODE",
    "EIGEN_OPLEIDINGSEENHEIDSLEUTEL",
    "OPLEIDINGSEENHEID_NAAM",
    "OPLEIDINGSEENHEID_INTERNATIONALE_NAAM",
    "OPLEIDINGSEENHEID_SOORT",
    "STUDIELAST",
    "STUDIELASTEENHEID",
    "NIVEAU",
    "GRAAD",
    "GRAADTOEVOEGING",
    "ISCED",
    "NLQF",
    "EQF",
    "VORM",
    "ONDERDEEL",
    "SUBONDERDEEL",
    "BEKOSTIGINGSNIVEAU",
    "GRONDSLAG_STUDIELAST",
    "BEROEPSEISEN",
    "OPLEIDINGSERKENNINGSKADER",
    "INTENSIEFPROGRAMMA",
    "BEKOSTIGINGSCODE",
    "AANVULLENDE_EISEN",
    "BEKOSTIGINGSDUUR",
    "VESTIGINGSLICENTIE_BEGINDATUM",
    "VESTIGINGSLICENTIE_EINDDATUM",
    "ACCREDITATIE_BESLUITDATUM",
    "ACCREDITATIE_BEGINDATUM",
    "ACCREDITATIE_VERVALDATUM",
    "ACCREDITATIE_AFBOUWDATUM",
    "ACCREDITATIE_INLEVERDATUM",
    "ACCREDITATIE_VOORWAARDENDATUM",
    "ACCREDITATIE_INTREKKINGSDATUM",
    "ACCREDITATIE_UITSTELDATUM",
    "ACCREDITATIE_UITSTELREDEN",
    "SAMENWERKENDEINSTELLINGEN",
]
LOOKUPS = 100_000

# Run in a fresh process: load, then time lookups. argv: register|plain, kind, path. Each side calls its lookup
# directly in the timed loop (no wrapper on either side). The register side also times building the answers alone
# (RegisterAnswer with the same fields as the answers the lookups gave): what the answer object costs.
CHILD = """
import json, random, resource, sys, time
from datetime import date
mode, kind, path = sys.argv[1:4]
start = time.perf_counter()
if mode == "register":
    from nvao_equivalence import AccreditationRegister
    loader = AccreditationRegister.from_rio_csv if kind == "rio-csv" else AccreditationRegister.from_deqar_json
    table = loader(path)
elif kind == "rio-csv":
    import csv
    with open(path, newline="", encoding="utf-8-sig") as stream:
        table = {row["ERKENDEOPLEIDINGSCODE"]: row for row in csv.DictReader(stream)}
else:
    with open(path, encoding="utf-8") as stream:
        table = {f"deqar:report:{report['id']}": report for report in json.load(stream)}
loaded = time.perf_counter() - start
keys = list(table)
chooser = random.Random(7)
asks = [(chooser.choice(keys), date(chooser.randint(2010, 2024), chooser.randint(1, 12), 1)) for _ in range(%d)]
answer_s = None
if mode == "register":
    start = time.perf_counter()
    for key, day in asks:
        table.lookup(key, day)
    per_lookup = (time.perf_counter() - start) / len(asks)
    from nvao_equivalence.registers import RegisterAnswer
    fields = [(a.programme, a.day, a.accredited, a.reason, a.records, a.deciding, a.following, a.institutions,
               a.institution) for a in (table.lookup(key, day) for key, day in asks)]
    start = time.perf_counter()
    for programme, day, accredited, reason, records, deciding, following, institutions, institution in fields:
        RegisterAnswer(programme, day, accredited, reason, records, deciding, following, institutions, institution)
    answer_s = (time.perf_counter() - start) / len(fields)
else:
    start = time.perf_counter()
    for key, day in asks:
        table.get(key)
    per_lookup = (time.perf_counter() - start) / len(asks)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"programmes": len(keys), "load_s": loaded, "lookup_s": per_lookup, "answer_s": answer_s,
                  "peak_rss_kib": peak}))
""".replace("%d", str(LOOKUPS))


def rio_csv(path: Path, programmes: int, locations: int) -> None:
    chooser = random.Random(2019)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for number in range(programmes):
            begin = date(2010, 1, 1) + timedelta(days=chooser.randint(0, 4000))
            kind = chooser.random()
            expiry = (begin + timedelta(days=6 * 365)).isoformat() if kind < 0.4 else ""
            withdrawn = (begin + timedelta(days=900)).isoformat() if 0.4 <= kind < 0.45 else ""
            teach_out = (begin + timedelta(days=7 * 365)).isoformat() if kind < 0.1 else ""
            brin = f"{number % 90 + 10:02d}{chr(65 + number % 26)}{chr(65 + number // 26 % 26)}"
            code = f"{10000 + number:06d}"
            for location in range(locations):
                row = dict.fromkeys(HEADER, "")
                row.update({
                    "INSTELLINGSCODE": brin, "INSTELLINGSNAAM": "Hogeschool Benchmark",
                    "VESTIGINGSCODE": f"{brin}{location:02d}",
                    "ERKENDEOPLEIDINGSCODE": code, "OPLEIDINGSEENHEIDCODE": f"{number:04d}O{number % 10000:04d}",
                    "OPLEIDINGSEENHEID_NAAM": f"B Opleiding {number}", "NIVEAU": "HBO-BA", "GRAAD": "BACHELOR",
                    "STUDIELAST": "240", "STUDIELASTEENHEID": "ECTS", "NLQF": "6", "EQF": "6", "VORM": "VOLTIJD",
                    "ACCREDITATIE_BESLUITDATUM": begin.isoformat(), "ACCREDITATIE_BEGINDATUM": begin.isoformat(),
                    "ACCREDITATIE_VERVALDATUM": expiry, "ACCREDITATIE_INTREKKINGSDATUM": withdrawn,
                    "ACCREDITATIE_AFBOUWDATUM": teach_out,
                })  # fmt: skip
                writer.writerow(row.values())


def deqar_json(path: Path, reports: int) -> None:
    chooser = random.Random(2018)
    with path.open("w", encoding="utf-8") as out:
        out.write("[\n")
        for number in range(reports):
            start = date(2016, 1, 1) + timedelta(days=chooser.randint(0, 3000))
            report = {
                "id": 1_000_000 + number, "agency_acronym": "NVAO", "agency_esg_activity_type": "programme",
                "institutions": [{"id": number, "deqar_id": f"DEQARINST{number % 500:04d}", "name_primary": "HS"}],
                "programmes": [{"id": 2_000_000 + number, "name_primary": f"Programme {number}",
                                "programme_identifiers": [{"identifier": f"P{number}", "resource": "local identifier"}],
                                "qf_ehea_level": "first cycle"}],
                "valid_from": start.isoformat(), "valid_to": None, "status": "part of obligatory EQA system",
                "decision": chooser.choice(["positive", "positive with conditions or restrictions", "negative"]),
            }  # fmt: skip
            out.write(("," if number else "") + json.dumps(report) + "\n")
        out.write("]\n")


def child(mode: str, kind: str, path: Path) -> dict[str, float]:
    output = subprocess.run([sys.executable, "-c", CHILD, mode, kind, str(path)], capture_output=True, text=True)
    if output.returncode:
        raise SystemExit(output.stderr)
    result: dict[str, float] = json.loads(output.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 programmes, for a smoke run")
    args = parser.parse_args()
    programmes = 10_000 if args.quick else 100_000
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        files = [
            ("rio-csv", "RIO CSV, 1 row per programme", "rio-1.csv", 1),
            ("rio-csv", "RIO CSV, 5 rows per programme", "rio-5.csv", 5),
            ("deqar-json", "DEQAR report array", "deqar.json", 0),
        ]
        for kind, label, name, locations in files:
            path = Path(scratch) / name
            if locations:
                rio_csv(path, programmes, locations)
            else:
                deqar_json(path, programmes)
            ours, plain = child("register", kind, path), child("plain", kind, path)
            results.append({
                "file": label, "file_mib": round(path.stat().st_size / 2**20, 1), "identifiers": ours["programmes"],
                "load_s": round(ours["load_s"], 2), "plain_load_s": round(plain["load_s"], 2),
                "load_ratio": round(ours["load_s"] / plain["load_s"], 1),
                "lookup_us": round(ours["lookup_s"] * 1e6, 2), "plain_lookup_us": round(plain["lookup_s"] * 1e6, 3),
                "lookup_ratio": round(ours["lookup_s"] / plain["lookup_s"], 1),
                "answer_us": round(ours["answer_s"] * 1e6, 2),
                "answer_ratio": round(ours["answer_s"] / plain["lookup_s"], 1),
                "peak_rss_mib": round(ours["peak_rss_kib"] / 1024, 1),
                "plain_peak_rss_mib": round(plain["peak_rss_kib"] / 1024, 1),
            })  # fmt: skip
    columns = ("file", "file_mib", "load_s", "plain_load_s", "load_ratio", "lookup_us", "plain_lookup_us")
    columns += ("lookup_ratio", "answer_us", "answer_ratio", "peak_rss_mib", "plain_peak_rss_mib")
    print("  ".join(columns))
    for result in results:
        print("  ".join(str(result[column]) for column in columns))
    RESULTS.parent.mkdir(exist_ok=True)
    machine = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
    RESULTS.write_text(json.dumps({"machine": machine, "lookups": LOOKUPS, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"({time.perf_counter() - start:.0f} s)")
