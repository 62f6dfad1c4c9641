"""What the automatic instrument coder (``analysis.autocoder``) learns from: the consensus coding of
the reviewed documents and the curators' codes of the tuning sets (``paths.TUNING_SETS``), each
with its fold (what a document is held out with) and its weight.

Ninth round of issue 26 (docs/methods-strategies.md, "Ninth round"): trained on the five reviewed
documents and the other ten tuning sets, each of the eleven sets coded by a coder that never saw
it, type kappa 0.748 -> 0.77 (mean of the eleven; ``set_k``, on which no rule was written,
0.50 -> 0.6), and leave one document out on the five 0.787 -> 0.80. The sets are read only through
``analysis.heldout``, and only the declared ones: the next blind set is never trained on. Where
the folder of the sets is missing (a copy of the project without its tests) the coder trains on
the reviewed documents alone and says so once.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from analysis import heldout, instruments, paths

__all__ = ["TUNING_WEIGHT", "training_data", "folds", "calibration_folds", "weights", "is_tuning"]

# A tuning set's clause weighs this much of a reviewed document's: the curators' conventions differ a
# little from the study's consensus (fifth round), and the reviewed documents are a tenth of the rows.
TUNING_WEIGHT = 0.5

# At most this many folds for the confidence's calibration (``autocoder.fit``): one per document or
# set would be sixteen more fits of the coder in every ``corpus clean``
CALIBRATION_FOLDS = 5

_SAID: set[str] = set()  # what was said about missing sets, once per process


def training_data(framework, all_clauses: pd.DataFrame | None = None,
                  tuning_sets: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The coded clauses the coder learns from: the consensus coding of the reviewed documents, each
    its own ``fold``, and the curators' codes of the tuning sets' clauses (``tuning_sets``, by default
    every set of ``paths.TUNING_SETS``), each set one ``fold`` (a document of a tuning set is coded by
    a model that saw none of its set, ``autocoder.code``). Only a declared set may be trained on;
    ``tuning_sets=()`` gives the reviewed documents alone."""
    names = paths.TUNING_SETS if tuning_sets is None else tuple(tuning_sets)
    undeclared = [n for n in names if n not in paths.TUNING_SETS]
    if undeclared:
        raise ValueError(f"{undeclared[0]} is not a tuning set (paths.TUNING_SETS): never trained on")
    reviewed = instruments.load_consensus(framework, all_clauses)
    reviewed = reviewed.assign(fold=reviewed["doc_id"])
    frame, gold = heldout.clauses(names)
    missing = sorted(set(names) - set(gold.get("set", pd.Series(dtype=str))))
    if missing and tuning_sets is None and ", ".join(missing) not in _SAID:
        _SAID.add(", ".join(missing))
        warnings.warn(f"the automatic coder trains without the tuning set(s) {', '.join(missing)}: not found in "
                      f"{paths.relative(heldout.sets_dir())} (a copy without the tests trains on the reviewed "
                      "documents)", stacklevel=2)
    if gold.empty:
        return reviewed
    labelled = frame.merge(gold[["clause_id", "primary", "secondary"]], on="clause_id")
    # the curators coded with the project's codebook: a code another codebook does not have is left out
    labelled = labelled[labelled["primary"].isin([*framework.subtools, instruments.NONE])]
    # a set's document a person has reviewed in the corpus (one added from a set) learns from its review only,
    # and is held out as a reviewed document
    labelled = labelled[~labelled["doc_id"].isin(reviewed["doc_id"])]
    labelled = labelled.assign(type=labelled["primary"].map(framework.type_of), fold=labelled["set"],
                               source="tuning set " + labelled["set"]).drop(columns=["set"])
    return pd.concat([reviewed, labelled[[c for c in labelled.columns if c in reviewed.columns]]],
                     ignore_index=True)


def folds(training: pd.DataFrame) -> pd.Series:
    """What a document of the training set is held out with: its ``fold`` (a reviewed document
    alone, a tuning set's documents together), or the document itself."""
    return training["fold"] if "fold" in training.columns else training["doc_id"]


def calibration_folds(training: pd.DataFrame) -> pd.Series:
    """The folds of the confidence's calibration: the training's folds, in order of their names,
    dealt into at most ``CALIBRATION_FOLDS`` groups (the reviewed documents alone stay five folds)."""
    own = folds(training)
    names = sorted(own.unique())
    if len(names) <= CALIBRATION_FOLDS:
        return own
    group = {name: f"group {i % CALIBRATION_FOLDS}" for i, name in enumerate(names)}
    return own.map(group)


def is_tuning(fold: pd.Series) -> np.ndarray:
    """Whether each row's fold is a tuning set (``paths.TUNING_SETS``)."""
    return fold.isin(paths.TUNING_SETS).to_numpy()


def weights(rows: pd.DataFrame, codebook_doc: str, codebook_weight: float) -> np.ndarray:
    """Each training row's weight: a reviewed clause 1, a tuning set's ``TUNING_WEIGHT``, a row of the
    codebook's own words ``codebook_weight``."""
    tuning = is_tuning(rows["fold"]) if "fold" in rows.columns else np.zeros(len(rows), dtype=bool)
    return np.where(rows["doc_id"].to_numpy() == codebook_doc, codebook_weight,
                    np.where(tuning, TUNING_WEIGHT, 1.0))
