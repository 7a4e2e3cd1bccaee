"""Diplomas from digital credentials: European Digital Credentials (ELM v3 JSON-LD) and EMREX ELMO XML."""

from __future__ import annotations

import base64
import gzip
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from nvao_equivalence import AccreditationRegister, Degree, Diploma, check_equivalence
from nvao_equivalence.credentials import diploma_from_credential
from nvao_equivalence.exceptions import CredentialError
from tests.paths import FIXTURES

FIXTURES = FIXTURES
EDC_NL = FIXTURES / "credentials" / "edc_hbo_bachelor.jsonld"
EDC_VL = FIXTURES / "credentials" / "edc_flemish_master.jsonld"
ELMO_NL = FIXTURES / "credentials" / "elmo_wo_master.xml"


def edc(path: Path = EDC_NL) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def register() -> AccreditationRegister:
    registers = FIXTURES / "registers"
    return AccreditationRegister.from_rio_csv(registers / "ho_erkenningen_rio.csv") | (
        AccreditationRegister.from_deqar_json(registers / "deqar_reports_page.json")
    )


def test_a_dutch_edc_gives_country_date_programme_and_institution_and_asks_hbo_or_wo():
    with pytest.raises(CredentialError) as raised:
        Diploma.from_credential(EDC_NL)
    assert str(raised.value) == (
        "degree: the European Digital Credential gives EQF level 6 (Bachelor Havenlogistiek), which does not tell "
        "which degree of NL it is (hbo or wo, professional or academic); pass degree= one of: hbo-bachelor, wo-bachelor"
    )
    diploma = Diploma.from_credential(EDC_NL, degree="hbo-bachelor")
    assert diploma == Diploma(
        awarded_by="NL", degree="hbo-bachelor", awarded_on=date(2021, 7, 9), programme="34001", institution="98ZZ"
    )
    assert diploma.accredited is None


def test_the_register_knows_hbo_from_wo_and_decides_accreditation(register):
    diploma = Diploma.from_credential(edc(), register=register)
    assert diploma.degree is Degree.HBO_BACHELOR
    decision = check_equivalence(diploma, target="VL", on=date(2022, 9, 1), register=register)
    assert decision.outcome == "equivalent"
    assert decision.register is not None
    assert decision.register.deciding is not None
    assert decision.register.deciding.source == "ho_erkenningen_rio.csv, line 2"


def test_a_degree_that_contradicts_the_eqf_level_is_refused():
    with pytest.raises(CredentialError, match=r"^degree: wo-master is EQF level 7, the credential says 6; valid: "):
        Diploma.from_credential(EDC_NL, degree="wo-master")
    with pytest.raises(CredentialError, match=r"^degree: 'banaba' is not a degree of NL \(the Netherlands\)"):
        Diploma.from_credential(EDC_NL, degree="banaba")


def test_a_belgian_issuer_takes_its_community_from_its_identifier_and_the_deqar_link_names_the_programme(register):
    with pytest.raises(CredentialError, match=r"pass degree= one of: master, master-after-master$"):
        Diploma.from_credential(EDC_VL)
    diploma = Diploma.from_credential(EDC_VL, degree="master")
    assert (diploma.awarded_by, diploma.degree, diploma.awarded_on) == ("VL", Degree.MASTER, date(2023, 6, 30))
    assert diploma.programme == "deqar:report:990103"
    decision = check_equivalence(diploma, target="NL", on=date(2024, 9, 1), register=register)
    assert decision.outcome == "equivalent"  # report 990103 is valid until 2024-01-01 (exclusive)
    assert decision.equivalent_to == (Degree.HBO_MASTER, Degree.WO_MASTER)


