"""The words a diploma is described in: jurisdiction codes, degree names and their aliases."""

from __future__ import annotations

import pytest

from nvao_equivalence import Degree
from nvao_equivalence._vocabulary.degrees import _DEGREE_ALIASES, _PRE_BOLOGNA, canonical_degree, degrees_of
from nvao_equivalence._vocabulary.jurisdictions import CANONICAL_CODES, canonical_jurisdiction

NL_DEGREES = ["associate-degree", "hbo-bachelor", "wo-bachelor", "hbo-master", "wo-master", "doctorate"]
VL_DEGREES = [
    "graduaat",
    "professional-bachelor",
    "academic-bachelor",
    "bachelor-after-bachelor",
    "master",
    "master-after-master",
    "doctorate",
]
CYCLE_DEGREES = ["short-cycle", "bachelor", "master", "doctorate"]

# ---------------------------------------------------------------------------
# Jurisdictions


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # the Netherlands
        ("NL", "NL"),
        ("nl", "NL"),
        ("Nl", "NL"),
        ("NLD", "NL"),
        ("nld", "NL"),
        ("Nederland", "NL"),
        ("NEDERLAND", "NL"),
        ("Netherlands", "NL"),
        ("the Netherlands", "NL"),
        ("The  Netherlands", "NL"),
        ("Koninkrijk der Nederlanden", "NL"),
        # the Flemish Community
        ("VL", "VL"),
        ("vl", "VL"),
        ("Vlaanderen", "VL"),
        ("vlaanderen", "VL"),
        ("Flanders", "VL"),
        ("FLANDERS", "VL"),
        ("BE-VLG", "VL"),
        ("be-vlg", "VL"),
        ("Vlaamse Gemeenschap", "VL"),
        ("vlaamse  gemeenschap", "VL"),
        ("Flemish Community", "VL"),
        ("flemish community", "VL"),
        # the French Community of Belgium
        ("BE-FR", "BE-FR"),
        ("be-fr", "BE-FR"),
        ("Franse Gemeenschap", "BE-FR"),
        ("French Community", "BE-FR"),
        ("Communauté française", "BE-FR"),
        ("Fédération Wallonie-Bruxelles", "BE-FR"),
        # the German-speaking Community of Belgium
        ("BE-DE", "BE-DE"),
        ("be-de", "BE-DE"),
        ("Duitstalige Gemeenschap", "BE-DE"),
        ("German-speaking Community", "BE-DE"),
        ("Deutschsprachige Gemeinschaft", "BE-DE"),
        # any other ISO 3166-1 alpha-2 code
        ("de", "DE"),
        ("DE", "DE"),
        ("De", "DE"),
        ("fr", "FR"),
        ("LU", "LU"),
        ("gb", "GB"),
        ("us", "US"),
    ],
)
def test_jurisdiction_aliases(value, expected):
    assert canonical_jurisdiction(value) == expected


def test_the_codes_taken_as_they_stand_are_their_own_canonical_form():
    # The engine and Diploma skip canonicalising these: that must change nothing.
    assert {code for code in CANONICAL_CODES if canonical_jurisdiction(code) == code} == CANONICAL_CODES
    assert {"NL", "VL", "BE-FR", "BE-DE", "DE"} <= CANONICAL_CODES
    assert "BE" not in CANONICAL_CODES


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  NL  ", "NL"),
        ("\tnederland\n", "NL"),
        (" Vlaanderen ", "VL"),
        ("Vlaamse\tGemeenschap", "VL"),
        ("  BE-VLG", "VL"),
        ("BE-FR  ", "BE-FR"),
        ("  de ", "DE"),
    ],
)
def test_jurisdiction_is_whitespace_insensitive(value, expected):
    assert canonical_jurisdiction(value) == expected


@pytest.mark.parametrize("value", ["BE", "be", "BEL", "Belgium", "belgium", "België", "Belgie", "Belgique", "Belgien"])
def test_belgium_is_ambiguous_and_names_the_three_communities(value):
    with pytest.raises(ValueError, match="ambiguous") as caught:
        canonical_jurisdiction(value)
    message = str(caught.value)
    assert repr(value) in message
    for community in ("VL (Flemish Community)", "BE-FR (French Community)", "BE-DE (German-speaking Community)"):
        assert community in message


@pytest.mark.parametrize("value", ["ZZ", "zz", "XYZ", "DEU", "BE-BRU", "Holland Land", ""])
def test_unknown_jurisdiction_names_what_is_valid(value):
    with pytest.raises(ValueError, match="unknown jurisdiction") as caught:
        canonical_jurisdiction(value)
    message = str(caught.value)
    assert repr(value) in message
    for valid in ("NL", "VL (Flemish Community)", "BE-FR", "BE-DE", "ISO 3166-1 alpha-2"):
        assert valid in message


