"""Place facts for the sample: real units, municipalities, wijken and basisteams, and name parts.

Populations are rounded 2024 figures and centroids approximate town centres; both are only meant
to make the fictitious data look plausible on a map, not to be used as statistics.
"""

from __future__ import annotations

__all__ = [
    "EENHEDEN",
    "EENHEID_BOXES",
    "EENHEID_TARGETS",
    "NATIONAL_GEMEENTEN",
    "PLACE_PREFIXES",
    "PLACE_SUFFIXES",
    "REAL_NAMES",
    "REGIO_BASISTEAMS",
    "REGIO_GEMEENTEN",
    "REGIO_WIJKEN",
    "TEAM_ABBREVIATIONS",
    "WijkFeit",
]

# (code, naam, nummer): the ten regional units; the number is the old police region used in
# registration numbers such as PL0900-2025-0012345.
EENHEDEN: tuple[tuple[str, str, str], ...] = (
    ("NNL", "Noord-Nederland", "01"),
    ("ONL", "Oost-Nederland", "06"),
    ("MNL", "Midden-Nederland", "09"),
    ("NHL", "Noord-Holland", "10"),
    ("AMS", "Amsterdam", "13"),
    ("DHG", "Den Haag", "15"),
    ("RTM", "Rotterdam", "17"),
    ("ZWB", "Zeeland-West-Brabant", "19"),
    ("OBR", "Oost-Brabant", "21"),
    ("LIM", "Limburg", "23"),
)

# eenheid -> (inhabitants, municipalities, basisteams) of the national layout (342 municipalities).
EENHEID_TARGETS: dict[str, tuple[int, int, int]] = {
    "NNL": (1_750_000, 40, 17),
    "ONL": (3_250_000, 74, 27),
    "MNL": (2_100_000, 38, 19),
    "NHL": (1_600_000, 28, 13),
    "AMS": (1_105_000, 5, 13),
    "DHG": (1_950_000, 21, 16),
    "RTM": (1_950_000, 26, 18),
    "ZWB": (1_550_000, 39, 15),
    "OBR": (1_450_000, 40, 13),
    "LIM": (1_120_000, 31, 11),
}

# eenheid -> (lat min, lat max, lon min, lon max): where its synthetic municipalities are placed.
EENHEID_BOXES: dict[str, tuple[float, float, float, float]] = {
    "NNL": (52.75, 53.40, 5.50, 7.10),
    "ONL": (51.80, 52.65, 5.60, 6.95),
    "MNL": (51.95, 52.55, 4.85, 5.75),
    "NHL": (52.30, 52.95, 4.65, 5.20),
    "AMS": (52.25, 52.42, 4.75, 5.05),
    "DHG": (51.95, 52.25, 4.20, 4.75),
    "RTM": (51.72, 51.98, 4.05, 4.95),
    "ZWB": (51.30, 51.70, 3.45, 5.15),
    "OBR": (51.35, 51.80, 5.10, 6.00),
    "LIM": (50.78, 51.55, 5.70, 6.15),
}

# (code, naam, inwoners, lat, lon, jeugdoverlast meldingen per 1,000 inhabitants per year)
REGIO_GEMEENTEN: tuple[tuple[str, str, int, float, float, float], ...] = (
    ("GM0344", "Utrecht", 374_000, 52.0907, 5.1214, 10.0),
    ("GM0307", "Amersfoort", 160_000, 52.1561, 5.3878, 5.5),
    ("GM0356", "Nieuwegein", 65_000, 52.0294, 5.0914, 5.0),
    ("GM0355", "Zeist", 66_000, 52.0894, 5.2330, 4.6),
    ("GM0345", "Veenendaal", 68_000, 52.0270, 5.5580, 5.0),
    ("GM0321", "Houten", 51_000, 52.0283, 5.1681, 3.6),
    ("GM0353", "IJsselstein", 34_500, 52.0200, 5.0430, 4.2),
    ("GM0632", "Woerden", 53_000, 52.0852, 4.8836, 3.8),
    ("GM0310", "De Bilt", 43_500, 52.1100, 5.1800, 3.4),
    ("GM1904", "Stichtse Vecht", 66_000, 52.1400, 5.0300, 4.0),
    ("GM1581", "Utrechtse Heuvelrug", 50_500, 52.0400, 5.3500, 3.2),
    ("GM0342", "Soest", 47_500, 52.1740, 5.2920, 3.8),
    ("GM0308", "Baarn", 25_000, 52.2110, 5.2880, 3.5),
    ("GM0327", "Leusden", 30_500, 52.1320, 5.4310, 3.0),
    ("GM1961", "Vijfheerenlanden", 58_000, 51.9500, 5.0800, 4.0),
    ("GM0402", "Hilversum", 92_000, 52.2230, 5.1760, 5.5),
    ("GM1942", "Gooise Meren", 59_000, 52.2850, 5.1500, 4.0),
    ("GM0406", "Huizen", 41_500, 52.2990, 5.2420, 4.2),
    ("GM0352", "Wijk bij Duurstede", 24_000, 51.9740, 5.3440, 3.2),
    ("GM0736", "De Ronde Venen", 45_000, 52.2100, 4.8700, 3.6),
    ("GM0312", "Bunnik", 15_500, 52.0670, 5.1980, 2.8),
    ("GM0340", "Rhenen", 20_500, 51.9590, 5.5680, 3.4),
)


