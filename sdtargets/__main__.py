"""`python -m sdtargets`: the same entry point as the `sdtargets` console script."""

from .cli.main import run

run()
