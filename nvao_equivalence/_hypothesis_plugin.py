"""Hypothesis' entry point: ``st.from_type(Diploma)`` and ``st.from_type(Accreditation)`` work once installed.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported (the
``hypothesis`` entry point in ``pyproject.toml``). The strategies are
registered as functions, so nothing is built and no rule file is read until
a test asks for one of the types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nvao_equivalence._case.diploma import Accreditation, Diploma

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__: list[str] = []


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    st.register_type_strategy(Diploma, _diplomas)
    st.register_type_strategy(Accreditation, _accreditations)


def _diplomas(thing: type[Diploma]) -> SearchStrategy[Diploma]:
    from nvao_equivalence.strategies import diplomas

    return diplomas()


def _accreditations(thing: type[Accreditation]) -> SearchStrategy[Accreditation]:
    from nvao_equivalence.strategies import accreditations

    return accreditations()
