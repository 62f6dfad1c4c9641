"""Word segmentation (jieba) with the domain's terms kept whole, and term frequencies.

The user dictionary ``userdict.txt`` keeps 众创空间, 星创天地, 科技企业孵化器, 双创 and
other terms of the field in one piece; add a line there for a new term.
"""

from __future__ import annotations

import logging
from collections import Counter
from functools import lru_cache
from importlib import resources

import pandas as pd

__all__ = ["tokenizer", "words", "term_frequencies", "CONTENT_POS"]

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


def term_frequencies(texts: dict[str, str], top_n: int = 15, min_length: int = 2) -> pd.DataFrame:
    """The ``top_n`` most frequent content words of each text: columns doc_id, rank, term, count, share
    (share = count over all content words of that text). Ties are broken by the term, so the order is stable."""
    rows = []
    for doc_id, text in texts.items():
        counts = Counter(w for w, pos in words(text) if len(w) >= min_length and pos.startswith(CONTENT_POS))
        total = sum(counts.values())
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top_n]
        for rank, (term, count) in enumerate(ranked, 1):
            rows.append({"doc_id": doc_id, "rank": rank, "term": term, "count": count,
                         "share": count / total if total else float("nan")})
    return pd.DataFrame(rows, columns=["doc_id", "rank", "term", "count", "share"])