def test_a_belgian_issuer_without_a_community_asks_for_one():
    document = edc(EDC_VL)
    del document["issuer"]["registration"]
    with pytest.raises(CredentialError) as raised:
        Diploma.from_credential(document, degree="master")
    assert str(raised.value) == (
        "community: the issuer is in Belgium (BEL), where higher education belongs to the Communities, and the "
        "credential does not say which; pass community='VL' (Flemish Community), 'BE-FR' or 'BE-DE'"
    )
    assert Diploma.from_credential(document, degree="master", community="Vlaanderen").awarded_by == "VL"
    with pytest.raises(CredentialError, match=r"^community: 'VL' is for a Belgian issuer; this issuer is in NLD$"):
        Diploma.from_credential(EDC_NL, degree="hbo-bachelor", community="VL")
    with pytest.raises(CredentialError, match=r"^community: BE-FR contradicts the issuer's identifier, which names VL"):
        Diploma.from_credential(EDC_VL, degree="master", community="BE-FR")


def test_the_title_decides_where_it_names_the_degree():
    document = edc(EDC_VL)
    document["credentialSubject"]["hasClaim"][0]["title"] = {"nl": "Master-na-master in de havenkunde"}
    assert Diploma.from_credential(document).degree is Degree.MASTER_AFTER_MASTER


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("type"), r"^type: not a European Digital"),
        (lambda d: [d["credentialSubject"]["hasClaim"]["awardedBy"].pop("awardingDate"), d.pop("validFrom")],
         r"^credentialSubject.hasClaim.awardedBy.awardingDate: the European Digital Credential gives no award date "
         r"\(no awardingDate, dateIssued, issued or validFrom\); pass awarded_on=$"),
        (lambda d: d["credentialSubject"]["hasClaim"]["awardedBy"].update(awardingDate="2021-02-30T00:00:00Z"),
         r"awardingDate: '2021-02-30T00:00:00Z' is not a calendar date"),
        (lambda d: d["credentialSubject"].update(hasClaim=[]), r"holds 0 claims; valid: exactly one"),
        (lambda d: d["issuer"].pop("location"), r"^issuer.location.address.countryCode: missing is not a country"),
    ],
)  # fmt: skip
def test_a_credential_missing_a_field_names_it(change, message):
    document = edc()
    change(document)
    with pytest.raises(CredentialError, match=message):
        Diploma.from_credential(document, degree="hbo-bachelor")


def test_an_elmo_document_gives_the_diploma_and_the_register_gives_wo(register):
    diploma = diploma_from_credential(ELMO_NL.read_bytes(), register=register)
    assert diploma == Diploma(awarded_by="NL", degree="wo-master", awarded_on=date(2022, 7, 8), programme="34009")
    transported = base64.b64encode(gzip.compress(ELMO_NL.read_bytes()))  # as EMREX posts it
    assert diploma_from_credential(transported, register=register) == diploma
    assert diploma_from_credential(ELMO_NL.read_text(encoding="utf-8"), degree="WO-MA") == diploma


def test_an_elmo_course_in_progress_is_no_diploma():
    text = ELMO_NL.read_text(encoding="utf-8").replace("<status>passed</status>", "<status>in-progress</status>")
    with pytest.raises(CredentialError, match=r"^learningOpportunityInstance/status: 'in-progress'; valid: passed"):
        diploma_from_credential(text, degree="wo-master")


def test_anything_else_is_not_a_credential():
    with pytest.raises(CredentialError, match=r"^not a credential: expected ELM JSON-LD or ELMO XML"):
        diploma_from_credential("hello")
    with pytest.raises(CredentialError, match=r"^not an ELMO document: the root element is 'html'"):
        diploma_from_credential("<html></html>")
    with pytest.raises(CredentialError, match=r"^data: int is not a credential"):
        diploma_from_credential(42)


def test_elmo_without_defusedxml_says_which_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "defusedxml", None)
    with pytest.raises(ImportError, match=r"^reading EMREX ELMO XML needs defusedxml: pip install "):
        diploma_from_credential(ELMO_NL.read_bytes(), degree="wo-master")
    assert Diploma.from_credential(EDC_NL, degree="hbo-bachelor").programme == "34001"  # JSON-LD needs nothing more
