"""The classes of plan file the nineteenth held-out set C of the corpus (tests/corpus:
large, long-lived plans measured before any change, numbered 76 in headings/, 77-78 in
phases/, 130-132 in checkboxes/, 83 in tables/) showed read wrong, each in a small
document: read as a person reads it, with no finding; and beside each new reading a
document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

SPECIFICATIONS = """\
# API Schema Roadmap

### All Specifications

| Status | ID | Specification |
| ------ | -- | ------------- |
| ✅ | API-AUTH-SIGN-IN-001 | User signs in with correct credentials |
| ✅ | API-AUTH-SIGN-IN-002 | User signs in with a wrong password |
| ⏳ | API-AUTH-SIGN-OUT-001 | User signs out |
| ⏳ | API-HEALTH-001 | Server answers the health endpoint |
| ⏳ | API-HEALTH-002 | Health answer names the app |
| ⏳ | API-TABLES-GET-001 | User requests a table by ID |
"""


def test_ids_of_one_hierarchical_scheme_are_no_mix_of_prefixes() -> None:
    # ``API-<area>-<action>-NNN``: API-AUTH-SIGN-OUT-001, the one sign-out row, is an area
    # of the same API's specifications, not an item filed under API-HEALTH's prefix
    assert [i.id for i in read_items(SPECIFICATIONS, "ROADMAP.md")][2] == "API-AUTH-SIGN-OUT-001"
    assert finding_lines(SPECIFICATIONS, "ROADMAP.md") == []


def test_an_id_of_another_scheme_among_them_is_still_a_stray() -> None:
    stray = SPECIFICATIONS + "| ⏳ | WEB-LOGIN-001 | The login page |\n"
    assert finding_lines(stray, "ROADMAP.md") == ["13:RL106"]


PHASES = """\
# After Hours Mode — Roadmap

## Phase 1: Foundation ✓

**Status:** Complete

### Dependencies
- None (foundation phase)

## Phase 2: Sessions ✓

**Status:** Complete

### Dependencies
- Phase 1 (database schema, middleware)

## Phase 3: Frontend ✓

**Status:** Complete

### Dependencies
- Phases 1-2 (full backend)
"""


def test_a_range_of_phases_with_a_note_names_every_phase_of_it() -> None:
    read = {i.id: i.depends_on for i in read_items(PHASES, "ROADMAP.md")}
    assert read["Phase 3"] == ("Phase 1", "Phase 2")
    assert read["Phase 2"] == ("Phase 1",)
    assert finding_lines(PHASES, "ROADMAP.md") == []


def test_a_range_in_release_notes_reads_no_items() -> None:
    notes = (
        "# Release 2.0\n\nThis release finishes Phases 1-5 (full backend) of the rewrite.\n\n"
        "- Faster start\n- Smaller install\n"
    )
    assert read_items(notes, "RELEASE.md") == ()
    assert finding_lines(notes, "RELEASE.md") == []


VERSIONS = """\
# ROADMAP

## a list of features to be added and tasks to be done by version number

- **`v0.5.3-beta`** : add memories for every DNS provider, UI to choose one
- `v0.6.0-beta` : add `Gitlab CI` support
- `v1.0.0` : polish all rough corners
"""


def test_version_bullets_of_a_roadmap_are_items_named_by_their_version() -> None:
    # the current version in bold is no field ``**`v0.5.3-beta`** :`` and no status
    read = [(i.id, i.title, i.status) for i in read_items(VERSIONS, "ROADMAP.md")]
    assert read == [
        ("v0.5.3-beta", "add memories for every DNS provider, UI to choose one", None),
        ("v0.6.0-beta", "add Gitlab CI support", None),
        ("v1.0.0", "polish all rough corners", None),
    ]
    assert finding_lines(VERSIONS, "ROADMAP.md") == []


def test_a_changelog_of_version_bullets_reads_no_items() -> None:
    changelog = (
        "# Changelog\n\n- `v0.6.0` : added Gitlab CI support\n- `v0.5.0` : first public release\n"
    )
    assert read_items(changelog, "CHANGELOG.md") == ()
    assert finding_lines(changelog, "CHANGELOG.md") == []


ENTRIES = """\
# Backlog

## Split Large Files

### `Settings.tsx` (745 lines)

Eight screens in one file; each could live on its own.

### `Onboarding.tsx` (424 lines)

Same issue as Settings.

## Code Cleanup

### Dangling records on full sync

A full sync never deletes local cells the remote no longer has.
"""


def test_prose_entries_under_theme_headings_of_a_backlog_are_its_items() -> None:
    read = [(i.title, i.status, i.section) for i in read_items(ENTRIES, "BACKLOG.md")]
    assert read == [
        ("Settings.tsx (745 lines)", None, "Split Large Files"),
        ("Onboarding.tsx (424 lines)", None, "Split Large Files"),
        ("Dangling records on full sync", None, "Code Cleanup"),
    ]
    assert finding_lines(ENTRIES, "BACKLOG.md") == []


def test_prose_headings_of_a_design_or_a_guide_to_a_backlog_read_no_items() -> None:
    design = ENTRIES.replace("# Backlog", "# Architecture")
    guide = ENTRIES.replace("# Backlog", "# How we keep the backlog")
    for text in (design, guide):
        assert read_items(text, "docs.md") == ()
        assert finding_lines(text, "docs.md") == []


BULLETS = """\
- Resynthesis :
. Implement manual frequency control.
. Try a sweep instead of short notes.

- When an async is cancelled, we see "AsyncCancelled"
in the console. This interferes with the game content.

- [nice to have] allow unlimited polyphony on every instrument.
.. if an instrument is full, instantiate a second one.

- add game doc., with /man /doc commands
For synth:
Use the computer keyboard to play notes.

Played notes are stored in a Recording:
* Pressing 'Space' starts a new Sequence.
* Pressing 'f10' empties the Recording.

- make the frame morph in the center of the screen.
"""


def test_the_bullets_of_a_file_named_a_backlog_are_its_items() -> None:
    # no heading over them: each top-level bullet is an item named by its first sentence,
    # up to a line that is a note of its own (``. Implement``) or a label (``For synth:``);
    # the list a sentence ending with a colon leads into is that sentence's notes
    read = [(i.title, i.status, i.priority) for i in read_items(BULLETS, "BACKLOG.md")]
    assert read == [
        ("Resynthesis :", None, None),
        ('When an async is cancelled, we see "AsyncCancelled" in the console', None, None),
        ("allow unlimited polyphony on every instrument", None, "nice to have"),
        ("add game doc., with /man /doc commands", None, None),
        ("make the frame morph in the center of the screen", None, None),
    ]
    assert finding_lines(BULLETS, "BACKLOG.md") == []
    assert len(read_items(BULLETS, "game/TODO.md")) == 5


def test_the_same_bullets_in_notes_or_under_a_title_read_no_items() -> None:
    assert read_items(BULLETS, "NOTES.md") == ()
    assert finding_lines(BULLETS, "NOTES.md") == []
    # a title names the document itself: a file named TODO.md titled as release notes
    titled = "# Release notes 0.3\n\n" + BULLETS
    assert read_items(titled, "TODO.md") == ()
    assert finding_lines(titled, "TODO.md") == []


def test_bullets_mostly_tagged_in_brackets_are_still_a_near_miss() -> None:
    # ``- [later] Fix cracks`` for most of them: words written for boxes, not read
    tagged = "- [later] Fix cracks\n- [later] Write a paper\n- Release the audio library\n"
    assert read_items(tagged, "BACKLOG.md") == ()
    assert finding_lines(tagged, "BACKLOG.md") == ["1:RL109"]
