"""The map legend: every band as colour, symbol and word (never colour alone), drawn by Leaflet itself."""

from __future__ import annotations

import html
import json

from branca.element import MacroElement
from jinja2 import Template

from dashboard.maps.layers import OUTLINE
from dashboard.presentation import BAND_COLOURS, BAND_ORDER, band_label

__all__ = ["BandLegend", "MapStyle", "legend_html"]


def legend_html(title: str = "Band", note: str | None = "Cirkelgrootte: aantal leden") -> str:
    """The legend's HTML: a title, one row per band (swatch, symbol, word), and an optional note."""
    swatch = (
        "display:inline-block;width:12px;height:12px;border-radius:50%;"
        f"border:1.5px solid {OUTLINE};margin-right:6px;vertical-align:middle;background:"
    )
    rows = "".join(
        f'<div><span style="{swatch}{BAND_COLOURS[band]}"></span>{html.escape(band_label(band))}</div>'
        for band in BAND_ORDER
    )
    extra = f'<div style="margin-top:4px;color:#444">{html.escape(note)}</div>' if note else ""
    return f'<div style="font-weight:600;margin-bottom:2px">{html.escape(title)}</div>{rows}{extra}'


class BandLegend(MacroElement):
    """A Leaflet control in the lower left corner holding legend_html()."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomleft"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "groepsbeeld-legenda");
            div.setAttribute("role", "region");
            div.setAttribute("aria-label", {{ this.title_json }});
            div.style.cssText = "background:rgba(255,255,255,0.92);padding:6px 8px;border-radius:4px;"
                + "font:12px/1.5 sans-serif;color:#222;box-shadow:0 1px 4px rgba(0,0,0,0.3)";
            div.innerHTML = {{ this.html_json }};
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, title: str = "Band", note: str | None = "Cirkelgrootte: aantal leden") -> None:
        """Build the legend's HTML once (it is embedded as a JSON string, so it is escaped)."""
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "BandLegend"
        self.title_json = json.dumps(title)
        self.html_json = json.dumps(legend_html(title, note))


class MapStyle(MacroElement):
    """A metric-only scale bar and compact controls (folium's default scale also shows feet and miles)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
            .leaflet-control-layers, .leaflet-control-layers-expanded { font-size: 13px; line-height: 1.5; }
            .leaflet-tooltip { font-size: 13px; }
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        """No options: the same style on every map."""
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "MapStyle"
