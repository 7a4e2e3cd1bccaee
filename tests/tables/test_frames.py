"""check_frame agrees row for row with check_equivalence, on every frame library narwhals supports here."""

from __future__ import annotations

import math
import subprocess
import sys
import warnings
from datetime import date, datetime

import pytest

from nvao_equivalence import Diploma, RuleSet, check_equivalence
from nvao_equivalence._language.message import Message, field, say
from nvao_equivalence._tables.cells import EMPTY
from nvao_equivalence._vocabulary.flags import parse_flag
from nvao_equivalence.exceptions import EquivalenceError, InvalidAssessmentError, InvalidInputError
from nvao_equivalence.frames import check_frame

nw = pytest.importorskip("narwhals")
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")
dd = pytest.importorskip("dask.dataframe")

ALL = RuleSet.load("all")
OUTPUTS = ("outcome", "equivalent_to", "rules", "equivalent_level", "missing", "error")

# (awarded_by, degree, awarded_on, accredited, arts, recognised, target, on): every outcome of both packs, the
# boundary days, aliases and spellings, and rows that cannot be decided, one problem each.
GRID = [
    ("NL", "wo-bachelor", "2004-07-01", "yes", "", "", "VL", "2005-01-31"),  # no rule in force yet
    ("NL", "wo-bachelor", "1-7-2004", "ja", "", "", "VL", "2005-02-01"),  # R2003: admission-equivalent
    ("Nederland", "WO-BA", "01-07-2004", "true", "", "", "Vlaanderen", "2014-03-31"),
    ("NL", "wo-bachelor", "2004-07-01", "1", "", "", "VL", "2014-04-01"),  # R2014: equivalent
    ("NL", "hbo-bachelor", "30 juni 2012", "yes", "yes", "", "VL", "2016-01-01"),  # arts: two comparable degrees
    ("VL", "banaba", "2016-07-01", "yes", "no", "", "NL", "2017-06-01"),
    ("VL", "master", "2016-07-01", "no", "", "", "NL", "2017-06-01"),  # condition unmet: not recognised
    ("VL", "master", "2016-07-01", "", "", "", "NL", "2017-06-01"),  # undetermined
    ("VL", "master", "2016-07-01", "unknown", "", "", "NL", "2017-06-01"),
    ("VL", "graduaat", "2020-07-01", "yes", "", "", "NL", "2021-01-01"),  # not covered
    ("NL", "doctorate", "2016-07-01", "yes", "", "yes", "VL", "2017-01-01"),
    ("NL", "wo-master", "2016-07-01", "yes", "", "", "NL", "2017-01-01"),  # same jurisdiction
    ("DE", "master", "2016-07-01", "yes", "", "", "NL", "2017-01-01"),  # not a party
    ("LU", "bachelor", "2016-07-01", "", "", "yes", "NL", "2017-01-01"),  # level-equivalent with the Benelux pack
    ("BE-FR", "master", "2016-07-01", "", "", "", "VL", "2017-01-01"),
    ("EE", "master", "2023-07-01", "", "", "yes", "NL", "2024-04-30"),
    ("EE", "master", "2023-07-01", "", "", "yes", "NL", "2024-05-01"),
    ("NL", "wo-bachelor", "2016-07-01", "yes", "", "", "VL", ""),  # the frame-wide assessment date
    ("NL", "wo-bachelor", "2016-07-01", "yes", "", "", "", "2017-01-01"),  # the frame-wide target
    # One problem each:
    ("NL", "bachelor", "2016-07-01", "yes", "", "", "VL", "2017-01-01"),  # not a degree of NL
    ("Atlantis", "master", "2016-07-01", "yes", "", "", "VL", "2017-01-01"),
    ("", "master", "2016-07-01", "yes", "", "", "NL", "2017-01-01"),
    ("VL", "master", "2016-07-01", "maybe", "", "", "NL", "2017-01-01"),
    ("VL", "master", "2016-07-01", "yes", "perhaps", "", "NL", "2017-01-01"),
    ("VL", "master", "32-13-2016", "yes", "", "", "NL", "2017-01-01"),
    ("VL", "master", "", "yes", "", "", "NL", "2017-01-01"),
    ("VL", "master", "2016-07-01", "yes", "", "", "Atlantis", "2017-01-01"),
    ("VL", "master", "2016-07-01", "yes", "", "", "NL", "not a date"),
    ("VL", "master", "2016-07-01", "yes", "", "", "NL", "2015-01-01"),  # assessed before the award
    ("VL", "master", "2016-07-01", "yes", "", "", "NL", "2016-06-30"),  # the day before the award, same period
]
COLUMNS = ("awarded_by", "degree", "awarded_on", "accredited", "arts", "recognised", "target", "on")
ON, TARGET = date(2018, 1, 1), "NL"


