"""numba's cache: keyed on the modules that feed jitted code, private to course_lib, always writable."""
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from course_lib._internal import cache as _cache

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    copy = tmp_path / "course_lib"
    shutil.copytree(ROOT / "course_lib", copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(_cache, "_PACKAGE", copy)
    return copy


def _append(path: Path, text: str):
    path.write_text(path.read_text() + text)


def test_key_ignores_non_jitted_modules_and_follows_jitted_helpers(package_copy):
    before = _cache.source_hash()
    for rel in ("exercises/ch1.py", "_internal/validation.py", "plots/style.py", "solvers/lasso.py"):
        _append(package_copy / rel, '\n"""an edited hint"""\n')
        assert _cache.source_hash() == before, f"editing {rel} (no jitted code) changed the cache key"
    _append(package_copy / "_internal" / "vector_ops.py", "\n# a jitted helper other kernels call\n")
    assert _cache.source_hash() != before


def test_a_module_counts_when_a_jitted_body_uses_its_names(package_copy):
    (package_copy / "consts.py").write_text("EPS = 1e-3\nLABEL = 'x'\n")
    (package_copy / "kern.py").write_text(textwrap.dedent("""
        from ._internal.jit import njit
        from .consts import EPS
        @njit(cache=True)
        def f(x):
            return x + EPS
    """))
    (package_copy / "py_only.py").write_text("from .notebook import setup_notebook\ndef g():\n    return setup_notebook\n")
    found = {str(p.relative_to(package_copy)) for p in _cache.jitted_modules()}
    assert {"consts.py", "kern.py", "_internal/vector_ops.py", "core/penalties.py"} <= found
    assert not found & {"py_only.py", "notebook.py", "_internal/validation.py", "exercises/ch1.py",
                        "solvers/lasso.py", "solvers/_working_set.py"}


def test_memo_is_refreshed_when_a_module_changes(package_copy, tmp_path):
    memo = tmp_path / "memo.json"
    first = _cache.source_hash(memo=memo)
    assert memo.exists() and _cache.source_hash(memo=memo) == first
    (package_copy / "core" / "extra_kernel.py").write_text(
        "from .._internal.jit import njit\n@njit(cache=True)\ndef h(x):\n    return 2 * x\n")
    assert _cache.source_hash(memo=memo) != first  # the memo did not hide a new jitted module


def test_prune_removes_only_this_installs_stale_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path))
    root = _cache.cache_root()
    current = _cache.cache_folder(root)
    me = _cache.install_id()
    old = time.time() - 2 * _cache.PRUNE_AFTER_S
    folders = {name: root / name for name in
               (f"numba-{me}-stale", f"numba-{me}-recent", "numba-otherins-stale", "numba-0123456789abcdef")}
    for name, folder in folders.items():
        (folder / "core").mkdir(parents=True)
        (folder / "core" / "f.nbi").write_text("")
        if "recent" not in name:
            for p in (folder, folder / "core", folder / "core" / "f.nbi"):
                os.utime(p, (old, old))
    current.mkdir(parents=True, exist_ok=True)
    removed = _cache.prune_stale(current)
    assert removed == [folders[f"numba-{me}-stale"]]
    assert current.exists() and all(folders[n].exists() for n in folders if n != f"numba-{me}-stale")
    old_layout = time.time() - 2 * _cache.PRUNE_OLD_LAYOUT_AFTER_S
    for p in folders["numba-0123456789abcdef"].rglob("*"):
        os.utime(p, (old_layout, old_layout))
    os.utime(folders["numba-0123456789abcdef"], (old_layout, old_layout))
    assert _cache.prune_stale(current) == [folders["numba-0123456789abcdef"]]


def run_python(code, env, cwd=ROOT):
    full = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    full.update(env)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full, cwd=cwd, timeout=300)


FIRST_CALL = ("import course_lib as cl; from course_lib.core.penalties import soft_threshold_scalar as f; "
              "f(3.0, 1.0); s = f.stats; print(cl.NUMBA_CACHE_DIR); print(len(s.cache_hits), len(s.cache_misses))")


