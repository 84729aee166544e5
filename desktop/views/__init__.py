"""views layer of the desktop application."""
