from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus" / "samples"
sys.path.insert(0, str(Path(__file__).parent))

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed (make test installs it in CI)")


def section_shape(review) -> list[tuple[str, int, str]]:
    """What "the same sections" means across formats: headings (spaces ignored), levels and parts."""
    return [(s.heading.replace(" ", ""), s.level, s.part) for s in review.sections]


@pytest.fixture(scope="session")
def county_text() -> str:
    return (SAMPLES / "src" / "county_party_committee.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def village_text() -> str:
    return (SAMPLES / "village_branch.txt").read_text(encoding="utf-8")
