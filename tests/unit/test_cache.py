"""``analysis.cache.HashCache``: values by content hash, the oldest forgotten first, one write per batch."""

import json

from analysis.cache import HashCache, key


def test_key_separates_its_parts():
    # length-prefixed parts: ("ab", "c") and ("a", "bc") are different inputs
    assert key("ab", "c") != key("a", "bc")
    assert key("ab", "c") == key(b"ab", "c")


def test_a_batch_is_one_write_and_the_oldest_are_forgotten_first(tmp_path, monkeypatch):
    path = tmp_path / "c.json"
    store = HashCache(3, path)
    writes = []
    import analysis.cache as cache_module

    real = cache_module.write_atomic
    monkeypatch.setattr(cache_module, "write_atomic", lambda p, data: writes.append(p) or real(p, data))
    store.put_many({"a": 1, "b": 2})
    store.put_many({"c": 3, "d": 4})
    # two batches, two writes; keep 3 of a, b, c, d: "a" (stored first) is forgotten
    assert len(writes) == 2
    assert list(json.loads(path.read_text(encoding="utf-8"))) == ["b", "c", "d"]
    assert store.get_many(["a", "b", "d", "z"]) == {"b": 2, "d": 4}
    store.put_many({})  # nothing new: nothing written
    assert len(writes) == 2


def test_a_file_that_is_not_json_is_an_empty_cache(tmp_path):
    path = tmp_path / "c.json"
    path.write_text("{not json", encoding="utf-8")
    store = HashCache(3, path)
    assert store.get("a") is None and "a" not in store
    store.put("a", [1, 2])
    assert HashCache(3, path).get("a") == [1, 2]
