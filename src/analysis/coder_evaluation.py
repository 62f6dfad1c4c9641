"""The automatic coder's leave-one-document-out evaluation (``autocoder.evaluate``), kept across runs.

Trained on the five reviewed documents and the eleven tuning sets (``coder_training``), the
evaluation fits five models of 3,500 clauses with their calibration (about 46 s of CPU), and the
three ``02_strategies`` runs ask for the same one. Its result depends only on the training rows, the
framework, the package's code and scikit-learn's and numpy's versions: so it is kept in
``data/processed/.coder-evaluation.json`` under the hash of those (``analysis.cache``) and computed
once. Stored as plain columns and clause ids (JSON, never pickle: a file in ``data/processed`` is read
as data); the frame read back is the frame computed (``tests/unit/test_coder_evaluation.py``).
"""

from __future__ import annotations

import json
from importlib import metadata

import pandas as pd

from analysis import autocoder, paths
from analysis.cache import HashCache, key
from analysis.files import package_hash
from analysis.instruments import Framework

__all__ = ["evaluate"]


def _key(training: pd.DataFrame, framework: Framework) -> str:
    fw = json.dumps([framework.name, framework.version, framework.order, framework.types, framework.subtools,
                     framework.rules, framework.unit], sort_keys=True, ensure_ascii=False, default=str)
    return key("coder-evaluation", package_hash(), metadata.version("scikit-learn"), metadata.version("numpy"), fw,
               training.to_csv(index=True))


def _record(held: pd.DataFrame, folds: dict) -> dict:
    return {"columns": list(held.columns), "dtypes": [str(t) for t in held.dtypes],
            "values": {c: held[c].tolist() for c in held.columns},
            "folds": {doc: sorted(ids) for doc, ids in folds.items()}}


def _restore(record: dict) -> tuple[pd.DataFrame, dict]:
    held = pd.DataFrame({c: record["values"][c] for c in record["columns"]}, columns=record["columns"])
    held = held.astype(dict(zip(record["columns"], record["dtypes"], strict=True)))
    return held, {doc: frozenset(ids) for doc, ids in record["folds"].items()}


def evaluate(training: pd.DataFrame, framework: Framework) -> tuple[pd.DataFrame, dict]:
    """``autocoder.evaluate(training, framework)``, computed once for the same inputs."""
    k = _key(training, framework)
    store = HashCache(4, paths.processed_dir() / ".coder-evaluation.json")
    known = store.get(k)
    if isinstance(known, dict):
        return _restore(known)
    held, folds = autocoder.evaluate(training, framework)
    store.put(k, _record(held, folds))
    return held, folds
