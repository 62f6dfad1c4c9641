"""The notebooks' prose in Chinese (notebooks/i18n/zh/): complete, and put in place for lang=zh."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
import yaml

from analysis import outputs

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
TRANSLATED = sorted((NOTEBOOKS / "i18n" / "zh").glob("*.yml"))


@pytest.mark.parametrize("path", TRANSLATED, ids=lambda p: p.stem)
def test_every_markdown_cell_has_its_translation_and_no_more(path):
    nb = nbformat.read(NOTEBOOKS / f"{path.stem}.ipynb", as_version=4)
    markdown = {c.id for c in nb.cells if c.cell_type == "markdown"}
    translated = set(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert translated == markdown, f"missing {markdown - translated}, stale {translated - markdown}"


def test_translate_replaces_prose_by_cell_id_and_leaves_code(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title", id="aaa"), nbformat.v4.new_code_cell("x = 1", id="bbb"),
                nbformat.v4.new_markdown_cell("Untranslated", id="ccc")]
    (tmp_path / "i18n" / "zh").mkdir(parents=True)
    (tmp_path / "i18n" / "zh" / "n.yml").write_text("aaa: '# 标题'\nbbb: should not apply\n", encoding="utf-8")
    assert outputs.translate(nb, tmp_path / "n.ipynb", "zh") == 1
    assert [c.source for c in nb.cells] == ["# 标题", "x = 1", "Untranslated"]
    assert outputs.translate(nb, tmp_path / "n.ipynb", "en") == 0
