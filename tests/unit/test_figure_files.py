"""Charts as files a paper can use (issue 23): SVG, PDF and PNG at 300 dpi under a stable
name, the same bytes when drawn again, and alt text that says what the chart shows."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from analysis import figure_files, plotting  # noqa: E402


def _chart(lang="en"):
    plotting.setup(lang)
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar(["新疆", "嘉兴"], [16, 7], label="incubators")
    ax.scatter([0], [20], marker="*", label="target")
    ax.set(title="Carriers by region", xlabel="region", ylabel="carriers")
    ax.legend()
    return fig


def test_alt_text_names_the_title_the_axes_and_what_the_legend_marks():
    fig = _chart()
    assert figure_files.alt_text(fig) == ("Chart: Carriers by region. horizontal axis: region. "
                                          "vertical axis: carriers. marked: target, incubators.")
    assert figure_files.alt_text(fig, "zh") == "图:Carriers by region。横轴:region。纵轴:carriers。标记:target, incubators。"
    plt.close(fig)


def test_alt_text_of_small_multiples_lists_the_panels_under_the_figure_title():
    plotting.setup("en")
    fig, axes = plt.subplots(1, 3)
    for ax, name in zip(axes[:2], ["Xinjiang", "Jiaxing"], strict=True):
        ax.plot([1, 2])
        ax.set_title(name)
    axes[2].set_visible(False)  # an empty panel of the grid is not a panel
    fig.suptitle("Targets")
    assert figure_files.alt_text(fig) == "Chart: Targets. 2 panels: Xinjiang; Jiaxing."
    plt.close(fig)


def test_show_writes_svg_pdf_and_a_300_dpi_png_under_its_name_and_links_them(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path))
    monkeypatch.setenv("ANALYSIS_RUN_NAME", "03_targets")
    fig = _chart()
    figure_files.show(fig, "carriers")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["carriers.pdf", "carriers.png", "carriers.svg"]
    assert (tmp_path / "carriers.pdf").read_bytes().startswith(b"%PDF")
    assert Image.open(tmp_path / "carriers.png").info["dpi"] == pytest.approx((300, 300), abs=0.01)
    assert b"<dc:date>" not in (tmp_path / "carriers.svg").read_bytes()  # no date: the same bytes next run
    assert figure_files.figure_href("carriers", "pdf") == "../figures/03_targets/carriers.pdf"
    assert fig.number not in plt.get_fignums()  # closed: the inline backend does not show it twice


def test_the_same_chart_gives_the_same_bytes_in_every_format():
    first, second = _chart(), _chart()
    for fmt in figure_files.FORMATS:
        assert figure_files.figure_bytes(first, fmt) == figure_files.figure_bytes(second, fmt), fmt
    plt.close("all")


def test_run_by_hand_figures_go_to_a_scratch_folder_and_the_page_has_no_links(monkeypatch):
    monkeypatch.delenv("ANALYSIS_FIGURES_DIR", raising=False)
    monkeypatch.delenv("ANALYSIS_RUN_NAME", raising=False)
    assert figure_files.figures_dir().name == "shuangchuang-figures"
    assert figure_files.figure_href("carriers", "svg") == ""
