"""One lock on the curated tables: `review --accept` (and the review page) exclusive, `corpus
clean` and `run` shared. flock locks belong to an open file, so two `with` blocks in one test
stand for two processes."""

import threading
import time

import pytest

from analysis import locking
from analysis.errors import UserError


def test_an_exclusive_holder_makes_others_wait_then_say_so_in_one_line(project):
    with locking.curated_tables():
        with pytest.raises(UserError) as info:
            with locking.curated_tables(wait=0.2):
                pass
        assert str(info.value).startswith("data/.curated.lock: the curated tables are in use by another command")
        with pytest.raises(UserError):
            with locking.curated_tables(shared=True, wait=0.2):  # a run waits for an accept
                pass
    with locking.curated_tables(wait=0.2):  # released
        pass


def test_readers_share_it_and_a_writer_waits_for_them(project):
    with locking.curated_tables(shared=True):
        with locking.curated_tables(shared=True, wait=0.2):  # `corpus clean` beside `run`
            pass
        with pytest.raises(UserError):
            with locking.curated_tables(wait=0.2):  # an accept waits for the run
                pass


def test_two_accepts_take_turns(project):
    order = []

    def accept(name):
        with locking.curated_tables():
            order.append(f"{name} in")
            time.sleep(0.2)
            order.append(f"{name} out")

    threads = [threading.Thread(target=accept, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # never both inside: each one's "in" is followed by its own "out"
    assert order in (["a in", "a out", "b in", "b out"], ["b in", "b out", "a in", "a out"])
