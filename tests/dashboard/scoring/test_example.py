"""docs/methode.md: the worked example is exactly what the code renders for the committed sample."""

from __future__ import annotations

from dashboard.scoring.example import BEGIN, DOC_PATH, END, replace_block, worked_example


def test_the_worked_example_in_the_document_matches_the_code(sample_engine) -> None:
    document = DOC_PATH.read_text(encoding="utf-8")
    expected = replace_block(document, worked_example(sample_engine))
    assert document == expected, "voer `python -m dashboard.scoring.example DATABASE_URL` uit"


def test_replace_block_keeps_the_rest_of_the_document() -> None:
    document = f"kop\n{BEGIN}\noud\n{END}\nstaart\n"
    assert replace_block(document, "nieuw") == f"kop\n{BEGIN}\nnieuw\n{END}\nstaart\n"
