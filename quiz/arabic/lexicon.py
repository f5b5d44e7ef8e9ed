"""The word lists in ``quiz/arabic/data`` (dates, people, gazetteer), loaded once, keyed by
normalised form."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from quiz.arabic.normalize import normalize


def load_data(name: str) -> dict[str, Any]:
    """One JSON file of ``quiz/arabic/data``."""
    text = resources.files("quiz.arabic").joinpath(f"data/{name}").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


@dataclass(frozen=True, slots=True)
class DateWords:
    months: dict[str, int]  # normalised month name (one or two words) -> month number
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]  # normalised Hijri month name (one or two words) -> month number
    ordinal_days: dict[str, int]  # normalised ordinal (one or two words: "السابع عشر") -> day of the month
    weekdays: frozenset[str]
    relative: frozenset[str]
    year_words: frozenset[str]
    duration_units: dict[str, str]  # normalised unit form -> unit (year, month, ...)
    era_marks: frozenset[str]
    ordinals: frozenset[str]
    time_qualifiers: frozenset[str]


@cache
def date_words() -> DateWords:
    data = load_data("dates.json")
    months = {normalize(name): int(number) for number, names in data["months"].items() for name in names}
    hijri = {normalize(name): int(number) for number, names in data["hijri_months"].items() for name in names}
    days = {normalize(name): int(number) for number, names in data["ordinal_days"].items() for name in names}
    units = {normalize(form): unit for unit, forms in data["duration_units"].items() for form in forms}
    return DateWords(
        months=months,
        ambiguous_months=_norm_set(data["ambiguous_months"]),
        hijri_months=hijri,
        ordinal_days=days,
        weekdays=_norm_set(data["weekdays"]),
        relative=_norm_set(data["relative"]),
        year_words=_norm_set(data["year_words"]),
        duration_units=units,
        era_marks=_norm_set(data["era_marks"]),
        ordinals=_norm_set(data["ordinal_centuries"]),
        time_qualifiers=_norm_set(data["time_qualifiers"]),
    )


@dataclass(frozen=True, slots=True)
class PeopleWords:
    honorifics: frozenset[str]
    role_heads: frozenset[str]  # one- or multi-word, normalised
    occupations: frozenset[str]
    name_links: frozenset[str]
    not_names: frozenset[str]
    place_heads: frozenset[str]


@cache
def people_words() -> PeopleWords:
    data = load_data("people.json")
    return PeopleWords(
        honorifics=_norm_set(data["honorifics"]),
        role_heads=_norm_set(data["role_heads"]),
        occupations=_norm_set(data["occupations"]),
        name_links=_norm_set(data["name_links"]),
        not_names=_norm_set(data["not_names"]),
        place_heads=_norm_set(data["place_heads"]),
    )


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: its canonical name, type (country, capital, city, region, org), and country."""

    name: str
    type: str
    country: str = ""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_form: dict[tuple[str, ...], tuple[Place, bool]]  # normalised words -> (entry, ambiguous form)
    entries: tuple[Place, ...]
    longest: int

    def of_type(self, kind: str) -> tuple[Place, ...]:
        return tuple(p for p in self.entries if p.type == kind)


@cache
def gazetteer() -> Gazetteer:
    data = load_data("gazetteer.json")
    by_form: dict[tuple[str, ...], tuple[Place, bool]] = {}
    entries = []
    for item in data["entries"]:
        place = Place(item["name"], item["type"], item.get("country", ""))
        entries.append(place)
        forms = [(item["name"], False)] + [(v, False) for v in item.get("variants", [])]
        forms += [(v, True) for v in item.get("ambiguous_variants", [])]
        for form, ambiguous in forms:
            key = tuple(normalize(form).split())
            by_form.setdefault(key, (place, ambiguous))
    return Gazetteer(by_form, tuple(entries), max(len(k) for k in by_form))
