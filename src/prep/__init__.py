"""prep: get ready for a meeting, debrief it, and review the week."""

__version__ = "0.1.0"
