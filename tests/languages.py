"""What an English sentence in a Chinese page is, for the tests of the reports in Chinese.

A run of four or more English words in the page's main text, outside what is meant to stay
as written: code (``<code>``, ``<pre>``), figures (``<svg>``, ``<img>``), scripts and styles,
table captions of the run's parameters, and text marked as a record in another language
(``lang="en"``: a curator's note, a source's title; ``analysis.i18n.Record``). Identifiers
(``S_FUN``, ``xinjiang-2017-005``) and numbers end a run; a hyphenated id counts as one word. Rough by design:
a two-word English label slips through, a sentence does not.
"""

from __future__ import annotations

import html
import re

_SKIP = re.compile(r"<(script|style|svg|code|pre|caption)\b.*?</\1>", re.S | re.I)
_RECORD = re.compile(r'<(span|div|td|th|q|cite|p)\b[^>]*\blang="en"[^>]*>.*?</\1>', re.S | re.I)
# a word is letters (an apostrophe, a hyphen inside); a token with a digit or an underscore is
# an identifier (S_FUN, xinjiang-2017-005) and ends a run
_WORD = r"(?<![A-Za-z0-9_-])[A-Za-z][A-Za-z'’-]*(?![A-Za-z0-9_])"
_RUN = re.compile(_WORD + r"(?:[ ,;:()/]+" + _WORD + r"){3,}")


def english_phrases(page: str) -> list[str]:
    body = page[page.find("<main"):] if "<main" in page else page
    body = _RECORD.sub(" ", _SKIP.sub(" ", body))
    body = re.sub(r"<img[^>]*>", " ", body)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", body))
    return [m.group() for line in text.split("\n") for m in _RUN.finditer(line)]