WijkFeit = tuple[str, tuple[str, ...], str | None]
"""A wijk as (naam, buurten, basisteam code when the city is split over basisteams)."""


def _wijken(*names: str) -> tuple[WijkFeit, ...]:
    """Wijken known only by name."""
    return tuple((name, (), None) for name in names)


REGIO_WIJKEN: dict[str, tuple[WijkFeit, ...]] = {
    "GM0344": (
        ("Noordwest", ("Zuilen", "Ondiep", "Pijlsweerd", "Elinkwijk"), "MNL-UTR-N"),
        ("Overvecht", ("Zamenhofdreef", "Tigrisdreef", "Taag- en Rubicondreef", "Vechtzoom"), "MNL-UTR-N"),
        ("Noordoost", ("Tuindorp", "Wittevrouwen", "Voordorp", "Staatsliedenbuurt"), "MNL-UTR-N"),
        ("Binnenstad", ("Stationsgebied", "Neude", "Lange Nieuwstraat"), "MNL-UTR-C"),
        ("Oost", ("Oudwijk", "Abstede", "Rijnsweerd", "Maliebaan"), "MNL-UTR-C"),
        ("Zuid", ("Hoograven", "Lunetten", "Tolsteeg", "Rivierenwijk"), "MNL-UTR-C"),
        ("West", ("Lombok", "Oog in Al", "Nieuw Engeland"), "MNL-UTR-W"),
        ("Zuidwest", ("Kanaleneiland", "Transwijk", "Dichterswijk"), "MNL-UTR-W"),
        ("Leidsche Rijn", ("Terwijde", "Parkwijk", "Langerak", "Het Zand"), "MNL-UTR-W"),
        ("Vleuten-De Meern", ("Vleuterweide", "De Meern", "Vleuten"), "MNL-UTR-W"),
    ),
    "GM0307": _wijken(
        "Vathorst",
        "Kattenbroek",
        "Nieuwland",
        "Schothorst",
        "Liendert",
        "Randenbroek",
        "Soesterkwartier",
        "Binnenstad",
        "Schuilenburg",
        "Hoogland",
    ),
    "GM0356": _wijken(
        "Galecop",
        "Batau-Noord",
        "Batau-Zuid",
        "Zuilenstein",
        "Fokkesteeg",
        "Doorslag",
        "Jutphaas",
        "Vreeswijk",
        "Hoog Zandveld",
    ),
    "GM0355": _wijken(
        "Kerckebosch", "Vollenhove", "Crosestein", "Austerlitz", "Den Dolder", "Zeist-Centrum", "Zeist-West"
    ),
    "GM0345": _wijken("Dragonder", "Petenbos", "Franse Gats", "Veenendaal-Oost", "Engelenburg", "Centrum"),
    "GM0321": _wijken("Houten-Centrum", "Houten-Zuid", "Houten-Noordwest", "'t Goy", "Schalkwijk"),
    "GM0353": _wijken("Zenderpark", "Achterveld", "Westpoort", "IJsselstein-Noord", "Binnenstad"),
    "GM0632": _wijken(
        "Molenvliet", "Snel en Polanen", "Schilderskwartier", "Waterrijk", "Harmelen", "Kamerik"
    ),
    "GM0310": _wijken("Bilthoven-Noord", "Bilthoven-Zuid", "De Bilt-West", "Maartensdijk", "Groenekan"),
    "GM1904": _wijken(
        "Maarssenbroek", "Maarssen-Dorp", "Breukelen", "Loenen aan de Vecht", "Kockengen", "Nigtevecht"
    ),
    "GM1581": _wijken("Driebergen-Rijsenburg", "Doorn", "Leersum", "Amerongen", "Maarn"),
    "GM0342": _wijken("Soest-Zuid", "Soesterberg", "Smitsveen", "Soestdijk", "Soest-Centrum"),
    "GM0308": _wijken("Baarn-Noord", "Baarn-Centrum", "Baarn-Oost", "Eembrugge"),
    "GM0327": _wijken("Leusden-Zuid", "Leusden-Centrum", "Achterveld", "Stoutenburg"),
    "GM1961": _wijken("Vianen", "Leerdam", "Meerkerk", "Lexmond", "Everdingen", "Ameide"),
    "GM0402": _wijken(
        "Kerkelanden", "Hilversumse Meent", "Liebergen", "Over 't Spoor", "Hilversum-Oost", "Centrum", "Zuid"
    ),
    "GM1942": _wijken("Bussum-Noord", "Bussum-Zuid", "Naarden", "Muiden", "Muiderberg"),
    "GM0406": _wijken("Oostermeent", "Bovenmeent", "Huizen-Centrum", "Oude Dorp"),
    "GM0352": _wijken("Binnenstad", "De Horden", "Cothen", "Langbroek"),
    "GM0736": _wijken("Mijdrecht", "Vinkeveen", "Wilnis", "Abcoude", "De Hoef"),
    "GM0312": _wijken("Bunnik", "Odijk", "Werkhoven"),
    "GM0340": _wijken("Rhenen-Centrum", "Elst", "Achterberg", "Remmerden"),
}

