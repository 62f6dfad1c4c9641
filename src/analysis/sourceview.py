"""The source viewer: one page per document, ``reports/documents/<doc>.html``, the text as
cleaned with every clause and every figure the analyses use anchored and marked.

- a clause is ``<span class="clause" id="c-<clause id>">``, its instrument code (sub-tool,
  type, reviewed or drafted with the coder's confidence) on hover, its raw-file byte
  offsets in ``data-raw``;
- a figure is a zero-width anchor ``id="f-<figure id>"`` (with ``data-value``, the number it
  states) at the start of its quote, and ``<mark data-figure="...">`` pieces over the quote
  (its number in bold); two figures may share a quote, and a quote may run over several
  clauses, so marks are cut at every boundary rather than nested;
- a figure that cannot be anchored (``links.figure_problem``) is listed with the reason
  instead, and every report linking to it marks its link broken;
- passages garbled in the raw file itself (mojibake, ``corpus.garbled_passages``) are listed at
  the top and their paragraphs marked ``class="garbled"``; the text is shown as it is;
- the raw file is copied beside the page (``documents/raw/``), so the site links to the
  bytes its offsets count, and stays whole when copied elsewhere.

Pages come from the jinja2 template ``templates/document.html.j2``; their content depends only
on the corpus, the figures and the codes, so two builds of the same inputs give the same bytes.
A page is rendered again only when its inputs changed: ``documents/pages.json`` keeps, per
document, the hash of its inputs (its catalogue row, raw bytes, figure and code rows, the
framework, the package's code and templates, whether its region has a profile), the hash of the
page written, and what the site's index needs of it; a page whose inputs and bytes match is left
as it is (the bytes a full rebuild would write, since the same inputs give the same bytes).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from analysis import corpus, files, instruments, inuse, links, segments

__all__ = ["Piece", "pieces", "document_context", "build_documents", "RECORD"]

RECORD = "pages.json"  # in reports/documents/: per document, its inputs' hash and its page's


@dataclass
class Piece:
    """A run of text with the same clause, the same figures and the same mention state."""
    start: int
    end: int
    text: str
    clause: str = ""
    figures: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()  # figures whose mention (the number itself) this is
    anchors: list[dict] = field(default_factory=list)  # figure anchors that start here
    title: str = ""  # the figures' ids and readings, shown on hover


def pieces(text: str, start: int, end: int, clauses: list[tuple[str, int, int]],
           figures: list[dict]) -> list[Piece]:
    """Cut ``text[start:end]`` at every clause, quote and mention boundary.

    ``clauses``: (id, start, end); ``figures``: dicts with figure_id, quote_start, quote_end,
    mention_start, mention_end, value. Offsets are in the cleaned text."""
    cuts = {start, end}
    for _, a, b in clauses:
        cuts.update(x for x in (a, b) if start <= x <= end)
    for f in figures:
        for key in ("quote_start", "quote_end", "mention_start", "mention_end"):
            if start <= f[key] <= end:
                cuts.add(f[key])
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        clause = next((cid for cid, c0, c1 in clauses if c0 <= a and b <= c1), "")
        figs = tuple(f["figure_id"] for f in figures if f["quote_start"] <= a and b <= f["quote_end"])
        nums = tuple(f["figure_id"] for f in figures if f["mention_start"] <= a and b <= f["mention_end"])
        out.append(Piece(a, b, text[a:b], clause, figs, nums,
                         [f for f in figures if f["quote_start"] == a]))
    return out


def _clause_title(row: dict | None, clause_id: str, framework) -> str:
    if row is None:
        return clause_id
    sub = framework.label(row["primary"], "en")
    kind = row.get("type", "")
    status = row.get("status", "reviewed")
    conf = row.get("confidence")
    extra = f", confidence {float(conf):.2f}" if status == "draft" and conf == conf and conf is not None else ""
    return f"{clause_id} · {sub}" + (f" ({kind})" if kind and kind != "none" else "") + f" · {status}{extra}"


def _groups(ps: list[Piece]) -> list[dict]:
    """Consecutive pieces of one clause, for the template (a clause span around its pieces)."""
    groups: list[dict] = []
    for p in ps:
        if groups and groups[-1]["clause"] == p.clause:
            groups[-1]["pieces"].append(p)
        else:
            groups.append({"clause": p.clause, "pieces": [p]})
    return groups


def document_context(doc, cleaned, figures: pd.DataFrame, coding: pd.DataFrame, framework, raw_name: str) -> dict:
    """What the template needs for one document."""
    text = cleaned.text
    segs = segments.segment(doc.doc_id, text)
    codes = {r["clause_id"]: r for r in coding.to_dict("records")} if len(coding) else {}
    anchored, broken = [], []
    texts = {doc.doc_id: text}
    for f in figures.sort_values(["quote_start", "figure_id"]).to_dict("records"):
        problem = links.figure_problem(f, texts)
        if problem:
            broken.append({"figure_id": f["figure_id"], "reason": problem})
            continue
        m0 = f["quote_start"] + max(0, f["quote"].find(str(f["mention"])))
        anchored.append({**f, "mention_start": m0, "mention_end": m0 + len(str(f["mention"])),
                         "value_text": links._value_text(f["value"]),
                         "title": f"{f['figure_id']} ({f.get('status', 'reviewed')}) · {f.get('label_en', f['indicator'])}"
                                  f" · {f['scope']} · {f['kind']} {int(f['year'])} · {f['mention']}"})
    garbled = corpus.garbled_passages(doc, cleaned, segs)
    garbled_in: dict[str, list[str]] = {}
    for g in garbled:
        if g["paragraph"]:
            garbled_in.setdefault(g["paragraph"], []).append(g["excerpt"])
    titles = {f["figure_id"]: f["title"] for f in anchored}
    paragraphs = []
    clauses_of: dict[int, list] = {}
    for s in segs:
        if s.level == "clause":
            clauses_of.setdefault(s.para, []).append(s)
    clause_by_id = {c.id: c for cs in clauses_of.values() for c in cs}
    for s in segs:
        if s.level != "paragraph":
            continue
        cl = [(c.id, c.start, c.end) for c in clauses_of.get(s.para, [])]
        figs = [f for f in anchored if f["quote_start"] < s.end and f["quote_end"] > s.start]
        ps = pieces(text, s.start, s.end, cl, figs)
        groups = _groups(ps)
        for g in groups:
            cid = g["clause"]
            if cid:
                c = clause_by_id[cid]
                raw = cleaned.raw_span(c.start, c.end)
                g.update(anchor=links.clause_anchor(cid), raw=f"{raw[0]}-{raw[1]}",
                         title=_clause_title(codes.get(cid), cid, framework),
                         code=(codes.get(cid) or {}).get("primary", ""),
                         status=(codes.get(cid) or {}).get("status", ""))
            for p in g["pieces"]:
                p.title = " | ".join(titles[x] for x in p.figures)
        paragraphs.append({"id": f"p-{s.id}", "groups": groups,
                           "garbled": " · ".join(garbled_in.get(s.id, []))})
    return {"doc": doc, "paragraphs": paragraphs, "figures": anchored, "broken": broken, "raw_name": raw_name,
            "garbled": garbled,
            "n_clauses": sum(len(v) for v in clauses_of.values()),
            "n_coded": sum(1 for v in clauses_of.values() for c in v if c.id in codes),
            # what the site's region table says of the document's review: its coded clauses and
            # anchored figures, reviewed or drafted
            "n_reviewed": sum(1 for c in clause_by_id if codes.get(c, {}).get("status") == "reviewed")
            + sum(1 for f in anchored if f.get("status", "reviewed") == "reviewed"),
            "n_drafted": sum(1 for c in clause_by_id if codes.get(c, {}).get("status") == "draft")
            + sum(1 for f in anchored if f.get("status") == "draft")}


def _hash(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _read_record(path: Path) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or damaged: every page is rendered
        return {}
    return record if isinstance(record, dict) else {}


def build_documents(out_dir: Path, env, write, docs: list, profiles: frozenset[str] | set[str] = frozenset()) -> list[dict]:
    """Write one page per catalogued document into ``out_dir`` (``reports/documents/``) and
    copy its raw file; returns, per document, what the site's index and search need and
    ``rendered`` (False: its page was up to date and left alone).
    ``docs``: the catalogue's documents; ``profiles``: the regions whose profile page exists
    (their names link to it)."""
    table = inuse.load_figures(check_quotes=False)
    fw = instruments.load_framework()
    try:
        coding = inuse.load_coding(fw)
    except Exception as err:  # the viewer still shows the text; the codes' absence is said on the page
        coding, coding_error = pd.DataFrame(), str(err)
    else:
        coding_error = ""
    template = env.get_template("document.html.j2")
    # what every page depends on: the code and templates (the package), the framework's labels
    shared = _hash(files.package_hash(), files.sha256_file(instruments.framework_path()), coding_error)
    record_path = out_dir / RECORD
    before = _read_record(record_path)
    record, out = {}, []
    for doc in docs:
        cleaned = corpus.load_clean(doc)
        raw_name = doc.path.name
        raw = doc.path.read_bytes()
        write(out_dir / "raw" / raw_name, raw)
        figures = table[table["doc_id"] == doc.doc_id]
        codes = coding[coding["doc_id"] == doc.doc_id] if len(coding) else coding
        inputs = _hash(shared, json.dumps(asdict(doc), sort_keys=True), raw, figures.to_csv(index=False),
                       codes.to_csv(index=False), doc.region in profiles)
        page = out_dir / f"{doc.doc_id}.html"
        kept = before.get(doc.doc_id) or {}
        if kept.get("inputs") == inputs and page.is_file() and files.sha256_file(page) == kept.get("page"):
            summary, rendered = kept["summary"], False
        else:
            ctx = document_context(doc, cleaned, figures, codes, fw, raw_name)
            html = template.render(root="../", page=f"document:{doc.doc_id}", coding_error=coding_error, lang="zh",
                                   title=doc.title or doc.doc_id, has_profile=doc.region in profiles, **ctx)
            data = html.encode("utf-8")
            write(page, data)
            summary = {"figures": len(ctx["figures"]), "broken": ctx["broken"], "clauses": ctx["n_clauses"],
                       "reviewed": ctx["n_reviewed"], "drafted": ctx["n_drafted"]}
            kept, rendered = {"page": files.sha256_bytes(data)}, True
        record[doc.doc_id] = {"inputs": inputs, "page": kept["page"], "summary": summary}
        out.append({"doc": doc, "text": cleaned.text, "rendered": rendered, **summary})
    write(record_path, (json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8"))
    return out
