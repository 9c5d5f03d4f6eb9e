"""Launch links for learners: Binder, Colab and an nbgitpuller template, all pointing at the *student*
copies.  The student copies are published by .github/workflows/pages.yml to the branch ``student``
(the repository with ``student/`` committed), so Binder builds the environment from that branch's
environment.yml and Colab opens ``student/NN_name.ipynb`` from it.  The repository comes from
``COURSE_REPOSITORY`` (``owner/name``; the workflow sets it from ``github.repository``)."""
from __future__ import annotations

import html
import os
from urllib.parse import quote

REPOSITORY = os.environ.get("COURSE_REPOSITORY", "OWNER/l1-vs-l2")
BRANCH = os.environ.get("COURSE_STUDENT_BRANCH", "student")


def binder_url(stem: str) -> str:
    return f"https://mybinder.org/v2/gh/{REPOSITORY}/{BRANCH}?urlpath=lab/tree/student/{stem}.ipynb"


def colab_url(stem: str) -> str:
    return f"https://colab.research.google.com/github/{REPOSITORY}/blob/{BRANCH}/student/{stem}.ipynb"


def nbgitpuller_url(stem: str, hub: str = "https://YOUR-HUB") -> str:
    repo = quote(f"https://github.com/{REPOSITORY}", safe="")
    name = REPOSITORY.split("/")[-1]
    return (f"{hub}/hub/user-redirect/git-pull?repo={repo}&branch={BRANCH}"
            f"&urlpath={quote(f'lab/tree/{name}/student/{stem}.ipynb', safe='')}")


def links_html(stem: str, inline: bool = False) -> str:
    return (f'<a href="{html.escape(binder_url(stem))}">Launch on Binder</a> · '
            f'<a href="{html.escape(colab_url(stem))}">Open in Colab</a>')


def launch_box(stem: str) -> str:
    return (f'<div class="course-launch" role="group" aria-label="Run this notebook">'
            f'<span>Run the student notebook:</span>'
            f'<a href="{html.escape(binder_url(stem))}">Launch on Binder</a>'
            f'<a href="{html.escape(colab_url(stem))}">Open in Colab</a>'
            f'<a href="notebooks/{stem}.ipynb" download>Download</a></div>')


# The first cell of every student copy: installs the course where it is missing (Colab, a bare kernel).
INSTALL_CELL = f"""\
# Colab or a fresh kernel without the course: install it first (does nothing where course_lib is installed).
import importlib.util
import subprocess
import sys

if importlib.util.find_spec("course_lib") is None:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet",
                           "course-lib @ git+https://github.com/{REPOSITORY}@{BRANCH}"])"""
