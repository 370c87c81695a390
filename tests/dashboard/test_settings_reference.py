"""The deployment guide's configuration reference is complete and current."""

from __future__ import annotations

import pytest

from dashboard.settings import Settings
from dashboard.settings_reference import BEGIN, DOC_PATH, END, render_reference


def test_the_guide_holds_the_generated_reference() -> None:
    document = DOC_PATH.read_text(encoding="utf-8")
    block = document.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert block == render_reference(), "python -m dashboard.settings_reference werkt het document bij"


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_is_explained(name: str) -> None:
    field = Settings.model_fields[name]
    assert field.alias, f"{name}: geef de omgevingsvariabele als alias"
    assert field.description, f"{name}: leg de instelling uit in description="