# (code, naam, municipalities): basisteams of the region; Utrecht is split by wijk (see REGIO_WIJKEN).
REGIO_BASISTEAMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("MNL-UTR-N", "Utrecht-Noord", ("GM0344",)),
    ("MNL-UTR-C", "Utrecht-Centrum", ("GM0344",)),
    ("MNL-UTR-W", "Utrecht-West", ("GM0344",)),
    ("MNL-AMF", "Amersfoort", ("GM0307",)),
    ("MNL-EEM", "Eemland-Noord", ("GM0342", "GM0308", "GM0327")),
    ("MNL-LEK", "Lekstroom", ("GM0356", "GM0353", "GM0321")),
    ("MNL-ZBB", "Zeist-De Bilt", ("GM0355", "GM0310", "GM0312")),
    ("MNL-VAL", "Vallei", ("GM0345", "GM0340")),
    ("MNL-KRH", "Kromme Rijn-Heuvelrug", ("GM1581", "GM0352")),
    ("MNL-WRD", "Woerden", ("GM0632",)),
    ("MNL-VEV", "Vecht en Venen", ("GM1904", "GM0736")),
    ("MNL-VHL", "Vijfheerenlanden", ("GM1961",)),
    ("MNL-HIL", "Hilversum", ("GM0402",)),
    ("MNL-GOO", "Gooi", ("GM1942", "GM0406")),
)

