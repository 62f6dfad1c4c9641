import json

import pytest

from analysis import paths, terms


@pytest.fixture(autouse=True)
def _own_processed(tmp_path, monkeypatch):
    # each test's term-count cache is its own (never the checkout's data/processed)
    monkeypatch.setattr(paths, "processed_dir", lambda: tmp_path)


def test_domain_terms_stay_whole():
    words = [w for w, _ in terms.words("科技企业孵化器和星创天地、众创空间是双创的载体")]
    for term in ("科技企业孵化器", "星创天地", "众创空间", "双创"):
        assert term in words


def test_term_frequencies_counted_by_hand():
    # content words: 众创空间 x2, 建设 x2, 服务 x1, 孵化器 x1 -> 6 in all;
    # ties broken by the term: 众 (U+4F17) < 建 (U+5EFA), 孵 (U+5B75) < 服 (U+670D)
    tf = terms.term_frequencies({"d": "众创空间建设。众创空间服务。孵化器建设。"}, top_n=3)
    assert list(tf["term"]) == ["众创空间", "建设", "孵化器"]
    assert list(tf["count"]) == [2, 2, 1]
    assert tf["share"].round(4).tolist() == [round(2 / 6, 4), round(2 / 6, 4), round(1 / 6, 4)]
    assert list(tf["rank"]) == [1, 2, 3]


def test_a_documents_counts_are_segmented_once_and_read_back_without_the_tagger(tmp_path, monkeypatch):
    text = "众创空间建设。众创空间服务。"
    first = terms.content_counts({"d": text})
    # 众创空间 x2, 建设 x1, 服务 x1 (the content words of the test above, one sentence fewer)
    assert first["d"]["众创空间"] == 2 and first["d"]["建设"] == 1 and first["d"]["服务"] == 1
    assert len(json.loads((tmp_path / ".term-counts.json").read_text(encoding="utf-8"))) == 1
    monkeypatch.setattr(terms, "words", lambda text: pytest.fail("segmented a text already counted"))
    # the same text under another document id is the same entry: nothing segmented
    again = terms.content_counts({"d": text, "copy": text})
    assert again["d"] == first["d"] and again["copy"] == first["d"]


def test_a_changed_text_is_segmented_anew_and_the_old_entry_kept(tmp_path):
    terms.content_counts({"d": "孵化器建设。"})
    changed = terms.content_counts({"d": "孵化器建设。孵化器服务。"})
    # 孵化器 x2 in the changed text (it was 1)
    assert changed["d"]["孵化器"] == 2
    assert len(json.loads((tmp_path / ".term-counts.json").read_text(encoding="utf-8"))) == 2


def test_frequencies_from_remembered_counts_equal_a_fresh_segmentation(tmp_path):
    text = "众创空间建设。众创空间服务。孵化器建设。"
    fresh = terms.term_frequencies({"d": text}, top_n=3)
    remembered = terms.term_frequencies({"d": text}, top_n=3)
    assert fresh.equals(remembered)
