"""documents layer of the desktop application."""
