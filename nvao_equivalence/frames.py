"""Decisions over data frames: pandas, polars (eager and lazy), pyarrow, DuckDB, Dask and every other frame that
narwhals supports, decided once per distinct case and joined back at columnar speed.

Needs the optional extra (``pip install 'nvao-equivalence[frames]'``), which brings narwhals; the frame library
is your own. ``import nvao_equivalence`` alone never imports narwhals.
"""

from __future__ import annotations

from typing import TypeVar

from nvao_equivalence._tables.frames import OUTPUT_COLUMNS, REQUIRED_COLUMNS, decide_frame

__all__ = ["OUTPUT_COLUMNS", "REQUIRED_COLUMNS", "check_frame"]

Frame = TypeVar("Frame")


def check_frame(
    frame: Frame, *, on: object = None, target: object = None, rules: object = None, lang: str | None = None
) -> Frame:
    """Decide every row of ``frame``; the result is a frame of the same kind (a lazy frame stays lazy).

    Input columns have the names and spellings of ``batch``: ``awarded_by``, ``degree``, ``awarded_on`` and
    ``accredited`` (required), ``arts``, ``recognised``, ``target`` and ``on`` (optional); matched trimmed and in
    any case. Cells are text (aliases such as ``Nederland`` or ``banaba``; flags as yes/no/ja/nee/true/false/1/0,
    empty for unknown), booleans, or for the dates ``date``/``datetime`` columns or text read day-first. ``on``
    and ``target`` give the assessment date and target for a frame without those columns, or for the rows whose
    cell is empty; ``rules`` is a :class:`~nvao_equivalence.RuleSet` (default: the NVAO treaty).

    The output is every input column, then ``outcome``, ``equivalent_to`` and ``rules`` (several values joined
    with ``|``), ``equivalent_level``, ``missing``, ``error`` (null when decided) and, when ``lang`` (``"en"`` or
    ``"nl"``) is given, ``explanation``: the one-line summary (and ``error`` is in that language too, as in
    ``batch``; without ``lang`` it is English). Row for row the answer is the one
    :func:`~nvao_equivalence.check_equivalence` gives; a row it would refuse keeps its place with a null outcome
    and the reason in ``error`` (with several problems, the row's facts are named before its dates).

    Raises :class:`~nvao_equivalence.exceptions.InvalidInputError` for a frame without a required column, with a
    column the output adds, or with neither an ``on`` column nor ``on=`` (likewise ``target``), and
    :class:`~nvao_equivalence.exceptions.InvalidAssessmentError` for an invalid ``on``, ``target`` or ``rules``.

    >>> import polars as pl
    >>> frame = pl.DataFrame({
    ...     "awarded_by": ["VL", "Nederland", "NL"], "degree": ["academic-bachelor", "hbo-master", "bachelor"],
    ...     "awarded_on": ["1-7-2016", "30 juni 2012", "2016-07-01"], "accredited": ["ja", "yes", "yes"],
    ... })
    >>> decided = check_frame(frame, target="NL", on="2017-06-01")
    >>> decided.select("outcome", "equivalent_to", "rules").rows()
    [('equivalent', 'wo-bachelor', 'R2014'), ('not-applicable', '', ''), (None, None, None)]
    >>> decided["error"][2][:60]
    "degree: 'bachelor' is not a degree of NL (the Netherlands); "
    """
    return decide_frame(frame, on=on, target=target, rules=rules, lang=lang)  # type: ignore[no-any-return]
