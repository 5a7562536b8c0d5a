"""The histology catalogue: each histology's class in each prognostic score and its radiosensitivity.

`lookup("leiomyosarcoma", site="thigh")` gives a HistologyEntry whose class fields are tuples of the table
options still possible (one option when the table places the histology, several when it depends on a fact
the histology alone does not give). A histology the catalogue does not know gives None: the caller leaves
the affected score items open and says so; it is not an error in a case. `require_histology` is the strict
form for calculator input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import UnknownNameError
from ._yaml import load_data_file

# Option keys of the score tables these classes must name (checked at load against the tables' YAML).
CLASS_FIELDS = ("tokuhashi", "tomita", "katagiri")
RADIOSENSITIVITY = ("sensitive", "resistant", "moderate")


@dataclass(frozen=True)
class HistologyEntry:
    key: str
    name: str
    synonyms: tuple[str, ...]
    tokuhashi: tuple[str, ...] | None
    tomita: tuple[str, ...] | None
    katagiri: tuple[str, ...] | None
    bauer_favourable: bool | None
    bauer_lung: bool | None
    radiosensitivity: str | None
    sources: tuple[str, ...] = ()
    interpretive: tuple[str, ...] = ()
    site: str | None = None
    interpretive_tags: tuple[tuple[str, ...], ...] = field(default=())  # the classes each note concerns

    def notes_for(self, cls: str) -> list[str]:
        """The interpretive notes about one class ("tokuhashi", "tomita", "katagiri", "bauer",
        "radiosensitivity")."""
        return [
            note
            for note, tags in zip(self.interpretive, self.interpretive_tags)
            if cls in tags or "general" in tags
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "site": self.site,
            "synonyms": list(self.synonyms),
            "tokuhashi": _listed(self.tokuhashi),
            "tomita": _listed(self.tomita),
            "katagiri": _listed(self.katagiri),
            "bauer_favourable": self.bauer_favourable,
            "bauer_lung": self.bauer_lung,
            "radiosensitivity": self.radiosensitivity,
            "sources": list(self.sources),
            "interpretive": list(self.interpretive),
        }


def _listed(value: tuple[str, ...] | None) -> list[str] | None:
    return None if value is None else list(value)


def normalize(text: str) -> str:
    """Lower case, single spaces, no punctuation at the ends: the form names are compared in."""
    return re.sub(r"\s+", " ", str(text).strip().lower().replace("_", " ").replace("-", " ")).strip(" .,;")


_CLASS_KEYS = ("tokuhashi", "tomita", "katagiri", "bauer_favourable", "bauer_lung", "radiosensitivity")


def _tuple(value: Any) -> tuple[str, ...] | None:
    return None if value is None else tuple(str(v) for v in value)


def _check_classes(where: str, data: dict[str, Any]) -> None:
    allowed = _allowed_options()
    for name in CLASS_FIELDS:
        for option in data.get(name) or []:
            if option not in allowed[name]:
                raise ValueError(
                    f"histologies.yaml {where}: {name} class {option!r} is not an option of the "
                    f"{name} table ({', '.join(sorted(allowed[name]))})"
                )
    radio = data.get("radiosensitivity")
    if radio is not None and radio not in RADIOSENSITIVITY:
        raise ValueError(f"histologies.yaml {where}: radiosensitivity {radio!r} not in {RADIOSENSITIVITY}")


def _allowed_options() -> dict[str, set[str]]:
    from .tables import score_table

    items = {
        "tokuhashi": ("tokuhashi_revised", "primary_site"),
        "tomita": ("tomita", "primary_growth"),
        "katagiri": ("katagiri_new", "primary_lesion"),
    }
    return {name: set(score_table(score).item(item).option_keys) for name, (score, item) in items.items()}


@lru_cache(maxsize=1)
def _catalogue() -> tuple[
    dict[str, dict[str, Any]], dict[str, str], dict[str, dict[str, Any]], dict[str, str]
]:
    raw = load_data_file("histologies.yaml")
    histologies: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    for key, data in raw["histologies"].items():
        histologies[key] = data
        for written in [key, *(data.get("synonyms") or [])]:
            norm = normalize(written)
            if names.get(norm, key) != key:
                raise ValueError(f"histologies.yaml: {written!r} names both {names[norm]!r} and {key!r}")
            names[norm] = key
        if not data.get("by_site") and not data.get("site"):
            _check_classes(key, data)
        for site, override in (data.get("site_overrides") or {}).items():
            _check_classes(f"{key} at {site}", override)
    sites: dict[str, dict[str, Any]] = {}
    site_names: dict[str, str] = {}
    for key, data in raw["sites"].items():
        _check_classes(f"site {key}", data)
        sites[key] = data
        for written in [key, *(data.get("synonyms") or [])]:
            site_names[normalize(written)] = key
    for key, data in histologies.items():
        if data.get("site") and data["site"] not in sites:
            raise ValueError(f"histologies.yaml: {key} names site {data['site']!r}, which is not under sites")
    return histologies, names, sites, site_names


def histology_names() -> list[str]:
    """Every catalogue key (the case vocabulary), in file order."""
    return list(_catalogue()[0])


def canonical_histology(text: str | None) -> str | None:
    if text is None:
        return None
    return _catalogue()[1].get(normalize(text))


def canonical_site(text: str | None) -> str | None:
    if text is None:
        return None
    return _catalogue()[3].get(normalize(text))


_TAG = re.compile(r"^\[([a-z_,]+)\]\s*")
NOTE_CLASSES = ("tokuhashi", "tomita", "katagiri", "bauer", "radiosensitivity", "general")


def _parse_note(text: str) -> tuple[tuple[str, ...], str]:
    match = _TAG.match(text)
    if not match:
        raise ValueError(f"histologies.yaml: interpretive note without [class] tag: {text!r}")
    tags = tuple(match.group(1).split(","))
    if not set(tags) <= set(NOTE_CLASSES):
        raise ValueError(f"histologies.yaml: unknown note tag in {text!r}; allowed {NOTE_CLASSES}")
    return tags, text[match.end() :]


def _entry(
    key: str,
    name: str,
    synonyms: Any,
    classes: dict[str, Any],
    site: str | None,
    interpretive: list[str],
    sources: list[str],
) -> HistologyEntry:
    parsed = [_parse_note(note) for note in dict.fromkeys(interpretive)]
    return HistologyEntry(
        key=key,
        name=name,
        synonyms=tuple(synonyms or ()),
        tokuhashi=_tuple(classes.get("tokuhashi")),
        tomita=_tuple(classes.get("tomita")),
        katagiri=_tuple(classes.get("katagiri")),
        bauer_favourable=classes.get("bauer_favourable"),
        bauer_lung=classes.get("bauer_lung"),
        radiosensitivity=classes.get("radiosensitivity"),
        sources=tuple(sources),
        interpretive=tuple(text for _, text in parsed),
        interpretive_tags=tuple(tags for tags, _ in parsed),
        site=site,
    )


def lookup(histology: str | None, site: str | None = None) -> HistologyEntry | None:
    """The classes of a histology (at a primary site), or None when neither is known to the catalogue."""
    histologies, _, sites, _ = _catalogue()
    key = canonical_histology(histology)
    site_key = canonical_site(site)
    if key is None:
        if histology is not None and normalize(histology) not in ("", "unknown"):
            return None  # a histology we do not know: the caller states its fallback
        if site_key is None:
            return None
        data = sites[site_key]
        return _entry(
            f"site:{site_key}",
            f"primary of the {site_key} (histology not stated)",
            (),
            data,
            site_key,
            list(data.get("interpretive") or []),
            ["tokuhashi2005", "tomita2001", "katagiri2014", "bauer1995"],
        )
    data = histologies[key]
    interpretive = list(data.get("interpretive") or [])
    if data.get("by_site") or data.get("site"):
        organ = site_key or data.get("site")
        if organ is None:
            # Adenocarcinoma of an unstated organ: every organ-dependent class is open.
            classes = {"radiosensitivity": data.get("radiosensitivity")}
            interpretive.append(
                f"[general] {key} names no organ and no primary site is given: the "
                "organ-dependent score items stay open."
            )
            return _entry(key, key, data.get("synonyms"), classes, None, interpretive, [])
        classes = dict(sites[organ])
        if "radiosensitivity" in data:
            classes["radiosensitivity"] = data["radiosensitivity"]
        interpretive += list(sites[organ].get("interpretive") or [])
        return _entry(
            key,
            key,
            data.get("synonyms"),
            classes,
            organ,
            interpretive,
            ["tokuhashi2005", "tomita2001", "katagiri2014", "bauer1995", "laufer2013"],
        )
    classes = dict(data)
    overrides = data.get("site_overrides") or {}
    override = overrides.get(site_key or "")
    if override:
        classes.update({k: v for k, v in override.items() if k in _CLASS_KEYS})
        interpretive.append(override["note"])
    elif (site is None or normalize(site) in ("", "unknown")) and overrides:
        # The site is unknown and would change a class: every class a site could give stays possible.
        for site, extra in overrides.items():
            for name in CLASS_FIELDS:
                if extra.get(name):
                    classes[name] = list(dict.fromkeys([*(classes.get(name) or []), *extra[name]]))
            tags, text = _parse_note(extra["note"])
            interpretive.append(f"[{','.join(tags)}] Primary site not given; if it is the {site}: {text}")
    return _entry(
        key, key, data.get("synonyms"), classes, site_key, interpretive, list(data.get("sources") or [])
    )


def require_histology(histology: str, site: str | None = None) -> HistologyEntry:
    """Like lookup, but an unknown name is an UnknownNameError listing the catalogue."""
    entry = lookup(histology, site)
    if entry is None:
        raise UnknownNameError("histology", histology, histology_names(), what="histology")
    return entry
