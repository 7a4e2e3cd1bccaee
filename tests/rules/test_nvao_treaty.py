"""The bundled NVAO treaty rules (rules/nvao-treaty.toml), against the legal specification.

Expected values are written out here, from Article 11 of the treaty (original
text, in force 2005-02-01 to 2014-03-31) and as amended by the Protocol (in
force from 2014-04-01), and the comparable-degree table of Art. 11(1)(a)-(c)
and (2).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

import pytest

from nvao_equivalence import Accreditation, Diploma, Outcome, RuleSet, check_equivalence
from tests.paths import RULES
from tests.rules import boundaries

RULE_FILE = RULES / "nvao-treaty.toml"

EQ = Outcome.EQUIVALENT
ADM = Outcome.ADMISSION_EQUIVALENT
NO = Outcome.NOT_RECOGNISED
UNDET = Outcome.UNDETERMINED
NA = Outcome.NOT_APPLICABLE

IN_R2003 = date(2010, 6, 1)
IN_R2014 = date(2020, 6, 1)


def decide(source, degree, on, *, target=None, awarded_on=date(2004, 7, 1), accredited=True, arts=False):
    # awarded_on 2004-07-01: after the first day on which accreditation could exist (2003), before both rules.
    target = target or {"NL": "VL", "VL": "NL"}[source]
    return boundaries.decide(None, source, degree, target, on, awarded_on=awarded_on, accredited=accredited, arts=arts)


# FACTS §2, the comparable-degree table: (from, degree, arts) -> comparable degrees in the target, in order.
COMPARABLE = [
    ("NL", "hbo-bachelor", False, ("professional-bachelor",)),  # (a)
    ("NL", "hbo-bachelor", True, ("professional-bachelor", "academic-bachelor")),  # (2)
    ("NL", "wo-bachelor", False, ("academic-bachelor",)),  # (b)
    ("NL", "wo-bachelor", True, ("academic-bachelor",)),
    ("NL", "hbo-master", False, ("master",)),  # (c)
    ("NL", "hbo-master", True, ("master",)),
    ("NL", "wo-master", False, ("master",)),
    ("NL", "wo-master", True, ("master",)),
    ("VL", "professional-bachelor", False, ("hbo-bachelor",)),  # (a)
    ("VL", "professional-bachelor", True, ("hbo-bachelor",)),
    ("VL", "bachelor-after-bachelor", False, ("hbo-bachelor",)),
    ("VL", "bachelor-after-bachelor", True, ("hbo-bachelor",)),
    ("VL", "academic-bachelor", False, ("wo-bachelor",)),  # (b)
    ("VL", "academic-bachelor", True, ("wo-bachelor", "hbo-bachelor")),  # (b) and (2)
    ("VL", "master", False, ("hbo-master", "wo-master")),  # (c)
    ("VL", "master", True, ("hbo-master", "wo-master")),
    ("VL", "master-after-master", False, ("hbo-master", "wo-master")),
    ("VL", "master-after-master", True, ("hbo-master", "wo-master")),
]

NOT_COVERED = [
    ("NL", "associate-degree"),
    ("NL", "doctorate"),
    ("VL", "graduaat"),
    ("VL", "doctorate"),
]


@pytest.mark.parametrize(("source", "degree", "arts", "comparable"), COMPARABLE)
def test_r2014_makes_accredited_degrees_equivalent_to_their_comparable_degrees(source, degree, arts, comparable):
    decision = decide(source, degree, IN_R2014, arts=arts)
    assert decision.outcome is EQ
    assert decision.equivalent_to == comparable
    assert decision.rules == ("R2014",)
    assert decision.missing == ()


@pytest.mark.parametrize(("source", "degree", "arts", "comparable"), COMPARABLE)
def test_r2003_makes_the_same_degrees_admission_equivalent(source, degree, arts, comparable):
    decision = decide(source, degree, IN_R2003, arts=arts)
    assert decision.outcome is ADM
    assert decision.equivalent_to == comparable
    assert decision.rules == ("R2003",)
    assert "r2003-comparable-table" in decision.readings


@pytest.mark.parametrize(("on", "outcome", "rules"), [
    (date(2005, 1, 31), NO, ()),
    (date(2005, 2, 1), ADM, ("R2003",)),
    (date(2014, 3, 31), ADM, ("R2003",)),
    (date(2014, 4, 1), EQ, ("R2014",)),
])  # fmt: skip
@pytest.mark.parametrize(("source", "degree"), [("NL", "wo-bachelor"), ("VL", "professional-bachelor")])
def test_boundary_dates(source, degree, on, outcome, rules):
    decision = decide(source, degree, on)
    assert (decision.outcome, decision.rules) == (outcome, rules)


def test_before_the_treaty_nothing_is_in_force():
    decision = decide("VL", "master", date(2005, 1, 31))
    assert decision.reason == "no-rule-in-force"
    assert decision.equivalent_to == ()
    assert decision.citations == ()
    assert "2005-02-01" in decision.explain()
    assert "Nuffic (IDW)" in decision.explain()  # the target side's recognition centre


@pytest.mark.parametrize("on", [date(2005, 1, 31), IN_R2003, IN_R2014])
@pytest.mark.parametrize("accredited", [True, False, None])
@pytest.mark.parametrize(("source", "degree"), NOT_COVERED)
def test_short_cycle_and_doctorates_are_never_recognised(source, degree, accredited, on):
    decision = decide(source, degree, on, accredited=accredited)
    assert decision.outcome is NO
    assert decision.equivalent_to == ()
    assert decision.missing == ()  # unknown accreditation does not matter when the degree is not covered


@pytest.mark.parametrize(
    ("on", "rule", "reading"), [(IN_R2003, "R2003", "r2003-short-cycle"), (IN_R2014, "R2014", "r2014-short-cycle")]
)
@pytest.mark.parametrize(("source", "degree"), [("NL", "associate-degree"), ("VL", "graduaat")])
def test_short_cycle_exclusion_is_stated_as_the_librarys_reading(source, degree, on, rule, reading):
    decision = decide(source, degree, on)
    assert decision.reason == "not-covered"
    assert decision.rules == (rule,)
    assert decision.readings == (reading,)


@pytest.mark.parametrize(("source", "degree"), [("NL", "doctorate"), ("VL", "doctorate")])
def test_doctorate_has_no_reading_it_is_simply_not_covered(source, degree):
    decision = decide(source, degree, IN_R2014)
    assert decision.reason == "not-covered"
    assert decision.readings == ()


@pytest.mark.parametrize("on", [IN_R2003, IN_R2014])
@pytest.mark.parametrize(("source", "degree", "arts", "comparable"), COMPARABLE)
def test_not_accredited_on_the_award_date_is_not_recognised(source, degree, arts, comparable, on):
    decision = decide(source, degree, on, accredited=False, arts=arts)
    assert decision.outcome is NO
    assert decision.reason == "condition-unmet"
    assert decision.equivalent_to == ()
    assert decision.caveats == ()


@pytest.mark.parametrize(("on", "rule"), [(IN_R2003, "R2003"), (IN_R2014, "R2014")])
@pytest.mark.parametrize(("source", "degree", "arts", "comparable"), COMPARABLE)
def test_unknown_accreditation_of_a_covered_degree_is_undetermined(source, degree, arts, comparable, on, rule):
    decision = decide(source, degree, on, accredited=None, arts=arts)
    assert decision.outcome is UNDET
    assert decision.missing == ("accredited",)
    assert decision.rules == (rule,)
    assert decision.equivalent_to == ()


@pytest.mark.parametrize(("source", "target"), [
    ("NL", "NL"), ("VL", "VL"),  # same jurisdiction
    ("DE", "NL"), ("NL", "DE"), ("VL", "FR"),  # another country
    ("BE-FR", "VL"), ("VL", "BE-FR"), ("BE-DE", "NL"), ("NL", "BE-DE"),  # Belgium's other Communities
])  # fmt: skip
def test_not_applicable_outside_the_two_parties(source, target):
    degree = {"NL": "wo-bachelor", "VL": "academic-bachelor"}.get(source, "bachelor")
    decision = decide(source, degree, IN_R2014, target=target)
    assert decision.outcome is NA
    assert decision.reason == ("same-jurisdiction" if source == target else "not-a-party")
    assert decision.rules == ()
    assert decision.equivalent_to == ()


@pytest.mark.parametrize(("awarded_on", "on", "outcome"), [
    (date(1999, 7, 1), date(2005, 2, 1), ADM),  # awarded before the treaty, assessed under R2003
    (date(2012, 7, 1), date(2014, 4, 1), EQ),  # awarded under R2003, assessed under R2014
    (date(1999, 7, 1), date(2020, 1, 1), EQ),
])  # fmt: skip
def test_rules_apply_to_diplomas_awarded_before_they_came_into_force(awarded_on, on, outcome):
    decision = decide("NL", "hbo-bachelor", on, awarded_on=awarded_on)
    assert decision.outcome is outcome
    assert "retroactive" in decision.readings


def test_no_retroactivity_reading_for_a_diploma_awarded_under_the_rule():
    assert "retroactive" not in decide("NL", "hbo-bachelor", IN_R2014, awarded_on=date(2015, 7, 1)).readings


@pytest.mark.parametrize(("awarded_on", "outcome"), [
    (date(2009, 12, 31), NO),  # the day before accreditation began
    (date(2010, 1, 1), EQ),  # valid_from is inclusive
    (date(2015, 12, 31), EQ),  # the last accredited day
    (date(2016, 1, 1), NO),  # valid_until is exclusive: lapsed on the award date
])  # fmt: skip
def test_accreditation_is_judged_on_the_award_date(awarded_on, outcome):
    period = Accreditation(valid_from=date(2010, 1, 1), valid_until=date(2016, 1, 1))
    diploma = Diploma(awarded_by="VL", degree="master", awarded_on=awarded_on, accreditations=(period,))
    # Assessed long after the accreditation lapsed: a later loss does not undo an awarded diploma.
    assert check_equivalence(diploma, target="NL", on=date(2024, 1, 1)).outcome is outcome


def test_caveats_of_r2014_follow_the_target():
    # Assessed in the Netherlands: Dutch law (WHW art. 7.30b(2)) and the admitting institution, never NARIC-Vlaanderen.
    decision = decide("VL", "academic-bachelor", IN_R2014)
    assert decision.caveats == (
        "additional-requirements", "additional-requirements-nl", "academic-level-only", "not-programme-specific-nl",
    )  # fmt: skip
    # Assessed in Flanders: the Codex Hoger Onderwijs and NARIC-Vlaanderen.
    flemish = decide("NL", "wo-bachelor", IN_R2014)
    assert flemish.caveats == (
        "additional-requirements", "additional-requirements-vl", "academic-level-only", "not-programme-specific-vl",
    )  # fmt: skip


def test_caveats_of_r2003_say_admission_only_and_cite_the_original_text():
    decision = decide("VL", "academic-bachelor", IN_R2003)
    assert decision.caveats == (
        "additional-requirements-original", "additional-requirements-nl", "admission-only",
        "not-professional-recognition", "not-programme-specific-nl",
    )  # fmt: skip
    assert "(Art. 11(2) (original text))" in decision.explain("en")
    assert "(art. 11, tweede lid (oorspronkelijke tekst))" in decision.explain("nl")


def test_equivalence_to_a_flemish_professional_bachelor_carries_its_limit_on_master_access():
    decision = decide("NL", "hbo-bachelor", IN_R2014)
    assert decision.caveats[-1] == "no-direct-academic-master"
    # An arts hbo-bachelor is also equivalent to an academic bachelor (Art. 11(2)): the limit does not bind it.
    arts = decide("NL", "hbo-bachelor", IN_R2014, arts=True)
    assert arts.equivalent_to == ("professional-bachelor", "academic-bachelor")
    assert "no-direct-academic-master" not in arts.caveats
    assert "no-direct-academic-master" not in decide("NL", "wo-bachelor", IN_R2014).caveats


@pytest.mark.parametrize(("source", "degree", "on", "readings"), [
    ("NL", "wo-master", IN_R2003, ("r2003-covers-masters", "r2003-comparable-table", "accredited-on-award-date")),
    ("VL", "master-after-master", IN_R2003,
     ("r2003-covers-masters", "r2003-comparable-table", "accredited-on-award-date", "manama-is-master")),
    ("VL", "master-after-master", IN_R2014, ("accredited-on-award-date", "manama-is-master", "retroactive")),
    ("NL", "wo-bachelor", IN_R2003, ("r2003-comparable-table", "accredited-on-award-date")),
])  # fmt: skip
def test_the_librarys_readings_are_named_where_they_decide(source, degree, on, readings):
    decision = decide(source, degree, on, awarded_on=date(2005, 7, 1))
    assert decision.readings == readings
    for reading in readings:
        assert f"[{reading}]" in decision.explain()


def test_citations():
    (r2003,) = decide("NL", "wo-bachelor", IN_R2003).citations
    (r2014,) = decide("NL", "wo-bachelor", IN_R2014).citations
    assert (r2003.instrument, r2003.article, r2003.publication) == (
        "nvao-treaty-2003", "Art. 11(1) (original text)", "Trb. 2003, 167",
    )  # fmt: skip
    assert (r2003.cited("nl"), r2003.cited("en")) == (
        "art. 11, eerste lid (oorspronkelijke tekst)", "Art. 11(1) (original text)",
    )  # fmt: skip
    assert (r2014.instrument, r2014.publication) == ("nvao-protocol-2013", "Trb. 2013, 35")
    assert (r2014.cited("nl"), r2014.cited("en")) == (
        "art. 11, eerste en tweede lid (gewijzigde tekst)", "Art. 11(1) and (2) (amended text)",
    )  # fmt: skip
    assert r2003.text_status == r2014.text_status == "verbatim"
    assert r2003.url == "https://wetten.overheid.nl/BWBV0001698"


# FACTS §2 [rev]: citations per text version, in the reader's language. R2003 cites the original first paragraph
# and names the reading that applies the amended table; it never cites Art. 11(1)(a) or 11(2) as its own basis.


@pytest.mark.parametrize(("on", "lang", "basis"), [
    (date(2014, 3, 31), "nl",
     "art. 11, eerste lid (oorspronkelijke tekst), in samenhang met art. 11, eerste lid, onderdeel b (gewijzigde "
     "tekst); lezing r2003-comparable-table"),
    (date(2014, 3, 31), "en",
     "Art. 11(1) (original text), read with Art. 11(1)(b) (amended text) (reading r2003-comparable-table)"),
    (date(2014, 4, 1), "nl", "art. 11, eerste lid, onderdeel b (gewijzigde tekst)"),
    (date(2014, 4, 1), "en", "Art. 11(1)(b) (amended text)"),
])  # fmt: skip
def test_the_comparable_degree_cites_its_text_version_in_the_readers_language(on, lang, basis):
    decision = decide("NL", "wo-bachelor", on)
    label = {"nl": "Overeenkomstige graad in de Vlaamse Gemeenschap", "en": "Comparable degree in VL"}[lang]
    line = next(line for line in decision.explain(lang).splitlines() if line.startswith(label))
    assert line.endswith(f"({basis})")
    assert (on < date(2014, 4, 1)) == ("r2003-comparable-table" in decision.readings)


def _citations_name_their_text_version(text: str, lang: str) -> None:
    """Every citation of Art. 11 names its text version; a lettered item is always the amended text's."""
    if lang == "en":
        for match in re.finditer(r"Art\. 11\(\d\)", text):
            window = text[match.start() : match.start() + 50]
            assert "(original text)" in window or "(amended text)" in window, window
        for match in re.finditer(r"Art\. 11\(1\)\([a-d]\)", text):
            assert "(amended text)" in text[match.start() : match.start() + 50], text[match.start() :][:60]
    else:
        for match in re.finditer(r"art\. 11, ", text):
            window = text[match.start() : match.start() + 90]
            assert "(oorspronkelijke tekst)" in window or "(gewijzigde tekst)" in window, window
        for match in re.finditer(r"(?<=art\. 11, eerste lid, )onderde(el|len) ", text):
            assert "(gewijzigde tekst)" in text[match.start() : match.start() + 60], text[match.start() :][:60]


