"""Raw web text -> clean Simplified Chinese text, with a map back to the raw bytes.

Every step of the cleaning only deletes characters or replaces one character by
one character (or a span by what it stands for: an HTML tag or character reference) (the Traditional -> Simplified conversion may, rarely, change a
phrase's length; that step aligns the two versions). So each character of the
cleaned text comes from exactly one character of the raw text, and
``Cleaned.source`` records which. Composition of the steps is a numpy fancy
index, which keeps cleaning fast on large corpora.

The steps, in order:

1. drop carriage returns, byte-order marks and zero-width characters; a page saved as HTML
   source becomes the text its reader sees (``analysis.html_source``: tags out, block tags line
   breaks, cells tabs, character references their characters);
2. strip the pinyin ruby glued after characters: ``創(chuàng)業(yè)`` -> ``創業``;
3. Traditional -> Simplified with OpenCC (``t2s``);
4. full-width digits, letters and spaces -> ASCII (Chinese punctuation is kept);
5. remove web chrome, by the rules in ``cleaning_rules.yml``;
6. tidy white space: one paragraph per line, no blank lines, no indentation.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np
import opencc
import yaml

from analysis import html_source

__all__ = ["Cleaned", "ChromeLine", "clean_text", "utf8_offsets", "strip_ruby", "rules"]


@dataclass(frozen=True)
class ChromeLine:
    """A line removed as web chrome, for the inventory and for review."""

    rule: str
    text: str  # as it read after conversion to Simplified
    raw_start: int  # byte offsets in the raw file
    raw_end: int


@dataclass
class Cleaned:
    text: str
    source: np.ndarray  # source[i] = index in ``raw`` of the character text[i] came from
    raw: str
    raw_byte_offsets: np.ndarray  # byte offset of each raw character, plus one past the end
    ruby_removed: int = 0  # number of pinyin annotations removed
    ruby_chars: int = 0  # characters they took
    chrome: list[ChromeLine] = field(default_factory=list)
    chrome_chars: int = 0

    def raw_char_span(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets in the raw text of the cleaned span ``[start, end)``."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside the cleaned text of length {len(self.text)}")
        if start == end:
            pos = int(self.source[start]) if start < len(self.text) else len(self.raw)
            return pos, pos
        return int(self.source[start]), int(self.source[end - 1]) + 1

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Byte offsets in the raw file of the cleaned span ``[start, end)``."""
        a, b = self.raw_char_span(start, end)
        return int(self.raw_byte_offsets[a]), int(self.raw_byte_offsets[b])

    def runs(self) -> list[tuple[int, int, int, int, int]]:
        """The offset map as maximal runs in which consecutive cleaned characters
        come from consecutive raw characters:
        ``(clean_start, clean_end, raw_char_start, raw_byte_start, raw_byte_end)``."""
        if len(self.source) == 0:
            return []
        breaks = np.flatnonzero(np.diff(self.source) != 1) + 1
        starts = np.concatenate(([0], breaks))
        ends = np.concatenate((breaks, [len(self.source)]))
        out = []
        for s, e in zip(starts.tolist(), ends.tolist(), strict=False):
            rc = int(self.source[s])
            out.append((s, e, rc, int(self.raw_byte_offsets[rc]),
                        int(self.raw_byte_offsets[int(self.source[e - 1]) + 1])))
        return out


def utf8_offsets(text: str) -> np.ndarray:
    """Byte offset of each character of ``text`` in its UTF-8 encoding, plus the total."""
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    widths = 1 + (cps >= 0x80).astype(np.int64) + (cps >= 0x800) + (cps >= 0x10000)
    out = np.zeros(len(cps) + 1, dtype=np.int64)
    np.cumsum(widths, out=out[1:])
    return out


