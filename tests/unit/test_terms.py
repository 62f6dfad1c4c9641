from analysis import terms


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