# ---------------------------------------------------------------------------
# Degrees: the systems


@pytest.mark.parametrize(
    ("jurisdiction", "expected"),
    [
        ("NL", NL_DEGREES),
        ("VL", VL_DEGREES),
        ("DE", CYCLE_DEGREES),
        ("BE-FR", CYCLE_DEGREES),
        ("BE-DE", CYCLE_DEGREES),
        ("LU", CYCLE_DEGREES),
    ],
)
def test_degrees_of_each_system(jurisdiction, expected):
    assert [degree.value for degree in degrees_of(jurisdiction)] == expected


@pytest.mark.parametrize(
    ("jurisdiction", "name"),
    [("NL", name) for name in NL_DEGREES]
    + [("VL", name) for name in VL_DEGREES]
    + [(code, name) for code in ("DE", "BE-FR", "BE-DE") for name in CYCLE_DEGREES],
)
def test_every_canonical_name_of_every_system(jurisdiction, name):
    degree = canonical_degree(name, jurisdiction)
    assert degree is Degree(name)
    assert degree.value == name
    # Case, surrounding space and spaces or underscores for hyphens do not matter.
    assert canonical_degree(f"  {name.upper()} ", jurisdiction) is degree
    assert canonical_degree(name.replace("-", " "), jurisdiction) is degree
    assert canonical_degree(name.replace("-", "_"), jurisdiction) is degree


# ---------------------------------------------------------------------------
# Degrees: aliases


@pytest.mark.parametrize(
    ("value", "jurisdiction", "expected"),
    [
        # NL
        ("ad", "NL", "associate-degree"),
        ("Ad", "NL", "associate-degree"),
        ("AD", "NL", "associate-degree"),
        ("A.D.", "NL", "associate-degree"),
        ("HBO-AD", "NL", "associate-degree"),
        ("associate", "NL", "associate-degree"),
        ("Associate degree", "NL", "associate-degree"),
        ("Ad-programma", "NL", "associate-degree"),
        ("HBO-BA", "NL", "hbo-bachelor"),
        ("hbo ba", "NL", "hbo-bachelor"),
        ("HBO_BA", "NL", "hbo-bachelor"),
        ("Bachelor HBO", "NL", "hbo-bachelor"),
        ("hbo-bacheloropleiding", "NL", "hbo-bachelor"),
        ("WO-BA", "NL", "wo-bachelor"),
        ("bachelor wo", "NL", "wo-bachelor"),
        ("wo-bacheloropleiding", "NL", "wo-bachelor"),
        ("HBO-MA", "NL", "hbo-master"),
        ("master hbo", "NL", "hbo-master"),
        ("hbo-masteropleiding", "NL", "hbo-master"),
        ("WO-MA", "NL", "wo-master"),
        ("Master WO", "NL", "wo-master"),
        ("wo-masteropleiding", "NL", "wo-master"),
        ("PhD", "NL", "doctorate"),
        ("Ph.D.", "NL", "doctorate"),
        ("doctor", "NL", "doctorate"),
        ("Doctoraat", "NL", "doctorate"),
        ("promotie", "NL", "doctorate"),
        # VL
        ("graduaatsopleiding", "VL", "graduaat"),
        ("professionele bachelor", "VL", "professional-bachelor"),
        ("Professionele-Bachelor", "VL", "professional-bachelor"),
        ("professioneel gerichte bachelor", "VL", "professional-bachelor"),
        ("PBA", "VL", "professional-bachelor"),
        ("Academische Bachelor", "VL", "academic-bachelor"),
        ("academisch gerichte bachelor", "VL", "academic-bachelor"),
        ("ABA", "VL", "academic-bachelor"),
        ("banaba", "VL", "bachelor-after-bachelor"),
        ("BaNaBa", "VL", "bachelor-after-bachelor"),
        ("bachelor na bachelor", "VL", "bachelor-after-bachelor"),
        ("bachelor-na-bachelor", "VL", "bachelor-after-bachelor"),
        ("MA", "VL", "master"),
        ("manama", "VL", "master-after-master"),
        ("master na master", "VL", "master-after-master"),
        ("Advanced Master", "VL", "master-after-master"),
        ("PhD", "VL", "doctorate"),
        ("Ph.D.", "VL", "doctorate"),
        ("doctor", "VL", "doctorate"),
        ("doctoraat", "VL", "doctorate"),
        # any other jurisdiction
        ("short cycle qualification", "DE", "short-cycle"),
        ("korte cyclus", "DE", "short-cycle"),
        ("EQF 5", "DE", "short-cycle"),
        ("eqf_5", "FR", "short-cycle"),
        ("BA", "DE", "bachelor"),
        ("B.A.", "BE-FR", "bachelor"),
        ("MA", "DE", "master"),
        ("M.A.", "BE-DE", "master"),
        ("PhD", "DE", "doctorate"),
        ("Ph.D.", "DE", "doctorate"),
        ("doctor", "LU", "doctorate"),
        ("doctoraat", "BE-FR", "doctorate"),
    ],
)
def test_degree_aliases(value, jurisdiction, expected):
    assert canonical_degree(value, jurisdiction) is Degree(expected)


