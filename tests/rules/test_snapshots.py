"""Golden decisions of every bundled rule pack: the grid in ``tests/snapshots/grid.py`` against its committed CSV.

The test only compares; it never writes. After a deliberate change of behaviour, regenerate the files with
``python -m tests.snapshots.grid`` from the repository's root and read the diff.
"""

from __future__ import annotations

import pytest

from tests.snapshots.grid import PACKS, grid, snapshot_path


@pytest.mark.parametrize("pack", PACKS)
def test_decisions_match_the_committed_snapshot(pack):
    assert snapshot_path(pack).read_text(encoding="utf-8") == grid(pack)
