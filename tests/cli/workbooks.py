"""Workbooks written the way Excel writes them, part by part, for the tests of `batch` on .xlsx.

Not with openpyxl's own writer, which the code under test reads with: Excel keeps every text in a shared-strings
table, gives a date cell a style with the built-in date format 14 (or a custom one, as Dutch Excel's `d-mmm-yy`),
writes a boolean cell as `t="b"`, records the sheet's size in `<dimension>`, and writes a row formatted but left
empty as a `<row>` whose cells have a style and no value.
"""

from __future__ import annotations

import zipfile
from datetime import date, time
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STATE = ' state="hidden"'
_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 date system (with its phantom 29 February 1900)


def write_workbook(path, sheets, *, formatted_empty_rows=0, hidden=()):
    """Write ``sheets`` ({title: rows}) to ``path``: a row is a list of values (str, int, float, bool, date, time
    or None); ``formatted_empty_rows`` rows with only formatting follow the first sheet's data, as Excel leaves
    them; the sheets named in ``hidden`` are hidden."""
    strings: list[str] = []
    index: dict[str, int] = {}
    sheet_xml = []
    for number, rows in enumerate(sheets.values()):
        extra = formatted_empty_rows if number == 0 else 0
        sheet_xml.append(_sheet(rows, extra, strings, index))
    titles = list(sheets)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(len(titles)))
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{_MAIN}" xmlns:r="{_RELS}">'
            "<sheets>"
            + "".join(
                f'<sheet name="{escape(title)}" sheetId="{n}"{_STATE if title in hidden else ""} r:id="rId{n}"/>'
                for n, title in enumerate(titles, 1)
            )
            + "</sheets></workbook>",
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{n}" Type="{_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                for n in range(1, len(titles) + 1)
            )
            + f'<Relationship Id="rId{len(titles) + 1}" Type="{_RELS}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{len(titles) + 2}" Type="{_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        )
        archive.writestr("xl/styles.xml", _STYLES)
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{_MAIN}" count="{len(strings)}" '
            f'uniqueCount="{len(strings)}">'
            + "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>' for text in strings)
            + "</sst>",
        )
        for n, xml in enumerate(sheet_xml, 1):
            archive.writestr(f"xl/worksheets/sheet{n}.xml", xml)


def _sheet(rows, formatted_empty_rows, strings, index):
    width = max((len(row) for row in rows), default=1)
    height = len(rows) + formatted_empty_rows
    body = []
    for r, row in enumerate(rows, 1):
        cells = "".join(_cell(f"{get_column_letter(c)}{r}", value, strings, index) for c, value in enumerate(row, 1))
        body.append(f'<row r="{r}" spans="1:{width}">{cells}</row>')
    for r in range(len(rows) + 1, height + 1):
        cells = "".join(f'<c r="{get_column_letter(c)}{r}" s="3"/>' for c in range(1, width + 1))
        body.append(f'<row r="{r}" spans="1:{width}" s="3" customFormat="1">{cells}</row>')
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}">'
        f'<dimension ref="A1:{get_column_letter(width)}{height}"/><sheetData>{"".join(body)}</sheetData></worksheet>'
    )


def _cell(ref, value, strings, index):
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, date):
        # Style 1: the built-in date format 14; style 2: Dutch Excel's custom d-mmm-yy.
        style = 2 if value.year < 2015 else 1
        return f'<c r="{ref}" s="{style}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, time):  # style 4: the built-in time format 21, h:mm:ss; a fraction of a day
        return f'<c r="{ref}" s="4"><v>{(value.hour * 3600 + value.minute * 60 + value.second) / 86400}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if value not in index:
        index[value] = len(strings)
        strings.append(value)
    return f'<c r="{ref}" t="s"><v>{index[value]}</v></c>'


def _content_types(sheets):
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{main}.worksheet+xml"/>'
        for n in range(1, sheets + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{main}.sheet.main+xml"/>{overrides}'
        f'<Override PartName="/xl/styles.xml" ContentType="{main}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{main}.sharedStrings+xml"/></Types>'
    )


_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-413]d\\-mmm\\-yy;@"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Standaard" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def patch_workbook(path, member, old, new):
    """Replace ``old`` by ``new`` in the part ``member`` of the workbook at ``path``, as a damaged or hostile file
    would have it."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    assert old in parts[member], (member, old)
    parts[member] = parts[member].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
