"""``python -m analysis``: the command line of the suite.

Errors a user can cause are reported on one line with exit status 2; anything
else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis.errors import UserError


def _print_frame(frame, out=None) -> None:
    import pandas as pd

    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                           "display.unicode.east_asian_width", True):
        print(frame.to_string(index=False), file=out or sys.stdout)  # the stream of now (a test captures it)


# --- corpus ---------------------------------------------------------------------------
def _corpus_list(args) -> int:
    from analysis import corpus

    frame = corpus.inventory(corpus.documents(args.documents or None))
    cols = ["doc_id", "region", "genre", "date", "raw_chars", "clean_chars", "ruby_removed", "chrome_lines",
            "chrome_chars", "paragraphs", "sentences", "clauses", "mojibake"]
    _print_frame(frame[cols])
    return 0


def _corpus_clean(args) -> int:
    from analysis import corpus, drafts, locking, paths

    out = corpus.write_processed(progress=not args.quiet)
    print(f"wrote {paths.relative(out)}/ ({len(list(out.iterdir()))} files)")
    with locking.curated_tables(shared=True):  # the drafts read the curated tables: not mid-accept
        out = drafts.write(progress=not args.quiet)
    print(f"wrote {paths.relative(out)}/ ({len(list(out.iterdir()))} files: what code drafts for every document)")
    return 0


def _corpus_chrome(args) -> int:
    from analysis import corpus

    for doc in corpus.documents(args.documents or None):
        c = corpus.load_clean(doc)
        print(f"# {doc.doc_id}: {len(c.chrome)} line(s), {c.chrome_chars} characters removed as web chrome")
        for line in c.chrome:
            print(f"{line.raw_start:>7}-{line.raw_end:<7} {line.rule:<22} {line.text[:80]}")
    return 0


def _corpus_add(args) -> int:
    from analysis import corpus, paths

    doc = corpus.add_document(
        Path(args.file), doc_id=args.id, region=args.region, region_zh=args.region_zh, region_en=args.region_en,
        level=args.level, genre=args.genre, title=args.title, date=args.date, outlet=args.outlet,
        parent_province=args.parent_province or "", notes=args.notes or "")
    print(f"added {doc.doc_id}: {paths.relative(doc.path)} ({doc.original_encoding} in, {doc.script}), "
          f"sha256 {doc.sha256[:12]}…")
    same = [d.doc_id for d in corpus.load_catalogue() if d.sha256 == doc.sha256 and d.doc_id != doc.doc_id]
    if same:  # kept (a copy under another region is a benchmark's way to grow a corpus), but said
        print(f"note: {doc.doc_id} has the same text as {', '.join(same)}, already in the corpus")
    return 0


# --- quantities ---------------------------------------------------------------------------
EXTRACT_COLUMNS = ["doc", "start", "end", "raw_start", "raw_end", "text", "value", "unit", "measure_word",
                   "qualifier", "low", "high", "year", "kind", "sentence", "note"]


def _read_text_file(path: Path) -> str:
    from analysis.corpus import decode_incoming
    from analysis.errors import DataError

    if not path.is_file():
        raise DataError("file not found", file=str(path))
    data = path.read_bytes()
    text, encoding = decode_incoming(data, str(path))
    if encoding != "utf-8":
        raise DataError(f"not UTF-8 (looks like {encoding}); offsets would not match the file. Convert it, "
                        "or add it with `python -m analysis corpus add`, which converts on the way in", file=str(path))
    return text


def _extract(args) -> int:
    import hashlib
    import json

    from analysis import corpus, quantities
    from analysis.files import rows_csv_bytes

    try:
        by_hash = {d.sha256: d for d in corpus.load_catalogue()}
    except UserError:
        by_hash = {}
    rows: list[dict] = []
    for name in args.files:
        path = Path(name)
        text = _read_text_file(path)
        doc = by_hash.get(hashlib.sha256(path.read_bytes()).hexdigest())
        mentions = quantities.extract(
            text, doc.doc_id if doc else path.stem, doc.year if doc else None, include_all=args.all,
            default_kind="actual" if doc and doc.genre == "news_report" else "other")
        rows.extend(m.as_dict() for m in mentions)
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        sys.stdout.write(rows_csv_bytes(rows, EXTRACT_COLUMNS, extra="raise").decode("utf-8"))
    return 0


def _figures_check(args) -> int:
    """Reviewed layers are checked strictly (exit 2 when one is wrong); drafts are listed as
    drafts (exit 0)."""
    from analysis import corpus, curation, draftfiles, figures, inuse, paths

    inuse.build()  # the drafts this lists, rebuilt first if their inputs changed
    frame = figures.validate()
    status = curation.load_status()
    print(f"{paths.relative(figures.figures_path())}: {len(frame)} figures valid "
          f"({int(frame['implied'].sum())} implied), quotes at their offsets, extractor agrees or a reason is given")
    gaps = figures.coverage_gaps(frame)
    for m in gaps:
        print(f"NOT CURATED {m.doc} {m.start}-{m.end} '{m.text}' ({m.value} {m.unit} {m.qualifier}): {m.sentence[:60]}")
    docs = corpus.load_catalogue()
    unreviewed = [(d, [layer for layer in curation.LAYERS if curation.status(d.doc_id, layer, status) == "draft"])
                  for d in docs]
    unreviewed = [(d, layers) for d, layers in unreviewed if layers]
    if unreviewed:
        drafted = draftfiles.read("figures", [d.doc_id for d, _ in unreviewed])
        for d, layers in unreviewed:
            mine = drafted[drafted["doc_id"] == d.doc_id]
            n_in = int((mine["out_of_scope_reason"] == "").sum())
            what = (f"{n_in} drafted figure(s), {len(mine) - n_in} drafted out of scope; "
                    if "figures" in layers else "")
            print(f"DRAFT {d.doc_id}: {', '.join(layers)} not reviewed ({what}the reports use the drafts, marked as "
                  f"drafts); review with `python -m analysis review {d.doc_id}`")
    print(curation.summary([d.doc_id for d in docs], status))
    if gaps:
        print(f"{len(gaps)} extractor mention(s) of reviewed documents neither curated nor in "
              f"{paths.relative(figures.out_of_scope_path())}")
        return 2
    return 0


def _review(args) -> int:
    from analysis import curation, inuse, paths, review

    inuse.build()  # a review starts from the drafts: rebuilt first if their inputs changed
    layers = args.layer or list(curation.LAYERS)
    if args.serve:
        from analysis import reviewserver  # the page's server (and jinja2): only for --serve

        if args.accept:
            raise UserError("--serve and --accept: the page has its own accept control; pass one of them")
        # every layer by default; funding rows describe reviewed figures: offered once those are reviewed
        return reviewserver.serve(args.document, layers, args.port or 0, args.reviewer, funding_later=not args.layer)
    if args.accept:
        if not args.layer:  # every layer with a review file
            layers = [layer for layer in layers if review.review_path(args.document, layer).exists()]
            if not layers:
                raise UserError(f"no review file of {args.document} in {paths.relative(review.review_dir())}; "
                                f"start with `python -m analysis review {args.document}`")
        done = review.accept(args.document, layers, args.reviewer)
        print(f"{args.document}: {', '.join(done)} reviewed; curated tables updated, review file(s) removed, "
              f"{paths.relative(curation.curation_path())} updated")
        return 0
    if not args.layer:
        # funding rows describe reviewed figures: start with what can be reviewed now
        layers = [layer for layer in layers if layer != "funding" or curation.status(args.document, "figures") == "reviewed"]
    layers = [layer for layer in layers if args.overwrite or not review.review_path(args.document, layer).exists()
              or args.layer]
    for layer, path, n in review.start(args.document, layers, overwrite=args.overwrite):
        print(f"wrote {paths.relative(path)} ({n} rows drafted by code): edit it, then "
              f"`python -m analysis review {args.document} --layer {layer} --accept`")
    if "funding" not in layers and not args.layer:
        print(f"(funding: accept the figures first, then `python -m analysis review {args.document} --layer funding`)")
    return 0


def _figures_quality(args) -> int:
    from analysis import figures

    q = figures.quality()
    print(f"extractor vs curated figures: {q['mentions']} mentions, {q['curated']} curated (stated) figures, "
          f"{q['right']} right")
    print(f"precision {q['precision']:.3f}  recall {q['recall']:.3f}  (value, unit and qualifier)")
    print(f"kind agrees {q['kind_agreement']:.1%}, year agrees {q['year_agreement']:.1%} (of matched mentions)")
    for line in q["wrong"] + q["missed"] + q["disagreements"]:
        print(f"  {line}")
    return 0


def _quantities_quality(args) -> int:
    from analysis import heldout, quantity_quality

    if args.heldout is None:
        raise UserError("say which labelled documents: --heldout (every held-out set) or --heldout SET …; "
                        "on the five reviewed documents, `python -m analysis figures quality`")
    unknown = [n for n in args.heldout if n not in heldout.set_names()]
    if unknown:
        raise UserError(f"no held-out set '{unknown[0]}' in tests/fixtures/heldout/ "
                        f"(there are: {', '.join(heldout.set_names()) or 'none'})")
    if not heldout.set_names():
        raise UserError("no held-out set in tests/fixtures/heldout/")
    results = quantity_quality.evaluate(args.heldout or None)
    print(f"{'set':<8} {'labels':>6} {'quantities':>10} {'in chrome':>9} {'mentions':>8} {'found':>6} {'recall':>7} "
          f"{'precision':>9} {'qualifier':>9} {'unit':>6} {'value':>6}")
    for name, r in results.items():
        rates = r.rates()
        print(f"{name:<8} {r.labels:>6} {r.quantities:>10} {r.in_chrome:>9} {r.mentions:>8} {r.found:>6} "
              f"{rates['recall']:>7.3f} {rates['precision']:>9.3f} {rates['qualifier']:>9.3f} {rates['unit']:>6.3f} "
              f"{rates['value']:>6.3f}")
    print("recall: labelled quantities a mention finds (those in web chrome the cleaning removed count as missed); "
          "precision: mentions that are a labelled quantity; qualifier, unit, value: agreement of the found ones")
    total = results["all"]
    if args.errors:
        for title, lines in (("missed", total.missed), ("wrong", total.wrong), ("disagreeing", total.disagreements)):
            print(f"{title} ({len(lines)}):")
            for line in lines:
                print(f"  {line}")
    else:
        print(f"{len(total.missed)} missed, {len(total.wrong)} wrong, {len(total.disagreements)} disagreeing: "
              "list them with --errors")
    return 0


def _drafts_quality(args) -> int:
    from analysis import draftquality, inuse

    if getattr(args, "model", False):
        return _figure_model_quality()

    inuse.build()  # the drafts measured, rebuilt first if their inputs changed
    q = draftquality.quality()
    if q["per_document"].empty:
        print("no document has reviewed figures and instruments to measure the drafts against")
        return 0
    _print_frame(q["per_document"].round(3))
    i = q["instruments"]
    print(f"instruments: {i['clauses']} clauses, type agreement {i['type agreement']:.1%}, kappa {i['type kappa']:.3f}")
    for layer, rows in (("instruments (type right)", i["calibration"]),):
        print(f"calibration, {layer}: " + "; ".join(
            f"{r['confidence']}: {r['n']} drafts, {r['agree']:.0%} right" if r["n"] else f"{r['confidence']}: none"
            for r in rows))
    _print_coder_heldout()
    _figure_quality()
    return 0


def _figure_quality() -> None:
    """The figure drafts on each labelled set, separately (``analysis.figure_evaluation``)."""
    import pandas as pd

    from analysis import figure_evaluation as fe
    from analysis import paths

    sets, per_doc = fe.measure_all()
    print("\nfigure drafts, each reviewed document judged with a calibration fitted without it:")
    _print_frame(per_doc.round(3))
    print("\nfigure drafts by labelled set (of the stated figures: found and right; of the drafts of "
          f"confidence >= {fe.HIGH}: right):")
    _print_frame(pd.DataFrame([m.summary() for m in sets]).round(3))
    print("\nconfidence (each set judged with a map that never saw it; five only: the reviewed documents' map of before):")
    _print_frame(pd.DataFrame([m.calibration() for m in sets]).round(3))
    shown = [m for m in sets if not m.name.startswith("tuning: ")]  # each tuning set is in the pooled row
    for m in shown:
        print(f"\ncalibration, {m.name} (indicator, scope and kind right):")
        _print_frame(pd.DataFrame(m.reliability())[["confidence", "n", "stated", "right"]].round(3))
    print(f"\nreliability chart: {paths.relative(fe.chart(shown, paths.reports_dir() / 'drafts_quality' / 'reliability.svg'))}")


def _figure_model_quality() -> int:
    """The learned reading of figures against the rules alone (``analysis.figure_model_evaluation``)."""
    from analysis import figure_model, inuse
    from analysis import figure_model_evaluation as fme

    folds = fme.folds()
    if not folds:
        print("no labelled tuning set in tests/fixtures/heldout/: nothing to learn from, the rules alone")
        return 0
    print(f"the learned reading of figures, leave one set out (model's answer put over the rules' from probability "
          f"{figure_model.THRESHOLD}; shares of the stated figures right):")
    _print_frame(fme.loso_table(folds).round(3))
    print("fit (CPU seconds, three classifiers on the other sets): "
          + ", ".join(f"{f.name} {f.fit_seconds:.0f}" for f in folds))
    inuse.build()  # the reviewed documents' stored drafts, rebuilt first if their inputs changed
    table, seconds = fme.reviewed_table()
    print("\nthe reviewed documents (model fitted on every set; the stored drafts of the rules):")
    _print_frame(table.round(3))
    print(f"the model's choice over one reviewed document: {seconds:.2f} CPU seconds")
    return 0


def _print_coder_heldout() -> None:
    """The automatic coder on the held-out set (never tuned on) and its learning curve."""
    from analysis import coder_quality, instruments

    print("\n".join(coder_quality.report_lines(instruments.load_framework())))


# --- the suite ----------------------------------------------------------------------------
def _overrides(pairs) -> dict[str, str]:
    return {name: value for name, value in (pairs or [])}


def _run(args) -> int:
    from analysis import runner, suite

    runner.prepare_drafts()  # sweeps over <target_years> read them (built quietly: stderr is for errors)
    runs = suite.plan(args.suite, args.notebooks, _overrides(args.parameter), args.timeout)
    options = runner.Options(jobs=args.jobs or (os.cpu_count() or 1), force=args.force, show_code=args.show_code,
                             fail_fast=args.fail_fast, quiet=args.quiet)
    if args.reports_dir:
        options.reports_dir = Path(args.reports_dir)
    if args.explain:
        for name, why in runner.explain_runs(runs, options):
            print(f"{name}: {why}")
        return 0
    from analysis import locking

    with locking.curated_tables(shared=True):  # the notebooks read the curated tables: an accept waits
        results = runner.run_suite(runs, options)
    failed = [r for r in results if r.status == "failed"]
    for r in failed:
        print(f"FAILED {r.message}", file=sys.stderr)
    from analysis import manifest

    broken = manifest.broken_links(manifest.load(options.reports_dir))
    for line in broken[:20]:
        print(f"BROKEN LINK {line}", file=sys.stderr)
    if len(broken) > 20:
        print(f"BROKEN LINK … and {len(broken) - 20} more: see {options.reports_dir / 'index.html'}", file=sys.stderr)
    print(f"{runner.summary_line(results)}" + (f", {len(broken)} broken link(s)" if broken else "")
          + f"; index: {options.reports_dir / 'index.html'}")
    return 1 if failed else 0


def _params(args) -> int:
    from analysis import params

    print(params.format_parameters(params.read_parameters(Path(args.notebook))))
    return 0


def _verify(args) -> int:
    from analysis import runner, suite

    runner.prepare_drafts()  # sweeps over <target_years> read them (built quietly: stderr is for errors)
    runs = suite.plan(args.suite, args.notebooks)
    reports = Path(args.reports_dir) if args.reports_dir else runner.Options().reports_dir
    differences, notes = runner.verify(runs, reports, jobs=args.jobs or (os.cpu_count() or 1), quiet=args.quiet)
    for line in notes:
        print(f"note: {line}")
    for line in differences:
        print(f"DIFFERS {line}")
    if differences:
        print(f"{len(differences)} output(s) differ from {reports / 'manifest.json'}")
        return 1
    print(f"same results: {len(runs)} run(s) re-executed, every output identical to the manifest")
    return 0


def _positive_int(text: str) -> int:
    """--jobs: a whole number of at least 1 (argparse reports anything else in one line, exit 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def _positive_seconds(text: str) -> float:
    """--timeout: a number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds above 0")
    return value


def _port(text: str) -> int:
    """--port: a TCP port, 1 to 65535."""
    value = _positive_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port (1 to 65535)")
    return value


class _Parser(argparse.ArgumentParser):
    """A mistake on the command line is one line (which option, what is wrong) and exit 2,
    as every other error a user can make; `-h` still shows the usage."""

    def error(self, message: str):
        self.exit(2, f"error: {self.prog}: {message} (see `{self.prog} -h`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p_corpus = sub.add_parser("corpus", help="the source documents: inventory, cleaning, adding one")
    p_corpus.set_defaults(func=_corpus_list, documents=None)
    csub = p_corpus.add_subparsers(dest="corpus_command")
    p_list = csub.add_parser("list", help="print the inventory (the default)")
    p_list.add_argument("documents", nargs="*", help="doc ids or region codes (default: all)")
    p_list.set_defaults(func=_corpus_list)
    p_clean = csub.add_parser("clean", help="regenerate data/processed/corpus/")
    p_clean.add_argument("--quiet", action="store_true", help="no progress bar")
    p_clean.set_defaults(func=_corpus_clean)
    p_chrome = csub.add_parser("chrome", help="list the lines removed as web chrome, with the rule that removed them")
    p_chrome.add_argument("documents", nargs="*", help="doc ids or region codes (default: all)")
    p_chrome.set_defaults(func=_corpus_chrome)
    p_add = csub.add_parser("add", help="add a text file to data/raw/policies/ with its catalogue row")
    p_add.add_argument("file")
    p_add.add_argument("--id", required=True, help="document id, e.g. hangzhou-2016")
    p_add.add_argument("--region", required=True, help="region code, e.g. hangzhou")
    p_add.add_argument("--region-zh", required=True)
    p_add.add_argument("--region-en", required=True)
    p_add.add_argument("--level", required=True, help="one of the catalogue's levels (data/datapackage.json): province, prefecture_city, county, …")
    p_add.add_argument("--parent-province", help="region code of the province, for a city")
    p_add.add_argument("--genre", required=True, help="policy_text or news_report (the catalogue's genres, data/datapackage.json)")
    p_add.add_argument("--title", required=True)
    p_add.add_argument("--date", required=True, help="YYYY, YYYY-MM or YYYY-MM-DD")
    p_add.add_argument("--outlet", required=True, help="outlet or issuer")
    p_add.add_argument("--notes")
    p_add.set_defaults(func=_corpus_add)
    p_extract = sub.add_parser("extract", help="print every quantity mention of text files (a first draft of their figures)")
    p_extract.add_argument("files", nargs="+", metavar="FILE")
    p_extract.add_argument("--format", choices=["csv", "json"], default="csv")
    p_extract.add_argument("--all", action="store_true", help="include what is not a quantity (years, ordinals, ...)")
    p_extract.set_defaults(func=_extract)

    p_figures = sub.add_parser("figures", help="the curated figures: check them, measure the extractor against them")
    fsub = p_figures.add_subparsers(dest="figures_command", required=True)
    fsub.add_parser("check", help="validate data/curated/figures.csv and list uncurated mentions").set_defaults(
        func=_figures_check)
    fsub.add_parser("quality", help="precision and recall of the extractor against the curated figures").set_defaults(
        func=_figures_quality)

    p_quantities = sub.add_parser("quantities", help="the quantity extractor: how well it reads labelled documents")
    qsub = p_quantities.add_subparsers(dest="quantities_command", required=True)
    p_qquality = qsub.add_parser("quality", help="recall, precision, qualifier and unit agreement on labelled sets")
    p_qquality.add_argument("--heldout", nargs="*", metavar="SET",
                            help="the held-out sets of tests/fixtures/heldout/ (default: all), documents the "
                                 "extractor was never tuned on")
    p_qquality.add_argument("--errors", action="store_true", help="list every miss, wrong mention and disagreement")
    p_qquality.set_defaults(func=_quantities_quality)

    p_drafts = sub.add_parser("drafts", help="what code drafts for every document: how good it is")
    dsub = p_drafts.add_subparsers(dest="drafts_command", required=True)
    p_dquality = dsub.add_parser("quality", help="the drafts of the reviewed documents against the curated tables, "
                                                 "one document at a time")
    p_dquality.add_argument("--model", action="store_true",
                            help="instead: the learned reading of figures (analysis.figure_model) against the rules "
                                 "alone, leave one tuning set out and on the reviewed documents (a few minutes)")
    p_dquality.set_defaults(func=_drafts_quality)

    p_review = sub.add_parser("review", help="turn a document's drafts into reviewed, curated rows")
    p_review.add_argument("document", help="doc id")
    p_review.add_argument("--layer", action="append", choices=["figures", "instruments", "funding", "pmc"],
                          help="which layer (repeatable; default: every layer)")
    p_review.add_argument("--accept", action="store_true",
                          help="check the edited review file(s), merge them into data/curated/, mark them reviewed")
    p_review.add_argument("--reviewer", help="who reviewed (default: $ANALYSIS_REVIEWER or the login name)")
    p_review.add_argument("--overwrite", action="store_true", help="start a review file again from the drafts")
    p_review.add_argument("--serve", action="store_true",
                          help="review in the browser: a local page on 127.0.0.1, its address printed (Ctrl-C stops it)")
    p_review.add_argument("--port", type=_port, help="with --serve: the port (default: a free one)")
    p_review.set_defaults(func=_review)

    p_run = sub.add_parser("run", help="execute the notebook suite into reports/ (what `make reports` calls)")
    p_run.add_argument("notebooks", nargs="*", help="notebooks of the suite to run (default: all)")
    p_run.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                       help="set a parameter (checked against the notebook's declaration)")
    p_run.add_argument("--jobs", type=_positive_int, help="notebooks run at once (default: number of cores)")
    p_run.add_argument("--force", action="store_true", help="re-run even when nothing changed")
    p_run.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    p_run.add_argument("--timeout", type=_positive_seconds,
                       help="seconds per notebook (default: per notebook in the suite file)")
    p_run.add_argument("--fail-fast", action="store_true", help="stop at the first failure")
    p_run.add_argument("--quiet", action="store_true", help="no progress lines (for CI logs)")
    p_run.add_argument("--suite", help="suite file (default: notebooks/suite.yml)")
    p_run.add_argument("--reports-dir", help="where reports go (default: reports/)")
    p_run.add_argument("--explain", action="store_true",
                       help="say why each run would re-execute (which input changed), and run nothing")
    p_run.set_defaults(func=_run)

    p_params = sub.add_parser("params", help="print a notebook's parameters: types, defaults, allowed values")
    p_params.add_argument("notebook")
    p_params.set_defaults(func=_params)

    p_verify = sub.add_parser("verify", help="re-execute the suite in a temporary folder and compare with the manifest")
    p_verify.add_argument("notebooks", nargs="*")
    p_verify.add_argument("--jobs", type=_positive_int)
    p_verify.add_argument("--quiet", action="store_true")
    p_verify.add_argument("--suite")
    p_verify.add_argument("--reports-dir")
    p_verify.set_defaults(func=_verify)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_status
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted: running notebooks and their kernels stopped; finished reports kept", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
