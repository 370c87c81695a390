"""Reusable Streamlit widgets and cached loaders; each owns its widget keys."""
