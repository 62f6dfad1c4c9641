"""The site's search index, in shards the search page loads on demand (``reports/assets/search/``).

One file holding every page's text (``search-index.js``, 4 MB at 100 documents) made the first
search wait for all of it. Now the search page loads two small files and, per query, only the
shards its query needs:

- ``meta.js``: ``window.SEARCH_META``: every page (kind, link, title, text chunk), the number of
  term buckets, the characters that are spaces, and the Traditional -> Simplified map for
  queries (``site.t2s_map``);
- ``g-<bucket>.js``: the term index: for each character bigram of the pages' lower-cased text
  (no bigram across a space), the pages that contain it. A bigram goes to bucket
  ``hash(bigram) % buckets`` (``bigram_hash``; ``assets/search.js`` computes the same), so a query
  of n characters loads at most n - 1 buckets;
- ``t-<chunk>.js``: the pages' texts, a few hundred kilobytes each, loaded after the results are
  shown, to check each result (a page with all the query's bigrams need not contain the query)
  and cut its snippet.

Every file is a script that registers itself (``window.SEARCH_SHARD(name, data)``), not JSON: a
page opened from disk (``file://``) may not fetch, but may add a script. Bigrams rather than
words: Chinese has no spaces, and a substring search (the search's behaviour before the shards)
finds 创天 inside 星创天地; a one-character query is refused (it would need every bucket).
Our own code rather than a library (lunr.js, pagefind): lunr's index is one file; pagefind is a
Rust binary and fetches its fragments, which Chromium refuses from ``file://``.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from analysis.i18n import Text

__all__ = ["SHARD_BYTES", "bigrams", "bigram_hash", "build", "write", "query", "MAX_FILE_BYTES"]

SHARD_BYTES = 600_000  # the size a text chunk aims at (loaded after the first answer)
BUCKET_BYTES = 150_000  # the size a term bucket aims at: a query loads a few before its first answer
MAX_FILE_BYTES = 2_000_000  # no file of the site is larger (issue 22)
FOLDER = "search"
MESSAGES = {"too short": Text("Type two characters or more.", "请输入至少两个字符。")}  # what search.js says


def bigrams(text: str) -> set[str]:
    """Each pair of consecutive characters of ``text`` (lower-cased), none with a space."""
    text = text.lower()
    return {a + b for a, b in zip(text, text[1:], strict=False) if not a.isspace() and not b.isspace()}


def bigram_hash(gram: str) -> int:
    """The bucket key the browser computes alike (``assets/search.js``): ``31 * first + second``
    over the two code points (below 2**32: a code point is below 0x110000)."""
    return 31 * ord(gram[0]) + ord(gram[1])


_SPACES = np.array([c for c in range(0x3000 + 1) if chr(c).isspace()], dtype=np.uint32)
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _b36(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _DIGITS[r] + out
        if not n:
            return out


def _page_bigrams(text: str) -> np.ndarray:
    """The distinct bigrams of ``text`` as integers ``first << 21 | second`` (numpy: the
    index of a thousand documents is tens of millions of bigrams, too many for a Python loop)."""
    cps = np.frombuffer(text.lower().encode("utf-32-le"), dtype=np.uint32)
    if len(cps) < 2:
        return np.zeros(0, dtype=np.int64)
    keys = (cps[:-1].astype(np.int64) << 21) | cps[1:].astype(np.int64)
    space = np.isin(cps, _SPACES)
    return np.unique(keys[~(space[:-1] | space[1:])])


def _postings(pages: np.ndarray, n_pages: int) -> str:
    """The pages (ascending) that have a bigram, as text: a rare bigram's pages as differences
    from the previous one in base 36 (``0,3,a``: pages 0, 3, 13); a common one's as a bitmap of
    every page, base64 after ``~`` (``np.packbits``: page 0 is the first byte's highest bit)."""
    if len(pages) * 3 > n_pages // 6 + 8:
        bits = np.zeros(n_pages, dtype=bool)
        bits[pages] = True
        return "~" + base64.b64encode(np.packbits(bits).tobytes()).decode("ascii")
    deltas = np.diff(pages, prepend=0)
    return ",".join(_b36(int(d)) for d in deltas)


def _script(name: str, data) -> bytes:
    return (f"window.SEARCH_SHARD({json.dumps(name)}, "
            + json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + ");\n").encode("utf-8")


def _chunks(texts: list[str], target: int) -> list[int]:
    """The text chunk of each page, in order: a chunk is closed once it holds ``target`` bytes."""
    out, chunk, size = [], 0, 0
    for text in texts:
        n = len(text.encode("utf-8"))
        if size and size + n > target:
            chunk, size = chunk + 1, 0
        out.append(chunk)
        size += n
    return out


def build(entries: list[dict], t2s: dict[str, str], target: int = SHARD_BYTES) -> dict[str, bytes]:
    """The index's files (name -> bytes, names relative to ``assets/search/``) for ``entries``
    (``kind``, ``href``, ``title``, ``text``), in this order; the same entries give the same bytes."""
    texts = [e["text"] for e in entries]
    chunk_of = _chunks(texts, target)
    per_page = [_page_bigrams(t) for t in texts]
    keys = np.concatenate(per_page) if per_page else np.zeros(0, dtype=np.int64)
    pages = np.repeat(np.arange(len(texts), dtype=np.int64), [len(k) for k in per_page])
    order = np.lexsort((pages, keys))
    keys, pages = keys[order], pages[order]
    starts = np.flatnonzero(np.diff(keys, prepend=-1)) if len(keys) else np.zeros(0, dtype=np.int64)
    ends = np.append(starts[1:], len(keys))
    encoded = {chr(int(k) >> 21) + chr(int(k) & 0x1FFFFF): _postings(pages[a:b], len(texts))
               for k, a, b in zip(keys[starts], starts, ends, strict=True)}
    total = sum(len(g.encode("utf-8")) + len(p) + 6 for g, p in encoded.items())
    buckets = max(1, -(-total // (target * BUCKET_BYTES // SHARD_BYTES)))
    shards: list[dict[str, str]] = [{} for _ in range(buckets)]
    for gram, postings in encoded.items():
        shards[bigram_hash(gram) % buckets][gram] = postings
    files = {f"g-{b}.js": _script(f"g-{b}", shard) for b, shard in enumerate(shards)}
    for chunk in sorted(set(chunk_of)):
        files[f"t-{chunk}.js"] = _script(f"t-{chunk}", [t for t, c in zip(texts, chunk_of, strict=True) if c == chunk])
    meta = {"buckets": buckets, "t2s": t2s, "spaces": [int(c) for c in _SPACES],
            "messages": {k: {"en": v.en, "zh": v.zh} for k, v in MESSAGES.items()},
            "pages": [[e["kind"], e["href"], e["title"], c] for e, c in zip(entries, chunk_of, strict=True)]}
    files["meta.js"] = ("window.SEARCH_META = " + json.dumps(meta, ensure_ascii=False, sort_keys=True,
                                                             separators=(",", ":")) + ";\n").encode("utf-8")
    return files


def write(assets: Path, files: dict[str, bytes], write_file: Callable[[Path, bytes], None]) -> None:
    """Write the index into ``assets/search/`` and remove the files of an earlier, larger index."""
    folder = assets / FOLDER
    for name, data in sorted(files.items()):
        write_file(folder / name, data)
    for stale in folder.glob("*.js"):
        if stale.name not in files:
            stale.unlink()
    old = assets / "search-index.js"  # the single-file index of before the shards
    if old.is_file():
        old.unlink()


def _load(data: bytes):
    text = data.decode("utf-8")
    return json.loads(text[text.index(", ") + 2:text.rindex(");")])


def _decode(postings: str, n_pages: int) -> set[int]:
    if postings.startswith("~"):
        bits = np.unpackbits(np.frombuffer(base64.b64decode(postings[1:]), dtype=np.uint8))[:n_pages]
        return {int(p) for p in np.flatnonzero(bits)}
    out, page = set(), 0
    for delta in postings.split(","):
        page += int(delta, 36)
        out.add(page)
    return out


def query(files: dict[str, bytes], q: str, loaded: list[str] | None = None) -> list[str]:
    """The links of the pages that contain ``q`` (or whose title does), most mentions first:
    what ``assets/search.js`` shows, computed from the files alone (the tests' reference).
    ``loaded``: filled with the names of the files the query needed."""
    meta = json.loads(files["meta.js"].decode("utf-8").split(" = ", 1)[1].rstrip(";\n"))
    needle = "".join(meta["t2s"].get(c, c) for c in q.strip()).lower()
    grams = list(bigrams(needle))
    if not grams:
        return []
    loaded = loaded if loaded is not None else []
    n_pages = len(meta["pages"])
    candidates: set[int] | None = None
    for gram in grams:
        name = f"g-{bigram_hash(gram) % meta['buckets']}.js"
        loaded.append(name)
        shard = _load(files[name])
        found = _decode(shard[gram], n_pages) if gram in shard else set()
        candidates = found if candidates is None else candidates & found
    titled = {i for i, p in enumerate(meta["pages"]) if needle in "".join(meta["t2s"].get(c, c) for c in p[2]).lower()}
    first: dict[int, int] = {}
    for i, p in enumerate(meta["pages"]):
        first.setdefault(p[3], i)
    texts: dict[int, list[str]] = {}
    hits = []
    for page in sorted((candidates or set()) | titled):
        chunk = meta["pages"][page][3]
        if chunk not in texts:
            loaded.append(f"t-{chunk}.js")
            texts[chunk] = _load(files[f"t-{chunk}.js"])
        count = texts[chunk][page - first[chunk]].lower().count(needle)
        if count or page in titled:
            hits.append((-count, page))
    return [meta["pages"][p][1] for _, p in sorted(hits)]
