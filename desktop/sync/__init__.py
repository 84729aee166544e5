"""sync layer of the desktop application."""
