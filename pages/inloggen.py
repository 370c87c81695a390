"""Demo login: choose one of the data set's demo identities (sample data only)."""

from __future__ import annotations

import streamlit as st

from components.data import area_names, dataset_info, demo_identities
from components.session import sign_in


def render() -> None:
    """Show the demo identities and sign in as the chosen one."""
    st.title("Inloggen")
    if dataset_info().get("fictief") != "ja":
        st.error(
            "Er is geen inlogmethode ingesteld. De demo-inlog bestaat alleen bij fictieve "
            "voorbeeldgegevens; vraag de beheerder om de koppeling met uw organisatie."
        )
        return
    identities = demo_identities()
    if not identities:
        st.info("De voorbeeldgegevens bevatten geen demo-gebruikers.")
        return
    st.write("Kies een demo-gebruiker. Elke rol ziet alleen wat die rol mag zien, binnen het eigen gebied.")
    names = area_names()
    st.dataframe(
        [{"Naam": i.naam, "Rol": i.rol_label, "Gebied": i.scope.describe(names)} for i in identities],
        hide_index=True,
    )
    labels = {f"{i.naam} · {i.scope.describe(names)}": i for i in identities}
    choice = st.selectbox(
        "Demo-gebruiker",
        list(labels),
        index=None,
        placeholder="Kies een demo-gebruiker",
        key="inloggen_keuze",
    )
    if st.button("Inloggen", type="primary", key="inloggen_knop") and choice is not None:
        sign_in(labels[choice])
        st.rerun()


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
