import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from analysis import funding, plotting
from analysis.errors import ParameterError


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chinese_labels_render_without_missing_glyphs(tmp_path, lang):
    plotting.setup(lang)
    fig, ax = plt.subplots()
    ax.bar(["新疆", "辽宁", "Jiaxing"], [1, -2, 3])
    ax.set_title("众创空间、星创天地与科技企业孵化器")
    ax.set_ylabel(plotting.label("count", "数量（家）", lang))
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing")
        plotting.save(fig, tmp_path / "f.svg")
        plotting.save(fig, tmp_path / "f.png")
    plt.close(fig)
    assert (tmp_path / "f.svg").stat().st_size > 1000


def test_the_cjk_font_comes_from_the_installed_package():
    import mplfonts

    path = plotting.cjk_font_path()
    assert path.name == "NotoSansCJKsc-Regular.otf"
    # inside the installed mplfonts package, not a system font
    assert path.resolve().is_relative_to(Path(mplfonts.__file__).resolve().parent)


def test_svg_output_is_deterministic(tmp_path):
    plotting.setup("zh")
    paths = []
    for n in range(2):
        fig, ax = plt.subplots()
        ax.plot([2016, 2020], [29, 60], marker="o")
        ax.set_title("众创空间")
        paths.append(plotting.save(fig, tmp_path / f"{n}.svg"))
        plt.close(fig)
    assert paths[0].read_bytes() == paths[1].read_bytes()


def test_unknown_language_is_a_parameter_error():
    with pytest.raises(ParameterError, match="lang must be one of en, zh, not 'fr'"):
        plotting.setup("fr")


def test_a_rule_stated_as_at_most_a_cap_draws_its_range_up_to_the_cap():
    # of the five reviewed documents: liaoning-2015-005 "对众创空间按评定等级给予每年不超过100万元补贴"
    # is read as a cap of 1,000,000 yuan with no amount; the band reaches 1,000,000 / 1e4 = 100 万元
    rule = funding.Rule("shenyang-maker-space", "liaoning", "maker spaces", cap=1_000_000.0)
    fig = plotting.payout_curves({"shenyang-maker-space": rule})
    ax = fig.axes[0]
    assert ax.get_ylim()[1] >= 100
    plt.close(fig)
