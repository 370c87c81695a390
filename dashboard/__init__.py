"""Groepsbeeld core: data model, storage, access rules, loading and sample data (no Streamlit)."""
