"""The documentation describes every instrument the rules cite and every reading the library makes."""

from __future__ import annotations

import re
import sys

import pytest

from nvao_equivalence import RuleSet
from tests.paths import DOCS

# The docs' own generator is no package module: the test finds it where Sphinx does (docs/conf.py sets the same).
sys.path.insert(0, str(DOCS / "_ext"))
import nvao_docs

PAGES = {"en": DOCS / "legal-background.md", "nl": DOCS / "juridische-achtergrond.md"}
PREFIX = {"en": "", "nl": "nl-"}
ALL_RULES = RuleSet.load("all")

# The project decisions ([P]) of the legal specification, and where each is stated: a reading id in the rule data
# (listed on the page through the generated readings table) or a labelled paragraph of the page itself.
PROJECT_DECISIONS = {
    "R2003 covers bachelors and masters, not the associate degree": ("r2003-covers-masters", "r2003-short-cycle"),
    "R2003 uses the amended text's comparable-degree table": ("r2003-comparable-table",),
    "R2014 does not cover associate degree and graduaat": ("r2014-short-cycle",),
    "both rules apply to diplomas awarded before they came into force": ("retroactive",),
    "accreditation is judged on the award date": ("accredited-on-award-date",),
    "a master-na-master is a Flemish master": ("manama-is-master",),
    "not applicable: same jurisdiction or not a party": ("(reading-not-applicable)=",),
    "undetermined only when the missing fact matters": ("(reading-undetermined)=",),
    "the strongest effect wins": ("(reading-strongest-effect)=",),
}


def page(lang: str) -> str:
    """The page's own text with its generated tables included."""
    text = PAGES[lang].read_text(encoding="utf-8")
    generated = {
        f"_generated/instruments.{lang}.md": nvao_docs.instruments(ALL_RULES, lang),
        f"_generated/readings.{lang}.md": nvao_docs.readings(ALL_RULES, lang),
        f"_generated/rules.{lang}.md": nvao_docs.rule_table(ALL_RULES, lang),
    }
    for name, content in generated.items():
        assert f"```{{include}} {name}\n```" in text, name
        text += content
    return text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_instrument_a_rule_file_cites_is_described(lang):
    text = PAGES[lang].read_text(encoding="utf-8")
    cited = {rule.instrument.id for rule in ALL_RULES.rules} | {item.id for item in ALL_RULES.instruments}
    described = set(re.findall(rf"^\({PREFIX[lang]}instrument-([a-z0-9-]+)\)=$", text, flags=re.MULTILINE))
    assert cited <= described, f"not described on the {lang} legal background page: {sorted(cited - described)}"


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("decision", "markers"), PROJECT_DECISIONS.items())
def test_every_project_decision_is_on_the_legal_background_page(lang, decision, markers):
    text = page(lang)
    for marker in markers:
        marker = marker.replace("(reading-", f"({PREFIX[lang]}reading-")
        assert marker in text, f"{decision!r}: {marker!r} missing from the {lang} page"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_reading_in_the_rule_data_is_listed_with_its_text(lang):
    table = nvao_docs.readings(ALL_RULES, lang)
    for reading in ALL_RULES.readings:
        assert f"`{reading.id}`" in table
        assert reading.text.in_(lang)[:60] in table


def test_the_comparable_table_is_generated_from_the_rules():
    table = nvao_docs.comparable_table(ALL_RULES, "en")
    assert (
        "| NL | hbo-bachelor (bachelor (hbo, higher professional education)) | yes | VL professional-bachelor, "
        in table
    )
    assert (
        "| VL | master (master), master-after-master (master-after-master (manama)) | either | NL hbo-master, " in table
    )
    assert table.count("\n") == 2 + 8  # header, rule, and the eight rows of Art. 11(1)(a)-(c) and (2)


def test_the_timeline_figure_has_a_row_per_degree_and_direction():
    svg = nvao_docs.timeline_svg(RuleSet.load())
    assert svg.count('text-anchor="end"') == 13  # six Dutch and seven Flemish degrees
    # Three periods a row (before the treaty, under R2003, under R2014), six legend swatches, and the hatch of
    # "undetermined" (a pattern, so that it does not depend on hue).
    assert svg.count("<rect") == 13 * 3 + 6 + 1
    assert 'fill="#009E73"' in svg  # the Okabe-Ito palette, told apart with colour-vision deficiencies
    assert ">2005-02-01</text>" in svg
    assert ">2014-04-01</text>" in svg
    assert ">2015-05-18</text>" not in svg


def test_the_figure_with_every_pack_shows_the_other_instruments():
    svg = nvao_docs.timeline_svg(ALL_RULES, nvao_docs.OTHER_DIRECTIONS)
    assert svg.count('text-anchor="end"') == 13 + 3 * 4  # and the four cycles of LU, BE-FR and EE
    for day in ("2010-10-22", "2015-05-18", "2018-01-25", "2024-05-01"):
        assert f">{day}</text>" in svg
    assert "<title>level-equivalent from 2024-05-01</title>" in svg


def test_the_schema_reference_lists_every_key_the_loader_accepts():
    from nvao_equivalence._rulebook.schema import SCHEMA

    reference = nvao_docs.schema()
    for table, entries in SCHEMA.items():
        assert f"### `{table}`" in reference
        for key in entries:
            assert f"| `{key}` |" in reference


def test_the_readme_links_the_docs_and_says_how_to_build_them():
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    assert "sphinx-build -W -b html docs docs/_build/html" in readme
    assert "docs/_build/html/index.html" in readme