def test_kernels_load_from_cache_after_an_exercise_edit_and_recompile_after_a_helper_edit(tmp_path):
    copy = tmp_path / "src" / "course_lib"
    shutil.copytree(ROOT / "course_lib", copy, ignore=shutil.ignore_patterns("__pycache__"))
    env = {"NUMBA_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(copy.parent)}

    def first_call():
        out = run_python(FIRST_CALL, env, cwd=copy.parent)
        assert out.returncode == 0, out.stderr
        folder, counts = out.stdout.splitlines()[-2:]
        assert folder.startswith(str(copy.parent.parent / "cache"))
        return folder, tuple(int(c) for c in counts.split())

    folder0, counts0 = first_call()
    assert counts0 == (0, 1)  # compiled: a miss
    _append(copy / "exercises" / "ch1.py", '\n"""an edited exercise docstring"""\n')
    folder1, counts1 = first_call()
    assert (folder1, counts1) == (folder0, (1, 0)), "an exercise edit must not recompile the kernels"
    _append(copy / "core" / "penalties.py", "\n# an edited jitted module\n")
    folder2, counts2 = first_call()
    assert folder2 != folder0 and counts2 == (0, 1)


def test_other_numba_libraries_keep_numbas_own_cache(tmp_path):
    lib = tmp_path / "otherlib.py"
    lib.write_text("from numba import njit\n@njit(cache=True)\ndef twice(x):\n    return 2 * x\n")
    code = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(tmp_path)!r})
        import course_lib as cl
        import numba
        import otherlib
        assert otherlib.twice(2.0) == 4.0
        print(repr(os.environ.get("NUMBA_CACHE_DIR")), repr(numba.config.CACHE_DIR))
        print(otherlib.twice.stats.cache_path)
        print(cl.NUMBA_CACHE_DIR)
    """)
    out = run_python(code, {})
    assert out.returncode == 0, out.stderr
    env_line, other_path, ours = out.stdout.splitlines()[-3:]
    assert env_line == "None ''"  # course_lib set neither numba's variable nor its global config
    assert Path(other_path) == tmp_path / "__pycache__"  # numba's in-tree default, as without course_lib
    assert not other_path.startswith(ours)


def test_import_works_when_home_and_xdg_are_read_only(tmp_path):
    # A shared JupyterHub image: nothing writable but the temp dir.
    ro = tmp_path / "readonly"
    ro.mkdir()
    ro.chmod(0o555)
    code = "import course_lib as cl; print(cl.NUMBA_CACHE_DIR); print(cl.soft_threshold(3.0, 1.0))"
    out = run_python(code, {"HOME": str(ro), "XDG_CACHE_HOME": str(ro / "cache"), "TMPDIR": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    if os.geteuid() != 0:  # root ignores permission bits: the fallback order is exercised below
        assert out.stdout.splitlines()[0].startswith(str(tmp_path))
    assert out.stdout.splitlines()[-1] == "2.0"


def test_fallback_skips_unwritable_folders(tmp_path, monkeypatch):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    calls = []

    def fake_writable(folder):
        calls.append(folder)
        return "xdg" not in str(folder)

    monkeypatch.setattr(_cache, "_writable", fake_writable)
    root = _cache.cache_root()
    assert "xdg" in str(calls[0]) and "xdg" not in str(root)


def test_user_setting_wins(tmp_path):
    out = run_python("import course_lib as cl; print(cl.NUMBA_CACHE_DIR)", {"NUMBA_CACHE_DIR": str(tmp_path / "mine")})
    assert out.returncode == 0, out.stderr
    assert Path(out.stdout.strip()).parent == tmp_path / "mine" / "course_lib"


def test_every_jitted_function_is_cached():
    offenders = []
    for path in (ROOT / "course_lib").rglob("*.py"):
        for i, line in enumerate(path.read_text().splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith("@njit") or stripped.startswith("@numba.njit") or stripped.startswith("@jit"):
                if "cache=True" not in stripped:
                    offenders.append(f"{path.name}:{i}")
    assert not offenders, f"jitted functions without cache=True: {offenders}"


def test_warmup_reaches_every_kernel():
    """`python -m course_lib warmup` (run by make lab / make test) must compile every jitted function:
    a new kernel is added to its WORKLOAD, or a learner's first call to it compiles."""
    from course_lib._internal import warmup

    report = warmup.warm()
    assert report.missing == [], f"kernels the warm-up never reaches: {report.missing}"
    assert len(warmup.dispatchers()) >= 30
