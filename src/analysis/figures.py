"""The curated figures: every figure of the corpus that concerns an indicator,
hand-coded with its verbatim quote, checked against the text and the extractor.

``data/curated/indicators.csv``  the codebook: code, labels, canonical unit
``data/curated/figures.csv``     one row per figure (see the data package for fields)
``data/curated/out_of_scope.csv`` extractor mentions deliberately not curated, with the reason

Hand coding and code check each other: a row's quote must sit at its offsets in
the cleaned text, and the extractor run on the quote must give the row's value,
unit and qualifier, unless the row says why not (``extractor_reason``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import corpus, paths, quantities, schema, units
from analysis.errors import DataError
from analysis.tables import read_rows

__all__ = ["load_indicators", "validate", "with_place", "has_flag", "coverage_gaps", "quality",
           "figures_path", "indicators_path", "out_of_scope_path"]

FIGURE_FIELDS = schema.field_names("figures")
FLAGS = ("first_batch", "cumulative", "under_construction")  # described in the data package
NOT_A_STOCK = ("first_batch", "under_construction")  # never a region's stock or a target's baseline


def draft_figure_id(doc_id: str, mention_start: int) -> str:
    """A drafted figure's id: its document and the offset of its mention (``<doc>-d<offset>``)."""
    return f"{doc_id}-d{mention_start:05d}"


def draft_mention_start(figure_id: str) -> int:
    """The mention offset a drafted figure's id carries (``draft_figure_id`` read back)."""
    return int(figure_id.rsplit("-d", 1)[1])


def indicators_path() -> Path:
    return paths.curated_dir() / "indicators.csv"


def figures_path() -> Path:
    return paths.curated_dir() / "figures.csv"


def out_of_scope_path() -> Path:
    return paths.curated_dir() / "out_of_scope.csv"


def load_indicators(path: Path | None = None) -> dict[str, dict]:
    path = Path(path or indicators_path())
    rows = read_rows(path, ["code", "label_zh", "label_en", "unit"])
    schema.check_file("indicators", path, list(enumerate(rows, 1)), "code")
    return {row["code"]: row for row in rows}


class CleanTexts(Mapping[str, str]):
    """Every catalogued document's cleaned text by doc_id, each read the first time it is asked
    for: a region's report reads its own documents' texts, not the corpus' (issue 22)."""

    def __init__(self, docs: list[corpus.Document]) -> None:
        self._docs = {d.doc_id: d for d in docs}
        self._read: dict[str, str] = {}

    def __getitem__(self, doc_id: str) -> str:
        if doc_id not in self._read:
            self._read[doc_id] = corpus.load_clean(self._docs[doc_id]).text
        return self._read[doc_id]

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    def __iter__(self) -> Iterator[str]:
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)


@lru_cache(maxsize=16)
def _clean_texts(catalogue_key: tuple) -> CleanTexts:
    return CleanTexts(corpus.load_catalogue())


def _texts() -> Mapping[str, str]:
    cat = paths.catalogue_path()
    return _clean_texts((str(cat), cat.stat().st_mtime_ns))


@dataclass
class _Checker:
    where: str
    n: int
    row: dict

    def fail(self, field: str, message: str):
        raise DataError(message, file=self.where, row=f"{self.n} ({self.row.get('figure_id') or 'no figure_id'})",
                        field=field)


