"""services layer of the desktop application."""
