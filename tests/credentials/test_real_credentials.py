"""Credentials as they are really published, read unchanged: the European Commission's ELM v3 samples (EUPL-1.2),
MyNextID's EDC examples (MIT) and the ELMO schema's example (EMREX). Sources, commits and licences:
tests/fixtures/credentials/real/SOURCE.txt."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path

import pytest

from nvao_equivalence import Diploma
from nvao_equivalence.credentials import diploma_from_credential
from nvao_equivalence.exceptions import CredentialError, InvalidDiplomaError
from tests.paths import FIXTURES

REAL = FIXTURES / "credentials" / "real"
ELM = REAL / "european-learning-model"
VENDOR = REAL / "mynextid"
ELMO = REAL / "elmo-schemas" / "example.xml"
SAMPLE = ELM / "credential-sample.jsonld"  # the Commission's rdf sample: France, no level, no awardingDate

PARTICIPATION = (
    "credentialSubject.hasClaim: a certificate of participation (the claim is a LearningActivity: taking part in "
    "an activity), not a degree"
)
SHORT_PROGRAMME = (
    "credentialSubject.hasClaim.specifiedBy.dcType: a micro-credential (a short learning programme), not a degree"
)
FIVE_ECTS = (
    "credentialSubject.hasClaim.specifiedBy.creditPoint: a micro-credential (5 ECTS; the smallest degree, a "
    "master's, has 60), not a degree"
)
UNSIGNED = "unsigned (no seal), so its origin is not attested"
SEALED = "sealed in a JAdES envelope: the seal was NOT verified"


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        (ELM / "Sample-CertOfPart-unsigned.jsonld", PARTICIPATION),  # the Commission's certificate of participation
        (ELM / "Sample-CertOfPart-signed.jsonld", PARTICIPATION),
        (ELM / "Sample-MC-Annex1-unsigned.jsonld", SHORT_PROGRAMME),  # the Commission's micro-credential, EQF 6
        (ELM / "Sample-MC-Annex1-signed.jsonld", SHORT_PROGRAMME),
        (VENDOR / "edc-dc-example.json", PARTICIPATION),  # MyNextID's "Degree Certificate": a LearningActivity claim
        (VENDOR / "edc-dc-signed.jsonld", PARTICIPATION),
        (VENDOR / "edc-mc-example.json", FIVE_ECTS),  # MyNextID's micro-credential, EQF 6, no dcType
    ],
    ids=lambda value: value.name if isinstance(value, Path) else "",
)
def test_a_real_credential_that_is_not_a_degree_is_refused_with_what_it_is(path, reason):
    with pytest.raises(CredentialError) as raised:
        Diploma.from_credential(path)
    assert str(raised.value) == reason
    # The caller's degree= and awarded_on= settle what a degree credential leaves open, not what a credential is.
    with pytest.raises(CredentialError, match=r", not a degree$"):
        Diploma.from_credential(path, degree="master", awarded_on="2023-07-01")


@pytest.mark.parametrize(
    "twins",
    [
        ("Sample-CertOfPart-unsigned.jsonld", "Sample-CertOfPart-signed.jsonld"),
        ("Sample-MC-Annex1-unsigned.jsonld", "Sample-MC-Annex1-signed.jsonld"),
    ],
)
def test_the_signed_and_unsigned_commission_samples_give_the_same_answer(twins):
    answers = []
    for name in twins:
        with pytest.raises(CredentialError) as raised:
            Diploma.from_credential(ELM / name)
        answers.append(str(raised.value))
    assert answers[0] == answers[1]
    sealed = json.loads((ELM / twins[1]).read_text(encoding="utf-8"))
    assert set(sealed) == {"payload", "signatures"}  # a JAdES envelope
    assert isinstance(sealed["payload"], str)


def test_the_signed_and_unsigned_vendor_degree_certificates_give_the_same_answer():
    with pytest.raises(CredentialError) as unsigned:
        Diploma.from_credential(VENDOR / "edc-dc-example.json")
    with pytest.raises(CredentialError) as signed:
        diploma_from_credential((VENDOR / "edc-dc-signed.jsonld").read_bytes())
    assert str(unsigned.value) == str(signed.value) == PARTICIPATION


def test_a_real_edc_without_a_level_or_award_date_is_read_with_the_callers_degree():
    with pytest.raises(CredentialError) as raised:
        Diploma.from_credential(SAMPLE)
    assert str(raised.value) == (
        "degree: the European Digital Credential gives no EQF level (some kind of learning achievement), which does "
        "not tell which degree of FR it is (hbo or wo, professional or academic); pass degree= one of: short-cycle, "
        "bachelor, master, doctorate"
    )
    diploma = Diploma.from_credential(SAMPLE, degree="master")
    assert diploma == Diploma(awarded_by="FR", degree="master", awarded_on=date(2010, 1, 1))
    assert diploma.source == (
        "European Digital Credential http://example.org/credential132; award date: the credential's issuance date, "
        "as it states no awardingDate (issued 2010-01-01T00:00:00); country: the awarding body's country; " + UNSIGNED
    )


def test_the_callers_award_date_always_wins():
    diploma = Diploma.from_credential(SAMPLE, degree="master", awarded_on="30-06-2009")
    assert diploma.awarded_on == date(2009, 6, 30)
    assert "award date: given by the caller (awarded_on=)" in (diploma.source or "")
    document = sample()
    document["credentialSubject"]["hasClaim"]["awardedBy"]["awardingDate"] = "2009-02-30T00:00:00"
    with pytest.raises(CredentialError, match=r"^credentialSubject.hasClaim.awardedBy.awardingDate: '2009-02-30T"):
        Diploma.from_credential(document, degree="master")
    # The caller's date wins even over a credential date that cannot be read.
    stated = Diploma.from_credential(document, degree="master", awarded_on=date(2009, 7, 1))
    assert stated.awarded_on == date(2009, 7, 1)
    with pytest.raises(
        CredentialError, match=r"^awarded_on: cannot read 'soon' as a full date \(valid: a date, or text"
    ):
        Diploma.from_credential(SAMPLE, degree="master", awarded_on="soon")


def test_award_date_sources_in_order_awarding_date_proof_issued_valid_from():
    document = sample()
    claim = document["credentialSubject"]["hasClaim"]
    assert Diploma.from_credential(document, degree="master").awarded_on == date(2010, 1, 1)  # issued
    document.pop("issued")
    assert Diploma.from_credential(document, degree="master").awarded_on == date(2010, 1, 1)  # issuanceDate
    document.pop("issuanceDate")
    found = Diploma.from_credential(document, degree="master")
    assert found.awarded_on == date(2010, 10, 1)
    assert "the date the credential is valid from, as it states no awardingDate (validFrom 2010-10-01" in (
        found.source or ""
    )
    claim["provenBy"] = {"type": "LearningAssessment", "dateIssued": "2009-06-26T10:00:00Z"}
    assert Diploma.from_credential(document, degree="master").awarded_on == date(2009, 6, 26)
    claim["awardedBy"]["awardingDate"] = "2009-07-03T00:00:00+02:00"
    found = Diploma.from_credential(document, degree="master")
    assert found.awarded_on == date(2009, 7, 3)
    assert "award date: awardingDate (credentialSubject.hasClaim.awardedBy.awardingDate 2009-07-03T00:00:00+02:00)" in (
        found.source or ""
    )


@pytest.mark.parametrize("encode", [str, lambda text: base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")])
def test_a_jades_envelope_gives_the_same_diploma_and_says_the_seal_was_not_verified(encode):
    # The envelope as the Commission's signed samples have it: payload the credential's JSON text (b64: false), or
    # base64url as JWS has it by default. The signature here is a placeholder: the library does not check it.
    envelope = {"payload": encode(SAMPLE.read_text(encoding="utf-8")), "signatures": [{"signature": "AAAA"}]}
    unsigned = Diploma.from_credential(SAMPLE, degree="master")
    for data in (envelope, json.dumps(envelope), json.dumps(envelope).encode()):
        sealed = Diploma.from_credential(data, degree="master")
        assert sealed == unsigned
        assert (sealed.source or "").endswith(SEALED)
    assert (unsigned.source or "").endswith(UNSIGNED)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (42, r"^payload: int in a JAdES envelope; valid: the credential as text$"),
        ("not@base64", r"^payload: the JAdES envelope's payload is neither the credential's JSON \(b64: false\) nor "),
        ('"a string"', r"^payload: the JAdES envelope does not hold a credential"),
    ],
)
def test_a_broken_jades_envelope_says_what_is_wrong(payload, message):
    with pytest.raises(CredentialError, match=message):
        Diploma.from_credential({"payload": payload, "signatures": []}, degree="master")


def test_the_awarding_bodys_country_wins_over_a_service_providers():
    document = sample()  # issued by a provider in Estonia for the French awarding body, as such services do
    document["issuer"]["location"]["address"]["countryCode"]["id"] = (
        "http://publications.europa.eu/resource/authority/country/EST"
    )
    assert Diploma.from_credential(document, degree="master").awarded_by == "FR"
    del document["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"]["location"]
    found = Diploma.from_credential(document, degree="master")
    assert found.awarded_by == "EE"
    assert "country: the issuer's country" in (found.source or "")


def test_a_country_the_library_does_not_read_is_named_with_its_field():
    document = sample()
    body = document["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"]
    body["location"]["address"]["countryCode"]["id"] = "http://publications.europa.eu/resource/authority/country/XKX"
    with pytest.raises(CredentialError) as raised:
        Diploma.from_credential(document, degree="master")
    assert str(raised.value) == (
        "credentialSubject.hasClaim.awardedBy.awardingBody.location.address.countryCode: XKX is not a country this "
        "library reads; valid: NLD or BEL (and AUT, BEL, BGR, CHE, CYP, CZE, …)"
    )


def test_an_awarding_body_given_by_reference_is_found_in_the_credential():
    document = sample()
    body = document["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"]
    document["issuer"] = body | {"location": {"address": {"countryCode": {"id": "x/EST"}}}}
    document["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"] = {"id": body["id"]}
    assert Diploma.from_credential(document, degree="master").awarded_by == "EE"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda claim: claim.update(type="LearningEntitlement"),
         "credentialSubject.hasClaim: a learning entitlement (the claim is a LearningEntitlement), not a degree"),
        (lambda claim: claim.update(type="LearningAssessment"),
         "credentialSubject.hasClaim: an assessment result (the claim is a LearningAssessment), not a degree"),
        (lambda claim: claim.update(type="Diploma"),
         "credentialSubject.hasClaim.type: Diploma is not a claim of the European Learning Model; valid: "
         "LearningAchievement (an awarded qualification)"),
        (lambda claim: claim.update(specifiedBy={"isPartialQualification": True}),
         "credentialSubject.hasClaim.specifiedBy.isPartialQualification: a partial qualification, not a degree"),
        (lambda claim: claim.update(specifiedBy={"eqfLevel": {"id": "http://data.europa.eu/snb/eqf/4"}}),
         "credentialSubject.hasClaim.specifiedBy.eqfLevel: EQF level 4, not a higher-education degree; valid: EQF 5 "
         "to 8"),
        (lambda claim: claim.update(specifiedBy={"dcType": {"id": "http://data.europa.eu/snb/learning-opportunity/17744a2647"}}),
         "credentialSubject.hasClaim.specifiedBy.dcType: a micro-credential (a MOOC), not a degree"),
        (lambda claim: claim.update(specifiedBy={"dcType": {"id": "http://data.europa.eu/snb/learning-opportunity/77b99de990"}}),
         "credentialSubject.hasClaim.specifiedBy.dcType: an internship, not a degree"),
        (lambda claim: claim.update(specifiedBy={"creditPoint": {
            "framework": {"id": "http://data.europa.eu/snb/education-credit/6fcec5c5af"}, "point": "59.5"}}),
         "credentialSubject.hasClaim.specifiedBy.creditPoint: a micro-credential (59.5 ECTS; the smallest degree, a "
         "master's, has 60), not a degree"),
    ],
)  # fmt: skip
def test_what_the_claim_says_decides_whether_it_is_a_degree(change, reason):
    document = sample()
    change(document["credentialSubject"]["hasClaim"])
    with pytest.raises(CredentialError) as raised:
        Diploma.from_credential(document, degree="master")
    assert str(raised.value) == reason


def test_the_learning_activity_profile_marks_a_certificate_of_participation():
    document = sample()  # its own profile is "Learning Entitlement" over a LearningAchievement: the claim decides
    assert Diploma.from_credential(document, degree="master").degree == "master"
    document["credentialProfiles"] = [{"id": "http://data.europa.eu/snb/credential/48b514e72a", "type": "Concept"}]
    with pytest.raises(CredentialError) as raised:
        Diploma.from_credential(document, degree="master")
    assert str(raised.value) == (
        "credentialProfiles: a certificate of participation (the Learning Activity profile), not a degree"
    )


@pytest.mark.parametrize(
    "specification",
    [
        {"creditPoint": {"framework": {"id": "http://data.europa.eu/snb/education-credit/6fcec5c5af"}, "point": "60"}},
        {"dcType": {"id": "http://data.europa.eu/snb/learning-opportunity/79343569f3"}},  # Educational programme
        {"eqfLevel": {"id": "http://data.europa.eu/snb/eqf/7"}, "isPartialQualification": False},
    ],
)
def test_a_degree_programme_or_a_full_qualification_at_eqf_5_to_8_is_read(specification):
    document = sample()
    document["credentialSubject"]["hasClaim"]["specifiedBy"] = specification
    assert Diploma.from_credential(document, degree="master").degree == "master"


def test_the_title_alone_does_not_make_a_micro_credential_a_degree():
    document = json.loads((ELM / "Sample-MC-Annex1-unsigned.jsonld").read_text(encoding="utf-8"))
    document["credentialSubject"]["hasClaim"]["title"] = {"en": "Master of Science"}
    with pytest.raises(CredentialError, match=r"a micro-credential \(a short learning programme\), not a degree$"):
        Diploma.from_credential(document)


def test_the_elmo_schemas_example_gives_a_polish_master():
    diploma = diploma_from_credential(ELMO.read_bytes())
    assert diploma == Diploma(awarded_by="PL", degree="master", awarded_on=date(2009, 6, 15))
    assert diploma.source == (
        "ELMO document; award date: learningOpportunityInstance/date 2009-06-15; country: the issuer's "
        "(report/issuer/country); signed (XML-DSig): the signature was NOT verified"
    )


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2009-06-15+02:00", date(2009, 6, 15)),  # the day written, whatever the zone
        ("2009-06-15Z", date(2009, 6, 15)),
        ("2009-06-15-14:00", date(2009, 6, 15)),
        ("2009-06-15+14:00", date(2009, 6, 15)),
        ("2009-06-15+13:59", date(2009, 6, 15)),
        ("2009-06-14-05:00", date(2009, 6, 14)),
    ],
)
def test_an_elmo_date_with_a_time_zone_is_the_day_written(written, day):
    text = ELMO.read_text(encoding="utf-8").replace("<date>2009-06-15</date>", f"<date>{written}</date>")
    assert diploma_from_credential(text).awarded_on == day


@pytest.mark.parametrize("written", ["2009-06-15+14:01", "2009-06-15+2", "2009-06-15+02:60", "2009-06-15Z+01:00"])
def test_an_elmo_date_with_a_malformed_time_zone_is_refused(written):
    text = ELMO.read_text(encoding="utf-8").replace("<date>2009-06-15</date>", f"<date>{written}</date>")
    with pytest.raises(CredentialError) as raised:
        diploma_from_credential(text)
    assert str(raised.value) == (
        f"learningOpportunityInstance/date: '{written}': the time zone is not valid; valid: Z, or +hh:mm / -hh:mm "
        "up to 14:00"
    )


def test_only_the_elmo_1_namespace_is_read():
    text = ELMO.read_text(encoding="utf-8")
    draft = text.replace("elmo-schemas/tree/v1", "elmo-schemas/tree/1.0")
    with pytest.raises(CredentialError) as raised:
        diploma_from_credential(draft)
    assert str(raised.value) == (
        "not an ELMO 1.x document: the namespace https://github.com/emrex-eu/elmo-schemas/tree/1.0 is the 2015 "
        "proposal that preceded ELMO 1.0, which this library does not read; valid: "
        "https://github.com/emrex-eu/elmo-schemas/tree/v1"
    )
    with pytest.raises(CredentialError, match=r"^not an ELMO 1.x document: the namespace is '.*tree/v2'; valid: "):
        diploma_from_credential(text.replace("elmo-schemas/tree/v1", "elmo-schemas/tree/v2"))
    with pytest.raises(CredentialError, match=r"^not an ELMO 1.x document: the namespace is 'missing'; valid: "):
        diploma_from_credential("<elmo><report/></elmo>")


def test_a_diploma_source_must_be_text():
    with pytest.raises(InvalidDiplomaError, match=r"^source: 42 is not valid; valid: text or None$"):
        Diploma(awarded_by="NL", degree="wo-master", awarded_on="2022-07-08", source=42)  # type: ignore[arg-type]