def _validate_row(check: _Checker, indicators: dict, texts: Mapping[str, str], seen: set, extractor: bool,
                  quotes: bool = True) -> dict:
    """What the schema cannot say (types, required fields, enums, ranges, uniqueness and the
    known documents, indicators and scopes are the data package's, ``analysis.schema``): the
    unit of the indicator, the quote at its offsets, the mention in the quote, the extractor's
    reading, and ids unique across the files a review puts together."""
    row = check.row
    if row["figure_id"] in seen:
        check.fail("figure_id", f"duplicate figure_id '{row['figure_id']}'")
    seen.add(row["figure_id"])
    if row["unit"] != indicators[row["indicator"]]["unit"]:
        check.fail("unit", f"'{row['unit']}' but indicator '{row['indicator']}' is measured in "
                           f"'{indicators[row['indicator']]['unit']}'")
    if bool(row.get("locality", "").strip()) != bool(row.get("locality_level", "").strip()):
        check.fail("locality_level", "a locality needs its level and a level its locality "
                                     f"(locality '{row.get('locality', '')}', level '{row.get('locality_level', '')}')")
    year, value = int(row["year"]), float(row["value"])
    start, end = int(row["quote_start"]), int(row["quote_end"])
    text = texts[row["doc_id"]] if quotes else ""  # read only when checked: a report reads its own documents
    if quotes and text[start:end] != row["quote"]:
        check.fail("quote", f"the quote is not at {start}:{end} of the cleaned text of {row['doc_id']} "
                            f"(found '{text[start:end][:30]}')")
    if row["mention"] not in row["quote"]:
        check.fail("mention", f"'{row['mention']}' is not in the quote")
    implied = row.get("implied", "false").strip().lower() in ("true", "1", "yes")
    if extractor and not row.get("extractor_reason", "").strip():
        found = [m for m in quantities.extract(row["quote"]) if m.text == row["mention"]]
        if not found:
            check.fail("mention", f"the extractor finds no mention '{row['mention']}' in the quote; "
                                  "give the reason in extractor_reason")
        m = found[0]
        # the extractor's value as stated (50亩), in the row's unit (m2) when it converts by definition
        converted = units.convert(m.value, m.unit, row["unit"])
        mine_value, mine_unit = (converted[0], row["unit"]) if converted else (m.value, m.unit)
        for field, mine in (("value", mine_value), ("unit", mine_unit), ("qualifier", m.qualifier)):
            ours = value if field == "value" else row[field]
            same = (mine is not None and math.isclose(float(mine), float(ours), rel_tol=1e-9) if field == "value"
                    else mine == ours)
            if not same:
                check.fail(field, f"{row[field]} disagrees with the extractor ({mine}) without a reason "
                                  "in extractor_reason")
    return {**row, "year": year, "value": value, "quote_start": start, "quote_end": end,
            "implied": implied, "mention_start": start + row["quote"].index(row["mention"])}


def validate(path: Path | None = None, extractor: bool = True, quotes: bool = True) -> pd.DataFrame:
    """Load and check ``figures.csv``; raise ``DataError`` naming file, row and field.
    ``quotes=False`` leaves out the check that each quote is at its offsets of the cleaned
    text (the analyses' reading: a re-cleaned corpus moves offsets, not what a figure says;
    the reports then mark the figure's links broken, ``analysis.links``)."""
    path = Path(path or figures_path())
    return validate_rows(list(enumerate(read_rows(path, FIGURE_FIELDS), 1)), paths.relative(path), extractor,
                         quotes=quotes)


def validate_rows(numbered_rows: list[tuple[int, dict]], where: str, extractor: bool = True,
                  seen: set | None = None, quotes: bool = True) -> pd.DataFrame:
    """Check figure rows (``(row number, row)`` pairs of the file ``where``)."""
    schema.check_rows("figures", numbered_rows, where, "figure_id")
    indicators = load_indicators()
    texts = _texts()
    seen = set() if seen is None else seen
    checked = [_validate_row(_Checker(where, n, row), indicators, texts, seen, extractor, quotes)
               for n, row in numbered_rows]
    return pd.DataFrame(checked, columns=None if checked else FIGURE_FIELDS + ["mention_start"])


def _doc_frame() -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": d.doc_id, "region": d.region, "region_en": d.region_en, "region_zh": d.region_zh,
                          "genre": d.genre, "doc_date": d.date} for d in corpus.load_catalogue()])


def with_place(frame: pd.DataFrame) -> pd.DataFrame:
    """``place``: where a figure is about, the locality the text names (沈阳市, 大连高新区) or
    else the document's region; ``whole_region``: whether it is about the whole region (only
    then may it be normalised by the region's population or GDP)."""
    local = frame["locality"].fillna("").astype(str)
    return frame.assign(place=local.where(local != "", frame["region_zh"]), whole_region=local.eq(""))


def has_flag(frame: pd.DataFrame, *flags: str) -> pd.Series:
    """Whether each figure carries any of ``flags`` (``figures.csv``'s ``flags`` column)."""
    parts = frame["flags"].fillna("").astype(str).str.split(";")
    return parts.map(lambda xs: any(f in xs for f in flags))


