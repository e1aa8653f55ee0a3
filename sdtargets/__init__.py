"""sdtargets: what Shandong province committed to, by when, in which plan, and who answers for it."""

__version__ = "0.1.0"
