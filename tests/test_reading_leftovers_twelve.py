"""The classes the twenty-eighth held-out set of the corpus left unread (ROADMAP CORE-156):
priority bands written with a mark and a score, an agent queue's numbered bold entries
with bullet fields, bold epic bullets and a warning mark before a numbered heading among
ticked ones, each in a small document read as a person reads it, with no finding that is
no defect; and beside each new reading a document that is no plan, which reads no items
and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import common_meaning

PRIORITY_BANDS = """\
# Suivi des Priorités

## 🚨 CRITICAL (Bloqueurs) - Score: 2/2 ✅ 100%

### ✅ 1. Scheduler: Zero Persistence
**STATUS:** ✅ IMPLÉMENTÉ

### ✅ 2. Race Condition dans `analyze`
**STATUS:** ✅ IMPLÉMENTÉ

## 🔍 MEDIUM (Améliorations) - Score: 1/2 🟡 50%

### ✅ 3. Coverage de Tests
**STATUS:** ✅ IMPLÉMENTÉ

### ⚠️ 4. No Rate Limiting
**STATUS:** ⚠️ PARTIELLEMENT IMPLÉMENTÉ
"""


def test_a_band_written_with_a_mark_and_a_score_is_the_priority_of_its_headings() -> None:
    # ``## 🚨 CRITICAL (Bloqueurs) - Score: 2/2 ✅ 100%``: a band of priority, its remark
    # and score no part of the level (Golden7design's SeqPulse: eleven items had none);
    # ``### ⚠️ 4.`` among ``### ✅ 1.`` siblings is the fourth entry, its field its status
    # (part of it built, ``PARTIELLEMENT IMPLÉMENTÉ``, is under way)
    read = [
        (i.id, i.title, common_meaning(i.status or ""), i.priority)
        for i in read_items(PRIORITY_BANDS)
    ]
    assert read == [
        ("1", "Scheduler: Zero Persistence", "done", "CRITICAL"),
        ("2", "Race Condition dans analyze", "done", "CRITICAL"),
        ("3", "Coverage de Tests", "done", "MEDIUM"),
        ("4", "No Rate Limiting", "in_progress", "MEDIUM"),
    ]
    assert finding_lines(PRIORITY_BANDS) == []


def test_a_guide_of_warned_numbered_sections_and_marked_bands_is_no_plan() -> None:
    guide = """\
# Installation guide

## 🚨 HIGH (read first)

### ⚠️ 1. Back up your data

Copy the folder somewhere safe.

### ⚠️ 2. Stop the service

Run the stop script.
"""
    assert read_items(guide) == ()
    assert finding_lines(guide) == []


AGENT_QUEUE = """\
# Work Queue

## Planned Next

1. **Investigate PR #867 CI Failure** (NEW, high priority)
   - Priority: HIGH
   - Status: BLOCKED - Waiting for CI run 19574340939 to complete
   - Timeline: 5-10 min once logs available

2. **Expand Knowledge Base** (untracked, in progress)
   - Priority: LOW
   - Status: Ongoing - Comprehensive foundation covering core patterns

3. **Review Open PRs** (opportunistic)
   - Priority: LOW
   - Status: AVAILABLE - Check for new PRs or PR updates
"""


def test_an_agent_queue_s_numbered_bold_entries_read_with_their_bullet_fields() -> None:
    # ``1. **Title** (note)`` over ``- Priority:`` and ``- Status: WORD - note``: the
    # queue's open work, the note no part of the title nor the word of the status
    # (TimeToBuildBob's alice: four entries unread, so ``next`` offered nothing)
    read = [
        (i.id, i.title, i.status, common_meaning(i.status or ""), i.priority)
        for i in read_items(AGENT_QUEUE)
    ]
    assert read == [
        ("1", "Investigate PR #867 CI Failure", "BLOCKED", "blocked", "HIGH"),
        ("2", "Expand Knowledge Base", "Ongoing", "in_progress", "LOW"),
        ("3", "Review Open PRs", "AVAILABLE", "ready", "LOW"),
    ]
    assert finding_lines(AGENT_QUEUE) == []


def test_numbered_bold_terms_with_notes_and_bullets_are_no_plan() -> None:
    glossary = """\
# Glossary

1. **Idempotency** (see RFC 7231)
   - Meaning: the same request twice does no more than once
   - Example: a PUT of the same body

2. **Backoff** (exponential)
   - Meaning: waiting longer after each failure
"""
    assert read_items(glossary) == ()
    assert finding_lines(glossary) == []


EPIC_LIST = """\
# Epic List

Here is the proposed high-level list of epics to build the service.

* **Epic 1: Core Service & Backlog Management**: Establish the foundational server.
* **Epic 2: Artifact & Context Management**: Link and retrieve artifacts.
* **Epic 3: Advanced Story Workflow**: Introduce story dependencies.
"""


def test_bold_epic_bullets_are_the_plan_s_epics_with_no_status_said() -> None:
    # ``* **Epic 1: Title**: description``: an epic list, the number its ID; the list says
    # no status, so none is read (husams' agile-mcp: RL109, no items read)
    read = [(i.id, i.title, i.status) for i in read_items(EPIC_LIST)]
    assert read == [
        ("Epic 1", "Core Service & Backlog Management", None),
        ("Epic 2", "Artifact & Context Management", None),
        ("Epic 3", "Advanced Story Workflow", None),
    ]
    assert finding_lines(EPIC_LIST) == []


def test_bold_term_bullets_of_a_readme_are_no_plan() -> None:
    readme = """\
# fastjson

## Features

* **Streaming: parse as bytes arrive**: no buffering.
* **Zero copy: strings borrow the input**: fewer allocations.
* **Epic 1: the first release**
* **Epic 1: the same name twice**
"""
    assert read_items(readme) == ()
    assert finding_lines(readme) == []
