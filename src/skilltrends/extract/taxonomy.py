"""The skill taxonomy: versioned data in `skills.json`, validated by `schemas/taxonomy.schema.json`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Skill", "Taxonomy", "load_taxonomy", "DEFAULT_TAXONOMY_PATH"]

DEFAULT_TAXONOMY_PATH = Path(__file__).with_name("skills.json")


@dataclass(frozen=True, slots=True)
class Skill:
    """One canonical skill and the surface forms that name it."""

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    cased_aliases: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    context: str | None = None
    context_aliases: frozenset[str] = frozenset()
    # Skills this one's names spell out and so also name: "Spark MLlib" names Spark, "Bayesian statistics"
    # statistics, "LLM evaluation" LLMs. Where an alias of one of these occurs inside a matched alias of this
    # skill, it is tagged too (nested in the outer mention) instead of being swallowed by the longer match.
    # A cloud's own products are not listed: "AWS SageMaker" is SageMaker only, as the sample market's truth
    # and our annotators read it.
    contains: frozenset[str] = frozenset()
    # Aliases that name other skills too: "AKS" is Azure's managed Kubernetes, so Kubernetes as well
    implies: dict[str, frozenset[str]] = field(default_factory=dict, hash=False)

    def insensitive_aliases(self) -> tuple[str, ...]:
        """Aliases matched in any case: the name (unless it is cased) and `aliases`, lower-cased."""
        forms = list(self.aliases)
        if self.name not in self.cased_aliases:
            forms.append(self.name)
        return tuple(dict.fromkeys(form.lower() for form in forms))


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Canonical skills by id, report groups and the degree vocabulary."""

    version: str
    skills: dict[str, Skill]
    groups: dict[str, frozenset[str]]
    categories: tuple[str, ...]
    degrees: dict[str, Any] = field(default_factory=dict)
    path: str | None = None

    def category(self, skill_id: str) -> str:
        """The category of `skill_id`; KeyError names the unknown id."""
        return self.skills[skill_id].category

    def degree_field_id(self, name: str) -> str | None:
        """The degree field id ("computer_science") for an id or a name ("Computer Science", "CS"), or None.

        Extraction stores ids; other sources (the sample market's truth) use names: compare through this.
        """
        key = " ".join(name.replace("_", " ").lower().split())
        for field_id, terms in self.degrees.get("fields", {}).items():
            if key == field_id.replace("_", " ") or key in (t.lower() for t in terms):
                return str(field_id)
        return None

    def degree_terms(self) -> dict[str, tuple[str, ...]]:
        """Degree vocabulary flattened: 'level:bachelor' / 'field:computer_science' -> terms."""
        out: dict[str, tuple[str, ...]] = {}
        for level, terms in self.degrees.get("levels", {}).items():
            out[f"level:{level}"] = tuple(terms)
        for name, terms in self.degrees.get("fields", {}).items():
            out[f"field:{name}"] = tuple(terms)
        return out


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Read a taxonomy file (default: the packaged `skills.json`)."""
    source = Path(path) if path is not None else DEFAULT_TAXONOMY_PATH
    data = json.loads(source.read_text(encoding="utf-8"))
    return taxonomy_from_dict(data, path=str(source))


def taxonomy_from_dict(data: dict[str, Any], *, path: str | None = None) -> Taxonomy:
    """Build a Taxonomy from already-parsed JSON (see the schema for the shape)."""
    skills: dict[str, Skill] = {}
    groups: dict[str, set[str]] = {name: set() for name in data.get("groups", {})}
    for raw in data["skills"]:
        skill = Skill(
            id=raw["id"],
            name=raw["name"],
            category=raw["category"],
            aliases=tuple(raw.get("aliases", ())),
            cased_aliases=tuple(raw.get("cased_aliases", ())),
            groups=tuple(raw.get("groups", ())),
            context=raw.get("context"),
            context_aliases=frozenset(form.lower() for form in raw.get("context_aliases", ())),
            contains=frozenset(raw.get("contains", ())),
            implies={form.lower(): frozenset(ids) for form, ids in raw.get("implies", {}).items()},
        )
        if skill.id in skills:
            raise ValueError(f"Duplicate skill id {skill.id!r} in {path or 'taxonomy'}")
        skills[skill.id] = skill
        for group in skill.groups:
            groups.setdefault(group, set()).add(skill.id)
    for skill in skills.values():
        unknown = sorted(skill.contains - skills.keys())
        if unknown or skill.id in skill.contains:
            raise ValueError(
                f"Skill {skill.id!r} in {path or 'taxonomy'}: 'contains' must list other skills' ids "
                f"(unknown: {', '.join(unknown) or skill.id})"
            )
        forms = {form.lower() for form in (*skill.aliases, *skill.cased_aliases, skill.name)}
        for form, ids in skill.implies.items():
            unknown = sorted(ids - skills.keys())
            if unknown or skill.id in ids or form not in forms:
                problem = "not one of its aliases" if form not in forms else f"bad ids {unknown or [skill.id]}"
                raise ValueError(
                    f"Skill {skill.id!r} in {path or 'taxonomy'}: 'implies' maps its own aliases to other skills' "
                    f"ids ({form!r}: {problem})"
                )
    return Taxonomy(
        version=str(data["version"]),
        skills=skills,
        groups={name: frozenset(ids) for name, ids in groups.items()},
        categories=tuple(data.get("categories", ())),
        degrees=dict(data.get("degrees", {})),
        path=path,
    )
