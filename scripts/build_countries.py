"""Write src/ghotona/data/actors/countries.yaml from CLDR (via babel) plus an overlay.

    python scripts/build_countries.py          # rewrite the file
    python scripts/build_countries.py --check  # exit 1 if the file is stale

Every country and territory CLDR names with a two-letter code becomes one
entry, except the codes in ``ghotona.actors.dictionary.NOT_COUNTRIES``
(groupings such as EU/UN/EZ/QO, the unknown region ZZ, pseudo-locales, and
ISO's exceptionally reserved codes AC CP CQ DG EA IC TA, which are parts of
other countries).  Kosovo (XK), Palestine (PS), Taiwan (TW), Hong Kong (HK)
and Macao (MO) are kept as entries of type ``country``: news treats them as
actors of their own and they have codes.  Dependent territories (Greenland,
Puerto Rico, Guam ...) are kept too, so that every ``country:``/``parent:``
code in the other files has an entry.

* ``name_en``/``name_bn`` are CLDR's English and Bengali names unless the
  overlay below gives the form Bengali newspapers use (যুক্তরাষ্ট্র, মিয়ানমার,
  ইসরায়েল); CLDR's Bengali name is then kept as an alias, so every CLDR
  name still finds its country.
* ``id`` is the Wikidata QID from ``QIDS`` (written from memory for the
  countries we are confident of, not checked online), else
  ``gh:country-xx``.
* The overlay adds spelling variants, demonyms/adjectives and
  abbreviations for the countries that recur in the news.

Output is deterministic (sorted by code, normalised text), so a test can
check that the shipped file is exactly this script's output.  A babel
upgrade that changes CLDR names makes that test fail: rerun the script.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml
from babel import Locale

from ghotona.actors.dictionary import alias_key, country_codes
from ghotona.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "ghotona" / "data" / "actors" / "countries.yaml"

# Wikidata QIDs of countries, from memory (not checked online).  Codes not
# listed get gh:country-xx.
QIDS: dict[str, str] = {
    "AE": "Q878", "AF": "Q889", "AL": "Q222", "AM": "Q399", "AR": "Q414", "AT": "Q40",
    "AU": "Q408", "AZ": "Q227", "BA": "Q225", "BD": "Q902", "BE": "Q31", "BG": "Q219",
    "BH": "Q398", "BN": "Q921", "BR": "Q155", "BT": "Q917", "BY": "Q184", "CA": "Q16",
    "CH": "Q39", "CL": "Q298", "CN": "Q148", "CO": "Q739", "CU": "Q241", "CY": "Q229",
    "CZ": "Q213", "DE": "Q183", "DK": "Q35", "DZ": "Q262", "EE": "Q191", "EG": "Q79",
    "ES": "Q29", "ET": "Q115", "FI": "Q33", "FR": "Q142", "GB": "Q145", "GE": "Q230",
    "GH": "Q117", "GR": "Q41", "HK": "Q8646", "HR": "Q224", "HU": "Q28", "ID": "Q252",
    "IE": "Q27", "IL": "Q801", "IN": "Q668", "IQ": "Q796", "IR": "Q794", "IS": "Q189",
    "IT": "Q38", "JO": "Q810", "JP": "Q17", "KE": "Q114", "KG": "Q813", "KH": "Q424",
    "KP": "Q423", "KR": "Q884", "KW": "Q817", "KZ": "Q232", "LA": "Q819", "LB": "Q822",
    "LK": "Q854", "LT": "Q37", "LU": "Q32", "LV": "Q211", "LY": "Q1016", "MA": "Q1028",
    "MD": "Q217", "ME": "Q236", "MK": "Q221", "MM": "Q836", "MN": "Q711", "MO": "Q14773",
    "MT": "Q233", "MV": "Q826", "MX": "Q96", "MY": "Q833", "NG": "Q1033", "NL": "Q55",
    "NO": "Q20", "NP": "Q837", "NZ": "Q664", "OM": "Q842", "PE": "Q419", "PH": "Q928",
    "PK": "Q843", "PL": "Q36", "PS": "Q219060", "PT": "Q45", "QA": "Q846", "RO": "Q218",
    "RS": "Q403", "RU": "Q159", "SA": "Q851", "SD": "Q1049", "SE": "Q34", "SG": "Q334",
    "SI": "Q215", "SK": "Q214", "SO": "Q1045", "SS": "Q958", "SY": "Q858", "TH": "Q869",
    "TJ": "Q863", "TL": "Q574", "TM": "Q874", "TN": "Q948", "TR": "Q43", "TW": "Q865",
    "TZ": "Q924", "UA": "Q212", "UG": "Q1036", "US": "Q30", "UZ": "Q265", "VA": "Q237",
    "VE": "Q717", "VN": "Q881", "XK": "Q1246", "YE": "Q805", "ZA": "Q258", "ZW": "Q954",
}

# Hand-written overlay: the names Bengali newspapers use.  Keys: name_en,
# name_bn (replace CLDR's), aliases, aliases_en, demonyms, abbreviations.
OVERLAY: dict[str, dict[str, object]] = {
    "AE": {"aliases": ["আমিরাত"], "aliases_en": ["UAE"], "demonyms": ["আমিরাতি"], "abbreviations": ["ইউএই"]},
    "AF": {"demonyms": ["আফগান"]},
    "AU": {"demonyms": ["অস্ট্রেলীয়", "অস্ট্রেলিয়ান"]},
    "AZ": {"demonyms": ["আজারবাইজানি"]},
    "BD": {"aliases": ["গণপ্রজাতন্ত্রী বাংলাদেশ"], "demonyms": ["বাংলাদেশি", "বাংলাদেশী"]},
    "BH": {"name_bn": "বাহরাইন"},
    "BR": {"demonyms": ["ব্রাজিলীয়", "ব্রাজিলিয়ান"]},
    "BT": {"demonyms": ["ভুটানি"]},
    "BY": {"demonyms": ["বেলারুশীয়"]},
    "CA": {"demonyms": ["কানাডীয়", "কানাডিয়ান"]},
    "CH": {"demonyms": ["সুইস"]},
    "CN": {"aliases": ["গণপ্রজাতন্ত্রী চীন", "চায়না"], "aliases_en": ["China"], "demonyms": ["চীনা", "চাইনিজ"]},
    "CU": {"demonyms": ["কিউবান"]},
    "CZ": {"name_bn": "চেক প্রজাতন্ত্র", "aliases": ["চেক রিপাবলিক", "চেকিয়া"]},
    "DE": {"demonyms": ["জার্মান"]},
    "DK": {"demonyms": ["ডেনিশ"]},
    "EG": {"name_bn": "মিসর", "aliases": ["মিশর"], "demonyms": ["মিসরীয়", "মিশরীয়"]},
    "ES": {"demonyms": ["স্প্যানিশ"]},
    "FI": {"demonyms": ["ফিনিশ"]},
    "FR": {"demonyms": ["ফরাসি", "ফরাসী", "ফ্রেঞ্চ"]},
    "GE": {"aliases_en": ["Georgia"]},
    "GY": {"aliases": ["গায়ানা", "গাইয়ানা"]},
    "GB": {
        "aliases": ["ব্রিটেন", "গ্রেট ব্রিটেন", "ইউনাইটেড কিংডম"],
        "aliases_en": ["UK", "Britain", "United Kingdom"],
        "demonyms": ["ব্রিটিশ"],
        "abbreviations": ["ইউকে"],
    },
    "GR": {"name_bn": "গ্রিস", "demonyms": ["গ্রিক"]},
    "HK": {"name_bn": "হংকং"},
    "HU": {"demonyms": ["হাঙ্গেরীয়"]},
    "ID": {"demonyms": ["ইন্দোনেশীয়", "ইন্দোনেশিয়ান"]},
    "IL": {"name_bn": "ইসরায়েল", "aliases": ["ইসরাইল", "ইজরাইল"], "demonyms": ["ইসরায়েলি", "ইসরাইলি"]},
    "IN": {"aliases": ["ইন্ডিয়া"], "aliases_en": ["India"], "demonyms": ["ভারতীয়"]},
    "IQ": {"demonyms": ["ইরাকি"]},
    "IR": {"demonyms": ["ইরানি", "ইরানী"]},
    "IT": {"demonyms": ["ইতালীয়", "ইতালিয়ান"]},
    "JO": {"name_bn": "জর্ডান"},
    "JP": {"demonyms": ["জাপানি", "জাপানী"]},
    "KH": {"aliases": ["কাম্বোডিয়া"], "demonyms": ["কম্বোডীয়"]},
    "KP": {
        "aliases": ["গণপ্রজাতন্ত্রী কোরিয়া"],
        "aliases_en": ["North Korea", "DPRK"],
        "demonyms": ["উত্তর কোরীয়", "উত্তর কোরিয়ান"],
        "abbreviations": ["উ. কোরিয়া", "উ.কোরিয়া", "ডিপিআরকে"],
    },
    "KR": {
        "aliases": ["কোরিয়া প্রজাতন্ত্র"],
        "aliases_en": ["South Korea"],
        "demonyms": ["দক্ষিণ কোরীয়", "দক্ষিণ কোরিয়ান"],
        "abbreviations": ["দ. কোরিয়া", "দ.কোরিয়া"],
    },
    "KW": {"demonyms": ["কুয়েতি"]},
    "KZ": {"demonyms": ["কাজাখ"]},
    "LB": {"demonyms": ["লেবানিজ"]},
    "LK": {"demonyms": ["শ্রীলঙ্কান"]},
    "LY": {"demonyms": ["লিবীয়"]},
    "MM": {"name_bn": "মিয়ানমার", "aliases": ["মায়ানমার", "বার্মা", "মিয়ানমার (বার্মা)"], "demonyms": ["বার্মিজ"]},
    "MO": {"name_bn": "ম্যাকাও"},
    "MV": {"demonyms": ["মালদ্বীপীয়"]},
    "MX": {"demonyms": ["মেক্সিকান"]},
    "MY": {"demonyms": ["মালয়েশীয়", "মালয়েশিয়ান"]},
    "NL": {"aliases": ["হল্যান্ড"], "demonyms": ["ডাচ"]},
    "NP": {"demonyms": ["নেপালি", "নেপালী"]},
    "NZ": {"aliases": ["নিউ জিল্যান্ড"]},
    "PH": {"aliases": ["ফিলিপাইনস"], "demonyms": ["ফিলিপিনো"]},
    "PK": {"demonyms": ["পাকিস্তানি", "পাকিস্তানী"]},
    "PL": {"demonyms": ["পোলিশ"]},
    "PS": {
        "aliases_en": ["Palestine"],
        "name_bn": "ফিলিস্তিন",
        "aliases": ["প্যালেস্টাইন", "ফিলিস্তিনি ভূখণ্ড", "ফিলিস্তিন রাষ্ট্র"],
        "demonyms": ["ফিলিস্তিনি"],
    },
    "QA": {"demonyms": ["কাতারি"]},
    "RU": {
        "aliases": ["রুশ ফেডারেশন", "রাশিয়ান ফেডারেশন"],
        "aliases_en": ["Russia"],
        "demonyms": ["রুশ", "রাশিয়ান"],
    },
    "SA": {"aliases": ["সৌদি আরাবিয়া"], "demonyms": ["সৌদি"]},
    "SD": {"demonyms": ["সুদানি"]},
    "SE": {"demonyms": ["সুইডিশ"]},
    "SG": {"demonyms": ["সিঙ্গাপুরি"]},
    "SI": {"name_bn": "স্লোভেনিয়া"},
    "SY": {"demonyms": ["সিরীয়", "সিরিয়ান"]},
    "TH": {"demonyms": ["থাই"]},
    "TR": {"aliases": ["তুর্কিয়ে", "তুরস্ক প্রজাতন্ত্র"], "aliases_en": ["Turkey"], "demonyms": ["তুর্কি"]},
    "TW": {"demonyms": ["তাইওয়ানি"]},
    "UA": {"demonyms": ["ইউক্রেনীয়", "ইউক্রেনিয়ান"]},
    "US": {
        "name_bn": "যুক্তরাষ্ট্র",
        "aliases": ["আমেরিকা", "ইউনাইটেড স্টেটস", "আমেরিকা যুক্তরাষ্ট্র"],
        "aliases_en": ["US", "USA", "United States", "America"],
        "demonyms": ["মার্কিন", "আমেরিকান"],
        "abbreviations": ["ইউএসএ"],
    },
    "VE": {"demonyms": ["ভেনেজুয়েলান"]},
    "VN": {"demonyms": ["ভিয়েতনামি", "ভিয়েতনামী"]},
    "YE": {"demonyms": ["ইয়েমেনি"]},
    "ZA": {"demonyms": ["দক্ষিণ আফ্রিকান"]},
}

# name_en is the English Wikipedia article title (the identity key the
# evaluation compares), where that differs from CLDR's English name; CLDR's
# name stays in aliases_en.  From memory, not checked online.
WIKIPEDIA_TITLES: dict[str, str] = {
    "AG": "Antigua and Barbuda", "AX": "Åland", "BA": "Bosnia and Herzegovina",
    "BL": "Saint Barthélemy", "BS": "The Bahamas", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CI": "Ivory Coast", "CZ": "Czech Republic",
    "FM": "Federated States of Micronesia", "GE": "Georgia (country)", "GM": "The Gambia",
    "GS": "South Georgia and the South Sandwich Islands", "HK": "Hong Kong",
    "HM": "Heard Island and McDonald Islands", "IE": "Republic of Ireland",
    "KN": "Saint Kitts and Nevis", "LC": "Saint Lucia", "MF": "Collectivity of Saint Martin",
    "MM": "Myanmar", "MO": "Macau", "PM": "Saint Pierre and Miquelon", "PS": "State of Palestine",
    "SH": "Saint Helena, Ascension and Tristan da Cunha", "SJ": "Svalbard and Jan Mayen",
    "ST": "São Tomé and Príncipe", "TC": "Turks and Caicos Islands", "TL": "East Timor",
    "TR": "Turkey", "TT": "Trinidad and Tobago", "UM": "United States Minor Outlying Islands",
    "VC": "Saint Vincent and the Grenadines", "VI": "United States Virgin Islands",
    "WF": "Wallis and Futuna",
}

_OVERLAY_KEYS = {"name_en", "name_bn", "aliases", "aliases_en", "demonyms", "abbreviations"}

HEADER = """\
# Countries and territories: GENERATED by scripts/build_countries.py -- do not edit.
# Change the overlay in that script and rerun it; tests check this file equals
# its output.
#
# Sources: names from CLDR via babel {babel_version} (Bengali and English
# territory names); Bengali variants, demonyms and abbreviations from the
# script's hand-written overlay; Wikidata QIDs written from memory for the
# countries we are confident of and NOT checked online; the rest have
# gh:country-xx ids.  The alpha-2 code of each entry is its `country`.
"""


def _scalar(s: str) -> str:
    """A YAML scalar that reads back as the string ``s`` (plain when safe, else JSON-quoted)."""
    try:
        plain = yaml.safe_load(f"[{s}]") == [s] and yaml.safe_load(f"k: {s}") == {"k": s}
    except yaml.YAMLError:
        plain = False
    if plain and s == s.strip() and "#" not in s and s[:1] not in "'\"&*!%@`|>":
        return s
    return json.dumps(s, ensure_ascii=False)


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(_scalar(x) for x in items) + "]"


def _uniq(forms: list[str], taken: set[str]) -> list[str]:
    out = []
    for f in forms:
        f = " ".join(normalize(f).split())
        k = alias_key(f)
        if k and k not in taken:
            taken.add(k)
            out.append(f)
    return out


def entries() -> list[dict[str, object]]:
    """One dict per country, sorted by code, with every text form normalised."""
    en, bn = Locale("en").territories, Locale("bn").territories
    unknown = (set(OVERLAY) | set(WIKIPEDIA_TITLES)) - country_codes()
    if unknown:
        raise SystemExit(f"overlay has codes CLDR does not: {sorted(unknown)}")
    out = []
    for code in sorted(country_codes()):
        over = OVERLAY.get(code, {})
        bad = set(over) - _OVERLAY_KEYS
        if bad:
            raise SystemExit(f"overlay for {code} has unknown keys {sorted(bad)}")
        cldr_bn = bn.get(code)
        if not cldr_bn:
            raise SystemExit(f"CLDR has no Bengali name for {code}; add name_bn to the overlay or exclude it")
        name_bn = " ".join(normalize(str(over.get("name_bn", cldr_bn))).split())
        taken = {alias_key(name_bn)}
        aliases = _uniq([cldr_bn, *over.get("aliases", [])], taken)  # type: ignore[list-item]
        abbreviations = _uniq(list(over.get("abbreviations", [])), taken)  # type: ignore[arg-type]
        demonyms = _uniq(list(over.get("demonyms", [])), taken)  # type: ignore[arg-type]
        name_en = str(over.get("name_en", WIKIPEDIA_TITLES.get(code, en[code])))
        titled = [] if "(" in name_en else [name_en]  # "Georgia (country)" is no form of text
        # A country as a party is its government (events code "সরকার" as the
        # country), so "Government of Bangladesh" (its English Wikipedia title)
        # names the same actor.
        governed = [f"Government of {name_en}"] if titled else []
        latin = _uniq([*titled, en[code], *over.get("aliases_en", []), *governed], set())  # type: ignore[list-item]
        out.append({
            "id": QIDS.get(code, f"gh:country-{code.lower()}"),
            "name_en": name_en,
            "name_bn": name_bn,
            "aliases": aliases,
            "aliases_en": latin,
            "country": code,
            "demonyms": demonyms,
            "abbreviations": abbreviations,
        })
    return out


def render() -> str:
    import babel

    lines = [HEADER.format(babel_version=babel.__version__).rstrip("\n")]
    for e in entries():
        lines.append("")
        lines.append(f"- id: {e['id']}")
        lines.append("  type: country")
        lines.append(f"  name_en: {_scalar(str(e['name_en']))}")
        lines.append(f"  name_bn: {_scalar(str(e['name_bn']))}")
        lines.append(f"  aliases: {_flow(e['aliases'])}")  # type: ignore[arg-type]
        if e["aliases_en"]:
            lines.append(f"  aliases_en: {_flow(e['aliases_en'])}")  # type: ignore[arg-type]
        lines.append(f"  country: {_scalar(str(e['country']))}")
        if e["demonyms"]:
            lines.append(f"  demonyms: {_flow(e['demonyms'])}")  # type: ignore[arg-type]
        if e["abbreviations"]:
            lines.append(f"  abbreviations: {_flow(e['abbreviations'])}")  # type: ignore[arg-type]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if countries.yaml differs from the output")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale; run scripts/build_countries.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count('- id: ')} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
