"""Build, remove or report the optional mypyc build of the extraction modules (see skilltrends.extract.native).

Usage: python -m skilltrends.extract.native_build [status|build|clean]   (`make compile` runs build, then status)
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

from skilltrends.extract.native import (
    COMPILED_DIR,
    GROUP,
    MANIFEST,
    MODULES,
    PACKAGE,
    ext_suffix,
    sources_digest,
    usable,
)

__all__ = ["build", "clean", "status"]


def build() -> None:
    """Compile MODULES with mypyc into _compiled/ (replaced whole; its manifest says what it was built from)."""
    try:
        from mypyc.build import mypycify  # noqa: PLC0415 - build time only (mypy is a dev dependency)
        from setuptools import Distribution  # noqa: PLC0415
        from setuptools.command.build_ext import build_ext  # noqa: PLC0415
    except ImportError as exc:
        raise SystemExit(f"compiling needs mypy (for mypyc) and setuptools installed: {exc}") from exc
    missing = _missing_toolchain()
    if missing:
        raise SystemExit(f"cannot compile: {missing}; the extraction modules stay pure Python")
    digest = sources_digest()
    suffix = ext_suffix()
    with tempfile.TemporaryDirectory(prefix="skilltrends-mypyc-") as tmp:
        extensions = mypycify(
            ["--ignore-missing-imports", "--strict", *(str(PACKAGE / f"{name}.py") for name in MODULES)],
            target_dir=str(Path(tmp, "c")),
            group_name=GROUP,
        )
        command = build_ext(Distribution({"name": "skilltrends-compiled", "ext_modules": extensions}))
        command.build_lib = str(Path(tmp, "lib"))
        command.build_temp = str(Path(tmp, "temp"))
        command.ensure_finalized()
        try:
            command.run()
        except Exception as exc:  # distutils' CompileError/LinkError and the like
            raise SystemExit(f"C build failed ({exc}); the extraction modules stay pure Python") from exc
        built = sorted(Path(tmp, "lib", *GROUP.split(".")[:-1]).glob("*" + suffix))
        expected = {name + suffix for name in (*MODULES, GROUP.rsplit(".", 1)[1] + "__mypyc")}
        if {path.name for path in built} != expected:
            raise SystemExit(f"mypyc built {sorted(p.name for p in built)}, expected {sorted(expected)}")
        # Staged beside _compiled/ and renamed into place: an import meanwhile finds the old build, none (pure
        # Python) or the whole new one, never some modules of each.
        staging = COMPILED_DIR.with_name(COMPILED_DIR.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        for path in built:
            shutil.copy2(path, staging / path.name)
        manifest = {"sources": digest, "ext_suffix": suffix, "modules": list(MODULES)}
        (staging / MANIFEST.name).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        clean()
        staging.rename(COMPILED_DIR)
    if sources_digest() != digest:
        raise SystemExit("sources changed while compiling: the build is not used; run make compile again")


def _missing_toolchain() -> str:
    """What compiling lacks here (a C compiler, Python's headers), or ""."""
    compiler = shlex.split(os.environ.get("CC") or str(sysconfig.get_config_var("CC") or "cc"))[:1]
    if not compiler or shutil.which(compiler[0]) is None:
        return f"no C compiler ({' '.join(compiler) or 'CC'} not found)"
    if not Path(sysconfig.get_paths()["include"], "Python.h").is_file():
        return f"no Python headers (Python.h in {sysconfig.get_paths()['include']}; e.g. python3-dev)"
    return ""


def clean() -> None:
    shutil.rmtree(COMPILED_DIR, ignore_errors=True)


def status() -> str:
    """Which extraction modules this interpreter loads, and why."""
    from skilltrends.extract import extraction  # noqa: PLC0415

    if (extraction.__file__ or "").endswith(ext_suffix()):
        return f"compiled with mypyc ({COMPILED_DIR})"
    _, reason = usable()
    return f"pure Python ({reason or 'compiled build present but not loaded'})"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "status"
    if command == "build":
        build()
        print(f"compiled {', '.join(MODULES)} into {COMPILED_DIR}")
        return 0
    if command == "clean":
        clean()
        print(f"removed {COMPILED_DIR}")
        return 0
    if command != "status":
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    print(f"extraction modules: {status()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
