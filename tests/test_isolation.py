"""The tests never touch the user's real home or cache (conftest's `_isolated_home`)."""

from __future__ import annotations

from pathlib import Path

from conftest import REAL_CACHE, REAL_HOME


def test_the_tests_never_write_into_the_users_cache(tmp_path_factory):
    """The first-run pager marker is written where the cache is: during the tests that is a
    temporary folder, never the user's `~/.cache/sdtargets` (or `$XDG_CACHE_HOME`), where it
    would hide the pager hint from the user for good."""
    from sdtargets.cli.render import _first_paging
    from sdtargets.kb.paths import cache_dir

    tmp = tmp_path_factory.getbasetemp().resolve()
    folder = cache_dir().resolve()
    assert folder.is_relative_to(tmp), folder
    for real in (REAL_CACHE, REAL_HOME):
        if real:
            assert not folder.is_relative_to(Path(real).resolve()) or Path(real).resolve().is_relative_to(tmp)
    _first_paging()
    assert (folder / "pager-explained").exists()
    assert Path.home().resolve().is_relative_to(tmp)
