"""Mutation fuzzing of every reader, bounded and seeded (the long runs are ``python fuzz/run.py``).

Each format's seed documents (corpora, tests/data, cases, the bundled map and
synthetic maps written by the format's own writer) are read as they are,
then mutated (bit flips, truncation, duplicated, moved and deleted spans,
huge numbers, deep nesting, odd Unicode, swapped ids). Every input must end
in a map or a FormatError naming the file, never another exception or a hang.

Findings that already have a strict-xfail reproducer in
``test_reliability_known_bugs.py`` are listed in ``KNOWN`` so that this test
keeps guarding against new ones; remove an entry when its reproducer passes.
"""

from __future__ import annotations

import random

import pytest
from fuzz import mutate
from reliability_helpers import HANG_SECONDS, assert_keeps_contract, harness, loads_of

MUTANTS = {"argmap": 1000, "aif": 500, "graphml": 300, "argdown": 80}
KNOWN: dict[str, str] = {
    # signature prefix -> reproducer in test_reliability_known_bugs.py (none open: every finding so far is fixed)
}


def _known(outcome) -> bool:
    return any(outcome.signature.startswith(prefix) for prefix in KNOWN)


@pytest.mark.corpus
@pytest.mark.parametrize("fmt", harness.READERS)
def test_seed_documents_keep_the_contract(fmt, corpora_dir):
    loads_of(fmt)
    seeds = harness.all_seeds(fmt)
    assert seeds, f"no seed documents for {fmt}"
    kinds = {}
    for label, text in seeds:
        outcome = harness.run_one(fmt, text, name=label, hang_seconds=HANG_SECONDS)
        kinds[outcome.kind] = kinds.get(outcome.kind, 0) + 1
        if not _known(outcome):
            assert_keeps_contract(outcome, label)
    assert kinds.get("map", 0) > 0, f"{fmt}: no seed document read at all: {kinds}"


@pytest.mark.parametrize("fmt", harness.READERS)
def test_mutants_keep_the_contract(fmt):
    loads_of(fmt)
    seeds = harness.all_seeds(fmt)
    rng = random.Random(f"reliability-{fmt}")
    new = []
    for n in range(MUTANTS[fmt]):
        label, text = rng.choice(seeds)
        data = mutate.mutant(text, rng.getrandbits(32), harness.FAMILY[fmt], (rng.choice(seeds)[1],))
        outcome = harness.run_one(fmt, data, hang_seconds=HANG_SECONDS)
        if outcome.kind not in ("map", "error", "slow") and not _known(outcome):
            new.append(f"mutant {n} of {label}: {outcome.signature}\n{outcome.detail[-600:]}")
    assert not new, "\n\n".join(new[:3])


@pytest.mark.parametrize("fmt", harness.READERS)
def test_file_name_is_in_every_error(fmt, tmp_path):
    """Read through read_file from disk: the message starts with the path as given."""
    from argmap.formats import read_file
    from argmap.model import FormatError

    loads_of(fmt)
    path = tmp_path / f"broken{harness.EXTENSION[fmt]}"
    path.write_bytes(b"\xef\xbb\xbf{[<\x00 not a map \xff")
    with pytest.raises(FormatError) as err:
        read_file(path, fmt)
    assert str(err.value).startswith(str(path))
    assert len(str(err.value).splitlines()) == 1