@pytest.mark.parametrize("on", [date(2005, 2, 1), date(2014, 3, 31), date(2014, 4, 1)])
@pytest.mark.parametrize(("source", "degree", "arts"), [
    ("NL", "hbo-bachelor", False), ("NL", "hbo-bachelor", True), ("NL", "wo-bachelor", None),
    ("VL", "academic-bachelor", True), ("VL", "master", None), ("VL", "professional-bachelor", False),
])  # fmt: skip
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_citation_names_its_text_version(on, source, degree, arts, lang):
    decision = decide(source, degree, on, arts=arts)
    text = decision.explain(lang) + "\n" + decision.summary(lang)
    _citations_name_their_text_version(text, lang)
    own = {
        ("en", "R2003"): "Art. 11(1) (original text)",
        ("nl", "R2003"): "art. 11, eerste lid (oorspronkelijke tekst)",
        ("en", "R2014"): "Art. 11(1) and (2) (amended text)",
        ("nl", "R2014"): "art. 11, eerste en tweede lid (gewijzigde tekst)",
    }[lang, decision.rules[0]]
    assert own in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_r2003_reads_the_amended_table_and_says_so(lang):
    # The day before the Protocol: the comparable degree rests on the reading, which the basis and readings name.
    decision = decide("VL", "academic-bachelor", date(2014, 3, 31), arts=True)
    assert decision.rules == ("R2003",)
    assert decision.readings[:2] == ("r2003-comparable-table", "accredited-on-award-date")
    assert "vl-arts-bachelor" in decision.readings
    basis = {
        "en": "(Art. 11(1) (original text), read with Art. 11(1)(b) and (2) (amended text), as read by the library "
        "(reading vl-arts-bachelor) (reading r2003-comparable-table))",
        "nl": "(art. 11, eerste lid (oorspronkelijke tekst), in samenhang met art. 11, eerste lid, onderdeel b, en "
        "tweede lid (gewijzigde tekst); lezingen r2003-comparable-table en vl-arts-bachelor)",
    }[lang]
    assert basis in decision.explain(lang)


