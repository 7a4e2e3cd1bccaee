"""Sphinx configuration: Markdown pages (MyST), API reference from docstrings, CLI reference from the parser."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "nvao-equivalence"
author = "The nvao-equivalence developers"
copyright = "the nvao-equivalence developers"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinxarg.ext",
    "nvao_docs",
]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "README.md", "conftest.py", "_generated/*.md", "examples"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Furo, as attrs and Hypothesis use: readable type, a sidebar, dark mode, and code blocks and wide tables that
# scroll instead of being cut off.
html_theme = "furo"
html_title = "nvao-equivalence"
html_static_path = ["_static"]
html_css_files = ["nvao.css"]
suppress_warnings = ["myst.header"]