@lru_cache(maxsize=1)
def rules() -> dict:
    with resources.files("analysis").joinpath("cleaning_rules.yml").open(encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    return {
        "chrome_lines": {name: re.compile(p) for name, p in raw["chrome_lines"].items()},
        "block_headings": set(raw["block_headings"]),
        "always_chrome_headings": set(raw["always_chrome_headings"]),
        "list_item": {name: re.compile(p) for name, p in raw["list_item"].items()},
        "line_tails": {name: re.compile(p) for name, p in raw["line_tails"].items()},
    }


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


class _Tracked:
    """Text plus, for each character, the index of the raw character it came from."""

    def __init__(self, text: str):
        self.text = text
        self.source = np.arange(len(text), dtype=np.int64)

    def delete(self, spans: list[tuple[int, int]]) -> int:
        """Delete the character spans (sorted or not, may overlap); return chars deleted."""
        if not spans:
            return 0
        keep = np.ones(len(self.text), dtype=bool)
        for s, e in spans:
            keep[s:e] = False
        idx = np.flatnonzero(keep)
        removed = len(self.text) - len(idx)
        if removed:
            # Rebuild the string from the kept runs (faster than per-character joins).
            pieces, prev = [], 0
            for s, e in sorted(spans):
                if s > prev:
                    pieces.append(self.text[prev:s])
                prev = max(prev, e)
            pieces.append(self.text[prev:])
            self.text = "".join(pieces)
            self.source = self.source[idx]
        return removed

    def substitute(self, edits: list[tuple[int, int, str]]) -> None:
        """Replace each span (sorted, not overlapping) by its replacement, whose characters all
        come from the span's first character (a tag's line break, a reference's character)."""
        if not edits:
            return
        pieces, sources, prev = [], [], 0
        for s, e, replacement in edits:
            pieces += [self.text[prev:s], replacement]
            sources += [self.source[prev:s], np.full(len(replacement), self.source[s], dtype=np.int64)]
            prev = e
        pieces.append(self.text[prev:])
        sources.append(self.source[prev:])
        self.text = "".join(pieces)
        self.source = np.concatenate(sources)

    def delete_matches(self, pattern: re.Pattern) -> int:
        return self.delete([m.span() for m in pattern.finditer(self.text)])

    def replace(self, new_text: str) -> None:
        """Replace the text by a converted version, aligning when lengths differ."""
        if len(new_text) == len(self.text):
            self.text = new_text
            return
        old_lines = self.text.split("\n")
        new_lines = new_text.split("\n")
        if len(old_lines) != len(new_lines):  # never seen with OpenCC; align the whole text
            old_lines, new_lines = [self.text], [new_text]
        mapping, offset = [], 0
        for k, (old, new) in enumerate(zip(old_lines, new_lines, strict=False)):
            mapping.append(offset + _align(old, new))
            offset += len(old)
            if k < len(old_lines) - 1:
                mapping.append(np.array([offset], dtype=np.int64))  # the newline
                offset += 1
        idx = np.concatenate(mapping) if mapping else np.zeros(0, dtype=np.int64)
        self.text = new_text
        self.source = self.source[idx]


def _align(old: str, new: str) -> np.ndarray:
    """For each character of ``new``, the index of the character of ``old`` it stands for."""
    if len(old) == len(new):
        return np.arange(len(new), dtype=np.int64)
    out = np.zeros(len(new), dtype=np.int64)
    for _tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        for k in range(j2 - j1):
            out[j1 + k] = min(i1 + k, max(i2 - 1, i1)) if i2 > i1 else max(i1 - 1, 0)
    return np.maximum.accumulate(out) if len(out) else out


# --- step 2: pinyin ruby ---------------------------------------------------------
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_VOWELS = "aeiouüv" + _TONED
_RUBY = re.compile(
    r"(?<=[^\x00-\x7f]|\?)"  # glued to a Chinese character (or to a "?" that replaced one)
    r"\((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[" + _VOWELS + r"]{1,4}(?:ng|n|r)?\)"
)
_HAS_TONE = re.compile(f"[{_TONED}]")
# Toneless syllables ("的(de)") are taken as ruby only in a text that carries ruby
# throughout; elsewhere "(a)" after a Chinese character may be a real list label.
_MIN_TONED_FOR_TONELESS = 10


def _ruby_spans(text: str) -> list[tuple[int, int]]:
    matches = list(_RUBY.finditer(text))
    toned = [m for m in matches if _HAS_TONE.search(m.group())]
    chosen = matches if len(toned) >= _MIN_TONED_FOR_TONELESS else toned
    return [m.span() for m in chosen]


def strip_ruby(text: str) -> str:
    """``創(chuàng)業(yè)`` -> ``創業``; real parentheses such as ``(州、市)`` stay."""
    t = _Tracked(text)
    t.delete(_ruby_spans(text))
    return t.text


# --- step 4: width ---------------------------------------------------------------
_WIDTH = {cp: cp - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
          for cp in range(r[0], r[1] + 1)}
_WIDTH.update({0x3000: 0x20, 0xA0: 0x20, 0x09: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x202F: 0x20})

_INVISIBLE = re.compile("[\r\ufeff\u200b\u200c\u200d\u2060]")


# --- step 5: chrome --------------------------------------------------------------
def _lines(text: str):
    """(start, end_including_newline, line_text) for each line."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        yield pos, min(end + 1, len(text)), line
        pos = end + 1


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")] if "|" in line else line.split()


# thousands grouped by a space (2 916, 12 500): one cell of a row split at runs of spaces, not two
_GROUPED = re.compile(r"(?<!\S)\d{1,3}(?:[ \u2009\u202f\u3000]\d{3})+(?:\.\d+)?(?!\S)")


def _table_header(line: str, following: list[str]) -> bool:
    """Whether a line of short words is a table's header (``排名 载体名称 孵化面积（平方米） 得分``, ``区县 众创空间
    孵化器 在孵企业``), not a menu: the line after it (after a Markdown ``|---|`` rule) has as many cells (between pipes,
    tabs or runs of spaces; a number grouped by spaces, ``2 916``, counted as one cell or as its groups) and numbers
    among them."""
    rows = [f for f in following if not re.fullmatch(r"[\s|:\-]*", f)]
    row = _cells(rows[0]) if rows else []
    joined = _cells(_GROUPED.sub(lambda m: re.sub(r"\s", "", m.group()), rows[0])) if rows else []
    return len(_cells(line)) in (len(row), len(joined)) and any(re.fullmatch(r"[\d,.]+%?", c) for c in row)


def _chrome_spans(text: str) -> list[tuple[str, int, int]]:
    r = rules()
    lines = list(_lines(text))
    found: list[tuple[str, int, int]] = []
    heads = [i for i, (_, _, line) in enumerate(lines) if line.strip() in r["block_headings"]]
    in_block: set[int] = set()
    for n, i in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(lines)
        heading = lines[i][2].strip()
        body = range(i + 1, stop)
        is_list = any(p.search(lines[j][2]) for j in body for p in r["list_item"].values())
        if heading in r["always_chrome_headings"] or is_list:
            for j in range(i, stop):
                found.append((f"block:{heading}", lines[j][0], lines[j][1]))
                in_block.add(j)
        else:
            found.append((f"heading:{heading}", lines[i][0], lines[i][1]))
            in_block.add(i)
    for j, (s, e, line) in enumerate(lines):
        if j in in_block or not line.strip():
            continue
        for name, pattern in r["chrome_lines"].items():
            if name == "menu" and _table_header(line, [rest for _, _, rest in lines[j + 1:j + 3]]):
                continue
            if pattern.search(line.strip()):
                found.append((name, s, e))
                break
    starts = {f[1] for f in found}
    removed_lines = in_block | {j for j, (s, _, _) in enumerate(lines) if s in starts}
    for j, (s, _end, line) in enumerate(lines):
        if j in removed_lines:
            continue
        for name, pattern in r["line_tails"].items():
            for m in pattern.finditer(line):
                found.append((name, s + m.start(), s + m.end()))
    return sorted(found, key=lambda f: f[1])


# --- step 6: white space -----------------------------------------------------------
_WS_PATTERNS = [
    re.compile(r"[ ]+(?=\n)|(?<=\n)[ ]+|^[ ]+|[ ]+$"),  # indentation and trailing blanks
    re.compile(r"(?<=\n)\n+|^\n+|\n+$"),  # blank lines
    re.compile(r"(?<= ) +"),  # runs of spaces inside a line
]


def clean_text(raw: str) -> Cleaned:
    """Clean a decoded raw text. Deterministic: the same input gives the same output."""
    t = _Tracked(raw)
    t.delete_matches(_INVISIBLE)
    if html_source.is_html(t.text):
        t.substitute(html_source.edits(t.text))
        t.delete_matches(html_source.TRIM)

    ruby = _ruby_spans(t.text)
    ruby_chars = t.delete(ruby)

    t.replace(_t2s().convert(t.text))
    t.text = t.text.translate(_WIDTH)

    offsets = utf8_offsets(raw)
    chrome_found = _chrome_spans(t.text)
    chrome = [
        ChromeLine(rule, t.text[s:e].strip(), int(offsets[t.source[s]]), int(offsets[t.source[e - 1] + 1]))
        for rule, s, e in chrome_found if t.text[s:e].strip()
    ]
    chrome_chars = t.delete([(s, e) for _, s, e in chrome_found])

    for pattern in _WS_PATTERNS:
        t.delete_matches(pattern)

    return Cleaned(text=t.text, source=t.source, raw=raw, raw_byte_offsets=offsets,
                   ruby_removed=len(ruby), ruby_chars=ruby_chars, chrome=chrome, chrome_chars=chrome_chars)
