import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from analysis import plotting
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


def test_a_rule_with_only_a_cap_is_drawn_up_to_its_cap():
    # liaoning-2015-005's reading since issue 24: 「每年不超过100万元」, a cap and no amount
    from analysis.funding import Rule

    rule = Rule("made-up-cap", "liaoning", "maker spaces", cap=1_000_000)
    fig = plotting.payout_curves({rule.rule_id: rule}, "en")
    band = fig.axes[0].collections[0]
    # the band's top is the cap in 万元: 1,000,000 / 10,000 = 100
    assert band.get_paths()[0].vertices[:, 1].max() == pytest.approx(100)
    plt.close(fig)
