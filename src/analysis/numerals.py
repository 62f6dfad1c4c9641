"""Numerals: Chinese (``十二``, ``两亿``, ``三点五``, financial ``壹佰``, mixed ``3亿5000万``) read with
cn2an where it can and by our code where it falls short, and Arabic numbers with their
separators (``8,507``, ``8 507``, ``8\u2009507``, ``1，200``, a full-width point ``1．2``), ratios (``1:1`` in
``按1:1配套``) and tenths (``六成`` is 60 %). The extractor (``analysis.quantities``) finds the
numbers; this module reads them.
"""

from __future__ import annotations

import functools
import re
import warnings

__all__ = ["MAGNITUDES", "cn2an_module", "parse_chinese_number", "parse_arabic", "strip_separators", "ratio_at",
           "TENTHS", "tenths", "ocr_digits", "fraction_at"]

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
            pass
    # 三亿五, 3亿5: one digit after the magnitude is its tenths (cn2an reads 三亿五 as 10^7 or refuses it)
    short = re.fullmatch(r"(.+?)([万亿])([1-9一二两三四五六七八九])", text)
    head = parse_chinese_number(short.group(1), "smart") if short else None
    if short is None or head is None:
        return None
    magnitude = MAGNITUDES[short.group(2)]
    return head * magnitude + float(parse_chinese_number(short.group(3), "smart") or 0) * magnitude / 10


_SEPARATORS = str.maketrans({",": None, "，": None, " ": None, "\u2009": None, "\u202f": None, "．": "."})


def parse_arabic(text: str) -> float:
    """``8,507``, ``1，200``, ``2 916``, ``2\u2009916`` (a thin space), ``1．2``: the number, its separators off."""
    return float(text.translate(_SEPARATORS))


def strip_separators(s: str) -> str:
    return s.translate(_SEPARATORS)


# 按1:1配套, 1∶0.5的比例: a ratio where the text says so (a cue before or after it), never a time (9:30)
_RATIO = re.compile(r"(\d+(?:\.\d+)?)\s*[:：∶]\s*(\d+(?:\.\d+)?)(?![\d:：∶])")
_RATIO_BEFORE = re.compile(r"(?:按|按照|以|实行|比例为?|比例达到?|配比为?)\s*$")
_RATIO_AFTER = re.compile(r"\s*(?:的?比例|配套|匹配|配比|比例)")


def ratio_at(text: str, start: int) -> tuple[float, int] | None:
    """(a / b, end) of a ratio ``a:b`` starting at ``start`` (``1:1`` is 1.0, ``1:0.5`` 2.0),
    when a word next to it makes it one (按, 比例, 配套); None otherwise."""
    m = _RATIO.match(text, start)
    if not m or float(m.group(2)) == 0:
        return None
    if not (_RATIO_BEFORE.search(text, max(0, start - 5), start) or _RATIO_AFTER.match(text, m.end())):
        return None
    return float(m.group(1)) / float(m.group(2)), m.end()


# 五分之一, 三分之二, 千分之五, 1分之… (not 百分之: a percent, read as one); 一半 is one half
_FRACTION = re.compile(r"(?P<den>[一二两三四五六七八九十千万\d]+)分之(?P<num>[一二两三四五六七八九十\d]+(?:点[一二三四五六七八九零〇]+)?)"
                       r"|一半")


def fraction_at(text: str, start: int) -> tuple[float, int, str] | None:
    """(share in percent, end, "percent") of a fraction written out at ``start``: ``五分之一`` is 20, ``三分之一`` 33.3
    (one decimal, as a labeller writes it), ``一半`` 50; None otherwise. cn2an reads 五分之一 as 0.2 but not 一半 nor
    a fraction inside a sentence, so the two ends are read one by one."""
    m = _FRACTION.match(text, start)
    if not m:
        return None
    if m.group() == "一半":
        return 50.0, m.end(), "percent"
    if m.group("den") == "百":
        return None
    den, num = (parse_arabic(g) if g[0].isdigit() else parse_chinese_number(g) for g in (m.group("den"), m.group("num")))
    if not den or num is None or num > den:
        return None
    return round(100 * num / den, 1), m.end(), "percent"


TENTHS = "成"  # 六成 = 60 %, 三成以上 = at least 30 %: stated in tenths, kept as a percent


def tenths(value: float | None) -> float | None:
    """A number of tenths (成) as a percent: 六成 → 60."""
    return None if value is None else round(value * 10, 10)


# letters a scan or a typist puts for digits inside a number: O o for 0, l I for 1 (1O家, l00万元, 2O23年)
_OCR_RUN = re.compile(r"(?<![A-Za-z])[0-9OolI]*[0-9][0-9OolI]*(?![A-Za-z])|(?<![A-Za-z])[OolI][0-9][0-9OolI]*(?![A-Za-z])")
_OCR_DIGIT = str.maketrans("OolI", "0011")


def ocr_digits(text: str) -> str:
    """The text with the letters that stand for digits inside a number read as digits, the same length (offsets
    keep): ``1O家`` → ``10家``, ``l00万元`` → ``100万元``. Only a run of digits and such letters with no other letter
    beside it, at least as many digits as letters (or one digit and its zeros before a Chinese word or %: ``3OO亩``),
    and not a letter at both ends (``O2O``, ``ISO 9001``, ``M7320``, ``lO`` stay as they are). Neither cn2an nor
    the cleaning reads these."""
    if not re.search(r"\d[OolI]|[OolI]\d", text):
        return text
    def fix(m: re.Match) -> str:
        run = m.group()
        letters = sum(c in "OolI" for c in run)
        zeros = re.fullmatch(r"[1-9][Oo]{1,3}", run) and re.match(r"[\u4e00-\u9fff%％]", m.string[m.end():m.end() + 1])
        if not letters or letters > len(run) - letters and not zeros or run[0] in "OolI" and run[-1] in "OolI":
            return run
        return run.translate(_OCR_DIGIT)
    return _OCR_RUN.sub(fix, text)
