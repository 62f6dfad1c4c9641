"""What a careless or hostile user types: every option value is checked, every mistake is
one line and exit status 2; tables saved by a spreadsheet program read as they are."""

import pytest

from analysis import corpus, figures
from analysis.cli import main
from analysis.errors import DataError


def _exit_status(argv: list[str]) -> int:
    """main()'s status, whether it returns it or argparse exits with it."""
    try:
        return main(argv)
    except SystemExit as done:
        return done.code


@pytest.mark.parametrize("argv, message", [
    (["run", "--jobs", "0"], "error: python -m analysis run: argument --jobs: 0 is not at least 1"),
    (["run", "--jobs", "two"], "argument --jobs: 'two' is not a whole number"),
    (["run", "--timeout", "-5"], "argument --timeout: -5 is not a number of seconds above 0"),
    (["run", "--timeout", "nan"], "argument --timeout: nan is not a number of seconds above 0"),
    (["run", "-p", "lang"], "argument -p/--parameter: expected 2 arguments"),
    (["verify", "--jobs", "-1"], "argument --jobs: -1 is not at least 1"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["run", "no_such_notebook"], "no notebook 'no_such_notebook' in the suite"),
])
def test_a_bad_option_is_one_line_and_exit_2_and_runs_nothing(argv, message, capsys, tmp_path):
    reports = ["--reports-dir", str(tmp_path)] if argv[0] in ("run", "verify") else []
    assert _exit_status(argv + reports) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert list(tmp_path.iterdir()) == []


def _as_spreadsheet_saves(path):
    """UTF-8 with a byte-order mark and CRLF line endings."""
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


def test_a_catalogue_and_a_curated_table_saved_by_a_spreadsheet_read_the_same(project):
    before_docs = corpus.load_catalogue()
    before_figures = figures.validate(extractor=False)
    _as_spreadsheet_saves(project / "data/raw/policies/catalogue.csv")
    _as_spreadsheet_saves(project / "data/curated/figures.csv")
    assert corpus.load_catalogue() == before_docs
    assert figures.validate(extractor=False).equals(before_figures)


def test_a_table_that_is_not_utf8_is_one_line(project):
    path = project / "data/curated/figures.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(DataError) as err:
        figures.validate(extractor=False)
    # the first character that is not ASCII: 家 of the first row's mention (16家)
    assert str(err.value).startswith("data/curated/figures.csv, row 1, field 'mention': not UTF-8 (byte ")
    assert str(err.value).endswith("save it as CSV UTF-8")


def test_a_notebook_run_outside_the_runner_never_writes_into_reports(project, monkeypatch, tmp_path):
    import pandas as pd

    from analysis import report

    monkeypatch.delenv("ANALYSIS_TABLES_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    report.save_table(pd.DataFrame({"n": [3]}), "by_hand")
    assert (tmp_path / "shuangchuang-tables" / "by_hand.csv").read_text() == "n\n3\n"
    assert not (project / "reports").exists()
