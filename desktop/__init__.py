"""baocao desktop application: quarterly reporting for Vietnamese agencies."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("baocao")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
