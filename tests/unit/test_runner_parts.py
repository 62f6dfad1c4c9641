"""The runner's parts on their own: the index page from its template, failure diagnosis."""

from __future__ import annotations

from analysis import diagnosis, site


def test_the_index_escapes_what_it_shows_and_links_only_outputs_that_exist(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html").write_text("x")
    manifest = {"python": "3.11.7", "git": {"commit": "abc", "dirty": True}, "runs": {
        "a": {"status": "done", "duration_s": 1.26, "given": {"lang": "zh"}, "headline": "<b>5 of 5</b> & more"},
        "b": {"status": "failed", "duration_s": 0, "given": {}, "message": "b: cell 3 `x = 1/0`: ZeroDivisionError",
              "last_good_headline": "old"},
    }}
    page = site.render_index(tmp_path, manifest)
    assert '<a href="html/a.html">a</a>' in page and 'href="html/b.html"' not in page
    assert "&lt;b&gt;5 of 5&lt;/b&gt; &amp; more" in page  # autoescaped, never raw HTML from a notebook
    assert "<code>lang=&#39;zh&#39;</code>" in page and "<code>defaults</code>" in page
    assert "<td>1.3 s</td>" in page  # "%.1f" of 1.26
    assert '<tr class="failed">' in page and "old" in page and "ZeroDivisionError" in page
    assert "(with uncommitted changes)" in page


def test_a_failure_is_described_from_its_record_not_its_text():
    assert diagnosis.cause({"kind": "timeout"}, False, 30) == "timed out after 30 s"
    assert diagnosis.cause({}, True, 2.5) == "timed out after 2.5 s"
    assert diagnosis.cause({"kind": "kernel_died", "ename": "DeadKernelError", "evalue": "Kernel died\nmore"},
                           False, 30) == "kernel died (DeadKernelError: Kernel died)"
    # a message that merely mentions "died" is an ordinary error
    assert diagnosis.cause({"kind": "error", "ename": "ValueError", "evalue": "the plant died"}, False, 30) == \
        "ValueError: the plant died"
    assert diagnosis.cause({}, False, 30) == "the worker stopped without a result (killed?)"


def test_classify_uses_the_exception_types():
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    err = PapermillExecutionError(cell_index=4, exec_count=3, source="1/0", ename="ZeroDivisionError",
                                  evalue="division by zero", traceback=[])
    assert diagnosis.classify(err)["cell_index"] == 4
    assert diagnosis.classify(CellTimeoutError("x"))["kind"] == "timeout"
    assert diagnosis.classify(DeadKernelError("x"))["kind"] == "kernel_died"
    assert diagnosis.classify(RuntimeError("kernel died"))["kind"] == "other"