def expected(row, rules, lang="nl"):
    """What check_equivalence says of the row (a dict of outputs), or the message of its refusal."""
    cells = dict(zip(COLUMNS, row, strict=True))
    try:
        for name in ("awarded_by", "degree", "awarded_on"):
            if not cells[name]:
                raise InvalidInputError(Message(EMPTY, name=field(name)))
        accredited = parse_flag(cells["accredited"], field="accredited")
        arts = parse_flag(cells["arts"], field="arts")
        recognised = parse_flag(cells["recognised"], field="recognised")
        diploma = Diploma(
            awarded_by=cells["awarded_by"], degree=cells["degree"], awarded_on=cells["awarded_on"],
            accredited=accredited, arts=arts, recognised=recognised,
        )  # fmt: skip
        decision = check_equivalence(diploma, target=cells["target"] or TARGET, on=cells["on"] or ON, rules=rules)
    except (EquivalenceError, ValueError) as error:
        return {**dict.fromkeys(OUTPUTS), "error": say(error, lang)}
    return {
        "outcome": decision.outcome.value,
        "equivalent_to": "|".join(decision.equivalent_to),
        "rules": "|".join(decision.rules),
        "equivalent_level": decision.equivalent_level,
        "missing": "|".join(decision.missing),
        "error": None,
        "explanation": decision.summary(lang),
    }


def text_frame_data():
    return {name: [row[index] for row in GRID] for index, name in enumerate(COLUMNS)}


BACKENDS = {
    "pandas": lambda data: pd.DataFrame(data),
    "polars": lambda data: pl.DataFrame(data),
    "polars-lazy": lambda data: pl.DataFrame(data).lazy(),
    "pyarrow": lambda data: pa.table(data),
    "duckdb": lambda data: duckdb.from_arrow(pa.table(data)),
    "dask": lambda data: dd.from_pandas(pd.DataFrame(data), npartitions=3),
}


def rows_of(result):
    frame = nw.from_native(result)
    if isinstance(frame, nw.LazyFrame):
        frame = frame.collect()
    return [dict(zip(frame.columns, row, strict=True)) for row in frame.rows()]


