"""skilltrends: which skills employers ask of Machine Learning Engineers, and how that demand moves."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
