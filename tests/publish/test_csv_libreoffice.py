"""`privlint record --format csv` opened in a real spreadsheet: headless LibreOffice Calc reads the
hostile declaration's record (hostile_declaration.py) with `,` as the separator (the file's
own), with `;` (what Norwegian Excel and LibreOffice use for CSV in a Norwegian locale) and with a
tab, with formula evaluation on, and converts it to flat ODS: no cell may hold a formula or its
value (the payloads compute 6*7, so a 42 is an evaluated cell).

Under `;` or a tab the file's quotes no longer group a field: a `;` or tab inside a field starts
a cell, and a line of a quoted field starts a row. A control file without privlint's guard is
read the same way and must give formulas, so that a LibreOffice that evaluates nothing cannot
pass the test.

LibreOffice is slow to start, so it runs once per separator, over both files. It comes from
Debian's `libreoffice-calc-nogui` (installed by scripts/publish-oracles.sh, which scripts/test.sh
runs before pytest); missing, the test fails under CI=true and is skipped elsewhere.
The binary is target/release/privlint, or $PRIVLINT.
"""

import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

from hostile_declaration import declaration
from oracle import BINARY, missing

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

# LibreOffice's CSV filter options: separator (character code), text delimiter `"`, UTF-8,
# from line 1, no column formats, English (USA), quoted fields not forced to text, special
# numbers not detected, (three export options), all sheets, and the 13th: evaluate formulas.
SEPARATORS = {"comma": 44, "semicolon": 59, "tab": 9}
FILTER = "CSV:{},34,76,1,,1033,false,false,false,false,false,-1,true"

# Formulas where each separator starts a cell, as a field of privlint's CSV would be without the
# guard: after `;` in a field, on a line of a quoted field, after a tab, at the start of a field.
CONTROL = '\ufeffa,"x;=6*7\r\n=6*7\tb=6*7"\r\n=6*7,\tb\r\n'


def cells(path: pathlib.Path) -> list[dict]:
    """Every cell of a flat ODS file that holds something: its formula, value type and text."""
    found = []
    for cell in ET.parse(path).iter(f"{{{TABLE}}}table-cell"):
        text = "\n".join("".join(p.itertext()) for p in cell.iter(f"{{{TEXT}}}p"))
        entry = {
            "formula": cell.get(f"{{{TABLE}}}formula"),
            "type": cell.get(f"{{{OFFICE}}}value-type"),
            "value": cell.get(f"{{{OFFICE}}}value"),
            "text": text,
        }
        if any(entry.values()):
            found.append(entry)
    return found


def evaluated(found: list[dict]) -> list[dict]:
    return [c for c in found if c["formula"] or c["value"] == "42" or c["text"] == "42"]


def test_no_cell_of_the_record_csv_is_a_formula_in_libreoffice(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        missing("LibreOffice is not installed (scripts/publish-oracles.sh installs libreoffice-calc-nogui)")
    if not BINARY.exists():
        missing(f"{BINARY} is not built (cargo build --release)")
    text, _ = declaration()
    (tmp_path / "hostile.privacy").write_text(text, encoding="utf-8")
    out = subprocess.run(
        [str(BINARY), "record", "hostile.privacy", "--output", "record.csv"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert out.returncode == 0, out.stderr
    (tmp_path / "control.csv").write_bytes(CONTROL.encode("utf-8"))
    profile = (tmp_path / "profile").as_uri()
    for name, code in SEPARATORS.items():
        outdir = tmp_path / name
        run = subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless",
             f"--infilter={FILTER.format(code)}", "--convert-to", "fods", "--outdir", str(outdir),
             str(tmp_path / "record.csv"), str(tmp_path / "control.csv")],
            capture_output=True, text=True, timeout=300, check=False,
        )
        assert run.returncode == 0 and (outdir / "record.fods").exists(), run.stdout + run.stderr
        control = cells(outdir / "control.fods")
        assert evaluated(control), f"{name}: LibreOffice evaluated no formula of the control: {control}"
        record = cells(outdir / "record.fods")
        # The start of the string with formulas after each `;` proves the record was read (its
        # number shifts as the declaration grows; under `;` the rest is in the next cells).
        assert any(re.search(r"#\d+ x(;|$)", c["text"]) for c in record), f"{name}: the record was not read: {record}"
        assert not evaluated(record), f"{name}: cells LibreOffice evaluated: {evaluated(record)}"
