"""The units a policy text states its numbers in, under stable codes, and the only
conversions between them the suite makes.

A quantity keeps the unit it was stated in (``50亩`` is 50 ``mu``); a figure is converted
to its indicator's canonical unit where figures are compared (``analysis.figures``,
``analysis.drafts``), and the factor is recorded there. Areas convert by definition
(1 亩 = 10,000/15 m²); currencies are never converted here: that needs a rate with its
source.
"""

from __future__ import annotations

__all__ = ["DIMENSIONS", "TO_CANONICAL", "CURRENCIES", "DURATIONS", "convert", "canonical", "to_canonical"]

CURRENCIES = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP", "KRW", "AUD", "CAD", "SGD", "TWD", "MOP", "CHF", "RUB")
DURATIONS = ("years", "months", "days")

# unit code -> what it measures
DIMENSIONS = {
    "count": "count", "person": "count", "times": "ratio", "ratio": "ratio", "percent": "ratio", "pp": "ratio difference",
    "m2": "area", "mu": "area", "ha": "area", "km2": "area",
    **{c: "money" for c in CURRENCIES}, **{d: "duration" for d in DURATIONS},
}

# unit -> (canonical unit, factor): value in the canonical unit = value x factor. By definition,
# no rate: 1 亩 = 1/15 公顷 = 666.67 m2 (the market mu), 1 公顷 = 10,000 m2, 1 km2 = 10^6 m2
TO_CANONICAL = {"mu": ("m2", 10_000 / 15), "ha": ("m2", 10_000.0), "km2": ("m2", 1_000_000.0)}


def canonical(unit: str | None) -> str | None:
    """The unit an indicator measuring this quantity is kept in (``mu`` -> ``m2``)."""
    return TO_CANONICAL[unit][0] if unit in TO_CANONICAL else unit


def convert(value: float | None, unit: str | None, to: str | None) -> tuple[float | None, float] | None:
    """(value in ``to``, factor) or None when ``unit`` does not convert to ``to`` (a duration to
    a count, yuan to dollars)."""
    if unit == to:
        return value, 1.0
    target, factor = TO_CANONICAL.get(unit or "", (None, 1.0))
    if target != to:
        return None
    return (None if value is None else value * factor), factor


def to_canonical(value: float | None, unit: str | None) -> tuple[float | None, str | None, str]:
    """(value, unit, note) in the unit an indicator keeps: ``to_canonical(50, "mu")`` is
    (33333.3, "m2", "50 mu x 666.667 = 33333.3 m2"); any other unit is returned as it is, with
    no note."""
    target = canonical(unit)
    if target == unit:
        return value, unit, ""
    conversion = convert(value, unit, target)
    if conversion is None:  # canonical() names only a unit TO_CANONICAL converts: not reached
        return value, unit, ""
    converted, factor = conversion
    shown = "?" if value is None else f"{value:g}"
    return converted, target, f"{shown} {unit} x {factor:g} = {'?' if converted is None else f'{converted:g}'} {target}"
