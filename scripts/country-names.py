#!/usr/bin/env python3
"""Generate core/src/vocab/countries/names.rs: every ISO 3166-1 country's name in nb, nn and en.

Source: Debian's `iso-codes` package (https://salsa.debian.org/iso-codes-team/iso-codes),
LGPL-2.1-or-later: /usr/share/iso-codes/json/iso_3166-1.json for the codes and English names,
the `iso_3166-1` gettext catalogues in /usr/share/locale/{nb,nn}/LC_MESSAGES for Bokmål and
Nynorsk (read with `msgunfmt` from gettext). docs/decisions.md says why the names are used as
facts and what the project chose where the catalogue is silent.

Run: apt-get install -y iso-codes gettext && python3 scripts/country-names.py
The output is committed; regenerate it when iso-codes is updated and review the diff.
"""

import json
import subprocess
import sys
from pathlib import Path

CHECKED = "2026-12-08"
JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALE = Path("/usr/share/locale")
OUT = Path(__file__).resolve().parent.parent / "core/src/vocab/countries/names.rs"

# The names the notice showed before this table existed (its hand-written list of 31), kept
# so no published notice changes wording: English with "the" where running text needs it,
# "USA" in Norwegian as Norwegian public bodies write it, not "De forente stater".
PROJECT_NAMES = {
    "NO": ("Norge", "Noreg", "Norway"),
    "SE": ("Sverige", "Sverige", "Sweden"),
    "DK": ("Danmark", "Danmark", "Denmark"),
    "FI": ("Finland", "Finland", "Finland"),
    "IS": ("Island", "Island", "Iceland"),
    "LI": ("Liechtenstein", "Liechtenstein", "Liechtenstein"),
    "DE": ("Tyskland", "Tyskland", "Germany"),
    "NL": ("Nederland", "Nederland", "the Netherlands"),
    "BE": ("Belgia", "Belgia", "Belgium"),
    "FR": ("Frankrike", "Frankrike", "France"),
    "IE": ("Irland", "Irland", "Ireland"),
    "ES": ("Spania", "Spania", "Spain"),
    "IT": ("Italia", "Italia", "Italy"),
    "PL": ("Polen", "Polen", "Poland"),
    "EE": ("Estland", "Estland", "Estonia"),
    "LV": ("Latvia", "Latvia", "Latvia"),
    "LT": ("Litauen", "Litauen", "Lithuania"),
    "US": ("USA", "USA", "the United States"),
    "GB": ("Storbritannia", "Storbritannia", "the United Kingdom"),
    "CH": ("Sveits", "Sveits", "Switzerland"),
    "CA": ("Canada", "Canada", "Canada"),
    "JP": ("Japan", "Japan", "Japan"),
    "KR": ("Sør-Korea", "Sør-Korea", "South Korea"),
    "IN": ("India", "India", "India"),
    "CN": ("Kina", "Kina", "China"),
    "AU": ("Australia", "Australia", "Australia"),
    "NZ": ("New Zealand", "New Zealand", "New Zealand"),
    "IL": ("Israel", "Israel", "Israel"),
    "UA": ("Ukraina", "Ukraina", "Ukraine"),
    "PH": ("Filippinene", "Filippinane", "the Philippines"),
    "BR": ("Brasil", "Brasil", "Brazil"),
    # Running-text forms where the catalogue gives an inverted or bracketed index form
    # ("Kongo, Den demokratiske republikk", "Virgin Islands, U.S.") or has no Norwegian name
    # (Türkiye): the short names Språkrådet's list of country names and the UN use.
    "CD": ("Den demokratiske republikken Kongo", "Den demokratiske republikken Kongo",
           "the Democratic Republic of the Congo"),
    "FM": ("Mikronesiaføderasjonen", "Mikronesiaføderasjonen", "Micronesia"),
    "IR": ("Iran", "Iran", "Iran"),
    "PS": ("Palestina", "Palestina", "Palestine"),
    "SZ": ("Eswatini", "Eswatini", "Eswatini"),
    "TR": ("Tyrkia", "Tyrkia", "Türkiye"),
    "VG": ("De britiske Jomfruøyene", "Dei britiske Jomfruøyane", "the British Virgin Islands"),
    "VI": ("De amerikanske Jomfruøyene", "Dei amerikanske Jomfruøyane", "the US Virgin Islands"),
}

# Other ways records name a country, for import (compared without case and accents).
EXTRA_SYNONYMS = {
    "US": ["USA", "U.S.", "U.S.A.", "United States of America", "De forente stater",
           "Sambandsstatane", "Amerika"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain", "Storbritannia og Nord-Irland",
           "Det forente kongerike", "England"],
    "NL": ["Holland", "Nederlandene"],
    "KR": ["Korea", "Republic of Korea"],
    "CZ": ["Tsjekkia", "Czech Republic"],
    "RU": ["Russia"],
    "TR": ["Turkey"],
}


def catalogue(lang):
    po = subprocess.run(
        ["msgunfmt", str(LOCALE / lang / "LC_MESSAGES/iso_3166-1.mo")],
        check=True, capture_output=True, text=True).stdout
    entries, msgid, key = {}, None, None
    for line in po.splitlines():
        if line.startswith("msgid "):
            key, msgid = "id", json.loads(line[6:])
        elif line.startswith("msgstr "):
            key = "str"
            entries[msgid] = json.loads(line[7:])
        elif line.startswith('"') and key == "id":
            msgid += json.loads(line)
        elif line.startswith('"') and key == "str":
            entries[msgid] += json.loads(line)
    return {k: v for k, v in entries.items() if k and v}


