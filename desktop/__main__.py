"""``python -m desktop`` runs the same entry point as the ``baocao`` console script."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    # The PDF is written in a child process (desktop/views/pdf_process.py); in the frozen app the child is
    # this same executable, which must hand over to multiprocessing before anything else runs.
    multiprocessing.freeze_support()
    sys.exit(main())
