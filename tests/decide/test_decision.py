"""What a Decision shows: its JSON form and its explanations in English and Dutch."""

from __future__ import annotations

import json
from datetime import date

import pytest

from nvao_equivalence import Diploma, check_equivalence
from nvao_equivalence.exceptions import InvalidInputError


def decision_for(degree="academic-bachelor", *, source="VL", target="NL", on=date(2017, 6, 1), accredited=True):
    diploma = Diploma(awarded_by=source, degree=degree, awarded_on=date(2016, 7, 1), accredited=accredited)
    return check_equivalence(diploma, target=target, on=on)


def test_to_dict_is_plain_json_with_a_format_key():
    data = decision_for().to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["format"] == "nvao-equivalence/decision/1"
    assert data["outcome"] == "equivalent"
    assert data["equivalent_to"] == ["wo-bachelor"]
    assert data["rules"] == ["R2014"]
    assert data["on"] == "2017-06-01"
    assert data["target"] == "NL"
    assert data["diploma"] == {
        "awarded_by": "VL",
        "degree": "academic-bachelor",
        "awarded_on": "2016-07-01",
        "accredited": True,
        "recognised": None,
        "arts": None,
        "accreditations": [],
        "programme": None,
        "institution": None,
    }
    assert data["citations"][0]["publication"] == "Trb. 2013, 35"
    assert data["citations"][0]["text_status"] == "verbatim"
    assert [caveat["id"] for caveat in data["caveats"]] == [
        "additional-requirements",
        "additional-requirements-nl",
        "academic-level-only",
        "not-programme-specific-nl",
        "arts-unstated-vl-academic-bachelor",
    ]
    assert data["caveats"][0]["text"]["nl"].startswith("Eventuele aanvullende toelatingseisen")
    assert data["findings"] == [
        {"rule": "R2014", "status": "granted", "facts": [], "basis": "Art. 11(1)(b) (amended text)"}
    ]
    assert data["citations"][0]["cite"] == {
        "nl": "art. 11, eerste en tweede lid (gewijzigde tekst)",
        "en": "Art. 11(1) and (2) (amended text)",
    }
    assert data["suggested_packs"] == []
    assert data["ruleset"]["version"] == "nvao-treaty 1.1.1"
    assert len(data["ruleset"]["digest"]) == 64


def test_explain_in_english_names_outcome_rule_article_facts_and_caveats():
    text = decision_for().explain()
    lines = text.splitlines()
    assert lines[0] == "Outcome: equivalent"
    assert lines[1] == (
        "Diploma: academic bachelor, awarded by VL (Flemish Community) on 2016-07-01; "
        "accredited (or new programme assessed positively) on the award date: yes; "
        "arts education (kunstonderwijs): not stated (read as not arts education)"
    )
    assert lines[2] == "Assessment: in NL (the Netherlands), on 2017-06-01"
    assert lines[3] == (
        "Comparable degree in NL: wo-bachelor (bachelor (wo, university education)) (Art. 11(1)(b) (amended text))"
    )
    assert lines[4] == (
        "Legal basis: rule R2014, Art. 11(1) and (2) (amended text), NVAO treaty as amended by the Protocol to the "
        "NVAO treaty (Trb. 2013, 35), in force from 2014-04-01"
    )
    assert "Caveats:" in lines
    assert lines[-1].startswith("Rule set: nvao-treaty 1.1.1; sha256 ")


def test_explain_in_dutch():
    lines = decision_for().explain(lang="nl").splitlines()
    assert lines[0] == "Uitkomst: gelijkwaardig"
    # Arts education not stated is never printed as a "no".
    assert lines[1].endswith("kunstonderwijs: niet opgegeven (behandeld als geen kunstonderwijs)")
    assert lines[1].startswith(
        "Diploma: academisch gerichte bachelor, uitgereikt in de Vlaamse Gemeenschap op 1 juli 2016;"
    )
    assert lines[3] == (
        "Overeenkomstige graad in Nederland: wo-bachelor (art. 11, eerste lid, onderdeel b (gewijzigde tekst))"
    )
    assert lines[4] == (
        "Rechtsgrond: regel R2014, art. 11, eerste en tweede lid (gewijzigde tekst), NVAO-verdrag, zoals gewijzigd "
        "bij het Protocol tot wijziging van het NVAO-verdrag (Trb. 2013, 35), van kracht vanaf 1 april 2014"
    )
    assert lines[2] == "Beoordeling: in Nederland, op peildatum 1 juni 2017"
    assert "Voorbehouden:" in lines


