"""CI that publishes (issue 23): the workflow gives the browser tests a browser, caches .venv by
the lock file's hash, publishes the site with GitHub Pages on main and uploads it on pull requests."""

from __future__ import annotations

import yaml

from analysis import paths


def _workflow():
    return yaml.safe_load((paths.project_root() / ".github/workflows/reports.yml").read_text(encoding="utf-8"))


def test_the_browser_tests_get_a_browser_and_the_environment_is_cached_by_the_lock():
    steps = _workflow()["jobs"]["reports"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "ANALYSIS_CHROMIUM" in runs and "apt-get install" in runs and "chromium" in runs
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".venv" and "hashFiles('requirements.lock'" in cache["with"]["key"]
    assert runs.index("make test") < runs.index("make reports") < runs.index("analysis verify")


def test_main_publishes_with_github_pages_and_pull_requests_get_an_artifact():
    wf = _workflow()
    steps = wf["jobs"]["reports"]["steps"]
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert "refs/heads/main" in pages["if"] and pages["with"]["path"] == "reports/"
    artifact = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert "pull_request" in artifact["if"]
    publish = wf["jobs"]["publish"]
    assert publish["needs"] == "reports" and "refs/heads/main" in publish["if"]
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["steps"][0]["uses"].startswith("actions/deploy-pages@")
