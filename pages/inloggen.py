"""Login: the organisation's identity provider (OIDC) and, on fictitious sample data only, the demo login."""

from __future__ import annotations

import streamlit as st

from components.data import area_names, dataset_info, demo_identities
from components.login import complete_login, show_oidc_button


def _demo_login() -> None:
    """Choose one of the sample's demo identities and sign in as that user."""
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
        complete_login(labels[choice], "demo")
        st.rerun()


def render() -> None:
    """Offer the configured login methods."""
    st.title("Inloggen")
    oidc = show_oidc_button()
    if dataset_info().get("fictief") != "ja":
        if not oidc:  # the gate refuses to start in this case; kept as a safe fallback
            st.error(
                "Er is geen inlogmethode ingesteld. Vraag de beheerder om de koppeling met de identity "
                "provider van uw organisatie (sectie [auth] in .streamlit/secrets.toml)."
            )
        return
    if oidc:
        st.subheader("Of: demo-gebruiker", help="Alleen bij de fictieve voorbeeldgegevens.")
    _demo_login()


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
