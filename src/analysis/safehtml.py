"""What may reach a page of the site: every value is text until proven otherwise.

- ``CSP``: the Content-Security-Policy every page carries (``<meta http-equiv>``, written by
  ``templates/page.html.j2`` through ``csp_meta``): scripts and styles only from the site's own
  files (no inline script, no event handler attribute, no inline style), images from the site or
  ``data:`` (the reports' SVG figures), nothing fetched from elsewhere. Any page of the package
  (the reports, the source viewer, a review page) takes it from here, so there is one policy.
- ``safe_url``: a link from data is followed only when it is ``http(s)`` or relative; anything
  else (``javascript:``, ``data:``, ``vbscript:``, a scheme hidden behind spaces or control
  characters) becomes no link.

Escaping itself is jinja2's autoescape and markupsafe's ``Markup.format`` at every sink (the
site's templates, ``analysis.links``, ``analysis.report``), and Markdown outputs are rendered
with raw HTML escaped (``analysis.safemarkdown``): a catalogue field, a curated row or a
document's text is never cleaned on the way in, it is shown as written.
"""

from __future__ import annotations

import re

from markupsafe import Markup

__all__ = ["CSP", "csp_meta", "safe_url"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'")

# a scheme is letters, digits, + - . before a colon; browsers drop tabs and newlines inside a
# URL and leading spaces and control characters, so "java\tscript:" is a scheme too
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def csp_meta() -> Markup:
    """The ``<meta>`` element that puts ``CSP`` on a page (first in ``<head>``, before any script)."""
    return Markup('<meta http-equiv="Content-Security-Policy" content="{}">').format(CSP)


def safe_url(url) -> str:
    """``url`` when it is ``http(s)`` or relative (a path, ``#anchor``, ``?query``), else ""."""
    if not isinstance(url, str):
        return ""
    bare = _IGNORED.sub("", url)
    if bare.startswith(("//", "\\\\", "/\\", "\\/")):  # protocol-relative: another host
        return ""
    scheme = _SCHEME.match(bare)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return ""
    return url
