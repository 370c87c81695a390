"""The configuration reference of docs/deployment.md, generated from the settings model.

Rewrite the block after adding or changing a setting: `python -m dashboard.settings_reference`.
A test keeps the document equal to this output, so no setting goes undocumented.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dashboard.settings import Settings

__all__ = ["BEGIN", "DOC_PATH", "END", "render_reference", "replace_block"]

BEGIN = "<!-- instellingen:begin -->"
END = "<!-- instellingen:end -->"
DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "deployment.md"


def _default(value: object) -> str:
    if value is None:
        return "(leeg)"
    text = str(value)
    return f"`{text}`" if text else "(leeg)"


def render_reference() -> str:
    """A Markdown table: environment variable, default and meaning of every setting."""
    lines = ["| variabele | standaard | betekenis |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        variable = field.alias or name.upper()
        meaning = (field.description or "").replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{variable}` | {_default(field.default)} | {meaning} |")
    return "\n".join(lines)


def replace_block(document: str, block: str) -> str:
    """The document with the text between BEGIN and END replaced by block."""
    head, rest = document.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{block}\n{END}{tail}"


def main() -> int:
    """Rewrite the reference block in docs/deployment.md."""
    document = DOC_PATH.read_text(encoding="utf-8")
    DOC_PATH.write_text(replace_block(document, render_reference()), encoding="utf-8")
    print(f"Bijgewerkt: {DOC_PATH}", file=sys.stderr)  # noqa: T201  (a developer command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
