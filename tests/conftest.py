from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# `make test` runs the integration tests in two processes (pytest-xdist, `--dist loadgroup`), a group
# of modules in one process, so that the fixtures its tests share are built once: the real suite's
# render (the suite, site and lab tests), the open corpus's run. Groups start in this order, longest
# first (`pytest --durations`: docs/tests.md); a module not listed is a group of its own, after them.
# Not pytest-xdist's `xdist_group` mark: with pytest 9 the mark no longer reaches the scheduler (xdist
# 3.8 renames the item's `_nodeid`, which pytest 9 no longer reads), so the groups are named here and
# given to the scheduler by `pytest_xdist_make_scheduler`.
INTEGRATION_GROUPS = {
    "test_open_corpus.py": "open_corpus",
    "test_sixth_document.py": "sixth_document",
    "test_suite_real.py": "real_reports",
    "test_site_browser.py": "real_reports",
    "test_lab.py": "real_reports",
    "test_hostile_browser.py": "hostile_browser",
    "test_runner.py": "runner",
    "test_review_page.py": "review_page",
}
_GROUP_RANK = {g: i for i, g in enumerate(dict.fromkeys(INTEGRATION_GROUPS.values()))}


def _group_of(nodeid: str) -> str:
    path = nodeid.split("::", 1)[0]
    return INTEGRATION_GROUPS.get(Path(path).name, path)


