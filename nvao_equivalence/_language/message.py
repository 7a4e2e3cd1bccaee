"""A message that can be said in any language with a catalogue: an English template and its fields.

Errors carry one, so that ``str(error)`` stays English (Python's convention) while a caller who speaks to an
admission officer can ask for the same message in Dutch. A field may itself be a message; it is then said in the
same language.
"""

from __future__ import annotations

from collections.abc import Mapping

from nvao_equivalence._language.catalogue import N_, ptr, tr

__all__ = ["Message", "field", "in_field", "say"]


class Message:
    """``template`` (an English msgid with ``{field}`` places) and the values of its fields.

    >>> not_a_date = Message("{value!r} is not a date", value="gisteren")
    >>> problem = Message("{field}: {problem}", field=field("on"), problem=not_a_date)
    >>> str(problem), problem.in_("nl")
    ("on: 'gisteren' is not a date", "peildatum: 'gisteren' is geen datum")
    """

    __slots__ = ("context", "fields", "template")

    def __init__(self, template: str, /, *, context: str | None = None, **fields: object) -> None:
        self.template = template
        self.context = context
        self.fields: Mapping[str, object] = fields

    def in_(self, lang: str) -> str:
        """The message in ``lang``; fields that are messages, in the same language."""
        values = {
            name: say(value, lang) if isinstance(value, Message) else value for name, value in self.fields.items()
        }
        text = tr(self.template, lang) if self.context is None else ptr(self.context, self.template, lang)
        return text.format(**values)

    def __str__(self) -> str:
        return self.in_("en")

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{dict(self.fields)!r})"


def say(what: object, lang: str) -> str:
    """``what`` in ``lang``: a :class:`Message`, an exception that carries one, or anything else as ``str``."""
    if isinstance(what, Message):
        return what.in_(lang)
    if isinstance(what, BaseException) and len(what.args) == 1 and isinstance(what.args[0], Message):
        return what.args[0].in_(lang)
    in_ = getattr(what, "in_", None)
    if isinstance(what, BaseException) and callable(in_):
        return str(in_(lang))
    return str(what)


def field(name: str) -> Message:
    """The name of an input field (a keyword, an option or a column) as a message says it: in English the name
    itself, in Dutch a Dutch description."""
    return Message(name)


def in_field(name: str, error: ValueError) -> Message:
    """The problem ``error`` describes, said of the field ``name``."""
    return Message("{field}: {problem}", field=field(name), problem=error.args[0] if error.args else str(error))


# The field names messages use, for the catalogue: each is translated as a short Dutch description.
_FIELD_NAMES = (
    # Translators: the names of input fields (keywords, command-line options, batch columns); say what they hold.
    N_("awarded_by"),
    N_("degree"),
    N_("awarded_on"),
    N_("accredited"),
    N_("recognised"),
    N_("arts"),
    N_("target"),
    N_("on"),
    N_("valid_from"),
    N_("valid_until"),
    N_("accredited_from"),
    N_("accredited_until"),
    N_("date"),
    N_("lang"),
    N_("rules"),
    N_("programme"),
    N_("institution"),
    N_("source"),
    N_("accreditations"),
)