# (code, naam, eenheid, inwoners, lat, lon): real larger municipalities outside the region.
NATIONAL_GEMEENTEN: tuple[tuple[str, str, str, int, float, float], ...] = (
    ("GM0014", "Groningen", "NNL", 243_000, 53.2194, 6.5665),
    ("GM0080", "Leeuwarden", "NNL", 126_000, 53.2012, 5.7999),
    ("GM0114", "Emmen", "NNL", 108_000, 52.7858, 6.8976),
    ("GM0106", "Assen", "NNL", 69_000, 52.9925, 6.5649),
    ("GM0153", "Enschede", "ONL", 161_000, 52.2215, 6.8937),
    ("GM0268", "Nijmegen", "ONL", 184_000, 51.8426, 5.8546),
    ("GM0202", "Arnhem", "ONL", 166_000, 51.9851, 5.8987),
    ("GM0200", "Apeldoorn", "ONL", 166_000, 52.2112, 5.9699),
    ("GM0193", "Zwolle", "ONL", 132_000, 52.5168, 6.0830),
    ("GM0150", "Deventer", "ONL", 102_000, 52.2550, 6.1639),
    ("GM0228", "Ede", "ONL", 120_000, 52.0402, 5.6649),
    ("GM0034", "Almere", "MNL", 226_000, 52.3508, 5.2647),
    ("GM0995", "Lelystad", "MNL", 83_000, 52.5185, 5.4714),
    ("GM0392", "Haarlem", "NHL", 165_000, 52.3874, 4.6462),
    ("GM0479", "Zaanstad", "NHL", 160_000, 52.4420, 4.8292),
    ("GM0361", "Alkmaar", "NHL", 111_000, 52.6324, 4.7534),
    ("GM0441", "Hoorn", "NHL", 75_000, 52.6424, 5.0597),
    ("GM0363", "Amsterdam", "AMS", 931_000, 52.3728, 4.8936),
    ("GM0362", "Amstelveen", "AMS", 95_000, 52.3030, 4.8600),
    ("GM0358", "Aalsmeer", "AMS", 33_000, 52.2630, 4.7620),
    ("GM0384", "Diemen", "AMS", 32_000, 52.3390, 4.9630),
    ("GM0437", "Ouder-Amstel", "AMS", 14_500, 52.2950, 4.9100),
    ("GM0518", "'s-Gravenhage", "DHG", 566_000, 52.0705, 4.3007),
    ("GM0637", "Zoetermeer", "DHG", 128_000, 52.0575, 4.4931),
    ("GM0503", "Delft", "DHG", 106_000, 52.0116, 4.3571),
    ("GM0546", "Leiden", "DHG", 127_000, 52.1601, 4.4970),
    ("GM1783", "Westland", "DHG", 115_000, 51.9900, 4.2100),
    ("GM0599", "Rotterdam", "RTM", 664_000, 51.9225, 4.4792),
    ("GM0606", "Schiedam", "RTM", 80_000, 51.9190, 4.3990),
    ("GM0622", "Vlaardingen", "RTM", 75_000, 51.9120, 4.3420),
    ("GM0505", "Dordrecht", "RTM", 121_000, 51.8133, 4.6901),
    ("GM0855", "Tilburg", "ZWB", 229_000, 51.5555, 5.0913),
    ("GM0758", "Breda", "ZWB", 187_000, 51.5719, 4.7683),
    ("GM1674", "Roosendaal", "ZWB", 78_000, 51.5308, 4.4653),
    ("GM0748", "Bergen op Zoom", "ZWB", 69_000, 51.4949, 4.2911),
    ("GM0687", "Middelburg", "ZWB", 50_000, 51.4988, 3.6136),
    ("GM0718", "Vlissingen", "ZWB", 45_000, 51.4426, 3.5736),
    ("GM0715", "Terneuzen", "ZWB", 55_000, 51.3360, 3.8280),
    ("GM0772", "Eindhoven", "OBR", 243_000, 51.4416, 5.4697),
    ("GM0796", "'s-Hertogenbosch", "OBR", 160_000, 51.6978, 5.3037),
    ("GM0794", "Helmond", "OBR", 94_000, 51.4793, 5.6570),
    ("GM0935", "Maastricht", "LIM", 122_000, 50.8514, 5.6910),
    ("GM0917", "Heerlen", "LIM", 87_000, 50.8882, 5.9795),
    ("GM1883", "Sittard-Geleen", "LIM", 91_000, 51.0000, 5.8690),
    ("GM0983", "Venlo", "LIM", 102_000, 51.3704, 6.1724),
)

REAL_NAMES: tuple[str, ...] = tuple(row[1] for row in REGIO_GEMEENTEN) + tuple(
    row[1] for row in NATIONAL_GEMEENTEN
)

# Basisteam code parts for names that do not abbreviate well by their first letters.
TEAM_ABBREVIATIONS: dict[str, str] = {"'s-Gravenhage": "DHG", "'s-Hertogenbosch": "DBS"}

# Parts of synthetic place names ("Oosterveen", "Wolderdam"); combinations are fictitious.
PLACE_PREFIXES: tuple[str, ...] = (
    "Ooster", "Wester", "Noorder", "Zuider", "Hoog", "Laag", "Nieuw", "Oud", "Groot", "Klein",
    "Heer", "Wolder", "Breede", "Lange", "Zand", "Veen", "Berg", "Hazel", "Linde", "Eiken",
    "Beuke", "Wilge", "Ravens", "Valken", "Zwanen", "Reigers", "Molen", "Kerk", "Burg", "Marel",
    "Ganze", "Haver", "Rogge", "Esch", "Heide", "Water", "Brug", "Sluis", "Hooge", "Ellen",
)  # fmt: skip
PLACE_SUFFIXES: tuple[str, ...] = (
    "veen", "dam", "dijk", "horst", "broek", "wijk", "hoven", "huizen", "recht", "berg",
    "woude", "hout", "sloot", "drecht", "meer", "zand", "waard", "loo", "kamp", "hem",
    "beek", "burg", "stede", "vliet", "haar", "lo", "donk", "rode", "wolde", "geest",
)  # fmt: skip
