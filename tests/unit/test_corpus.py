"""The catalogue, checksums, bad input, adding a document, processed files."""

from __future__ import annotations

import codecs
import csv
import hashlib
from pathlib import Path

import pytest

from analysis import corpus
from analysis.cli import main
from analysis.errors import DataError, UserError

SEED_TEXT = "嘉兴市实施孵化器倍增计划,到2018年孵化机构达到100家以上。对新认定的国家级孵化机构给予一次性奖励。"


def _rows(project: Path) -> list[dict]:
    with (project / "data/raw/policies/catalogue.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write_rows(project: Path, rows: list[dict]) -> None:
    with (project / "data/raw/policies/catalogue.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=corpus.CATALOGUE_FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _set(project: Path, which: str, **fields) -> None:
    rows = _rows(project)
    for r in rows:
        if r["doc_id"] == which:
            r.update(fields)
    _write_rows(project, rows)


def test_catalogue_lists_the_five_documents_with_valid_checksums(catalogue, five):
    assert [d.region for d in five] == ["xinjiang", "liaoning", "urumqi", "jiaxing", "shaoxing"]
    assert [d.genre for d in five].count("policy_text") == 2
    for doc in catalogue:  # every catalogued document, the five and any added since
        assert hashlib.sha256(doc.path.read_bytes()).hexdigest() == doc.sha256
        assert corpus.read_raw(doc)  # verifies the checksum


def test_raw_files_are_the_seeds_byte_for_byte(five):
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds not beside this checkout")
    for doc in five:
        assert doc.path.read_bytes() == (seeds / doc.file).read_bytes()


def test_select_documents_by_region_or_id(five):
    assert [d.doc_id for d in corpus.documents(["urumqi", "jiaxing-2017"], five)] == ["urumqi-2019", "jiaxing-2017"]
    with pytest.raises(UserError, match="unknown document or region 'mars'"):
        corpus.documents(["mars"], five)


# --- bad input: one line naming file, row and field; exit 2; nothing half-written ----
BAD_ROWS = [
    # the data package's schema (data/datapackage.json), checked by frictionless
    ({"genre": "policy"}, "row 4 (jiaxing-2017), field 'genre': 'policy' is not allowed; expected one of policy_text"),
    ({"level": "township"}, "row 4 (jiaxing-2017), field 'level': 'township' is not allowed; expected one of province"),
    ({"date": "2017-13-02"}, "row 4 (jiaxing-2017), field 'date': '2017-13-02' is not of the required form: "
                             "Publication date from 1990 to 2039"),
    ({"date": "May 2017"}, "row 4 (jiaxing-2017), field 'date': 'May 2017' is not of the required form"),
    ({"date": "1985"}, "field 'date': '1985' is not of the required form"),
    ({"sha256": "abc"}, "field 'sha256': 'abc' is not of the required form: SHA-256 of the file's bytes (64 lowercase"),
    ({"doc_id": "xinjiang-2017"}, "field 'doc_id': duplicate 'xinjiang-2017' (once per table)"),
    ({"title": ""}, "field 'title': is empty"),
    # what a pattern cannot say
    ({"date": "2017-02-30"}, "row 4 (jiaxing-2017), field 'date': impossible date '2017-02-30'"),
]


@pytest.mark.parametrize("change, message", BAD_ROWS)
def test_bad_catalogue_row(project, change, message):
    _set(project, "jiaxing-2017", **change)
    with pytest.raises(DataError) as err:
        corpus.load_catalogue()
    assert str(err.value).startswith("data/raw/policies/catalogue.csv, ")
    assert message in str(err.value)


def test_missing_file(project):
    (project / "data/raw/policies/002_aed13c496fe7f94c.txt").unlink()
    with pytest.raises(DataError, match=r"^data/raw/policies/002_aed13c496fe7f94c.txt: file of document 'urumqi-2019' not found"):
        corpus.read_raw(corpus.documents("urumqi")[0])


def test_checksum_mismatch(project):
    path = project / "data/raw/policies/004_06b8a0338f435f9b.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(DataError, match="004_06b8a0338f435f9b.txt: sha256 mismatch: catalogue says d2e84e263221…, file has 8df518f4c461…"):
        corpus.read_raw(corpus.documents("shaoxing")[0])


def test_empty_file(project):
    path = project / "data/raw/policies/004_06b8a0338f435f9b.txt"
    path.write_bytes(b"  \n")
    _set(project, "shaoxing-2017", sha256=hashlib.sha256(b"  \n").hexdigest())
    with pytest.raises(DataError, match="file of document 'shaoxing-2017' is empty"):
        corpus.read_raw(corpus.documents("shaoxing")[0])


def test_undecodable_file(project):
    data = SEED_TEXT.encode("gb18030")
    path = project / "data/raw/policies/004_06b8a0338f435f9b.txt"
    path.write_bytes(data)
    _set(project, "shaoxing-2017", sha256=hashlib.sha256(data).hexdigest())
    with pytest.raises(DataError, match="not valid UTF-8 at byte 0"):
        corpus.read_raw(corpus.documents("shaoxing")[0])


def test_cli_reports_one_line_and_exit_2_and_leaves_processed_untouched(project, capsys):
    assert main(["corpus", "clean", "--quiet"]) == 0
    out_dir = project / "data/processed/corpus"
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}
    capsys.readouterr()
    _set(project, "urumqi-2019", genre="opinion")
    assert main(["corpus", "clean", "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert err == ("error: data/raw/policies/catalogue.csv, row 3 (urumqi-2019), field 'genre': 'opinion' is not "
                   "allowed; expected one of policy_text, news_report")
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == before
    # no staging folder left behind (.drafts.lock is the drafts' lock file, empty; .schema-checked.json
    # records the tables that passed the schema; .tuning-judged.json the tuning sets' judged drafts the
    # confidence is fitted on, analysis.calibration_sets, there when the drafts were built here or copied)
    names = {p.name for p in out_dir.parent.iterdir()} - {".tuning-judged.json"}
    assert sorted(names) == [".drafts.lock", ".schema-checked.json", "corpus", "drafts"]


def test_cli_checksum_failure_midway_writes_nothing(project, capsys):
    path = project / "data/raw/policies/004_06b8a0338f435f9b.txt"  # the last document
    path.write_bytes(path.read_bytes()[:-3])
    assert main(["corpus", "clean", "--quiet"]) == 2
    assert "sha256 mismatch" in capsys.readouterr().err
    assert not (project / "data/processed/corpus").exists()


# --- processed files ------------------------------------------------------------------
def test_processed_files_are_deterministic(project):
    first = corpus.write_processed()
    a = {p.name: p.read_bytes() for p in first.iterdir()}
    b = {p.name: p.read_bytes() for p in corpus.write_processed().iterdir()}
    assert a == b
    # text, segments, offsets, chrome per catalogued document, + inventory
    assert len(a) == 4 * len(corpus.load_catalogue()) + 1


def test_segments_file_traces_to_raw_bytes(project):
    import pandas as pd

    out = corpus.write_processed()
    segs = pd.read_csv(out / "jiaxing-2017.segments.csv")
    text = (out / "jiaxing-2017.txt").read_text(encoding="utf-8")
    raw = (project / "data/raw/policies/003_fa3694bf91580ccf.txt").read_bytes()
    row = segs[segs["text"].str.contains("给予20%的补助", regex=False) & (segs["level"] == "clause")].iloc[0]
    assert text[row["start"]:row["end"]] == row["text"]
    # Traditional in the raw file, Simplified in the cleaned text
    assert "給予20%的補助" in raw[row["raw_start"]:row["raw_end"]].decode("utf-8")


# --- adding a document ----------------------------------------------------------------
ADD_ARGS = dict(doc_id="jiaxing-test", region="jiaxing", region_zh="嘉兴市", region_en="Jiaxing",
                level="prefecture_city", genre="policy_text", title="测试", date="2017-05", outlet="测试",
                parent_province="zhejiang")


@pytest.mark.parametrize("encoding, expected", [("utf-8", "utf-8"), ("gbk", "gb18030"), ("gb18030", "gb18030")])
def test_add_document_in_utf8_or_gb(project, tmp_path, encoding, expected):
    src = tmp_path / "incoming" / "new.txt"
    src.parent.mkdir()
    src.write_bytes((SEED_TEXT * 3).encode(encoding))
    doc = corpus.add_document(src, **ADD_ARGS)
    stored = project / "data/raw/policies/new.txt"
    assert stored.read_bytes() == (SEED_TEXT * 3).encode("utf-8")
    assert doc.sha256 == hashlib.sha256(stored.read_bytes()).hexdigest()
    assert doc.original_encoding == expected and doc.script == "simplified"
    assert corpus.documents("jiaxing-test")[0] == doc  # round trip through the catalogue
    assert corpus.read_raw(doc) == SEED_TEXT * 3


def test_add_document_in_big5_is_converted_and_detected_as_traditional(project, tmp_path):
    traditional = "嘉興市實施孵化器倍增計劃,到2018年孵化機構達到100家以上。對新認定的國家級孵化機構給予一次性獎勵。" * 3
    src = tmp_path / "big5.txt"
    src.write_bytes(traditional.encode("big5"))
    doc = corpus.add_document(src, **ADD_ARGS)
    assert doc.original_encoding == "big5hkscs" and doc.script == "traditional"
    assert corpus.read_raw(doc) == traditional


@pytest.mark.parametrize("data, message", [
    (b"", "file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"a \.png file \(image/png\), not a text document: the suite reads text: OCR"),
    (b"\x00\x01\x02 random bytes \x00", "file is binary"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", r"a \.pdf file .*pdftotext"),  # Big5 would have "decoded" it
    (b"PK\x03\x04\x14\x00\x06\x00", r"a \.zip file .*save it as plain text"),
    (bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 8, r"an old Office file \(\.doc, \.xls or \.wps\)"),
    (b"{\\rtf1\\ansi \\f0 x}", r"a \.rtf file"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "starts with a utf-16 byte-order mark but does not decode at byte"),
    (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "file is empty"),
    ("Le café de la gare, où l'on crée des entreprises à Besançon.".encode("latin-1"), "cannot decode"),
])
def test_add_document_refuses_bad_files_and_writes_nothing(project, tmp_path, data, message):
    before = (project / "data/raw/policies/catalogue.csv").read_bytes()
    src = tmp_path / "bad.txt"
    src.write_bytes(data)
    with pytest.raises(DataError, match=message):
        corpus.add_document(src, **ADD_ARGS)
    assert (project / "data/raw/policies/catalogue.csv").read_bytes() == before
    assert not (project / "data/raw/policies/bad.txt").exists()


def test_add_document_with_bad_metadata_writes_nothing(project, tmp_path, capsys):
    src = tmp_path / "new.txt"
    src.write_text(SEED_TEXT, encoding="utf-8")
    code = main(["corpus", "add", str(src), "--id", "x-2017", "--region", "x", "--region-zh", "某",
                 "--region-en", "X", "--level", "village", "--genre", "policy_text", "--title", "t",
                 "--date", "2017", "--outlet", "o"])
    assert code == 2
    # named by the option the user gave, not by the catalogue's row it would have been
    assert "error: --level: 'village' is not allowed; expected one of province" in capsys.readouterr().err
    assert not (project / "data/raw/policies/new.txt").exists()


@pytest.mark.parametrize("text, encoding, expected", [
    # a 10-character GBK line (an open guess reads short GBK as Korean cp949)
    ("到2025年培育众创空间", "gbk", "gb18030"),
    ("对新认定的市级众创空间给予一次性补助10万元。", "gbk", "gb18030"),
    # a 7-character Big5 line
    ("科技企業孵化器", "big5", "big5hkscs"),
])
def test_short_gb_and_big5_texts_are_recognised(text, encoding, expected):
    assert corpus.decode_incoming(text.encode(encoding), "short.txt") == (text, expected)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_a_text_with_a_byte_order_mark_is_decoded_by_it(codec):
    # Windows Notepad's "Unicode" is UTF-16-LE with a mark; "utf-16" and "utf-32" write the machine's
    # order with a mark, the -le/-be codecs none, so the mark is written here by hand for them
    text = "对新认定的市级众创空间给予一次性补助10万元。"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE}.get(codec, b"")
    assert corpus.decode_incoming(bom + text.encode(codec), "n.txt") == (text, codec[:6])


def test_text_that_begins_like_a_short_file_signature_is_still_text():
    # filetype reads "BM" as a bitmap's signature; plain UTF-8 text beginning so is a document
    text = "BMW公司在园区设立众创空间1家。"
    assert corpus.decode_incoming(text.encode("utf-8"), "bmw.txt") == (text, "utf-8")


def test_a_text_in_another_encoding_is_refused_with_what_was_found():
    with pytest.raises(DataError) as err:
        corpus.decode_incoming("Приложение к постановлению правительства области".encode("koi8-r"), "ru.txt")
    assert str(err.value).startswith("ru.txt: cannot decode: not UTF-8, GB18030/GBK or Big5 (detected: ")


def test_adding_a_text_already_in_the_corpus_is_kept_and_said(project, tmp_path, capsys):
    # the same bytes as a seed under a new id: kept (the scale benchmark grows a corpus so), with a note
    seed = corpus.documents()[0]
    src = tmp_path / "again.txt"
    src.write_bytes(seed.path.read_bytes())
    code = main(["corpus", "add", str(src), "--id", "again-2017", "--region", "again", "--region-zh", "某",
                 "--region-en", "Again", "--level", "county", "--genre", "policy_text", "--title", "t",
                 "--date", "2017", "--outlet", "o"])
    out = capsys.readouterr().out
    assert code == 0 and f"note: again-2017 has the same text as {seed.doc_id}, already in the corpus" in out
    assert (project / "data/raw/policies/again.txt").read_bytes() == seed.path.read_bytes()


@pytest.mark.parametrize("option, value, message", [
    ("--id", "../evil-2017", "--id: '../evil-2017' is not of the required form"),
    ("--region", "a b", "--region: 'a b' is not of the required form"),
    ("--date", "2017-13", "--date: "),
])
def test_a_bad_option_of_corpus_add_is_named_and_nothing_is_written(project, tmp_path, capsys, option, value, message):
    src = tmp_path / "new.txt"
    src.write_text(SEED_TEXT, encoding="utf-8")
    args = {"--id": "x-2017", "--region": "x", "--region-zh": "某", "--region-en": "X", "--level": "county",
            "--genre": "policy_text", "--title": "t", "--date": "2017", "--outlet": "o", option: value}
    before = (project / "data/raw/policies/catalogue.csv").read_bytes()
    code = main(["corpus", "add", str(src), *[x for pair in args.items() for x in pair]])
    assert code == 2 and capsys.readouterr().err.startswith("error: " + message)
    assert (project / "data/raw/policies/catalogue.csv").read_bytes() == before
    assert not (project / "data/raw/policies/new.txt").exists()
