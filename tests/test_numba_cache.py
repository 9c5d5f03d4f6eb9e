"""numba's cache: keyed on the package source (no stale results after an edit) and always writable."""
import os
import subprocess
import sys
from pathlib import Path

from course_lib._internal import cache as _cache

ROOT = Path(__file__).resolve().parents[1]


def test_cache_folder_is_keyed_on_the_whole_package_source(tmp_path, monkeypatch):
    # A copy of the package whose jitted helper changes: the hash, hence the cache folder, must change.
    import shutil

    copy = tmp_path / "course_lib"
    shutil.copytree(ROOT / "course_lib", copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(_cache, "_PACKAGE", copy)
    before = _cache.source_hash()
    helper = copy / "core" / "penalties.py"
    helper.write_text(helper.read_text() + "\n# an edit in a helper module\n")
    assert _cache.source_hash() != before


def run_python(code, env):
    full = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    full.update(env)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full, cwd=ROOT, timeout=300)


def test_import_works_when_home_and_xdg_are_read_only(tmp_path):
    # A shared JupyterHub image: nothing writable but the temp dir.
    ro = tmp_path / "readonly"
    ro.mkdir()
    ro.chmod(0o555)
    code = "import course_lib as cl; print(cl.NUMBA_CACHE_DIR); print(cl.soft_threshold(3.0, 1.0))"
    out = run_python(code, {"HOME": str(ro), "XDG_CACHE_HOME": str(ro / "cache"), "TMPDIR": str(tmp_path)})
    if os.geteuid() == 0:  # root ignores permission bits: the fallback order is still exercised below
        assert out.returncode == 0, out.stderr
    else:
        assert out.returncode == 0, out.stderr
        assert str(tmp_path) in out.stdout.splitlines()[0]
    assert out.stdout.splitlines()[-1] == "2.0"


def test_fallback_skips_unwritable_folders(tmp_path, monkeypatch):
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
    assert out.stdout.strip() == str(tmp_path / "mine")


def test_every_jitted_function_is_cached():
    offenders = []
    for path in (ROOT / "course_lib").rglob("*.py"):
        for i, line in enumerate(path.read_text().splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith("@njit") or stripped.startswith("@numba.njit") or stripped.startswith("@jit"):
                if "cache=True" not in stripped:
                    offenders.append(f"{path.name}:{i}")
    assert not offenders, f"jitted functions without cache=True: {offenders}"
