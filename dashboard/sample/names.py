"""Name material for the sample: common Dutch first and last names, streets, places and templates.

Every person in the sample is fictitious: a first and a last name are drawn independently from
lists of common names, so any resemblance to a real person is a coincidence of common names.
"""

from __future__ import annotations

__all__ = [
    "FIRST_NAMES_F",
    "FIRST_NAMES_M",
    "FIRST_NAMES_X",
    "GENERIC_WIJKEN",
    "HANGPLEK_TEMPLATES",
    "LAST_NAMES",
    "PARKS",
    "STREETS",
]

FIRST_NAMES_M: tuple[str, ...] = (
    "Daan", "Sem", "Lucas", "Milan", "Levi", "Luuk", "Bram", "Thijs", "Jesse", "Noah",
    "Finn", "Ruben", "Tim", "Lars", "Stijn", "Jayden", "Mohamed", "Mats", "Julian", "Gijs",
    "Sven", "Niels", "Kevin", "Dylan", "Rayan", "Adam", "Liam", "Tygo", "Jens", "Hugo",
    "Max", "Mees", "Ryan", "Joep", "Owen", "Teun", "Nick", "Thomas", "Sam", "Rick",
    "Jelle", "Bas", "Dani", "Yusuf", "Ilias", "Damian", "Kai", "Boaz", "Quinten", "Jordy",
    "Wessel", "Joris", "Youssef", "Senn", "Siem", "Mike", "Robin", "Tijn", "Hamza", "Floris",
)  # fmt: skip
FIRST_NAMES_F: tuple[str, ...] = (
    "Emma", "Julia", "Sophie", "Mila", "Tess", "Sara", "Anna", "Noor", "Lotte", "Eva",
    "Lisa", "Fleur", "Zoë", "Isa", "Lynn", "Roos", "Sanne", "Yara", "Amira", "Nina",
    "Femke", "Iris", "Demi", "Naomi", "Esmee", "Jasmijn", "Lieke", "Fenna", "Maud", "Aya",
)  # fmt: skip
FIRST_NAMES_X: tuple[str, ...] = ("Robin", "Sam", "Noa", "Kim", "Alex", "Charlie", "Jip", "Sky")

LAST_NAMES: tuple[str, ...] = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
    "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
    "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems",
    "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal",
    "Prins", "Blom", "Huisman", "Peeters", "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper",
    "Veenstra", "Kramer", "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "Vink",
    "de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker", "van Loon", "Boer", "van der Velde",
    "Willemsen", "Smeets", "de Lange", "de Vos", "Bosch", "van Dongen", "Schipper", "de Koning",
    "van der Laan", "Koning", "van der Velden", "Driessen", "van Doorn", "Hermans", "Evers",
    "van den Bosch", "van der Meulen", "Hofman", "Bosman", "Wolters", "Sanders", "van der Horst",
    "Mol", "Kuijpers", "Molenaar", "van de Pol", "de Leeuw", "Verbeek", "El Amrani", "Yilmaz",
    "Kaya", "Bouali", "Sahin", "Pinas", "Nguyen", "Kowalski", "Ramdin", "Ait Taleb",
)  # fmt: skip

STREETS: tuple[str, ...] = (
    "Kerkstraat", "Molenweg", "Julianalaan", "Beatrixplein", "Marktplein", "Dorpsstraat",
    "Oranjeplein", "Lindenlaan", "Eikenlaan", "Van Goghplein", "Rembrandtlaan", "Bachstraat",
    "Wilhelminastraat", "Schoolstraat", "Prins Bernhardlaan", "Kastanjeplein", "Merelstraat",
    "Spoorlaan", "Emmaplein", "Vondellaan", "Mozartlaan", "Populierenweg", "Sportlaan",
    "Havenstraat", "Berkenplein", "Koningin Julianaplein", "Zwanenvest", "Tulpstraat",
    "Nassaulaan", "Parkweg", "Stationsweg", "Dahliastraat", "Brugstraat", "Veldweg",
)  # fmt: skip
PARKS: tuple[str, ...] = (
    "Wilhelminapark", "Julianapark", "Stadspark", "Beatrixpark", "Vijverpark", "Oranjepark",
    "Wijkpark", "Speelbos", "Griftpark", "Heempark",
)  # fmt: skip
GENERIC_WIJKEN: tuple[str, ...] = (
    "Centrum", "Noord", "Oost", "Zuid", "West", "De Horst", "Het Hoge Veld", "Molenwijk",
    "Bloemenbuurt", "Schildersbuurt", "Vogelwijk", "Componistenbuurt", "Stationskwartier",
    "Oude Dorp", "De Akkers", "De Weiden", "Het Zand", "De Hoven", "Bomenbuurt", "Kloosterveld",
)  # fmt: skip

# A hangplek name from a template: {wijk}, {street} and {park} are filled in; plain names are used as is.
HANGPLEK_TEMPLATES: tuple[str, ...] = (
    "Stationsplein", "Winkelcentrum {wijk}", "Skatebaan {wijk}", "Pannakooi {street}",
    "Speeltuin {street}", "Bankjes {park}", "Schoolplein {street}", "Bushalte {street}",
    "Parkeergarage {street}", "JOP {wijk}", "Trapveld {street}", "Snackbar {street}",
    "Sporthal {wijk}", "Tankstation {street}", "Voetgangerstunnel {street}", "Vijver {park}",
)  # fmt: skip
