"""Maps: builders of folium maps and the self-hosted Leaflet assets they load."""