def mentions_of(doc_id: str) -> list[quantities.Mention]:
    """The extractor's mentions of one catalogued document (what its figures must cover)."""
    return _mentions({doc_id})


def _out_of_scope() -> set[tuple[str, int]]:
    path = out_of_scope_path()
    if not path.is_file():
        return set()
    return {(r["doc_id"], int(r["start"])) for r in read_rows(path, schema.field_names("out-of-scope"))}


def _mentions(doc_ids: set[str] | None = None) -> list[quantities.Mention]:
    """The extractor's mentions that could be a figure: those in a unit some indicator is measured
    in, or converts to (a length of time, 3年, or an amount in dollars is no indicator's)."""
    figure_units = {row["unit"] for row in load_indicators().values()}
    out: list = []
    for d in corpus.load_catalogue():
        if doc_ids is not None and d.doc_id not in doc_ids:
            continue
        out.extend(m for m in quantities.extract_text(corpus.load_clean(d), d.doc_id, d.year,
                                                      default_kind="actual" if d.genre == "news_report" else "other")
                   if units.canonical(m.unit) in figure_units)
    return out


def coverage_gaps(figures: pd.DataFrame | None = None) -> list[quantities.Mention]:
    """Extractor mentions of the documents whose figures are reviewed that the curated table
    neither includes nor marks out of scope (drafted documents are not held to this)."""
    from analysis import curation as cur

    figures = figures if figures is not None else validate(extractor=False)
    reviewed = cur.reviewed_documents("figures")
    curated = {(r.doc_id, r.mention_start) for r in figures.itertuples() if not r.implied}
    skipped = _out_of_scope()
    return [m for m in _mentions(reviewed) if (m.doc, m.start) not in curated and (m.doc, m.start) not in skipped]


def quality(figures: pd.DataFrame | None = None) -> dict:
    """Precision and recall of the extractor against the curated figures (stated, not implied):
    a mention is right when it overlaps a curated figure's mention and agrees on value, unit and
    qualifier. Also how often its kind and year agree with the hand coding."""
    figures = figures if figures is not None else validate(extractor=False)
    gold = {(r.doc_id, r.mention_start): r for r in figures.itertuples() if not r.implied}
    skipped = _out_of_scope()
    from analysis import curation as cur

    predicted = [m for m in _mentions(cur.reviewed_documents("figures")) if (m.doc, m.start) not in skipped]
    kind_map = {"baseline": "actual"}  # the extractor does not tell a baseline from another actual
    right, wrong, kind_same, year_same, disagreements = 0, [], 0, 0, []
    matched = set()
    for m in predicted:
        hit = next((key for key in gold if key[0] == m.doc and gold[key].mention_start <= m.start + len(m.text)
                    and m.start <= gold[key].mention_start + len(gold[key].mention)), None)
        if hit is None:
            wrong.append(f"{m.doc} {m.start} '{m.text}': not a curated figure")
            continue
        g = gold[hit]
        matched.add(hit)
        converted = units.convert(m.value, m.unit, g.unit)  # 50亩 against a curated 33,333 m2
        if converted and converted[0] is not None and math.isclose(converted[0], g.value) and m.qualifier == g.qualifier:
            right += 1
        else:
            wrong.append(f"{m.doc} {m.start} '{m.text}': {m.value} {m.unit} {m.qualifier}, "
                         f"curated {g.value} {g.unit} {g.qualifier}")
        if kind_map.get(g.kind, g.kind) == m.kind:
            kind_same += 1
        else:
            disagreements.append(f"{m.doc} '{g.quote}': kind {m.kind}, curated {g.kind}")
        if m.year == g.year:
            year_same += 1
        else:
            disagreements.append(f"{m.doc} '{g.quote}': year {m.year}, curated {g.year}")
    missed = [f"{k[0]} {k[1]} '{gold[k].mention}': not found" for k in gold if k not in matched]
    n_pred, n_gold = len(predicted), len(gold)
    return {
        "mentions": n_pred, "curated": n_gold, "right": right,
        "precision": right / n_pred if n_pred else float("nan"),
        "recall": right / n_gold if n_gold else float("nan"),
        "kind_agreement": kind_same / len(matched) if matched else float("nan"),
        "year_agreement": year_same / len(matched) if matched else float("nan"),
        "wrong": wrong, "missed": missed, "disagreements": disagreements,
    }
