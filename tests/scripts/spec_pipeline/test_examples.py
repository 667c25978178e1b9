"""The examples in the pipeline's docstrings run and give what they show."""

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
MODULES = sorted(path.stem for path in (ROOT / "scripts" / "spec_pipeline").glob("_[!_]*.py"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples read openapi.yaml relative to the repository
    module = importlib.import_module(f"spec_pipeline.{name}")

    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)

    assert result.attempted > 0, "every module shows how it is used"
    assert result.failed == 0
