"""Garbled text in a raw document (issue 24): found, reported per document, never repaired."""

from __future__ import annotations

import pandas as pd

from analysis import corpus, instruments, inuse, mojibake, sourceview
from analysis.cleaning import clean_text


def test_made_up_text_each_kind_of_garbling_is_found_where_it_is():
    ok = "对经备案的众创空间给予补贴。What? 这是问号吗？不是：中文用全角问号。"
    lost_ruby = "统筹当?shù)科(kē)技资金"  # 当(dāng)地(dì) lost: a ? inside toned pinyin closed by )
    lost_dot = "中兴?众创空间"  # a middle dot lost between two characters
    latin1 = "åˆ›ä¸š"  # 创业 as UTF-8 bytes read as cp1252
    text = ok + lost_ruby + lost_dot + "\ufffd" + latin1 + "锟斤拷"
    found = mojibake.find(text)
    assert [g.kind for g in found] == ["question_mark_in_pinyin", "question_mark_between_characters",
                                       "replacement_character", "utf8_read_as_latin1", "broken_gbk_run"]
    # offsets are the raw text's: the first find starts at the ? of 当?shù)
    first = found[0]
    assert text[first.start:first.end] == "?shù)" and first.start == len(ok) + len("统筹当")
    # the clean parts, an English question and a full-width question mark, are not garbled
    assert mojibake.find(ok) == []


def test_made_up_text_cleaning_leaves_the_garbled_text_as_it_is():
    raw = "统筹当?shù)科(kē)技资金。\n"
    c = clean_text(raw)
    assert "当?shù)科技" in c.text  # the real ruby (kē) is stripped; the garbled run is kept
    [g] = mojibake.find(raw)
    start, end = mojibake.in_clean(g, c.source)
    assert c.text[start:end] == "?shù)"


def test_the_five_documents_xinjiang_paragraph_15_is_flagged_in_the_inventory(five):
    rows = corpus.inventory(five).set_index("doc_id")
    # 「引导地(州、市)、县(市、区)统筹当?shù)乜萍纴m?xiàng)资金」: two garbled ruby runs in paragraph 15, and
    # four more in a related-reading line the cleaning removes as web chrome (6 in all)
    assert rows.loc["xinjiang-2017", "mojibake"] == 6
    passages = rows.loc["xinjiang-2017", "mojibake_passages"].split("; ")
    assert sum(p.startswith("xinjiang-2017:15 question_mark_in_pinyin") for p in passages) == 2
    assert sum(p.startswith("removed web chrome") for p in passages) == 4
    # Liaoning: two middle dots lost (创青春?圆梦想, 中兴?众创空间), paragraphs 6 and 13
    assert rows.loc["liaoning-2015", "mojibake_passages"].startswith("liaoning-2015:6 question_mark_between_characters")
    assert rows.loc["urumqi-2019", "mojibake"] == rows.loc["jiaxing-2017", "mojibake"] == 0


def test_the_five_documents_the_source_viewer_marks_xinjiangs_garbled_paragraph(five):
    doc = next(d for d in five if d.doc_id == "xinjiang-2017")
    fw = instruments.load_framework()
    ctx = sourceview.document_context(doc, corpus.load_clean(doc), inuse.load_figures().iloc[:0], pd.DataFrame(),
                                      fw, doc.path.name)
    marked = {p["id"]: p["garbled"] for p in ctx["paragraphs"] if p["garbled"]}
    assert list(marked) == ["p-xinjiang-2017:15"] and "?shù)" in marked["p-xinjiang-2017:15"]
    assert [g["paragraph"] for g in ctx["garbled"]].count("xinjiang-2017:15") == 2