def plain(value):
    """A cell as Python sees it: every library's null (None, NaN, pandas' NA) as None, a float level as int."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float):
        return int(value)
    return value.item() if hasattr(value, "item") else value


@pytest.fixture(autouse=True)
def _quiet_dask():
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Dask support is moving out of Narwhals", FutureWarning)
        yield


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("pack", "lang"), [("nvao", "nl"), ("all", "nl"), ("all", None)])
def test_every_row_agrees_with_check_equivalence(backend, pack, lang):
    # With a language, the explanation column and the errors are in it; without, no explanation, errors in English.
    rules = RuleSet.load(pack)
    result = check_frame(BACKENDS[backend](text_frame_data()), on=ON, target=TARGET, rules=rules, lang=lang)
    assert type(result) is type(BACKENDS[backend](text_frame_data()))
    rows = rows_of(result)
    assert len(rows) == len(GRID)
    shown = (*OUTPUTS, "explanation") if lang else OUTPUTS
    for row, got in zip(GRID, rows, strict=True):
        want = expected(row, rules, lang or "en")
        assert [got[name] for name in COLUMNS] == list(row)  # every input column, in its place, unchanged
        assert ("explanation" in got) is (lang is not None)
        answer = {name: plain(got[name]) for name in shown}
        if want["error"] is None:
            assert answer == {name: want[name] for name in shown}, row
        else:
            assert answer == {**dict.fromkeys(shown), "error": want["error"]}, row


def test_the_grid_holds_every_outcome_and_refusals():
    outcomes = {expected(row, ALL)["outcome"] for row in GRID}
    assert outcomes == {
        "equivalent", "level-equivalent", "admission-equivalent", "not-recognised", "undetermined", "not-applicable",
        None,
    }  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "polars", "pyarrow", "duckdb"])
def test_date_and_boolean_columns_read_as_their_text(backend):
    rows = [row for row in GRID[:19] if row[2] and row[2][4] == "-"]  # ISO award dates only
    data = {name: [row[index] for row in rows] for index, name in enumerate(COLUMNS)}
    data["awarded_on"] = [date.fromisoformat(text) for text in data["awarded_on"]]
    data["on"] = [datetime.fromisoformat(text) if text else None for text in data["on"]]
    data["accredited"] = [parse_flag(text, field="accredited") for text in data["accredited"]]
    got = rows_of(check_frame(BACKENDS[backend](data), on=ON, target=TARGET, rules=ALL))
    for row, answer in zip(rows, got, strict=True):
        want = expected(row, ALL, "en")
        assert {name: plain(answer[name]) for name in OUTPUTS} == {name: want[name] for name in OUTPUTS}, row


def test_a_lazy_frame_stays_lazy_and_a_frame_without_rows_is_empty():
    lazy = check_frame(pl.DataFrame(text_frame_data()).lazy(), on=ON, target=TARGET)
    assert isinstance(lazy, pl.LazyFrame)
    empty = check_frame(pl.DataFrame({name: [] for name in COLUMNS}, schema=dict.fromkeys(COLUMNS, pl.String)), on=ON)
    assert empty.columns == [*COLUMNS, "outcome", "equivalent_to", "rules", "equivalent_level", "missing", "error"]
    assert empty.height == 0


def test_the_frame_wide_values_are_needed_only_where_the_frame_has_no_column():
    frame = pl.DataFrame({name: ["NL", "wo-bachelor", "2016-07-01", "yes"][index:index + 1]
                          for index, name in enumerate(COLUMNS[:4])})  # fmt: skip
    with pytest.raises(InvalidInputError, match=r"^on: the frame has no 'on' column; give on= \(a date\)"):
        check_frame(frame, target="VL")
    with pytest.raises(InvalidInputError, match=r"^target: the frame has no 'target' column; give target="):
        check_frame(frame, on=ON)
    no_default = frame.with_columns(on=pl.lit(""))
    answer = check_frame(no_default, target="VL")
    assert answer["error"].to_list() == ["on: the cell is empty and no on= was given; valid: a date such as 2024-09-01"]


@pytest.mark.parametrize(("arguments", "error", "message"), [
    ({"on": "31-02-2017", "target": "VL"}, InvalidAssessmentError, r"^on: '31-02-2017' is not"),
    ({"on": ON, "target": "Atlantis"}, InvalidAssessmentError, r"^target: unknown jurisdiction 'Atlantis'"),
    ({"on": ON, "target": "VL", "rules": "nvao"}, InvalidAssessmentError, r"^rules: expected a RuleSet or None"),
    ({"on": ON, "target": "VL", "lang": "fr"}, InvalidInputError, r"^lang: 'fr' is not supported; valid: en, nl"),
])  # fmt: skip
def test_bad_arguments_are_named(arguments, error, message):
    frame = pl.DataFrame({"awarded_by": ["NL"], "degree": ["wo-bachelor"], "awarded_on": ["2016-07-01"],
                          "accredited": ["yes"]})  # fmt: skip
    with pytest.raises(error, match=message):
        check_frame(frame, **arguments)


def test_columns_are_matched_as_batch_matches_them_and_clashes_are_refused():
    frame = pl.DataFrame({" Awarded_By ": ["NL"], "DEGREE": ["wo-bachelor"], "awarded_on": ["2016-07-01"],
                          "Accredited": ["ja"]})  # fmt: skip
    assert check_frame(frame, on=ON, target="VL")["outcome"].to_list() == ["equivalent"]
    with pytest.raises(InvalidInputError, match=r"^required column 'accredited' is missing; columns found: "):
        check_frame(frame.drop("Accredited"), on=ON, target="VL")
    with pytest.raises(InvalidInputError, match=r"^the frame already has a column 'Outcome', which the output adds"):
        check_frame(frame.with_columns(Outcome=pl.lit("x")), on=ON, target="VL")
    with pytest.raises(InvalidInputError, match=r"^frame: list is not a data frame; valid: a pandas, polars"):
        check_frame([1, 2, 3], on=ON, target="VL")


@pytest.mark.parametrize("backend", ["pandas", "polars", "duckdb"])
def test_a_value_first_seen_after_the_first_rows_is_read_not_guessed(backend):
    # The values of a column are first learnt from its first rows; later ones send it back to learn them all.
    first = ("NL", "wo-bachelor", "2016-07-01", "yes", "", "", "VL", "2017-01-01")
    rows = [first] * 10_000 + [
        ("VL", "master", "2016-07-01", "no", "", "", "NL", "2017-01-01"),
        ("NL", "hbo-master", "2016-07-01", "", "", "", "VL", "2017-01-01"),
        ("Nederland", "doctoraal", "1999-07-01", "ja", "", "", "VL", "2017-01-01"),
    ]
    data = {name: [row[index] for row in rows] for index, name in enumerate(COLUMNS)}
    got = rows_of(check_frame(BACKENDS[backend](data), on=ON, target=TARGET, rules=ALL))
    assert len(got) == len(rows)
    for row, answer in [(rows[0], got[0]), *zip(rows[-3:], got[-3:], strict=True)]:
        want = expected(row, ALL, "en")
        assert {name: plain(answer[name]) for name in OUTPUTS} == {name: want[name] for name in OUTPUTS}, row
    assert [plain(answer["outcome"]) for answer in got[-3:]] == ["undetermined", "undetermined", "not-recognised"]


def test_without_the_extra_the_import_names_it():
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'narwhals':\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "try:\n"
        "    import nvao_equivalence.frames\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True, check=True)
    assert done.stdout == "nvao_equivalence.frames needs narwhals: pip install 'nvao-equivalence[frames]'\n"
