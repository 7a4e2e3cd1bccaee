"""The columns of an intake file, and the headers Dutch and Flemish offices give them in their own exports."""

from __future__ import annotations

__all__ = ["INTAKE_COLUMNS", "OFFICE_HEADERS", "REQUIRED_COLUMNS"]

# The columns every row needs, in batch and in data frames alike (a register may stand in for 'accredited').
REQUIRED_COLUMNS = ("awarded_by", "degree", "awarded_on", "accredited")

# Every column a row can be decided from (docs/how-to/batch.md); any other column is passed through untouched.
INTAKE_COLUMNS = (
    "awarded_by",
    "degree",
    "awarded_on",
    "accredited",
    "arts",
    "target",
    "on",
    "accredited_from",
    "accredited_until",
    "programme",
    "institution",
    "recognised",
)

# Headers read as a column without a mapping, matched trimmed and in lower case. Each names one column and nothing
# else in an admission export: a header that could mean two things ("diploma", "datum", "land") is left out, so
# that it needs an explicit mapping rather than being guessed. So are "opleiding" and "instelling": in an admission
# export they often name the programme applied to, and a register would then decide the diploma's accreditation
# from the wrong programme.
OFFICE_HEADERS = {
    "land van diploma": "awarded_by",
    "land van uitreiking": "awarded_by",
    "graad": "degree",
    "diplomadatum": "awarded_on",
    "datum van uitreiking": "awarded_on",
    "geaccrediteerd": "accredited",
    "kunstonderwijs": "arts",
    "doelland": "target",
    "peildatum": "on",
    "erkend": "recognised",
}
