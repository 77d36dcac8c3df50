"""The shared cases (../shared/cases): supported set, labels and findings equal the expected files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.analysis import check_map
from argmap.formats import read_file

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "cases"
NAMES = sorted(p.stem for p in CASES.glob("*.argmap")) if CASES.exists() else []


def _summary(diagnostics) -> list[tuple]:
    return [(d["code"], d["severity"], d["target"], sorted(d["related"])) for d in diagnostics]


@pytest.mark.parametrize("name", NAMES or ["<absent>"])
def test_case_matches_expected(name, cases_dir):
    if name == "<absent>":
        pytest.skip("no cases in ../shared/cases")
    amap = read_file(cases_dir / f"{name}.argmap")
    expected = json.loads((cases_dir / f"{name}.expected.json").read_text(encoding="utf-8"))
    report = check_map(amap)
    assert list(report.supported) == expected["supported"]
    assert report.labels == expected["labels"]
    got = report.to_json(f"{name}.argmap")
    assert _summary(got["diagnostics"]) == _summary(expected["diagnostics"])
    assert all(d["message"] and "\n" not in d["message"] for d in got["diagnostics"])


def test_cases_folder_has_the_six_cases(cases_dir):
    assert len(list(cases_dir.glob("*.expected.json"))) >= 6