def test_a_dutch_explanation_has_no_english_labels():
    text = decide("NL", "hbo-bachelor", IN_R2014).explain("nl")
    for english in ("as amended", "verbatim", "paraphrase", "original text", "amended text"):
        assert english not in text
    assert "Artikeltekst in de regelgegevens: letterlijk;" in text


def test_rule_objects_carry_their_in_force_periods_and_coverage():
    r2003, r2014 = RuleSet.load().rules
    assert (r2003.id, r2003.in_force.valid_from, r2003.in_force.valid_until) == (
        "R2003",
        date(2005, 2, 1),
        date(2014, 4, 1),
    )
    assert (r2014.id, r2014.in_force.valid_from, r2014.in_force.valid_until) == ("R2014", date(2014, 4, 1), None)
    assert r2003.effect == "admission-equivalent"
    assert r2014.effect == "equivalent"
    assert r2003.requires == r2014.requires == ("accredited",)
    assert r2003.covers == r2014.covers
    assert {degree.value for party, degree in r2014.covers if party == "NL"} == {
        "hbo-bachelor", "wo-bachelor", "hbo-master", "wo-master"
    }  # fmt: skip


def test_article_texts_are_the_verbatim_treaty_texts():
    r2003, r2014 = RuleSet.load().rules
    assert r2003.text.body.startswith("1. Afgestudeerden van een door de Accreditatieorganisatie geaccrediteerde")
    assert "recht geeft op doorstroming naar een andere opleiding" in r2003.text.body
    assert r2003.text.body.endswith("met positief gevolg de toets nieuwe opleiding hebben ondergaan.")
    assert "d. De gelijkstelling de gelijkwaardigheid betreft van het academisch niveau" in r2014.text.body
    assert "2. In afwijking van het eerste lid, onderdeel a, wordt het Nederlandse kunstonderwijs" in r2014.text.body
    assert r2014.text.body.endswith("in Vlaanderen respectievelijk in Nederland.")


