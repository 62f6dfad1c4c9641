"""Word segmentation (jieba) with the domain's terms kept whole, and term frequencies.

The user dictionary ``userdict.txt`` keeps 众创空间, 星创天地, 科技企业孵化器, 双创 and
other terms of the field in one piece; add a line there for a new term.

Segmenting is most of ``01_corpus``'s time on a large corpus (jieba's part-of-speech tagger: about
2.9 s of CPU to load its tables, then ~25 ms per thousand characters), and a document's counts depend
only on its text, the user dictionary and jieba: so each document's content-word counts are kept in
``data/processed/.term-counts.json`` under the hash of those (``analysis.cache``), and a run segments
only the texts it has not seen (the tagger is not even loaded when it has seen them all).
"""

from __future__ import annotations

import logging
from collections import Counter
from functools import lru_cache
from importlib import metadata, resources

import pandas as pd

from analysis import paths
from analysis.cache import HashCache, key

__all__ = ["tokenizer", "words", "content_counts", "term_frequencies", "CONTENT_POS"]

# Parts of speech kept as "terms": nouns, verbal nouns, idioms, proper nouns.
CONTENT_POS = ("n", "nz", "nt", "ns", "vn", "l", "j")


@lru_cache(maxsize=1)
def tokenizer():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    with resources.as_file(resources.files("analysis").joinpath("userdict.txt")) as path:
        tok.load_userdict(str(path))
    return jieba.posseg.POSTokenizer(tok)


def words(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) pairs of ``text``."""
    return [(w.word, w.flag) for w in tokenizer().cut(text)]


def _userdict() -> bytes:
    return resources.files("analysis").joinpath("userdict.txt").read_bytes()


def content_counts(texts: dict[str, str]) -> dict[str, Counter]:
    """Each text's content words (``CONTENT_POS``) and their counts, remembered across runs by the hash of
    the text, the user dictionary, jieba's version and ``CONTENT_POS`` (so a changed input is segmented anew)."""
    salt = key(_userdict(), metadata.version("jieba"), ",".join(CONTENT_POS))
    keys = {doc_id: key(salt, text) for doc_id, text in texts.items()}
    store = HashCache(20_000, paths.processed_dir() / ".term-counts.json")
    known = store.get_many(set(keys.values()))
    new = {}
    for doc_id, text in texts.items():
        if keys[doc_id] not in known and keys[doc_id] not in new:
            new[keys[doc_id]] = dict(Counter(w for w, pos in words(text) if pos.startswith(CONTENT_POS)))
    store.put_many(new)
    known.update(new)
    return {doc_id: Counter(known[k]) for doc_id, k in keys.items()}


def term_frequencies(texts: dict[str, str], top_n: int = 15, min_length: int = 2) -> pd.DataFrame:
    """The ``top_n`` most frequent content words of each text: columns doc_id, rank, term, count, share
    (share = count over all content words of that text). Ties are broken by the term, so the order is stable."""
    rows = []
    for doc_id, every in content_counts(texts).items():
        counts = Counter({w: n for w, n in every.items() if len(w) >= min_length})
        total = sum(counts.values())
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top_n]
        for rank, (term, count) in enumerate(ranked, 1):
            rows.append({"doc_id": doc_id, "rank": rank, "term": term, "count": count,
                         "share": count / total if total else float("nan")})
    return pd.DataFrame(rows, columns=["doc_id", "rank", "term", "count", "share"])
