"""Every file the suite reads, cut short or garbled, is one line naming the file, the row (a YAML
file's line) and the field, exit status 2, and nothing is written (issue 25).

Each damage is applied to each file in a throw-away copy of the project, then the command that
reads it runs through the command line's entry point (``analysis.cli.main``, in process: the
same parsing and error handling as ``python -m analysis``, without 150 interpreter starts):
``run --explain`` for the data package's tables and codebooks, the suite file and the manifest
(the suite checks every input before any kernel starts), ``review DOC --accept`` for a review file.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest
from tests.conftest import ROOT

from analysis import cli

DATA_TABLES = ["data/raw/policies/catalogue.csv"] + sorted(
    str(p.relative_to(ROOT)) for d in ("curated", "external") for p in (ROOT / "data" / d).glob("*.csv"))
YAML_FILES = ["data/curated/instruments_framework.yml", "data/curated/pmc_framework.yml", "notebooks/suite.yml"]
REVIEW_FILES = ["data/review/xinjiang-2017.figures.csv", "data/review/xinjiang-2017.pmc.csv"]
MANIFEST = "reports/manifest.json"


# --- the damages --------------------------------------------------------------------------------
def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def cut_mid_row(data: bytes, kind: str) -> bytes:
    # halfway through the line at 60% of the file (a sync conflict, a full disk, a crash)
    lines = data.split(b"\n")
    k = min(max(1, int(len(lines) * 0.6)), len([x for x in lines if x.strip()]) - 1)  # a table of one row: its header
    head = b"\n".join(lines[:k]) + b"\n"
    return head + lines[k][: max(1, len(lines[k]) // 2)]


def missing_field(data: bytes, kind: str) -> bytes:
    text = data.decode("utf-8-sig")
    if kind == "csv":  # the first row loses its last field (a table with no row yet gets a short one)
        rows = _rows(text)
        rows[1:2] = [rows[1][:-1] if len(rows) > 1 else ["x"] * (len(rows[0]) - 1)]
        return _csv(rows).encode()
    if kind == "json":
        manifest = json.loads(text)
        del next(iter(manifest["runs"].values()))["fingerprint"]
        return json.dumps(manifest).encode()
    if "notebooks:" in text:  # the suite: an entry without its notebook
        return re.sub(r"- notebook: (\S+)", r"- name: \1", text, count=1).encode()
    return re.sub(r"\n\s+name_zh: [^\n]*", "", text, count=1).encode()  # a type's or variable's Chinese name


def extra_field(data: bytes, kind: str) -> bytes:
    text = data.decode("utf-8-sig")
    if kind == "csv":
        rows = _rows(text)
        rows[1:2] = [(rows[1] if len(rows) > 1 else ["x"] * len(rows[0])) + ["extra"]]
        return _csv(rows).encode()
    if kind == "json":
        return json.dumps({**json.loads(text), "colour": "blue"}).encode()
    return (text + "colour: blue\n").encode()


def unclosed_quote(data: bytes, kind: str) -> bytes:
    text = data.decode("utf-8-sig")
    if kind == "csv":  # the second field of the first row opens a quote that nothing closes
        header, first, rest = (text + ",".join(["x"] * len(_rows(text)[0])) + "\n").split("\n", 2) \
            if text.count("\n") < 2 else text.split("\n", 2)
        a, b = first.split(",", 1)
        return "\n".join([header, f'{a},"{b.replace(chr(34), "")}', rest]).encode()
    if kind == "json":
        return text.replace('"', "", 1).encode()
    return re.sub(r"(\n\s*[a-z_]+: )([^\n\"']+)", r'\1"\2', text, count=1).encode()


def wrong_encoding(data: bytes, kind: str) -> bytes:
    return data.decode("utf-8-sig").encode("utf-16")  # what "Unicode text" in a spreadsheet's save dialog gives


def empty(data: bytes, kind: str) -> bytes:
    return b""


DAMAGES = [cut_mid_row, missing_field, extra_field, unclosed_quote, wrong_encoding, empty]


# --- the copy -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def intact(tmp_path_factory):
    """The project's data, notebooks and a small manifest, copied once per module, with its drafts
    built (as ``run`` builds them before anything else): each test copies it, so that a damage
    the drafts do not read costs no rebuild of them, and one they read makes the rebuild fail."""
    base = tmp_path_factory.mktemp("intact")
    for sub in ("data/raw", "data/curated", "data/external", "notebooks"):
        shutil.copytree(ROOT / sub, base / sub, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(ROOT / "data" / "datapackage.json", base / "data" / "datapackage.json")
    (base / "data" / "processed").mkdir()
    (base / "reports").mkdir()
    run = {"notebook": "notebooks/01_corpus.ipynb", "parameters": {"lang": "en"}, "given": {}, "status": "done",
           "duration_s": 1.0, "fingerprint": "x", "headline": "", "outputs": {}, "message": "", "title": "",
           "inputs": {}}
    (base / MANIFEST).write_text(json.dumps({"generated_by": "python -m analysis run", "runs": {"01_corpus": run}},
                                            indent=2) + "\n", encoding="utf-8")
    review = base / "data" / "review"
    review.mkdir()
    from analysis import figures
    from analysis import review as rv

    with (ROOT / "data/curated/figures.csv").open(encoding="utf-8", newline="") as f:
        figs = [r for r in csv.DictReader(f) if r["doc_id"] == "xinjiang-2017"]
    fields = rv.FIGURE_REVIEW_FIELDS
    assert set(figures.FIGURE_FIELDS) <= set(fields)
    (review / "xinjiang-2017.figures.csv").write_text(
        _csv([fields] + [[{"decision": "keep"}.get(k, r.get(k, "")) for k in fields] for r in figs]), encoding="utf-8")
    with (ROOT / "data/curated/pmc_scores.csv").open(encoding="utf-8", newline="") as f:
        scores = [r for r in csv.DictReader(f) if r["doc_id"] == "xinjiang-2017"]
    (review / "xinjiang-2017.pmc.csv").write_text(
        _csv([["doc_id", "item", "score", "justification"]] + [[r["doc_id"], r["item"], r["score"], r["justification"]]
                                                               for r in scores]), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SHUANGCHUANG_ROOT", str(base))
        from analysis import inuse

        inuse.build()
    return base


@pytest.fixture
def copy(intact, tmp_path, monkeypatch):
    shutil.copytree(intact, tmp_path, dirs_exist_ok=True)
    monkeypatch.setenv("SHUANGCHUANG_ROOT", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(root) -> dict[str, bytes]:
    # the curated tables' lock file (analysis.locking) is created empty by the first accept: not data
    return {str(p.relative_to(root)): p.read_bytes() for d in ("data", "reports") for p in (root / d).rglob("*")
            if p.is_file() and "processed" not in p.parts and p.name != ".curated.lock"}


def _command(rel: str) -> list[str]:
    if rel.startswith("data/review/"):
        doc, layer = re.match(r"data/review/(.+)\.(\w+)\.csv", rel).groups()
        return ["review", doc, "--layer", layer, "--accept"]
    return ["run", "--explain"]


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("rel", DATA_TABLES + YAML_FILES + REVIEW_FILES + [MANIFEST])
def test_a_damaged_file_is_one_line_naming_it_with_exit_2_and_nothing_written(copy, rel, damage, capsys):
    kind = "csv" if rel.endswith(".csv") else "json" if rel.endswith(".json") else "yaml"
    path = copy / rel
    path.write_bytes(damage(path.read_bytes(), kind))
    before = _snapshot(copy)
    status = cli.main(_command(rel))
    err = capsys.readouterr().err.strip()
    assert status == 2, err
    assert err.startswith(f"error: {rel}") and "\n" not in err and "Traceback" not in err, err
    if damage is not empty and not (kind == "json" and damage is not missing_field and damage is not extra_field):
        # the row (a YAML file's line) and the field are named; an empty file has neither, and a
        # JSON parser names the line and column of a syntax error
        assert re.search(r", (row|line) [^,]+, field '[^']+': |, field '[^']+': ", err) or \
            (damage is wrong_encoding and ", line 1)" in err), err
    assert _snapshot(copy) == before  # nothing written (the damaged file itself left as it is)


def test_an_intact_copy_passes_the_same_commands(copy, capsys):
    assert cli.main(["run", "--explain"]) == 0, capsys.readouterr().err