def test_version_and_digest_identify_the_rule_file():
    content = RULE_FILE.read_bytes()
    expected = hashlib.sha256(b"nvao-treaty.toml\0" + content + b"\0").hexdigest()
    decision = decide("NL", "wo-bachelor", IN_R2014)
    assert (decision.version, decision.digest) == ("nvao-treaty 1.1.1", expected)


# FACTS §2 [rev]: the arts rule's limit, and arts education not stated.


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The comparability to an academic bachelor holds within arts education"),
    ("nl", "De vergelijkbaarheid met een academisch gerichte bachelor geldt alleen binnen het kunstonderwijs"),
])  # fmt: skip
def test_an_arts_hbo_bachelor_is_comparable_to_an_academic_bachelor_within_arts_education(lang, text):
    decision = decide("NL", "hbo-bachelor", date(2014, 4, 1), arts=True)
    assert decision.equivalent_to == ("professional-bachelor", "academic-bachelor")
    assert "arts-within-arts-education-vl" in decision.caveats
    assert text in decision.explain(lang)
    assert "arts-within-arts-education-vl" not in decide("NL", "hbo-bachelor", date(2014, 4, 1)).caveats


@pytest.mark.parametrize("on", [date(2014, 3, 31), date(2014, 4, 1)])
def test_the_flemish_arts_bachelor_row_is_a_named_reading(on):
    decision = decide("VL", "academic-bachelor", on, arts=True)
    assert decision.equivalent_to == ("wo-bachelor", "hbo-bachelor")
    assert "vl-arts-bachelor" in decision.readings
    assert "arts-within-arts-education-nl" in decision.caveats
    assert "[vl-arts-bachelor]" in decision.explain("nl")
    assert "vl-arts-bachelor" not in decide("VL", "academic-bachelor", on, arts=False).readings


