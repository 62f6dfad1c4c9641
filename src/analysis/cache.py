"""One cache type: values remembered by a content hash, the oldest stored forgotten first.

A key is the sha256 of everything a value depends on (``key``), so a changed input is a new key
and a stale value is never returned: nothing is invalidated by hand. ``HashCache(keep, path)``
holds at most ``keep`` values; with a ``path`` it is a JSON file in ``data/processed/`` written
atomically (a read-only checkout computes every time instead). Used by the data package's
checks (``analysis.schema``), the parameters' derived values (``analysis.params``), each document's
term counts (``analysis.terms``), and in memory
the automatic coder's models (``analysis.autocoder``) and the figure drafter's reader
(``analysis.drafts``).
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from pathlib import Path
from typing import Any

from analysis.files import write_atomic

__all__ = ["HashCache", "key"]


def key(*parts: bytes | str) -> str:
    """The sha256 of ``parts``, each length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    h = hashlib.sha256()
    for part in parts:
        raw = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(raw).to_bytes(8, "big") + raw)
    return h.hexdigest()


class HashCache:
    """At most ``keep`` values by key; storing one more forgets the one stored longest ago
    (reading changes nothing, so a file cache is written only when a value is new). With
    ``path``, kept in that JSON file."""

    def __init__(self, keep: int, path: Path | None = None) -> None:
        self.keep = keep
        self.path = path
        self._memory: OrderedDict[str, Any] = OrderedDict()

    def _load(self) -> OrderedDict[str, Any]:
        if self.path is None:
            return self._memory
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return OrderedDict()
        return OrderedDict(stored) if isinstance(stored, dict) else OrderedDict()

    def _save(self, entries: OrderedDict[str, Any]) -> None:
        while len(entries) > self.keep:
            entries.popitem(last=False)
        if self.path is None:
            self._memory = entries
            return
        try:
            write_atomic(self.path, json.dumps(entries, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a read-only checkout: computed every time

    def get(self, k: str, default: Any = None) -> Any:
        entries = self._load()
        return entries.get(k, default)

    def __contains__(self, k: str) -> bool:
        return k in self._load()

    def put(self, k: str, value: Any) -> None:
        self.put_many({k: value})

    def get_many(self, keys) -> dict[str, Any]:
        """The values of those of ``keys`` that are remembered (the file read once, not once per key)."""
        entries = self._load()
        return {k: entries[k] for k in keys if k in entries}

    def put_many(self, values: dict[str, Any]) -> None:
        """Remember several values with one write (a file cache of a corpus's documents is written once per
        batch, not once per document)."""
        if not values:
            return
        entries = self._load()
        for k, value in values.items():
            entries.pop(k, None)
            entries[k] = value
        self._save(entries)
