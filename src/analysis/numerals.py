"""Numerals: Chinese (``十二``, ``两亿``, ``三点五``, financial ``壹佰``, mixed ``3亿5000万``) read with
cn2an where it can and by our code where it falls short, and Arabic numbers with their
separators (``8,507``, ``8 507``, ``1，200``, a full-width point ``1．2``). The extractor
(``analysis.quantities``) finds the numbers; this module reads them.
"""

from __future__ import annotations

import functools
import re
import warnings

__all__ = ["MAGNITUDES", "cn2an_module", "parse_chinese_number", "parse_arabic", "strip_separators"]

MAGNITUDES = {"十": 1e1, "百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8}


@functools.lru_cache(maxsize=1)
def cn2an_module():
    """cn2an, imported on first use: importing it takes about 0.9 s, which every command that
    reads no number (``analysis run`` with nothing to do) would pay otherwise."""
    import cn2an

    return cn2an


@functools.lru_cache(maxsize=4096)
def parse_chinese_number(text: str, mode: str = "normal") -> float | None:
    """Chinese or mixed numerals -> number, with cn2an. Where cn2an falls short, our code:
    a bare magnitude (万, 千, 十: cn2an refuses 万 and 十余) is one of it; digits read one by
    one (一七, 二〇一七: cn2an's normal mode reads 17 and 2017) are no number here, they are a
    year or a code; ``mode="smart"`` reads a mix of Arabic and Chinese (3亿5000万, 5千万), which
    the normal mode refuses; its "strict" mode refuses 两 (两亿), so it is never used."""
    if text in MAGNITUDES:
        return MAGNITUDES[text]
    if mode == "normal" and len(text) > 1 and not re.search("[十百千万亿点拾佰仟]", text):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return float(cn2an_module().cn2an(text, mode))
        except (ValueError, KeyError, IndexError):
            return None


def parse_arabic(text: str) -> float:
    return float(text.replace(",", "").replace("，", "").replace(" ", "").replace("．", "."))


def strip_separators(s: str) -> str:
    return s.replace(",", "").replace("，", "").replace("．", ".").replace(" ", "")
