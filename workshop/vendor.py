"""Pinned JavaScript for offline slides and site, fetched once from the npm registry.

nbconvert's HTML and slide templates load reveal.js, require.js, jQuery, MathJax and the widgets'
``@jupyter-widgets/html-manager`` from CDNs by default: a deck or page opened without internet then shows
no slides, no maths and no widgets.  Instead, ``npm pack`` downloads each package's tarball at a pinned
version (no dependencies, no install scripts), its sha512 is compared with the one recorded below, and only
the files the pages use are kept in ``_build/vendor/`` (a cache: later builds need no network).  Each
build then copies them into its own ``lib/`` folder, so ``_build/slides/`` and ``_build/site/`` can be
copied to a USB stick and opened anywhere.

    python -m workshop.vendor          # fetch (or reuse) the cache and list what it holds
"""
from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "_build" / "vendor"

# name -> (version, npm's sha512 integrity of the tarball, files kept: globs relative to the package root,
#          folder name under lib/)
PACKAGES = {
    "reveal.js": ("5.2.1",
                  "sha512-r7//6mIM5p34hFiDMvYfXgyjXqGRta+/psd9YtytsgRlrpRzFv4RbH76TXd2qD+7ZPZEbpBDhdRhJaFgfQ7zNQ==",
                  ["LICENSE", "dist/reveal.js", "dist/reveal.css", "dist/reset.css", "dist/theme/white.css",
                   "dist/theme/fonts/source-sans-pro/*", "plugin/notes/notes.js"],
                  "reveal.js"),
    "requirejs": ("2.3.8",
                  "sha512-7/cTSLOdYkNBNJcDMWf+luFvMriVm7eYxp4BcFCsAX0wF421Vyce5SXP17c+Jd5otXKGNehIonFlyQXSowL6Mw==",
                  ["require.js", "README.md"],
                  "requirejs"),
    "jquery": ("3.7.1",
               "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
               ["LICENSE.txt", "dist/jquery.min.js"],
               "jquery"),
    "@jupyter-widgets/html-manager": (
        "1.0.15",
        "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA==",
        ["LICENSE*", "dist/embed-amd.js", "dist/embed.js.LICENSE.txt", "dist/*.woff", "dist/*.woff2"],
        "html-manager"),
    # MathJax 2: nbconvert's templates configure it through the MathJax 2 API (MathJax.Hub).
    "mathjax": ("2.7.9",
                "sha512-NOGEDTIM9+MrsqnjPEjVGNx4q0GQxqm61yQwSK+/5S59i26wId5IC5gNu9/bu8+CCVl5p9G2IHcAl/wJa+5+BQ==",
                ["LICENSE", "MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions/*",
                 "jax/input/TeX/*", "jax/output/CommonHTML/*", "jax/output/PreviewHTML/*", "jax/element/*",
                 "fonts/HTML-CSS/TeX/woff/*"],
                "mathjax"),
    # Site search that works from file:// too: the index is built in the page from an inline script.
    "lunr": ("2.3.9",
             "sha512-zTU3DaZaF3Rt9rhN3uBMGQD3dD2/vFQqnvZCDv4dl5iOzq2IZQqTxu90r4E5J+nP70J3ilqVCrbho2eWaeW8Ow==",
             ["LICENSE", "lunr.min.js"],
             "lunr"),
    # The accessibility scan of the browser tests (never copied into a build).
    "axe-core": ("4.14.1",
                 "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
                 ["LICENSE*", "axe.min.js"],
                 "axe-core"),
}
TEST_ONLY = {"axe-core"}

# What the templates are pointed at, relative to the folder that holds lib/.
URLS = {
    "reveal_url_prefix": "lib/reveal.js",
    "require_js_url": "lib/requirejs/require.js",
    "jquery_url": "lib/jquery/dist/jquery.min.js",
    "mathjax_url": "lib/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
    "widget_renderer_url": "lib/html-manager/dist/embed-amd.js",
}
LUNR_URL = "lib/lunr/lunr.min.js"


def axe_script() -> Path:
    """axe-core's axe.min.js from the cache (fetched and checksum-checked once), for the browser tests."""
    return ensure()["axe-core"] / "axe.min.js"


class VendorError(RuntimeError):
    pass


def _folder(name: str) -> Path:
    version, _, _, short = PACKAGES[name]
    return CACHE / f"{short}-{version}"


def _integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def _kept(relative: str, globs) -> bool:
    return any(fnmatch(relative, g) for g in globs)


def _fetch(name: str) -> Path:
    version, integrity, globs, _ = PACKAGES[name]
    target = _folder(name)
    npm = shutil.which("npm")
    if npm is None:
        raise VendorError(f"npm is needed once to fetch {name}@{version} for the offline slides and site. "
                          "Install it (Debian/Ubuntu: sudo apt-get install -y npm) and run the target again; "
                          f"later builds reuse {CACHE.relative_to(ROOT)}/.")
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([npm, "pack", f"{name}@{version}", "--pack-destination", tmp, "--silent",
                               "--ignore-scripts"], capture_output=True, text=True, timeout=300)
        tarballs = list(Path(tmp).glob("*.tgz"))
        if proc.returncode != 0 or len(tarballs) != 1:
            raise VendorError(f"`npm pack {name}@{version}` failed (no network to the npm registry?):\n"
                              f"{proc.stderr.strip()}")
        got = _integrity(tarballs[0])
        if got != integrity:
            raise VendorError(f"{name}@{version}: integrity {got} differs from the recorded {integrity}")
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        with tarfile.open(tarballs[0]) as tar:
            for member in tar.getmembers():
                if not member.isfile() or not member.name.startswith("package/"):
                    continue
                relative = member.name[len("package/"):]
                if ".." in Path(relative).parts or not _kept(relative, globs):
                    continue
                out = partial / relative
                out.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as src, open(out, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        (partial / ".integrity").write_text(integrity + "\n")
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    return target


def ensure() -> dict:
    """Every pinned package in the cache (fetched if missing); returns name -> cached folder."""
    folders = {}
    for name, (version, integrity, _, _) in PACKAGES.items():
        folder = _folder(name)
        stamp = folder / ".integrity"
        if not (stamp.exists() and stamp.read_text().strip() == integrity):
            print(f"vendoring {name}@{version} from the npm registry (once)")
            _fetch(name)
        folders[name] = folder
    return folders


def copy_into(out_dir: Path) -> Path:
    """Copy the cached packages to ``out_dir/lib`` (what URLS point at); returns that folder."""
    lib = Path(out_dir) / "lib"
    for name, folder in ensure().items():
        if name in TEST_ONLY:
            continue
        dest = lib / PACKAGES[name][3]
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(folder, dest, ignore=shutil.ignore_patterns(".integrity"))
    (lib / "README.txt").write_text(
        "Third-party JavaScript copied here so the pages work offline (each folder keeps its licence):\n"
        + "".join(f"  {name}@{v[0]} -> {v[3]}/\n" for name, v in PACKAGES.items() if name not in TEST_ONLY))
    return lib


def main() -> int:
    try:
        folders = ensure()
    except VendorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name, folder in folders.items():
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(f"{name}@{PACKAGES[name][0]}: {folder.relative_to(ROOT)} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
