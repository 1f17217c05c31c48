"""MARC records: reading files (ISO 2709, MARC-8, MARCXML) and converting to and from bib data."""
