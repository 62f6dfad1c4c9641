"""Drafting throughput and memory on the same synthetic corpus as the extraction benchmark.

    .venv/bin/python benchmarks/bench_drafting.py [--mb 50] [--small-mb 10]

Each document is read, cleaned, searched for quantities, its figures tagged with indicator
and scope (the figure drafts) and its clauses coded by the automatic coder (the instrument
drafts; its model is trained once, on the consensus coding, before the clock starts: the
warm-up document trains it), one document at a time, in a fresh process on one core. Target (issue 10): within a
factor of two of the extraction benchmark's throughput, memory flat in corpus size.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import run_benchmark, throughput  # noqa: E402


def measure(folder: str) -> dict:
    from analysis import autocoder, cleaning, corpus, drafts, figures, instruments

    tagger = drafts.Tagger.from_codebooks(figures.load_indicators(), drafts.load_scopes())
    framework = instruments.load_framework()
    training = autocoder.training_data(framework)  # loaded once, as drafts.build does

    def draft(text: str, path) -> int:
        name = path.stem if path else "warm-up"
        doc = corpus.Document(name, "bench", "测试", "Bench", "prefecture_city", "", "policy_text", "bench", "2017",
                              "bench", "simplified", f"{name}.txt", "0" * 64, "utf-8", "")
        cleaned = cleaning.clean_text(text)
        clauses = drafts.clauses_of(doc, cleaned)
        return (len(drafts.draft_figures(doc, cleaned, tagger, clauses))
                + len(drafts.draft_instruments(doc, cleaned, framework, clauses, training)))

    return throughput(folder, draft, "预热 5家")  # items: drafted figures + coded clauses


if __name__ == "__main__":
    run_benchmark(__file__, __doc__.splitlines()[0], measure)