def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup`: the groups above, each sent whole to one worker (xdist's scheduler by scope,
    the scope being the group)."""
    if config.getoption("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _group_of(nodeid)

    config.option.loadscopereorder = False  # the order below, not by the number of tests
    return ByGroup(config, log)


def pytest_collection_modifyitems(items):
    """The integration tests in the order of their groups (stable: a group's tests keep theirs);
    every other test first, in its own order."""
    def rank(item) -> int:
        group = _group_of(item.nodeid)
        if Path(item.nodeid.split("::", 1)[0]).parts[:2] != ("tests", "integration"):
            return -1
        return _GROUP_RANK.get(group, len(_GROUP_RANK))

    items.sort(key=rank)


@pytest.fixture(scope="session")
def built_drafts():
    """The real project's drafts, built once if their inputs changed (reading never builds:
    building is a step, as `make reports` takes it)."""
    from analysis import inuse, paths

    assert paths.project_root() == ROOT
    return inuse.build()


def link_tuning_sets(root: Path) -> None:
    """The tuning sets the automatic coder trains on and the figure drafts' confidence is fitted on (an input
    of the drafts, as in every clone), linked into a copy of the project at ``root``: read only, and only the
    declared ones (a blind set is no input)."""
    from analysis import paths

    sets = root / "tests" / "fixtures" / "heldout"
    sets.mkdir(parents=True, exist_ok=True)
    for name in paths.TUNING_SETS:
        if (ROOT / "tests" / "fixtures" / "heldout" / name).is_dir():
            (sets / name).symlink_to(ROOT / "tests" / "fixtures" / "heldout" / name, target_is_directory=True)


@pytest.fixture
def project(tmp_path, monkeypatch, built_drafts):
    """A throw-away copy of the project's data folder (and of the drafts built from it), used
    as the project root, so a test can break files without touching the real ones."""

    shutil.copytree(ROOT / "data" / "raw", tmp_path / "data" / "raw")
    shutil.copytree(built_drafts, tmp_path / "data" / "processed" / "drafts")
    # the tuning sets' judged drafts the figure drafts' confidence is fitted on (analysis.calibration_sets)
    judged = ROOT / "data" / "processed" / ".tuning-judged.json"
    if judged.is_file():
        shutil.copy(judged, tmp_path / "data" / "processed" / judged.name)
    shutil.copy(ROOT / "data" / "datapackage.json", tmp_path / "data" / "datapackage.json")
    for sub in ("curated", "external"):
        if (ROOT / "data" / sub).is_dir():
            shutil.copytree(ROOT / "data" / sub, tmp_path / "data" / sub)
    link_tuning_sets(tmp_path)
    monkeypatch.setenv("SHUANGCHUANG_ROOT", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def catalogue():
    from analysis import corpus

    return corpus.load_catalogue(ROOT / "data" / "raw" / "policies" / "catalogue.csv")


# The five reviewed documents the project started with. Tests that check what these texts
# say name them, so that adding a document to the corpus never breaks them.
FIVE_DOCUMENTS = ("xinjiang-2017", "liaoning-2015", "urumqi-2019", "jiaxing-2017", "shaoxing-2017")


@pytest.fixture(scope="session")
def five(catalogue):
    """The catalogue rows of the five reviewed documents, in catalogue order."""
    return [d for d in catalogue if d.doc_id in FIVE_DOCUMENTS]


@pytest.fixture(scope="session")
def cleaned(five):
    """doc_id -> Cleaned for the five reviewed documents."""
    from analysis.cleaning import clean_text

    return {d.doc_id: clean_text((ROOT / "data" / "raw" / "policies" / d.file).read_text(encoding="utf-8"))
            for d in five}


# The test documents of tests/fixtures/new_documents/ (written for the tests, see its README),
# with the catalogue metadata `corpus add` is given for each.
NEW_DOCUMENTS_DIR = ROOT / "tests" / "fixtures" / "new_documents"
NEW_DOCUMENTS = {
    "hangzhou_ruby.txt": dict(doc_id="hangzhou-2019", region="hangzhou", region_zh="杭州市", region_en="Hangzhou",
                              level="prefecture_city", parent_province="zhejiang", genre="news_report",
                              title="杭州市众创空间建设成效显著", date="2020-01", outlet="测试日报"),
    "yuhang_2025.txt": dict(doc_id="yuhang-2023", region="yuhang", region_zh="余杭区", region_en="Yuhang",
                            level="district", parent_province="zhejiang", genre="policy_text",
                            title="余杭区推进众创空间高质量发展实施方案", date="2023-03", outlet="余杭区人民政府"),
    "urumqi_status.txt": dict(doc_id="urumqi-2021", region="urumqi", region_zh="乌鲁木齐市", region_en="Urumqi",
                              level="provincial_capital", parent_province="xinjiang", genre="news_report",
                              title="乌鲁木齐市众创空间发展情况通报", date="2021-02", outlet="测试"),
    "zone_rules.txt": dict(doc_id="zone-2018", region="testzone", region_zh="某高新区", region_en="Test high-tech zone",
                           level="development_zone", genre="policy_text", title="某高新区支持科技企业孵化器发展的若干规定",
                           date="2018", outlet="某高新区管委会"),
    "notice_nothing.txt": dict(doc_id="notice-2020", region="noticeville", region_zh="某县", region_en="Notice County",
                               level="county", genre="policy_text", title="关于做好有关工作的通知", date="2020",
                               outlet="某县"),
}


def add_new_document(name: str):
    """Add one of the test documents to the current project (the `project` fixture's copy),
    unless the corpus holds it already (as it does when the tests run on a grown corpus), and
    build the drafts, as `make reports` does after a document is added."""
    from analysis import corpus, inuse

    known = {d.doc_id: d for d in corpus.load_catalogue()}
    if NEW_DOCUMENTS[name]["doc_id"] in known:
        return known[NEW_DOCUMENTS[name]["doc_id"]]
    doc = corpus.add_document(NEW_DOCUMENTS_DIR / name, **NEW_DOCUMENTS[name])
    inuse.build()
    return doc


@pytest.fixture(scope="session")
def real_reports(tmp_path_factory):
    """The real suite as `make reports` runs it, into a temporary reports folder, once per
    test session (the suite tests and the browser tests share it)."""
    from analysis import runner, suite

    reports = tmp_path_factory.mktemp("reports")
    results = runner.run_suite(suite.plan(), runner.Options(reports_dir=reports, jobs=2, quiet=True))
    return reports, results
