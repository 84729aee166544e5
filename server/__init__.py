"""The province server (FastAPI): enrollment, assignments, bundle intake, consolidation."""
