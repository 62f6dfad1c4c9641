"""Reproducible research suite on Chinese local 双创 policy.

One module per concept of the domain; data flows down this list, and a module imports only
those below it in its own group or in the groups after it (no import cycle: a test checks).

The corpus and its text
- ``corpus``          the catalogue of source documents, checksums, adding a document, region names
- ``cleaning``        raw web text -> clean Simplified text, with an offset map back to raw bytes
- ``segments``        paragraphs, sentences and clauses with stable ids
- ``terms``           word segmentation (jieba) and term frequencies
- ``mojibake``        passages garbled in a raw file, found and reported (the text is left as it is)
- ``quantities``      every quantity mention of a text (the extractor)
- ``quantities_english`` the English numbers of an English or bilingual text (scale, currency, unit, hedge)
- ``spoken_numbers``  speech and informal text: money without 元, a page's counters, counts with no measure word, ×2, TOP10
- ``quantity_hedges`` the hedges around a number and the qualifier they give (至少建成1家, a hedge shared by a list)
- ``quantity_mention`` one quantity mention, its qualifiers and bounds (what both extractors build)
- ``table_cells``     a target table written as text: its bare cells, their row's unit, their column's year
- ``table_grid``      tables in the forms users paste them (pipes, tabs, aligned spaces, a cell a line, rosters)
- ``table_units``     a unit a table states once: in its caption (单位：万元), a row of units, or a noun head (众创空间)
- ``delimited``       a delimited export (CSV, semicolons, quoted cells) read as a pipe table of the same offsets
- ``statistics_notation`` a paper's statistics and a standard's codes (no quantities) and a sample's size (N=)
- ``lost_numerals``   a numeral a scan lost (囗家) recovered from a total and the other parts of its breakdown
- ``not_quantities``  numbers that are no quantity: years, dates, codes, ordinals, names, list numbering
- ``numerals``        Chinese and Arabic numerals read (cn2an where it can)
- ``planperiods``     five-year plan names (十三五) and the years they stand for
- ``units``           units an indicator keeps, and conversions to them (亩 -> m2)
- ``quantity_quality`` the extractor measured on labelled sets

What a person curated, and the drafts for the rest
- ``figures``         the curated figures: the codebook of indicators, checks against text and extractor
- ``instruments``     the instrument codebook and the human codings of the clauses (and their consensus)
- ``measures``        the unit of analysis: clauses joined into measures, headings linked
- ``codebook_rules``  the codebook's rules checked on every clause
- ``rule_review``     the reviewed outcome of those checks, applied to the consensus
- ``third_coding``    a third coding of the clauses and its agreement
- ``keywordcoder``    clauses coded from the codebook's keywords alone
- ``policy_cues``     the genre's wording of each instrument, and the codebook as a prior
- ``autocoder``       the automatic coder (trained on the consensus, held out by document)
- ``coder_training``  what the automatic coder learns from: the reviewed documents and the tuning sets
- ``coder_evaluation`` its leave-one-document-out evaluation, computed once for the same inputs
- ``clause_roles``    what a clause does in its document (frame, question, problem, target, step)
- ``measure_form``    what makes a clause a measure, read from its form (duty, a government acting)
- ``coder_rules``     the coder's rules applied after its classifier (headings, measures, none)
- ``demand_side``     the demand side's instruments (首购, 订购, 首用 …) and what a demand word only names
- ``continuation``    a clause that continues the measure before it (its cap, rate, period, condition)
- ``english_clauses`` a clause written in English: report, view, target, overseas, an instrument by its words
- ``list_lines``      lines of a list or table pasted into a text (a scale of grants, a table's rows)
- ``rule_terms``      the terms a rules document sets (space, mentors, the cases of a loss, entry floors)
- ``pmc``             the PMC index: framework, items derived from the codes, grades
- ``funding``         funding attributes, intensity, subsidy rules
- ``fundingdrafts``   funding attributes drafted from cue words
- ``curation``        which document's layer a person reviewed
- ``counting``        what a stated number counts, its level and kind, read from its clause
- ``english_counting`` the same for an English number (``english_words.csv``); never confident
- ``figure_decision`` a figure draft's fields from the reading of its clause and the extractor's mention
- ``indicator_words`` an indicator the aliases cannot read: money a government put in, new at a level, a quoted name
- ``clause_kind``     a stated number's kind (rule, funding, target, status) from its clause or section
- ``text_shape``      a clause cut by a line break or a table cell; the level of money's payer; an evaluation's grades;
                      a subset on a line of its own; a rule's recipient named first
- ``document_subject`` the level of carriers a document is about (市级众创空间认定办法), or of the one carrier it is
                      about (XX国家大学科技园年度报告), and a budget report's issuer
- ``calibration``     a figure draft's confidence: the share right of drafts with its evidence
- ``calibration_sets`` the tuning sets' figure drafts, judged, that the confidence is fitted on (cached)
- ``figure_model``    a learned reading of a figure's indicator, scope and kind over the rules' (an experiment, not
                      used by the drafter: it does not win leave one set out)
- ``drafts``          the drafting rules of every layer, and building the stored drafts
- ``draftfiles``      the stored drafts (``data/processed/drafts/``): read, never built on read
- ``draft_selection`` which drafts a report uses (``curation``) and what it leaves to review
- ``inuse``           the rows every analysis uses: reviewed rows, drafts for the rest
- ``review``          from drafts to curated rows (``python -m analysis review``)
- ``draftquality``    how good the drafts are against what a person curated
- ``figure_model_evaluation`` the learned reading of figures against the rules alone, leave one set out
- ``figure_evaluation`` the figure drafts on every labelled set (reviewed, sentences, each tuning set left out)
- ``coder_quality``   the automatic coder on the held-out set, and its learning curve
- ``heldout``         the held-out set of documents labelled blind to the code

The analyses
- ``agreement``       kappa and alpha of two codings, their confusion and disagreements
- ``comparison``      regions compared by their instruments (counts, chi-square, genre)
- ``instrument_tables`` the instruments' tables and sentences for the notebooks
- ``targets``         targets, baselines, outcomes and the scorecard
- ``target_tables``   the targets' tables for the notebooks (scorecard, national benchmarks, provenance)
- ``reference``       reference data (outcomes, national totals, context)
- ``profile``         the region profile, section by section
- ``findings``        what each analysis found, said first, and its one chart
- ``plotting``        the house style for figures, Chinese labels included
- ``i18n``            one way to say a thing in two languages (``Text``, the word table ``ZH``)

Reports, the runner and the site
- ``report``          what a notebook calls to talk to the runner (headline, tables)
- ``links``           links from a report's numbers to their sentences
- ``params``          notebook parameters, checked
- ``suite``           the suite file: which notebooks run, with which parameters
- ``fingerprint``     what decides whether a run is out of date
- ``slices``          the data a region's reports read: its slice of every data file
- ``kernels``         the worker processes and their kernels
- ``outputs``         a run's outputs, normalised
- ``table_view``      a table as a person reads it: the columns that carry meaning
- ``figure_files``    a report's charts as SVG, PDF and PNG files
- ``latex``           a saved table as LaTeX
- ``citation``        how to cite the suite (CITATION.cff)
- ``diagnosis``       why a run failed
- ``manifest``        ``reports/manifest.json``
- ``runner``          runs the suite (``python -m analysis run``, ``verify``)
- ``site``            the site's pages (index, reports, search)
- ``landing``         the landing page's table of regions
- ``searchindex``     the site's search index, in shards loaded on demand
- ``docs_site``       the documentation rendered as part of the site
- ``safemarkdown``    Markdown outputs rendered as text: raw HTML escaped, only http(s) or relative links
- ``inputs``          every file the suite reads, checked whole before any kernel; the YAML files' shapes
- ``sourceview``      one page per document, its figures and codes in the text
- ``reviewpage``      the review page's session: review files changed a field at a time, checked, accepted
- ``reviewserver``    the review page's HTTP server on 127.0.0.1, with its token (``review DOC --serve``)
- ``cli``             ``python -m analysis ...``

Plumbing, at the bottom
- ``files``           atomic writes (one file or several), folder swap, CSV bytes, hashes, the package hash
- ``locking``         the one lock on the curated tables (accepts exclusive, ``corpus clean`` and ``run`` shared)
- ``cache``           the one cache type (content hash keys, oldest stored forgotten first)
- ``schema``          the data package (``data/datapackage.json``): every table's columns and checks
- ``tables``          reading the hand-edited CSV and YAML files (a damaged one is one line)
- ``safehtml``        what may reach a page: the Content-Security-Policy, URLs that may be links
- ``paths``, ``errors``
"""

__version__ = "0.1.0"
