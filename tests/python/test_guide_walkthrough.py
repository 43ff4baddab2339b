"""The guide's new-project walkthrough (docs/guide.md, section 5, "A whole project"),
executed as written: every fenced block whose first line is `# file: PATH` or
`// file: PATH` is written to PATH in a temporary project, the `../pykernel/` path
dependencies are pointed at this repository, the project is built with maturin, and
its `check.py` (compiled kernels against CPython, capsules through ctypes) runs against
the built wheel. So the docs cannot drift from what works.

The build shares `<repo>/target/examples` with the other example wheels (same lock
file, same release profile), so after scripts/test.sh has built examples/testlib only
the project's own crate compiles.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "guide.md"
FENCE = re.compile(r"^```[a-z]*\n((?:#|//) file: (\S+)\n.*?)^```$", re.S | re.M)


def guide_files() -> dict[str, str]:
    files: dict[str, str] = {}
    for m in FENCE.finditer(GUIDE.read_text(encoding="utf-8")):
        body, path = m.group(1), m.group(2)
        assert path not in files, f"docs/guide.md: `file: {path}` appears twice"
        files[path] = body
    return files


def test_guide_marks_the_whole_project():
    files = guide_files()
    assert set(files) == {
        "Cargo.toml",
        "pyproject.toml",
        "build.rs",
        "kernels/integrands.py",
        "kernels/smoothing.py",
        "src/lib.rs",
        "check.py",
    }
    # The path form, pointing at a checkout next to the project.
    assert 'path = "../pykernel/pykernel"' in files["Cargo.toml"]
    assert 'path = "../pykernel/pykernel-build"' in files["Cargo.toml"]


def test_guide_project_builds_imports_and_matches_cpython(tmp_path):
    maturin = shutil.which("maturin", path=str(Path(sys.executable).parent)) or shutil.which("maturin")
    if maturin is None:
        pytest.fail("maturin is not installed (scripts/venv.sh installs it)")
    project = tmp_path / "mykernels"
    for rel, text in guide_files().items():
        if rel == "Cargo.toml":
            text = text.replace('path = "../pykernel/', f'path = "{REPO.as_posix()}/')
            assert "../pykernel/" not in text
        dest = project / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
    # The versions the example wheel was built with, so that its compiled dependencies
    # in the shared target directory are reused.
    shutil.copy(REPO / "examples" / "testlib" / "Cargo.lock", project / "Cargo.lock")

    env = dict(os.environ)
    env.setdefault("CARGO_TARGET_DIR", str(REPO / "target" / "examples"))
    env.setdefault("CARGO_TERM_COLOR", "never")
    dist = tmp_path / "dist"
    build = subprocess.run(
        [maturin, "build", "--release", "--quiet", "--manifest-path", str(project / "Cargo.toml"),
         "--interpreter", sys.executable, "--out", str(dist)],
        cwd=project, env=env, capture_output=True, text=True, timeout=1200,
    )
    assert build.returncode == 0, f"maturin build failed:\n{build.stdout}\n{build.stderr}"
    wheels = list(dist.glob("mykernels-*.whl"))
    assert len(wheels) == 1, wheels

    site = tmp_path / "site"
    with zipfile.ZipFile(wheels[0]) as whl:
        names = set(whl.namelist())
        whl.extractall(site)
    # The stubs written by build.rs (Config::stub_file) ship in the wheel.
    assert "mykernels/__init__.pyi" in names and "mykernels/py.typed" in names, sorted(names)
    stub = (site / "mykernels" / "__init__.pyi").read_text()
    assert "def moving_average(x: npt.NDArray[np.float64], w: int) -> npt.NDArray[np.float64]:" in stub
    assert "def ratio_py(a: float, b: float) -> float:" in stub
    assert "gauss: CapsuleType" in stub

    run_env = dict(os.environ, PYTHONPATH=str(site))
    check = subprocess.run(
        [sys.executable, "check.py"], cwd=project, env=run_env, capture_output=True, text=True, timeout=120,
    )
    assert check.returncode == 0, f"check.py failed:\n{check.stdout}\n{check.stderr}"
    assert check.stdout == "mykernels: all kernels match CPython\n"

    # The one-liner of the guide, and its output as shown there.
    guide = GUIDE.read_text(encoding="utf-8")
    line = 'import mykernels, numpy as np; print(mykernels.moving_average(np.arange(6.0), 3))'
    assert f'python -c "{line}"\n# [1. 2. 3. 4.]\n' in guide
    one = subprocess.run([sys.executable, "-c", line], cwd=tmp_path, env=run_env, capture_output=True, text=True)
    assert one.returncode == 0, one.stderr
    assert one.stdout == "[1. 2. 3. 4.]\n"