@pytest.mark.parametrize(("source", "degree", "caveat", "widened"), [
    ("NL", "hbo-bachelor", "arts-unstated-nl-hbo-bachelor", "also comparable to an academic bachelor in arts"),
    ("VL", "academic-bachelor", "arts-unstated-vl-academic-bachelor", "also comparable to an hbo-bachelor"),
])  # fmt: skip
def test_arts_not_stated_reads_as_not_arts_with_a_caveat_where_arts_would_widen_the_set(
    source, degree, caveat, widened
):
    unstated = decide(source, degree, IN_R2014, arts=None)
    stated_no = decide(source, degree, IN_R2014, arts=False)
    assert unstated.equivalent_to == stated_no.equivalent_to
    assert caveat in unstated.caveats
    assert caveat not in stated_no.caveats
    assert widened in unstated.explain("en")
    # The caveat about what arts education would add names the reading it rests on, where there is one.
    assert ("vl-arts-bachelor" in unstated.readings) == (source == "VL")
    assert "kunstonderwijs: niet opgegeven (behandeld als geen kunstonderwijs)" in unstated.explain("nl")
    assert "kunstonderwijs: nee" not in unstated.explain("nl")
    assert not re.search(r"\(kunstonderwijs\): no\b", unstated.explain("en"))
    assert "kunstonderwijs: nee" in stated_no.explain("nl")


