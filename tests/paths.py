"""Where the tests find the repository's files: one place, so that a test can move between folders."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
DOCS = ROOT / "docs"
FIXTURES = ROOT / "tests" / "fixtures"
