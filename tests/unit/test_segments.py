from analysis.segments import segment


def test_ids_levels_and_offsets():
    text = "一、总体要求\n到2020年,培育众创空间60家;星创天地40家。创新创业?圆梦想大赛。"
    segs = segment("doc", text)
    assert [(s.id, s.level) for s in segs] == [
        ("doc:1", "paragraph"), ("doc:1.1", "sentence"), ("doc:1.1.1", "clause"),
        ("doc:2", "paragraph"),
        ("doc:2.1", "sentence"), ("doc:2.1.1", "clause"), ("doc:2.1.2", "clause"),
        # the bare "?" stands for a lost character, not a question mark: one sentence
        ("doc:2.2", "sentence"), ("doc:2.2.1", "clause"),
    ]
    for s in segs:
        assert text[s.start:s.end] == s.text
    assert segs[5].text == "到2020年,培育众创空间60家;"
    assert segs[7].text == "创新创业?圆梦想大赛。"


def test_closing_quote_stays_with_its_sentence():
    segs = [s for s in segment("d", "他说“好。”然后走了。") if s.level == "sentence"]
    assert [s.text for s in segs] == ["他说“好。”", "然后走了。"]


def test_every_real_document_segments_into_its_own_text(cleaned):
    for doc_id, c in cleaned.items():
        segs = segment(doc_id, c.text)
        assert len({s.id for s in segs}) == len(segs)
        assert all(c.text[s.start:s.end] == s.text for s in segs)
        paragraphs = [s for s in segs if s.level == "paragraph"]
        assert len(paragraphs) == len(c.text.split("\n"))
