"""baocao desktop application: quarterly reporting for Vietnamese agencies."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata when first asked for: importlib.metadata costs the
    # window's start 25 ms, and only --version and the self-test want it.
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("baocao")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"