def test_an_amended_article_is_cited_as_the_amended_instruments_not_the_protocols():
    # Art. 11 is an article of the treaty, in the text the Protocol gave it; the Protocol has no article 11.
    decision = decision_for()
    english, dutch = decision.explain().splitlines(), decision.explain(lang="nl").splitlines()
    assert english[4] == (
        "Legal basis: rule R2014, Art. 11(1) and (2) (amended text), NVAO treaty as amended by the Protocol to the "
        "NVAO treaty (Trb. 2013, 35), in force from 2014-04-01"
    )
    assert dutch[4] == (
        "Rechtsgrond: regel R2014, art. 11, eerste en tweede lid (gewijzigde tekst), NVAO-verdrag, zoals gewijzigd "
        "bij het Protocol tot wijziging van het NVAO-verdrag (Trb. 2013, 35), van kracht vanaf 1 april 2014"
    )
    assert (
        "Rule: R2014, Art. 11(1) and (2) (amended text), NVAO treaty as amended by the Protocol to the NVAO treaty "
        "(Trb. 2013, 35)."
    ) in decision.summary()
    assert (
        "Regel: R2014, art. 11, eerste en tweede lid (gewijzigde tekst), NVAO-verdrag, zoals gewijzigd bij het "
        "Protocol tot wijziging van het NVAO-verdrag (Trb. 2013, 35)."
    ) in decision.summary(lang="nl")
    # An instrument that amends nothing is cited by its own name.
    awarded = Diploma(awarded_by="VL", degree="master", awarded_on=date(2012, 7, 1), accredited=True)
    original = check_equivalence(awarded, target="NL", on=date(2013, 6, 1)).summary()
    assert "Rule: R2003, Art. 11(1) (original text), NVAO treaty (Trb. 2003, 167)." in original


def test_explain_not_recognised_says_which_condition_failed_and_where_to_go():
    text = decision_for(accredited=False, source="NL", degree="wo-bachelor", target="VL").explain()
    assert "Rule R2014 requires accreditation on the award date, which the diploma does not meet." in text
    assert "Where to go instead: NARIC-Vlaanderen (https://www.naricvlaanderen.be)." in text


def test_explain_undetermined_names_the_missing_fact_and_both_outcomes():
    text = decision_for(accredited=None).explain()
    assert "Rule R2014 requires accreditation on the award date, which is not known." in text
    assert "With accredited = yes the outcome would be: equivalent." in text
    assert "With accredited = no the outcome would be: not-recognised." in text
    nl = decision_for(accredited=None).explain("nl")
    assert (
        "Als de opleiding op de datum van uitreiking niet geaccrediteerd was, zou de uitkomst zijn: niet erkend." in nl
    )
    assert "Als de opleiding op de datum van uitreiking geaccrediteerd was, zou de uitkomst zijn: gelijkwaardig." in nl


def test_explain_not_applicable():
    text = decision_for(source="DE", degree="bachelor").explain()
    assert "No rule in this rule set applies between DE and NL (the Netherlands) (parties: NL, VL)." in text
    same = decision_for(target="VL").explain("nl")
    assert same.splitlines()[0] == "Uitkomst: niet van toepassing"


def test_explain_rejects_an_unknown_language():
    with pytest.raises(InvalidInputError, match=r"lang: 'fr' is not supported; valid: en, nl"):
        decision_for().explain(lang="fr")


def test_decisions_are_deterministic_and_comparable():
    assert decision_for() == decision_for()
    assert decision_for() != decision_for(on=date(2017, 6, 2))