@pytest.mark.parametrize(
    ("jurisdiction", "alias", "expected"),
    [(system, alias, degree) for system, aliases in _DEGREE_ALIASES.items() for alias, degree in aliases.items()],
)
def test_every_listed_alias_resolves_within_its_system(jurisdiction, alias, expected):
    code = "DE" if jurisdiction == "*" else jurisdiction
    assert expected in degrees_of(code) or expected in _PRE_BOLOGNA[code]
    assert canonical_degree(alias, code) is expected
    assert canonical_degree(alias.upper(), code) is expected


# ---------------------------------------------------------------------------
# Degrees: wrong system


@pytest.mark.parametrize(
    ("value", "jurisdiction", "system", "valid"),
    [
        ("hbo-bachelor", "VL", "VL (Flemish Community)", VL_DEGREES),
        ("HBO-BA", "VL", "VL (Flemish Community)", VL_DEGREES),
        ("wo-master", "VL", "VL (Flemish Community)", VL_DEGREES),
        ("associate-degree", "VL", "VL (Flemish Community)", VL_DEGREES),
        ("Ad", "VL", "VL (Flemish Community)", VL_DEGREES),
        ("bachelor", "VL", "VL (Flemish Community)", VL_DEGREES),
        ("graduaat", "NL", "NL (the Netherlands)", NL_DEGREES),
        ("banaba", "NL", "NL (the Netherlands)", NL_DEGREES),
        ("manama", "NL", "NL (the Netherlands)", NL_DEGREES),
        ("academic-bachelor", "NL", "NL (the Netherlands)", NL_DEGREES),
        ("master", "NL", "NL (the Netherlands)", NL_DEGREES),
        ("MA", "NL", "NL (the Netherlands)", NL_DEGREES),
        ("short-cycle", "NL", "NL (the Netherlands)", NL_DEGREES),
        ("wo-bachelor", "DE", "DE", CYCLE_DEGREES),
        ("graduaat", "DE", "DE", CYCLE_DEGREES),
        ("master-after-master", "DE", "DE", CYCLE_DEGREES),
        ("professional-bachelor", "BE-FR", "BE-FR (French Community of Belgium)", CYCLE_DEGREES),
        ("hbo-master", "BE-DE", "BE-DE (German-speaking Community of Belgium)", CYCLE_DEGREES),
        ("licentiaat", "NL", "NL (the Netherlands)", NL_DEGREES),
        ("", "NL", "NL (the Netherlands)", NL_DEGREES),
    ],
)
def test_degree_from_the_wrong_system_names_the_value_and_the_valid_names(value, jurisdiction, system, valid):
    with pytest.raises(ValueError, match="is not a degree of") as caught:
        canonical_degree(value, jurisdiction)
    message = str(caught.value)
    assert repr(value) in message
    assert f"is not a degree of {system};" in message
    assert message.endswith(f"valid: {', '.join(valid)}")


# FACTS §2 [rev]: degrees from before the bachelor-master structure are accepted as input (never "not a degree").


@pytest.mark.parametrize(("value", "jurisdiction", "expected"), [
    ("doctoraal", "NL", Degree.DOCTORAAL), ("drs.", "NL", Degree.DOCTORAAL), ("Ir.", "NL", Degree.DOCTORAAL),
    ("mr.", "NL", Degree.DOCTORAAL), ("kandidaats", "NL", Degree.KANDIDAATS), ("licentiaat", "VL", Degree.LICENTIAAT),
    ("kandidaat", "VL", Degree.KANDIDAAT), ("gegradueerde", "VL", Degree.GEGRADUEERDE),
    ("apotheker", "VL", Degree.APOTHEKER), ("burgerlijk ingenieur", "VL", Degree.INGENIEUR),
])  # fmt: skip
def test_pre_bologna_degree_names_are_accepted_in_their_own_system(value, jurisdiction, expected):
    assert canonical_degree(value, jurisdiction) is expected
    assert expected not in degrees_of(jurisdiction)  # never drawn or listed among the system's current degrees


@pytest.mark.parametrize(("name", "code"), [
    ("Luxemburg", "LU"), ("Luxembourg", "LU"), ("Duitsland", "DE"), ("Germany", "DE"), ("duitsland ", "DE"),
    ("Frankrijk", "FR"), ("Estland", "EE"), ("Letland", "LV"), ("Litouwen", "LT"), ("Verenigd Koninkrijk", "GB"),
])  # fmt: skip
def test_dutch_and_english_country_names_are_accepted(name, code):
    assert canonical_jurisdiction(name) == code
