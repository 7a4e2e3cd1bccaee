"""Accreditation from the registers: each loader, each situation a register records, at its boundary days."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from nvao_equivalence import AccreditationRegister, Diploma, RuleSet, check_equivalence, timeline
from nvao_equivalence.exceptions import InvalidAssessmentError, RegisterDataError
from nvao_equivalence.registers import RegisterRecord, programme_key
from tests.paths import FIXTURES

FIXTURES = FIXTURES / "registers"
ON = date(2025, 9, 1)


@pytest.fixture(scope="module")
def register() -> AccreditationRegister:
    return (
        AccreditationRegister.from_rio_csv(FIXTURES / "ho_erkenningen_rio.csv")
        | AccreditationRegister.from_rio_json(
            FIXTURES / "rio_onderwijslicentie_34005.json", programme="34005", institution="98ZZ"
        )
        | AccreditationRegister.from_deqar_json(FIXTURES / "deqar_report_990101.json")
        | AccreditationRegister.from_deqar_json(FIXTURES / "deqar_reports_page.json")
        | AccreditationRegister.from_deqar_csv(FIXTURES / "deqar-reports.csv")
    )


# programme, institution, award date, what the register says, why
CASES = [
    # accredited (RIO CSV, open-ended): unknown the day before the register's record begins, accredited from it on
    ("34001", None, date(2015, 8, 31), None, "before-records"),
    ("34001", None, date(2015, 9, 1), True, "covered"),
    ("34001", None, date(2025, 6, 30), True, "covered"),
    # lapsed before the award date: vervaldatum is exclusive
    ("34002", None, date(2018, 8, 31), True, "covered"),
    ("34002", None, date(2018, 9, 1), False, "ended"),
    # withdrawn: intrekkingsdatum ends the period early, from that day on
    ("34003", None, date(2019, 2, 28), True, "covered"),
    ("34003", None, date(2019, 3, 1), False, "withdrawn"),
    ("34003", None, date(2021, 12, 31), False, "withdrawn"),
    # teach-out (afbouw) after expiry: unknown (reading register-teach-out); after it ends, plainly ended
    ("34004", None, date(2020, 6, 19), True, "covered"),
    ("34004", None, date(2020, 6, 20), None, "teach-out"),
    ("34004", None, date(2022, 8, 30), None, "teach-out"),
    ("34004", None, date(2022, 8, 31), False, "ended"),
    # never listed: unknown, never "no"
    ("39998", None, date(2020, 7, 1), None, "not-listed"),
    # two consecutive periods with a gap (RIO LOD licence history)
    ("34005", None, date(2010, 8, 31), None, "before-records"),
    ("34005", None, date(2010, 9, 1), True, "covered"),
    ("34005", None, date(2016, 8, 31), True, "covered"),
    ("34005", None, date(2016, 9, 1), False, "ended"),
    ("34005", None, date(2017, 1, 31), False, "ended"),
    ("34005", None, date(2017, 2, 1), True, "covered"),
    # DEQAR report without valid_to: six years from valid_from, exclusive
    ("https://data.deqar.eu/report/990101", None, date(2019, 5, 14), None, "before-records"),
    ("https://data.deqar.eu/report/990101", None, date(2019, 5, 15), True, "covered"),
    ("deqar:programme:880101", None, date(2025, 5, 14), True, "covered"),
    # after the six years EQAR reads into an empty valid_to, with no later record: unknown, not "no"
    ("LEIEDAL-PBA-0101", None, date(2025, 5, 15), None, "open-end"),
    # DEQAR negative new-programme assessment (initial accreditation): never accredited, from its date
    ("deqar:report:990102", None, date(2020, 1, 31), None, "before-records"),
    ("deqar:report:990102", None, date(2020, 2, 1), False, "refused-new"),
    # DEQAR positive with conditions, list item with datetimes ending in Z
    ("deqar:report:990103", None, date(2017, 12, 31), None, "before-records"),
    ("deqar:report:990103", None, date(2018, 1, 1), True, "covered"),
    ("deqar:report:990103", None, date(2023, 12, 31), True, "covered"),
    ("deqar:report:990103", None, date(2024, 1, 1), False, "ended"),
    # DEQAR nightly CSV: one report on two rows (two institutions), valid_to exclusive
    ("https://www.eqar.eu/qa-results/search/by-report/report/?id=990106", None, date(2022, 9, 30), True, "covered"),
    ("deqar:report:990106", None, date(2022, 10, 1), False, "ended"),
    # an institutional review accredits no programme
    ("deqar:report:990107", None, date(2022, 1, 1), None, "institutional"),
    # a CROHO code shared by two hogescholen: the institution chooses
    ("34006", None, date(2019, 9, 1), None, "several-institutions"),
    ("34006", "98ZZ", date(2019, 8, 31), True, "covered"),
    ("34006", "98ZZ", date(2019, 9, 1), False, "ended"),
    ("34006", "97yy", date(2019, 9, 1), True, "covered"),
    ("34006", "11AA", date(2019, 9, 1), None, "other-institution"),
    ("34006", "Hogeschool Duinrand", date(2019, 9, 1), None, "several-institutions"),
]


@pytest.mark.parametrize(("programme", "institution", "awarded_on", "accredited", "reason"), CASES)
def test_the_register_answers_at_each_boundary(register, programme, institution, awarded_on, accredited, reason):
    found = register.lookup(programme, awarded_on, institution=institution)
    assert (found.accredited, found.reason) == (accredited, reason)


class _Code(str):
    """Text that is not plain ``str``: the lookup reads it through the general path."""


@pytest.mark.parametrize(("programme", "institution", "awarded_on", "accredited", "reason"), CASES)
def test_a_key_as_indexed_gets_the_same_answer_as_any_other_spelling(register, programme, institution, awarded_on,
                                                                     accredited, reason):  # fmt: skip
    # A plain key as the index holds it takes the lookup's short path; padded or as a str subclass, the general one.
    found = register.lookup(programme, awarded_on, institution=institution)
    assert found == register.lookup(f" {programme} ", awarded_on, institution=institution)
    assert found == register.lookup(_Code(programme), awarded_on, institution=institution)
    assert found.programme == programme


OUTCOMES = {True: "equivalent", False: "not-recognised", None: "undetermined"}


@pytest.mark.parametrize(("programme", "institution", "awarded_on", "accredited", "reason"), CASES)
def test_check_equivalence_decides_accreditation_from_the_register(
    register, programme, institution, awarded_on, accredited, reason
):
    dutch = not programme.lower().startswith(("deqar", "https", "leiedal"))
    diploma = Diploma(
        awarded_by="NL" if dutch else "VL",
        degree="hbo-bachelor" if dutch else "professional-bachelor",
        awarded_on=awarded_on,
        programme=programme,
        institution=institution,
    )
    decision = check_equivalence(diploma, target="VL" if dutch else "NL", on=ON, register=register)
    assert decision.outcome == OUTCOMES[accredited]
    assert decision.diploma.accredited is accredited
    assert decision.register is not None
    assert decision.register.reason == reason
    assert decision.missing == (() if accredited is not None else ("accredited",))
    # Every reading the register's answer relied on is named in the decision and its explanation.
    relied = [r.id for r in decision.ruleset.readings if r.when == "register" and reason in r.register_reasons]
    for reading in relied:
        assert reading in decision.readings
        assert f"[{reading}]" in decision.explain("nl")


def diploma_of(programme: str, awarded_on: date, **extra) -> Diploma:
    return Diploma(awarded_by="NL", degree="hbo-bachelor", awarded_on=awarded_on, programme=programme, **extra)


def test_the_explanation_cites_the_record_with_file_and_line(register):
    decision = check_equivalence(diploma_of("34001", date(2015, 9, 1)), target="VL", on=ON, register=register)
    assert decision.explain().splitlines()[3] == (
        "Register: accredited on the award date 2015-09-01: RIO, CROHO 34001 (98ZZ), accredited 2015-09-01, "
        "open-ended [ho_erkenningen_rio.csv, line 2]"
    )
    assert decision.explain("nl").splitlines()[3] == (
        "Register: geaccrediteerd op de datum van uitreiking 1 september 2015: RIO, CROHO 34001 (98ZZ), "
        "geaccrediteerd vanaf 1 september 2015, zonder einddatum [ho_erkenningen_rio.csv, regelnummer 2]"
    )
    assert decision.diploma.accreditations[0].source == (
        "RIO, CROHO 34001 (98ZZ), accredited 2015-09-01, open-ended [ho_erkenningen_rio.csv, line 2]"
    )
    assert decision.to_dict()["register"] == {
        "programme": "34001",
        "accredited": True,
        "reason": "covered",
        "record": "RIO, CROHO 34001 (98ZZ), accredited 2015-09-01, open-ended [ho_erkenningen_rio.csv, line 2]",
        "records": ["RIO, CROHO 34001 (98ZZ), accredited 2015-09-01, open-ended [ho_erkenningen_rio.csv, line 2]"],
    }


def test_a_teach_out_diploma_is_undetermined_with_the_reading_and_a_caveat(register):
    decision = check_equivalence(diploma_of("34004", date(2021, 7, 1)), target="VL", on=ON, register=register)
    assert (decision.outcome, decision.missing) == ("undetermined", ("accredited",))
    assert decision.register is not None
    assert decision.register.note() == (
        "accreditation on the award date 2021-07-01 stays unknown: it falls in the teach-out (afbouw) after the "
        "accreditation ended on 2020-06-20, which runs until 2022-08-31 (reading register-teach-out): RIO, CROHO "
        "34004 (98ZZ), accredited 2014-06-20 until 2020-06-20 (exclusive), teach-out (afbouw) until 2022-08-31 "
        "[ho_erkenningen_rio.csv, line 6]"
    )
    assert "register-teach-out" in decision.readings
    assert "teach-out" in decision.caveats
    assert "[register-teach-out]" in decision.explain("en")
    assert "De opleiding was op de datum van uitreiking in afbouw" in decision.explain("nl")
    said = decision.explain("nl")
    assert "Register: de accreditatie op de datum van uitreiking 1 juli 2021 blijft onbekend: die valt in de " in said
    # For the Benelux condition the programme counts as recognised.
    assert decision.diploma.recognised is True
    benelux = check_equivalence(
        diploma_of("34004", date(2021, 7, 1)), target="BE-FR", on=ON, register=register, rules=RuleSet.load("benelux")
    )
    assert benelux.outcome == "level-equivalent"


def test_a_gap_cites_the_period_that_ended_and_the_next(register):
    found = register.lookup("34005", date(2016, 9, 1))
    assert found.note() == (
        "not accredited on the award date 2016-09-01: the accreditation ended on 2016-09-01: RIO, CROHO 34005 "
        "(98ZZ), accredited 2010-09-01 until 2016-09-01 (exclusive) [rio_onderwijslicentie_34005.json, line 1, "
        "licence 5e0a1c22-0000-4000-8000-000000034005, accreditation 1, NVAO dossier 005501]; the next period starts "
        "on 2017-02-01: RIO, CROHO 34005 (98ZZ), accredited 2017-02-01, open-ended [rio_onderwijslicentie_34005.json, "
        "line 1, licence 5e0a1c22-0000-4000-8000-000000034005, accreditation 2, NVAO dossier 006602]"
    )


def test_deqar_cites_the_report_the_decision_and_the_six_years(register):
    assert register.lookup("deqar:report:990101", date(2020, 1, 1)).deciding.cite() == (  # type: ignore[union-attr]
        "DEQAR, report 990101 (DEQARINST9811), NVAO decision positive, valid 2019-05-15 until 2025-05-15 "
        "(exclusive), valid_to empty: six years from valid_from [deqar_report_990101.json, line 1]"
    )
    assert register.lookup("deqar:report:990102", date(2021, 1, 1)).note() == (
        "not accredited on the award date 2021-01-01: NVAO's assessment of the new programme was negative, so the "
        "programme was never accredited (reading register-refusal-new-programme): DEQAR, report 990102 "
        "(DEQARINST9811), NVAO decision negative, from 2020-02-01, assessment of a new programme (toets nieuwe "
        "opleiding) [deqar_reports_page.json, line 6]"
    )


@pytest.mark.parametrize(("awarded_on", "accredited", "reading"), [
    (date(2025, 5, 14), True, None), (date(2025, 5, 15), None, "register-open-end"),
])  # fmt: skip
def test_an_open_ended_deqar_report_becomes_unknown_not_no_after_six_years(register, awarded_on, accredited, reading):
    diploma = Diploma(awarded_by="VL", degree="master", awarded_on=awarded_on, programme="LEIEDAL-PBA-0101")
    decision = check_equivalence(diploma, target="NL", on=ON, register=register)
    assert decision.diploma.accredited is accredited
    assert (reading in decision.readings) if reading else not [r for r in decision.readings if r.startswith("register")]


# FACTS §4 [rev]: a refusal does not cut short a running accreditation.

EXISTING = RegisterRecord("DEQAR", "P", date(2012, 9, 1), date(2018, 9, 1), True, "positive", "f.json, line 1")
REFUSED = RegisterRecord("DEQAR", "P", date(2018, 3, 1), None, False, "negative", "f.json, line 2")
NEW_REFUSED = RegisterRecord(
    "DEQAR", "P", date(2018, 3, 1), None, False, "negative", "f.json, line 3", note="new-programme"
)


@pytest.mark.parametrize(("records", "day", "accredited", "reason"), [
    ((REFUSED,), date(2018, 2, 28), None, "before-records"),
    ((REFUSED,), date(2018, 3, 1), None, "refused"),  # a lone refusal of an existing programme: unknown
    ((REFUSED,), date(2024, 1, 1), None, "refused"),
    ((EXISTING, REFUSED), date(2018, 8, 31), True, "covered"),  # the running period is not cut short
    ((EXISTING, REFUSED), date(2018, 9, 1), False, "refused"),  # "no" from the end of the known previous period
    ((NEW_REFUSED,), date(2018, 3, 1), False, "refused-new"),  # a negative new-programme assessment: never accredited
])  # fmt: skip
def test_a_refusal_means_no_only_after_the_known_end_of_the_previous_period(records, day, accredited, reason):
    found = AccreditationRegister.from_records(records).lookup("P", day)
    assert (found.accredited, found.reason) == (accredited, reason)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_lone_refusal_is_undetermined_and_cites_the_decision_and_the_reading(lang):
    register = AccreditationRegister.from_records([REFUSED])
    diploma = Diploma(awarded_by="VL", degree="master", awarded_on=date(2019, 7, 1), programme="P")
    decision = check_equivalence(diploma, target="NL", on=ON, register=register)
    assert (decision.outcome, decision.missing) == ("undetermined", ("accredited",))
    assert "register-refusal" in decision.readings
    text = decision.explain(lang)
    assert "[register-refusal]" in text
    cited = {"en": "NVAO decision negative, from 2018-03-01", "nl": "NVAO-besluit negatief, van 1 maart 2018"}[lang]
    assert cited in text


def test_a_programme_absent_from_the_register_stays_undetermined_and_the_explanation_says_so(register):
    decision = check_equivalence(diploma_of("39998", date(2020, 7, 1)), target="VL", on=ON, register=register)
    assert decision.outcome == "undetermined"
    assert decision.diploma.accreditations == ()
    assert "Register: programme 39998 is not in the register; accreditation on the award date stays unknown" in (
        decision.explain()
    )
    assert decision.summary().endswith(
        "Register: programme 39998 is not in the register; accreditation on the award date stays unknown."
    )


def test_the_register_is_not_consulted_when_the_caller_states_accreditation(register):
    stated = diploma_of("34002", date(2019, 1, 1), accredited=True)
    decision = check_equivalence(stated, target="VL", on=ON, register=register)
    assert (decision.outcome, decision.register) == ("equivalent", None)
    unnamed = Diploma(awarded_by="NL", degree="hbo-bachelor", awarded_on=date(2019, 1, 1))
    assert check_equivalence(unnamed, target="VL", on=ON, register=register).register is None


def test_timeline_uses_the_register_too(register):
    diploma = diploma_of("34005", date(2010, 9, 1))
    with_register = [(p.start.isoformat(), p.outcome.value) for p in timeline(diploma, target="VL", register=register)]
    assert with_register == [("2010-09-01", "admission-equivalent"), ("2014-04-01", "equivalent")]
    without = [p.outcome.value for p in timeline(diploma, target="VL")]
    assert without == ["undetermined", "undetermined"]


def test_a_register_of_the_wrong_type_is_refused():
    with pytest.raises(InvalidAssessmentError, match=r"register: expected an AccreditationRegister or None"):
        check_equivalence(diploma_of("34001", date(2016, 1, 1)), target="VL", on=ON, register={"34001": True})  # type: ignore[arg-type]


def test_malformed_records_are_collected_with_their_line_and_the_rest_loads(register):
    assert [str(problem) for problem in register.problems] == [
        "ho_erkenningen_rio.csv, line 9: ACCREDITATIE_BEGINDATUM: '2021-02-30' is not a calendar date",
        "deqar_reports_page.json, line 65: report 990105: valid_from is empty",
        "deqar-reports.csv, line 5: report 990108: decision 'positief' is not one of positive, positive with "
        "conditions or restrictions, negative, not applicable",
    ]
    assert register.problem_count == 3
    assert "34009" in register  # the row after the malformed one
    assert "deqar:report:990104" not in register  # another agency's report is no NVAO accreditation
    assert register.sources == (
        "ho_erkenningen_rio.csv",
        "rio_onderwijslicentie_34005.json",
        "deqar_report_990101.json",
        "deqar_reports_page.json",
        "deqar-reports.csv",
    )


def test_rio_repeats_a_programme_per_location_and_the_register_keeps_one_record(register):
    assert [record.source for record in register.records("34001")] == ["ho_erkenningen_rio.csv, line 2"]
    assert register.records("34009")[0].level == "WO-MA"


def test_semicolons_bom_crlf_empty_dates_and_datetimes_are_read():
    text = (
        "\ufeffERKENDEOPLEIDINGSCODE;INSTELLINGSCODE;NIVEAU;ACCREDITATIE_BEGINDATUM;ACCREDITATIE_VERVALDATUM;"
        "ACCREDITATIE_INTREKKINGSDATUM;ACCREDITATIE_AFBOUWDATUM\r\n"
        "35001;98ZZ;HBO-MA;2017-09-01T00:00:00Z; ;;\r\n"
        "\r\n"
        "35002;98ZZ;HBO-MA;01-09-2017;01-09-2023;;\r\n"
    )
    loaded = AccreditationRegister.from_rio_csv(io.BytesIO(text.encode("utf-8")))
    assert loaded.problems == ()
    assert loaded.lookup("35001", date(2030, 1, 1)).accredited is True
    assert loaded.lookup("35002", date(2023, 8, 31)).accredited is True
    assert loaded.lookup("35002", date(2023, 9, 1)).accredited is False
    assert loaded.sources == ("<stream>",)


def test_rio_json_pages_arrays_and_json_lines_are_streamed_record_by_record(tmp_path):
    licence = json.loads((FIXTURES / "rio_onderwijslicentie_34005.json").read_text(encoding="utf-8"))
    page = {"_embedded": {"onderwijslicenties": [licence]}, "_links": {}}
    lines = tmp_path / "licences.jsonl"
    lines.write_text(
        "\n".join(json.dumps({**licence, "erkendeopleidingscode": code}) for code in ("36001", "36002")) + "\n",
        encoding="utf-8",
    )
    from_page = AccreditationRegister.from_rio_json(io.BytesIO(json.dumps(page).encode()), programme="34005")
    from_array = AccreditationRegister.from_rio_json(io.BytesIO(json.dumps([licence]).encode()), programme="34005")
    from_lines = AccreditationRegister.from_rio_json(lines)
    assert len(from_page.records("34005")) == len(from_array.records("34005")) == 2
    assert [record.source.split(",")[1] for record in from_lines.records("36002")] == [" line 2", " line 2"]
    without_code = AccreditationRegister.from_rio_json(FIXTURES / "rio_onderwijslicentie_34005.json")
    assert len(without_code) == 0
    assert [problem.message for problem in without_code.problems] == [
        "licence 5e0a1c22-0000-4000-8000-000000034005 names no erkendeopleidingscode; pass programme= (its CROHO code)"
    ]


def test_from_path_recognises_each_register_by_name_and_content(tmp_path):
    kinds = {
        "ho_erkenningen_rio.csv": "34001",
        "rio_onderwijslicentie_34005.json": None,
        "deqar_report_990101.json": "deqar:report:990101",
        "deqar-reports.csv": "deqar:report:990106",
    }
    for name, programme in kinds.items():
        loaded = AccreditationRegister.from_path(FIXTURES / name)
        assert loaded.sources == (name,)
        if programme is not None:
            assert programme in loaded
    renamed = tmp_path / "export.txt"
    renamed.write_bytes((FIXTURES / "deqar_reports_page.json").read_bytes())
    assert "deqar:report:990103" in AccreditationRegister.from_path(renamed)


def test_merging_keeps_both_sides_and_one_copy_of_each_record(register):
    again = register | AccreditationRegister.from_rio_csv(FIXTURES / "ho_erkenningen_rio.csv")
    assert len(again) == len(register)
    assert again.records("34002") == register.records("34002")
    assert again.problem_count == register.problem_count + 1
    with pytest.raises(TypeError):
        _ = register | {"34001": True}  # type: ignore[operator]


def test_identifiers_are_indexed_in_one_form():
    assert programme_key("http://data.deqar.eu/report/000123/") == "deqar:report:123"
    assert programme_key("DEQAR:Programme:0880101") == "deqar:programme:880101"
    assert programme_key("https://www.eqar.eu/qa-results/search/by-report/report/?id=990106") == "deqar:report:990106"
    assert programme_key(" 34001 ") == "34001"


def test_an_accreditation_period_is_made_only_from_a_record_that_accredits():
    refused = RegisterRecord("DEQAR", "deqar:report:1", date(2020, 2, 1), None, False, "negative", "x.json, line 1")
    with pytest.raises(ValueError, match=r"is not an accreditation period"):
        refused.accreditation()


INSTITUTIONS_PAGE = b"""{
  "count": 1,
  "results": [
    {
      "id": 99811,
      "deqar_id": "DEQARINST9811",
      "name_primary": "Hogeschool Leiedal",
      "website_link": "https://www.leiedal.example"
    }
  ]
}
"""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (INSTITUTIONS_PAGE,
         "<stream>, line 4: not a DEQAR report or reports page: a page of DEQAR institutions, whose first record is a "
         "DEQAR institution record (DEQARINST9811, 'Hogeschool Leiedal'); valid: a report (Web API v2 "
         "/browse/reports/{id}/), a page of /browse/reports/, an array or JSON Lines of reports"),
        (b'\n{"id": 99811, "deqar_id": "DEQARINST9811", "name_primary": "Hogeschool Leiedal"}',
         "<stream>, line 2: not a DEQAR report or reports page: a DEQAR institution record (DEQARINST9811, "
         "'Hogeschool Leiedal'); valid: a report (Web API v2 /browse/reports/{id}/), a page of /browse/reports/, an "
         "array or JSON Lines of reports"),
        (b'{"content": [{"name": "Hogeschool Leiedal", "url": "x", "type": "Hogeschool"}]}',
         "<stream>, line 1: not a DEQAR report or reports page: a JSON object with the keys content; valid: a report "
         "(Web API v2 /browse/reports/{id}/), a page of /browse/reports/, an array or JSON Lines of reports"),
    ],
)  # fmt: skip
def test_a_json_file_that_holds_no_reports_says_what_it_holds(content, message):
    with pytest.raises(RegisterDataError) as raised:
        AccreditationRegister.from_deqar_json(io.BytesIO(content))
    assert str(raised.value) == message


def test_each_report_of_a_pretty_printed_page_cites_its_own_line():
    register = AccreditationRegister.from_deqar_json(FIXTURES / "deqar_reports_page.json")
    cited = {key: record.source for key in register for record in register.records(key)}
    assert cited["deqar:report:990102"] == "deqar_reports_page.json, line 6"
    assert cited["deqar:report:990103"] == "deqar_reports_page.json, line 26"
    assert [str(problem) for problem in register.problems] == [
        "deqar_reports_page.json, line 65: report 990105: valid_from is empty"
    ]


def test_a_later_record_that_is_not_a_report_is_a_problem_and_the_rest_loads():
    content = (
        b'[{"id": 990101, "agency_acronym": "NVAO", "decision": "positive", "valid_from": "2019-05-15"},\n'
        b' {"id": 99811, "deqar_id": "DEQARINST9811", "name_primary": "Hogeschool Leiedal"},\n'
        b' {"id": 990102, "agency_acronym": "NVAO", "decision": "negative", "valid_from": "2020-02-01"}]'
    )
    register = AccreditationRegister.from_deqar_json(io.BytesIO(content))
    assert [str(problem) for problem in register.problems] == [
        "<stream>, line 2: record 2 is not a DEQAR report: a DEQAR institution record (DEQARINST9811, "
        "'Hogeschool Leiedal')"
    ]
    assert "deqar:report:990101" in register
    assert "deqar:report:990102" in register


@pytest.mark.parametrize(
    ("written", "valid_from"),
    [
        ("2019-05-15+02:00", date(2019, 5, 15)),
        ("2019-05-15Z", date(2019, 5, 15)),
        ("2019-05-15-14:00", date(2019, 5, 15)),
    ],
)
def test_a_register_date_may_carry_a_time_zone_and_is_the_day_written(written, valid_from):
    content = json.dumps({"id": 1, "agency_acronym": "NVAO", "decision": "positive", "valid_from": written})
    register = AccreditationRegister.from_deqar_json(io.BytesIO(content.encode()))
    assert register.records("deqar:report:1")[0].valid_from == valid_from


def test_a_register_date_with_a_malformed_time_zone_is_a_problem_naming_it():
    content = json.dumps({"id": 1, "agency_acronym": "NVAO", "decision": "positive", "valid_from": "2019-05-15+15:00"})
    register = AccreditationRegister.from_deqar_json(io.BytesIO(content.encode()))
    assert [str(problem) for problem in register.problems] == [
        "<stream>, line 1: report 1: '2019-05-15+15:00': the time zone is not valid; valid: Z, or +hh:mm / -hh:mm "
        "up to 14:00"
    ]


def test_a_register_built_from_a_callers_dict_looks_keys_up_as_normalised():
    record = RegisterRecord("RIO", "39999", date(2010, 1, 1), None, True, "a decision", "RIO line 2")
    other = RegisterRecord("DEQAR", "deqar:report:5", date(2012, 1, 1), None, True, "a report", "DEQAR line 3")
    register = AccreditationRegister({" 39999 ": (record,), "https://data.deqar.eu/report/5": (other,)})
    assert sorted(register) == ["39999", "deqar:report:5"]
    for asked in (" 39999 ", "39999", "https://data.deqar.eu/report/5", "deqar:report:5"):
        assert register.lookup(asked, date(2013, 1, 1)).reason == "covered", asked
