"""The message catalogues are complete and current: every message in the code has a Dutch translation, and the
compiled catalogue the package reads is the one its ``.po`` file gives."""

from __future__ import annotations

import io
from functools import cache

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from nvao_equivalence._language.catalogue import DOMAIN, languages, long_date, ntr, tr
from tests.paths import ROOT

LOCALE_DIR = ROOT / "nvao_equivalence" / "locale"

# The keywords and files the catalogue is extracted with (docs/translating.md; babel.cfg).
KEYWORDS = {"N_": None, "tr": (1,), "ntr": (1, 2), "NP_": ((1, "c"), 2)}
TRANSLATED = [lang for lang in languages() if lang != "en"]


@cache
def extracted() -> frozenset[tuple[str | None, str | tuple[str, ...]]]:
    """Every message the package's code marks for the catalogue, with its context."""
    found = set()
    for _, _, message, _, context in extract_from_dir(
        str(ROOT / "nvao_equivalence"), method_map=[("**.py", "python")], keywords=KEYWORDS,
        directory_filter=lambda path: "__pycache__" not in path,
    ):  # fmt: skip
        found.add((context, message))
    return frozenset(found)


def catalogue(lang: str):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        return read_po(po, locale=lang)


def test_the_languages_are_the_catalogues_there_are():
    assert languages() == ("en", "nl")


def test_the_code_marks_messages_from_every_layer():
    ids = {message for _, message in extracted()}
    assert {"equivalent", "{field}: {value!r} is not a date ({forms})", ("{count} row", "{count} rows")} <= ids


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_has_a_translation(lang):
    po = catalogue(lang)
    missing = sorted(str(message) for context, message in extracted() if not _translated(po.get(message, context)))
    assert missing == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalogue_holds_no_message_the_code_no_longer_has(lang):
    po = catalogue(lang)
    stale = sorted(str(message.id) for message in po if message.id and (message.context, message.id) not in extracted())
    assert stale == []
    assert not po.fuzzy
    assert [str(message.id) for message in po if message.id and message.fuzzy] == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalogue_is_the_one_the_po_file_gives(lang):
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(lang))
    assert (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").read_bytes() == compiled.getvalue()


def test_the_template_lists_the_messages_of_the_code():
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as pot:
        template = read_po(pot)
    assert {(message.context, message.id) for message in template if message.id} == extracted()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_translation_uses_only_fields_the_message_gives(lang):
    """A placeholder the English message does not have would fail when the message is said; the few messages whose
    translation may use a field the English leaves out are given it by the code (documented in their comments)."""
    import string

    extra = {"place", "awarded", "last", "month_name", "day", "year"}
    wrong = []
    for message in catalogue(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        given = {
            name.split("!")[0].split(":")[0] for text in ids for _, name, _, _ in string.Formatter().parse(text) if name
        }
        for text in strings:
            used = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            if not used <= given | extra:
                wrong.append((ids[0], sorted(used - given - extra)))
    assert wrong == []


@pytest.mark.parametrize(
    ("count", "en", "nl"), [(0, "0 rows", "0 rijen"), (1, "1 row", "1 rij"), (2, "2 rows", "2 rijen")]
)
def test_plurals_follow_each_language(count, en, nl):
    assert ntr("{count} row", "{count} rows", count, "en").format(count=count) == en
    assert ntr("{count} row", "{count} rows", count, "nl").format(count=count) == nl


def test_dates_are_written_as_each_language_writes_them():
    from datetime import date

    assert [long_date(date(2014, month, 1), "nl").split()[1] for month in range(1, 13)] == [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]  # fmt: skip
    assert long_date(date(2014, 3, 31), "nl") == "31 maart 2014"
    assert long_date(date(2014, 3, 31), "en") == "2014-03-31"
    assert tr("equivalent", "fr") == "equivalent"  # a language without a catalogue says the English


def _translated(message) -> bool:
    if message is None or message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)
