"""Optional mypyc build of the extraction hot path: `make compile` builds it; imports use it only while fresh.

The modules in MODULES are plain Python and always work as such. `make compile` (skilltrends.extract.
native_build; needs mypy, setuptools and a C compiler) compiles them with mypyc into _compiled/, a folder
beside them that is not a package. `skilltrends.extract` puts that folder first on its `__path__` only when
`usable()`: its manifest matches a digest of every module of this package and of skilltrends.models (what
the compiled code was typed against), and this interpreter's extension suffix. An edited source, another
Python or no build at all means the pure modules, never a stale binary; a machine without a C compiler
never needs one. SKILLTRENDS_PURE=1 keeps the pure modules: cProfile does not see inside compiled code,
and compiled callers do not read module attributes that tests patch.
"""

from __future__ import annotations

import hashlib
import json
import os
import sysconfig
from pathlib import Path

__all__ = ["COMPILED_DIR", "GROUP", "MANIFEST", "MODULES", "ext_suffix", "sources_digest", "usable"]

MODULES = ("scan", "matcher", "rules", "requirements", "sections", "pay", "extraction")
PACKAGE = Path(__file__).resolve().parent
COMPILED_DIR = PACKAGE / "_compiled"
MANIFEST = COMPILED_DIR / "MANIFEST"  # JSON; no .json suffix, which package data would pick up
# mypyc's shared library (its "group"): a module of this package, so that it loads from _compiled/ as well.
GROUP = "skilltrends.extract.compiled"


def ext_suffix() -> str:
    return str(sysconfig.get_config_var("EXT_SUFFIX"))


def sources_digest() -> str:
    """sha256 over this package's modules and skilltrends.models."""
    digest = hashlib.sha256()
    for path in [*sorted(PACKAGE.glob("*.py")), PACKAGE.parent / "models.py"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def usable() -> tuple[bool, str]:
    """(whether _compiled/ may be used, why not)."""
    if os.environ.get("SKILLTRENDS_PURE"):
        return False, "SKILLTRENDS_PURE is set"
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False, "not compiled (make compile)"
    if manifest.get("ext_suffix") != ext_suffix():
        return False, f"compiled for {manifest.get('ext_suffix')}, this Python loads {ext_suffix()} (make compile)"
    if not (COMPILED_DIR / (GROUP.rsplit(".", 1)[1] + "__mypyc" + ext_suffix())).is_file():
        return False, "compiled build incomplete (make compile)"
    if manifest.get("sources") != sources_digest():
        return False, "sources changed since `make compile`"
    return True, ""
