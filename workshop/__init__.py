"""Workshop and publishing tools for the course: slide decks, student copies and a static site.

Run from the repository root (the Makefile does):  ``python -m workshop.slides``,
``python -m workshop.student``, ``python -m workshop.site``.  Outputs go to ``_build/`` and ``student/``
(both git-ignored).  The JavaScript the decks and the site need is vendored from the npm registry by
``workshop.vendor`` (pinned versions, checked against their recorded integrity hashes) and copied next to
the HTML, so nothing is loaded from the internet when the pages are opened.
"""
