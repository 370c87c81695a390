"""Render a Document as one self-contained HTML page (no scripts, no external resources)."""

from __future__ import annotations

from html import escape
from importlib import resources

from dashboard.reports.models import Alinea, Blok, Document, Lijst, Staven, Tabel

__all__ = ["render_html"]


def _css() -> str:
    return resources.files("dashboard.reports").joinpath("templates/rapport.css").read_text(encoding="utf-8")


def _tabel(tabel: Tabel) -> str:
    head = "".join(f'<th scope="col">{escape(cel)}</th>' for cel in tabel.kop)
    rows = []
    for rij in tabel.rijen:
        cells = "".join(
            f'<td class="r">{escape(cel)}</td>' if index in tabel.rechts else f"<td>{escape(cel)}</td>"
            for index, cel in enumerate(rij)
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _staven(staven: Staven) -> str:
    rows = []
    for staaf in staven.staven:
        width = max(0.0, min(100.0, 100 * staaf.waarde / staven.maximum))
        rows.append(
            f'<div class="staaf"><span>{escape(staaf.label)}</span><span class="baan">'
            f'<span class="vulling" style="display:block;width:{width:.1f}%;'
            f'background:{escape(staaf.kleur)}">'
            f"</span></span><span>{escape(staaf.tekst)}</span></div>"
        )
    return (
        f'<figure class="staven" role="img" aria-label="{escape(staven.titel)}">'
        f'<figcaption class="nadruk">{escape(staven.titel)}</figcaption>{"".join(rows)}</figure>'
    )


def _blok(blok: Blok) -> str:
    if isinstance(blok, Alinea):
        return (
            f'<p class="nadruk">{escape(blok.tekst)}</p>' if blok.nadruk else f"<p>{escape(blok.tekst)}</p>"
        )
    if isinstance(blok, Lijst):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in blok.items) + "</ul>"
    if isinstance(blok, Tabel):
        return _tabel(blok)
    return _staven(blok)


def render_html(doc: Document) -> bytes:
    """The document as UTF-8 HTML; every text is escaped."""
    stempel = '<span class="vertrouwelijk">Vertrouwelijk</span>' if doc.vertrouwelijk else ""
    if doc.markering:
        stempel += f'<span class="vertrouwelijk markering">{escape(doc.markering)}</span>'
    kenmerken = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in doc.kenmerken)
    adres = ""
    if doc.soort == "brief":
        adres = '<div class="adres">' + "<br>".join(escape(regel) for regel in doc.aan) + "</div>"
    secties = []
    for sectie in doc.secties:
        kop = f"<h2>{escape(sectie.titel)}</h2>" if sectie.titel else ""
        secties.append(f"<section>{kop}{''.join(_blok(blok) for blok in sectie.blokken)}</section>")
    afzender = " · ".join(escape(regel) for regel in doc.afzender)
    page = (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(doc.titel)} – {escape(doc.ondertitel)}</title><style>{_css()}</style></head><body>"
        f'<header>{stempel}<div class="merk">{afzender or "Politie"}</div>'
        f'<h1>{escape(doc.titel)}</h1><p class="ondertitel">{escape(doc.ondertitel)}</p></header>'
        f'<main>{adres}<table class="kenmerken"><tbody>{kenmerken}</tbody></table>{"".join(secties)}</main>'
        f"<footer>{escape(doc.voet)}</footer></body></html>\n"
    )
    return page.encode("utf-8")