def test_arts_not_stated_adds_no_caveat_where_arts_changes_nothing():
    decision = decide("NL", "wo-master", IN_R2014, arts=None)
    assert not [caveat for caveat in decision.caveats if caveat.startswith("arts-")]


# FACTS §2 [rev]: referrals and caveats follow the target.


def test_master_access_in_the_netherlands_cites_whw_7_30b_first_paragraph():
    decision = decide("VL", "professional-bachelor", IN_R2014)
    assert decision.equivalent_to == ("hbo-bachelor",)
    assert "master-access-nl" in decision.caveats
    assert "no-direct-academic-master" not in decision.caveats  # a Flemish rule, not the Dutch one
    assert "(WHW art. 7.30b(1))" in decision.explain("en")
    assert "(art. 7.30b, eerste lid, WHW)" in decision.explain("nl")
    assert "NARIC-Vlaanderen" not in decision.explain("en")


def test_a_flemish_bridge_is_sometimes_possible_never_required():
    decision = decide("NL", "hbo-bachelor", IN_R2014)
    assert "no-direct-academic-master" in decision.caveats
    assert "master-access-nl" not in decision.caveats
    assert "access is sometimes possible through a bridging programme (schakelprogramma)" in decision.explain("en")
    assert "soms is toegang mogelijk via een schakelprogramma" in decision.explain("nl")


@pytest.mark.parametrize(("source", "target", "body", "text_nl"), [
    ("VL", "NL", "Nuffic (IDW)", "In Nederland beslist de toelatende instelling over de toelating"),
    ("NL", "VL", "NARIC-Vlaanderen", "Dien bij NARIC-Vlaanderen een aanvraag in tot erkenning"),
])  # fmt: skip
def test_the_referral_follows_the_target(source, target, body, text_nl):
    degree = {"NL": "associate-degree", "VL": "graduaat"}[source]
    decision = decide(source, degree, IN_R2014)
    assert decision.outcome is NO
    assert f"Where to go instead: {body}" in decision.explain("en")
    assert text_nl in decision.explain("nl")


