"""A report's charts as files a paper can use: every chart a notebook shows is also written to
``reports/figures/<run>/<name>.{svg,pdf,png}`` (PNG at 300 dpi), under a name the notebook
gives (stable from run to run), with bytes that are the same for the same inputs (no dates, no
software stamps, the house style's fixed ``svg.hashsalt``). In the page the chart is shown with
alt text that says what it shows (its titles, axes and legend) and links to its three files.

Like tables (``analysis.report``), the runner says where they go (``ANALYSIS_FIGURES_DIR``); a
notebook run by hand writes them to a scratch folder outside the project.
"""

from __future__ import annotations

import base64
import io
import os
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
from IPython.display import display
from markupsafe import Markup

from analysis.i18n import Text

__all__ = ["FORMATS", "PNG_DPI", "alt_text", "figure_bytes", "figure_href", "figures_dir", "show"]

PNG_DPI = 300
# what would make two savings of one figure differ (a date, the library's version) is left out
FORMATS = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None, "Producer": None},
           "png": {"Software": None}}


def figures_dir() -> Path:
    """Where the run's figures go: the runner's staging folder, or a scratch folder outside the
    project for a notebook executed by hand (only the runner writes into ``reports/``)."""
    env = os.environ.get("ANALYSIS_FIGURES_DIR")
    return Path(env) if env else Path(tempfile.gettempdir()) / "shuangchuang-figures"


def figure_href(name: str, fmt: str) -> str:
    """Where a figure's file is, seen from the report's page (``reports/html/``); "" outside the runner."""
    run = os.environ.get("ANALYSIS_RUN_NAME")
    return f"../figures/{run}/{name}.{fmt}" if run else ""


def figure_bytes(fig, fmt: str) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, metadata=FORMATS[fmt], dpi=PNG_DPI if fmt == "png" else None)
    return buffer.getvalue()


def _texts(items) -> list[str]:
    return [t.replace("\n", " ").strip() for t in items if t and t.strip()]


def alt_text(fig, lang: str = "en") -> str:
    """What the chart shows, read from the figure itself: its title, the axes' labels (one line
    per panel when it has several), and what the legend marks."""
    axes = [ax for ax in fig.get_axes() if ax.get_visible() and ax.has_data()]
    parts: list[Text] = []
    title = fig.get_suptitle()
    if not title and len(axes) == 1:
        title = axes[0].get_title()
    if title:
        parts.append(Text("Chart: ", "图:") + " ".join(_texts([title])))
    if len(axes) > 1:
        titles = _texts(ax.get_title() for ax in axes)
        parts.append(Text(f"{len(axes)} panels: ", f"{len(axes)} 个分图:") + "; ".join(titles))
    for ax in axes[:1] if len(axes) > 1 else axes:
        x, y = " ".join(_texts([ax.get_xlabel()])), " ".join(_texts([ax.get_ylabel()]))
        if x:
            parts.append(Text("horizontal axis: ", "横轴:") + x)
        if y:
            parts.append(Text("vertical axis: ", "纵轴:") + y)
    legends = [lg for lg in [*fig.legends, *(ax.get_legend() for ax in axes)] if lg is not None]
    marked = list(dict.fromkeys(_texts(t.get_text() for lg in legends for t in lg.get_texts())))
    if marked:
        parts.append(Text("marked: ", "标记:") + ", ".join(marked))
    return (Text.join(parts, ". ", "。") + Text(".", "。"))(lang)


def show(fig, name: str, lang: str = "en") -> None:
    """Write ``fig`` as ``<name>.svg``, ``.pdf`` and ``.png`` (300 dpi), show it with its alt
    text and, under the runner, links to the three files; then close it (so that the inline
    backend does not show it a second time). ``None`` (a chart with nothing to draw) shows nothing."""
    if fig is None:
        return
    out = figures_dir()
    files = {fmt: figure_bytes(fig, fmt) for fmt in FORMATS}
    out.mkdir(parents=True, exist_ok=True)
    for fmt, data in files.items():  # the runner moves the staged files into reports/ atomically
        (out / f"{name}.{fmt}").write_bytes(data)
    alt = alt_text(fig, lang)
    plt.close(fig)
    image = Markup('<figure class="chart"><img src="data:image/svg+xml;base64,{}" alt="{}">').format(
        base64.b64encode(files["svg"]).decode("ascii"), alt)
    if figure_href(name, "svg"):
        links = Markup(" · ").join(Markup('<a href="{}" download>{}</a>').format(figure_href(name, fmt), label)
                                   for fmt, label in (("svg", "SVG"), ("pdf", "PDF"), ("png", "PNG 300 dpi")))
        image += Markup('<figcaption class="download">⬇ {} ({}) · <code>{}</code></figcaption>').format(
            links, Text("figure", "图")(lang), name)
    display({"text/html": str(image + Markup("</figure>")), "text/plain": alt}, raw=True)