def split(name):
    """A catalogue entry may hold alternatives ("USA; Sambandsstatane"): the first is the name."""
    parts = [p.strip() for p in name.split(";") if p.strip()]
    return parts[0], parts[1:]


def rust(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    countries = json.loads(JSON.read_text())["3166-1"]
    cats = {lang: catalogue(lang) for lang in ("nb", "nn")}
    rows, fallbacks, synonyms = [], [], []
    for c in sorted(countries, key=lambda c: c["alpha_2"]):
        code = c["alpha_2"]
        english_keys = [c.get("common_name"), c["name"], c.get("official_name")]
        english_keys = [k for k in english_keys if k]
        names = {"en": english_keys[0]}
        for lang in ("nb", "nn"):
            found = [cats[lang][k] for k in english_keys if k in cats[lang]]
            if found:
                names[lang], more = split(found[0])
                synonyms += [(s, code) for f in found for s in [split(f)[0]] + split(f)[1]]
        if code in PROJECT_NAMES:
            nb, nn, en = PROJECT_NAMES[code]
            synonyms += [(k, code) for k in english_keys] + [(names[l], code) for l in ("nb", "nn") if l in names]
            names = {"nb": nb, "nn": nn, "en": en}
        for lang, other in (("nn", "nb"), ("nb", "nn")):
            if lang not in names and other in names:
                names[lang] = names[other]
                fallbacks.append(f"{code} {lang}: {other} name {names[other]!r}")
        for lang in ("nb", "nn"):
            if lang not in names:
                names[lang] = names["en"]
                fallbacks.append(f"{code} {lang}: English name {names['en']!r}")
        synonyms += [(k, code) for k in english_keys]
        synonyms += [(s, code) for s in EXTRA_SYNONYMS.get(code, [])]
        rows.append((code, names["nb"], names["nn"], names["en"]))

    def fold(s):
        import unicodedata
        s = s.lower().removeprefix("the ")
        s = s.replace("ø", "o").replace("æ", "ae").replace("å", "a")
        return "".join(ch for ch in unicodedata.normalize("NFKD", s)
                       if not unicodedata.combining(ch))

    primary = {fold(n): code for code, *ns in rows for n in ns}
    extra = {}
    for name, code in synonyms:
        key = fold(name)
        if primary.get(key, code) != code or extra.get(key, code) != code:
            sys.exit(f"ambiguous name {name!r}: {code} and {primary.get(key) or extra.get(key)}")
        if key not in primary:
            extra[key] = code
    # The notice's names (and every name of the table) resolve; the extra names are the rest.
    extra_rows = sorted({(name, code) for name, code in synonyms if fold(name) in extra},
                        key=lambda r: (r[1], r[0]))

    out = [
        "//! GENERATED by scripts/country-names.py — do not edit; run the script and review the diff.",
        "//!",
        "//! Every ISO 3166-1 country's name in Bokmål, Nynorsk and English.",
        "//! Source: Debian iso-codes " + VERSION + " (iso_3166-1.json and the nb/nn `iso_3166-1`",
        "//! catalogues), LGPL-2.1-or-later; the names are used as facts (docs/decisions.md,",
        "//! \"Country names\"). The names in PROJECT_NAMES of the script (the 31 the notice",
        "//! showed before, and running-text forms of 8 more) override the catalogue. Checked " + CHECKED + ".",
        "//!",
        "//! Where a catalogue has no name, the other Norwegian catalogue's name is used, else the",
        "//! English one:",
    ]
    out += [f"//! - {f}" for f in fallbacks] or ["//! (none)"]
    out += [
        "",
        "/// A country's name in each language the notice is written in.",
        "#[derive(Debug, Clone, Copy, PartialEq, Eq)]",
        "pub struct CountryNames {",
        "    pub code: &'static str,",
        "    pub nb: &'static str,",
        "    pub nn: &'static str,",
        "    pub en: &'static str,",
        "}",
        "",
        f"/// Sorted by code; one entry per ISO 3166-1 alpha-2 code ({len(rows)}).",
        "pub const COUNTRY_NAMES: &[CountryNames] = &[",
    ]
    for code, nb, nn, en in rows:
        out.append(f"    CountryNames {{ code: {rust(code)}, nb: {rust(nb)}, nn: {rust(nn)}, en: {rust(en)} }},")
    out += [
        "];",
        "",
        "/// Other names a record may use for a country (the catalogues' official and alternative",
        "/// names, and common short forms), each with its code.",
        "pub const OTHER_NAMES: &[(&str, &str)] = &[",
    ]
    for name, code in extra_rows:
        out.append(f"    ({rust(name)}, {rust(code)}),")
    out.append("];")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(out) + "\n")
    subprocess.run(["rustfmt", "--edition", "2024", str(OUT)], check=True)
    print(f"{OUT}: {len(rows)} countries, {len(extra_rows)} other names, {len(fallbacks)} fallbacks")


VERSION = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                         capture_output=True, text=True).stdout or "(version unknown)"

if __name__ == "__main__":
    main()
