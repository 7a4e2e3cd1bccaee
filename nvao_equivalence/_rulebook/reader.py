"""Reading one TOML table of a rule file: typed values, with the file, rule and key of every complaint."""

from __future__ import annotations

from datetime import date
from typing import Any

from nvao_equivalence._rulebook.model import Text
from nvao_equivalence._rulebook.schema import keys
from nvao_equivalence._vocabulary.degrees import Degree, canonical_degree
from nvao_equivalence._vocabulary.jurisdictions import canonical_jurisdiction
from nvao_equivalence.exceptions import RuleDataError

__all__ = ["Reader"]


class Reader:
    """Reads values out of one TOML table, knowing where it is for error messages."""

    # A plain class, not attrs: it is private and never compared or shown, and generating an attrs class costs
    # about as much as parsing a rule file, on the way to the first decision.
    __slots__ = ("path", "prefix", "rule_id", "table")

    def __init__(self, path: str, table: dict[str, Any], rule_id: str | None = None, prefix: str = "") -> None:
        self.path = path
        self.table = table
        self.rule_id = rule_id
        self.prefix = prefix

    def for_rule(self, rule_id: str) -> Reader:
        """This table read for the rule ``rule_id``: its errors name that rule."""
        return Reader(self.path, self.table, rule_id, self.prefix)

    def fail(self, key: str, message: str) -> RuleDataError:
        return RuleDataError(message, path=self.path, rule_id=self.rule_id, key=self.prefix + key)

    def sub(self, key: str, table: Any, rule_id: str | None = None) -> Reader:
        if not isinstance(table, dict):
            raise self.fail(key, f"expected a table, found {table!r}")
        return Reader(self.path, table, rule_id if rule_id is not None else self.rule_id, f"{self.prefix}{key}.")

    def only(self, *allowed: str) -> None:
        for key in self.table:
            if key not in allowed:
                raise self.fail(key, f"unknown key; valid keys here: {', '.join(allowed)}")

    def get(self, key: str, kind: type, *, default: Any = ...) -> Any:
        if key not in self.table:
            if default is ...:
                raise self.fail(key, "required key is missing")
            return default
        value = self.table[key]
        # TOML dates arrive as datetime.date; a datetime (a date with a time) is not one.
        if not isinstance(value, kind) or (kind is date and type(value) is not date):
            raise self.fail(key, f"expected {kind.__name__}, found {value!r}")
        return value

    def strings(self, key: str, *, default: Any = ...) -> tuple[str, ...]:
        values = self.get(key, list, default=default)
        if not all(isinstance(value, str) for value in values):
            raise self.fail(key, f"expected a list of text, found {values!r}")
        return tuple(values)

    def text_or_string(self, key: str) -> tuple[str, Text | None]:
        """A key that is either plain text or a text table (nl and en): the English (or only) text, and the table."""
        value = self.table.get(key)
        if isinstance(value, dict):
            text = self.text(key)
            return text.en, text
        return self.get(key, str), None

    def text(self, key: str) -> Text:
        table = self.sub(key, self.get(key, dict))
        table.only(*keys("localized"))
        return Text(nl=table.get("nl", str), en=table.get("en", str))

    def choice(self, key: str, valid: tuple[str, ...] | dict[str, Any]) -> str:
        value = self.get(key, str)
        if value not in valid:
            raise self.fail(key, f"{value!r} is not one of: {', '.join(valid)}")
        return str(value)

    def jurisdiction(self, key: str, value: str) -> str:
        try:
            code = canonical_jurisdiction(value)
        except ValueError as error:
            raise self.fail(key, str(error)) from None
        if code != value:
            raise self.fail(key, f"write the canonical code {code!r}, not {value!r}")
        return code

    def degrees(self, key: str, jurisdiction: str, names: tuple[str, ...]) -> tuple[Degree, ...]:
        result = []
        for name in names:
            try:
                degree = canonical_degree(name, jurisdiction)
            except ValueError as error:
                raise self.fail(key, str(error)) from None
            if degree != name:
                raise self.fail(key, f"write the canonical degree name {degree.value!r}, not {name!r}")
            result.append(degree)
        return tuple(result)

    def degree_map(self, key: str, *, default: Any = ...) -> tuple[tuple[str, Degree], ...]:
        table = self.sub(key, self.get(key, dict, default=default if default is ... else {}))
        pairs: list[tuple[str, Degree]] = []
        for jurisdiction in table.table:
            code = table.jurisdiction(jurisdiction, jurisdiction)
            pairs.extend((code, degree) for degree in table.degrees(jurisdiction, code, table.strings(jurisdiction)))
        return tuple(pairs)