@pytest.mark.parametrize(("source", "target", "packs", "body"), [
    ("BE-FR", "NL", ("benelux",), "Nuffic (IDW)"), ("LU", "VL", ("benelux",), "NARIC-Vlaanderen"),
    ("DE", "NL", (), "Nuffic (IDW)"),
])  # fmt: skip
def test_not_applicable_says_what_to_do_next(source, target, packs, body):
    degree = "master"
    diploma = Diploma(awarded_by=source, degree=degree, awarded_on=date(2016, 7, 1), recognised=True)
    decision = check_equivalence(diploma, target=target, on=IN_R2014)
    assert (decision.outcome, decision.suggested_packs) == (NA, packs)
    text = decision.explain("en")
    assert f"Where to go instead: {body}" in text
    assert ("RuleSet.load('nvao', 'benelux')" in text) == bool(packs)
    assert ("--rules nvao --rules benelux" in decision.explain("nl")) == bool(packs)
    if packs:
        # And the pack named does decide it.
        rules = RuleSet.load("nvao", *packs)
        assert check_equivalence(diploma, target=target, on=IN_R2014, rules=rules).outcome is Outcome.LEVEL_EQUIVALENT


# FACTS §2 [rev]: degrees that did not exist, accreditation that could not exist.


@pytest.mark.parametrize(("source", "degree", "awarded_on"), [
    ("VL", "licentiaat", date(1998, 7, 1)), ("NL", "doctoraal", date(1995, 8, 31)),
    ("NL", "drs.", date(2001, 6, 30)), ("VL", "gegradueerde", date(2000, 6, 30)),
    ("VL", "apotheker", date(1990, 7, 1)), ("NL", "kandidaats", date(1994, 9, 1)),
])  # fmt: skip
@pytest.mark.parametrize("accredited", [True, None])
def test_a_pre_bologna_degree_is_not_covered_and_referred(source, degree, awarded_on, accredited):
    decision = decide(source, degree, IN_R2014, awarded_on=awarded_on, accredited=accredited)
    assert (decision.outcome, decision.reason) == (NO, "not-covered")
    assert decision.readings == ("pre-bologna-degrees",)
    assert "Where to go instead:" in decision.explain("en")
    assert "Verwijzing:" in decision.explain("nl")


@pytest.mark.parametrize(("source", "degree", "before", "first"), [
    ("NL", "wo-bachelor", date(2002, 12, 31), date(2003, 1, 1)),
    ("VL", "master", date(2003, 4, 3), date(2003, 4, 4)),
])  # fmt: skip
def test_accreditation_stated_before_it_could_exist_is_decided_as_stated_with_a_caveat(source, degree, before, first):
    early = decide(source, degree, IN_R2014, awarded_on=before)
    assert early.outcome is EQ  # decided as stated
    reading = f"accreditation-before-{source.lower()}-system"
    assert reading in early.readings
    assert "check-accreditation-input" in early.caveats
    assert "but check it" in early.explain("en")
    assert "controleer dat gegeven" in early.explain("nl")
    on_time = decide(source, degree, IN_R2014, awarded_on=first)
    assert reading not in on_time.readings
    assert "check-accreditation-input" not in on_time.caveats
    # Not stated accredited: nothing to check.
    assert reading not in decide(source, degree, IN_R2014, awarded_on=before, accredited=None).readings


@pytest.mark.parametrize(("lang", "next_step"), [
    ("en", "No recognition is needed: admission follows that system's own law."),
    ("nl", "Erkenning is niet nodig: de toelating volgt het eigen recht van dat stelsel."),
])  # fmt: skip
def test_a_diploma_at_home_says_what_follows(lang, next_step):
    decision = decide("NL", "wo-bachelor", IN_R2014, target="NL")
    assert (decision.outcome, decision.reason, decision.suggested_packs) == (NA, "same-jurisdiction", ())
    assert next_step in decision.explain(lang)
