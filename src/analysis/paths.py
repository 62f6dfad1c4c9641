"""Where the project's folders are.

The root is, in order: ``$SHUANGCHUANG_ROOT``; the nearest folder above the
working directory holding ``data/raw/policies/catalogue.csv``; the checkout the
package was installed from (editable install).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_MARKER = Path("data") / "raw" / "policies" / "catalogue.csv"


@cache
def _root_from(cwd: str, env: str | None) -> Path:
    if env:
        return Path(env).resolve()
    here = Path(cwd).resolve()
    for folder in (here, *here.parents):
        if (folder / _MARKER).is_file():
            return folder
    return Path(__file__).resolve().parents[2]


def project_root() -> Path:
    return _root_from(os.getcwd(), os.environ.get("SHUANGCHUANG_ROOT"))


def data_dir() -> Path:
    return project_root() / "data"


def raw_policies_dir() -> Path:
    return data_dir() / "raw" / "policies"


def catalogue_path() -> Path:
    return raw_policies_dir() / "catalogue.csv"


def processed_dir() -> Path:
    return data_dir() / "processed"


def curated_dir() -> Path:
    return data_dir() / "curated"


def external_dir() -> Path:
    return data_dir() / "external"


def reports_dir() -> Path:
    return project_root() / "reports"


# The labelled sets of documents (written and coded blind to the code by curators, each once a
# blind test) that are now tuning sets: the only sets the automatic instrument coder may train on
# (``autocoder.training_data``, ``coder_quality.leave_one_set_out``). A set is named here only after
# it has been measured blind (the next set, ``set_l``, is not). See docs/methods-strategies.md.
TUNING_SETS = ("set_a", "set_b", "set_c", "set_d", "set_e", "set_f", "set_g", "set_h", "set_i",
               "set_j", "set_k")


def heldout_dir() -> Path:
    """The labelled sets of documents (``analysis.heldout``), tuning sets and blind ones."""
    return project_root() / "tests" / "fixtures" / "heldout"


def relative(path: Path) -> str:
    """A path as the user would type it from the project root, for messages."""
    try:
        return str(Path(path).resolve().relative_to(project_root()))
    except ValueError:
        return str(path)
