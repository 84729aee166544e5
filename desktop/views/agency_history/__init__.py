"""The agency's history on this PC and across PCs, in the window: a local backup made and restored, past
quarters restored from the province on a new PC, and a revision conflict answered from the province's copy.

Each action calls the same service as the CLI (``services.backup``, ``services.sync``) through
``views/worker.py``: off the UI thread, with progress and Cancel where the work is long.
"""
