"""What writing every chart as files costs (issue 23): the suite's charts drawn from the real
data, each saved as the inline SVG a report always had, and as SVG + PDF + PNG at 300 dpi as
`figure_files.show` now writes them.

    .venv/bin/python benchmarks/bench_figure_files.py [--repeat 3]

Prints, per chart and in total, the best of --repeat times for the inline SVG alone and for
the three files, and the files' sizes.
"""

from __future__ import annotations

import argparse
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from analysis import comparison, figure_files, funding, instruments, inuse, plotting, reference, targets  # noqa: E402


def charts():
    plotting.setup("en")
    curated = inuse.load_figures()
    card = targets.scorecard(curated, reference.load_outcomes(), reference.load_national())
    fund = inuse.load_funding(curated)
    table = funding.intensity(fund, curated, reference.load_context())
    fw = instruments.load_framework()
    coding = inuse.load_coding(fw, "consensus", "all")
    return {"targets_grid": lambda: plotting.targets_grid(card),
            "required_growth": lambda: plotting.required_growth_chart(card),
            "funding_intensity": lambda: plotting.intensity_chart(table),
            "instrument_shares": lambda: plotting.stacked_shares_chart(comparison.counts(coding, fw, "type"), fw)}


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    total_svg = total_files = 0.0
    print(f"{'chart':20} {'inline SVG':>11} {'SVG+PDF+PNG':>12}  sizes (SVG, PDF, PNG)")
    for name, draw in charts().items():
        fig = draw()
        svg = best(lambda fig=fig: figure_files.figure_bytes(fig, "svg"), args.repeat)
        files = best(lambda fig=fig: [figure_files.figure_bytes(fig, f) for f in figure_files.FORMATS], args.repeat)
        sizes = ", ".join(f"{len(figure_files.figure_bytes(fig, f)) / 1024:.0f} KB" for f in figure_files.FORMATS)
        plt.close(fig)
        total_svg, total_files = total_svg + svg, total_files + files
        print(f"{name:20} {svg:10.2f}s {files:11.2f}s  {sizes}")
    print(f"{'total':20} {total_svg:10.2f}s {total_files:11.2f}s  (+{total_files - total_svg:.2f} s for the files)")


if __name__ == "__main__":
    main()
