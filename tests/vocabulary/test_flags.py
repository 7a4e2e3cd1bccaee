"""Yes/no answers as intake files and command lines write them."""

from __future__ import annotations

from datetime import date

import pytest

from nvao_equivalence._vocabulary.flags import parse_flag


@pytest.mark.parametrize(("text", "value"), [
    ("yes", True), ("Ja", True), ("TRUE", True), ("1", True), (" j ", True),
    ("no", False), ("nee", False), ("false", False), ("0", False),
    ("WAAR", True), ("ONWAAR", False), ("Waar", True), ("FALSE", False),
    ("", None), ("unknown", None), ("onbekend", None), ("?", None),
])  # fmt: skip
def test_spellings(text, value):
    assert parse_flag(text, field="accredited") is value


@pytest.mark.parametrize("text", ["misschien", "2", date(2020, 1, 1), None, b"yes"])
def test_anything_else_is_an_error_naming_field_value_and_what_is_valid(text):
    with pytest.raises(ValueError, match=r"^accredited: .* is not valid; valid: yes, no, ja, nee, true, false"):
        parse_flag(text, field="accredited")
