"""Markdown that is not a plan (changelogs, release notes, tutorials, feature tables)
reads no items and gives no findings: quiet by default. Each text is shaped after a real
file that the shapes of this release read as a plan."""

from __future__ import annotations

import pytest

from roadmaplint import check_text
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

NOT_PLANS = {
    # A changelog's releases each have a "New Features" section: one status heading,
    # written again under every release, is no list of statuses.
    "changelog_new_features": (
        "CHANGELOG.md",
        "# Changelog\n\n## 2.1.0 (2024-05-01)\n\n### New Features\n"
        "- Add support for Python 3.12\n- Allow anonymous access\n\n### Bug Fixes\n"
        "- Fix a crash on empty input\n\n## 2.0.0 (2024-01-01)\n\n### New Features\n"
        "- Rewrite the parser\n\n### Bug Fixes\n- Fix the build on Windows\n",
    ),
    "release_notes_new": (
        "RELEASE_NOTES.md",
        "# Release notes\n\n## 3.0\n\n### New\n\n- Dark mode\n- Plugins\n\n### Fixed\n\n"
        "- Crash on start\n\n## 2.0\n\n### New\n\n- Export to PDF\n",
    ),
    # A tutorial's steps: "Next:" twice is no Now / Next / Later roadmap.
    "tutorial_next_steps": (
        "GETTING_STARTED.md",
        "# Getting started\n\n## Install\n\nRun the installer.\n\n"
        "## Next: configure the server\n\n- Open `config.yml`.\n- Set the port.\n\n"
        "## Next: deploy\n\n- Push the image.\n- Watch the logs.\n",
    ),
    # A README's feature table: marks say what the program does, not how far work is.
    "readme_feature_table": (
        "README.md",
        "# Widget\n\nA fast widget.\n\n## Features\n\n| Feature | Status |\n"
        "|---------|--------|\n| Search | ✅ |\n| Export | ✅ |\n| Sync | 🚧 |\n"
        "| Plugins | ❌ |\n",
    ),
    "readme_support_table": (
        "README.md",
        "# Widget\n\n| Feature | Status | Notes |\n|---|---|---|\n"
        "| Linux | Supported | tested |\n| macOS | Yes | |\n| Windows | Partial | WSL |\n",
    ),
    # A README's pros and cons: ticks and crosses are yes and no, no work in progress.
    "readme_pros_and_cons": (
        "README.md",
        "# Why tinylib?\n\n1. ✓ Zero dependencies\n2. ✓ Tiny: 2 kB\n3. ✗ No IE11 support\n",
    ),
    # An RFC's reasons for a choice, each ticked: pros, not work done.
    "design_doc_pros": (
        "3537-msrv-resolver.md",
        "# MSRV resolver\n\n## Workflows\n\n#### Latest Rust as the MSRV\n\n"
        "A maintainer regularly updates their MSRV to latest.\n\n**Priority 2 because:**\n"
        "- ✅ Low barrier to maintaining a high quality of support\n"
        "- ✅ Costs for old toolchains are shifted from the maintainer\n",
    ),
    # Node.js's maintaining-dependencies.md: one dependency's name is upper case.
    "dependency_list": (
        "maintaining-dependencies.md",
        "# Maintaining Dependencies\n\n## Dependency list\n\n### acorn\n\nA parser.\n\n"
        "### nghttp2\n\nHTTP/2.\n\n### ngtcp2\n\nQUIC.\n\n### V8\n\nThe engine.\n",
    ),
    # A roster: every row the same unmarked word, which a plan also uses for a status.
    "maintainers_roster": (
        "MAINTAINERS.md",
        "# Maintainers\n\n| Maintainer | Status |\n|---|---|\n| alice | Active |\n"
        "| bob | Active |\n| carol | Active |\n",
    ),
    # A README's marked features and install steps, a design's pros and cons, a pull
    # request checklist: ✅ says what a program does or a step holds, not how far work is.
    "readme_marked_features": (
        "README.md",
        "# fastjson\n\nA fast JSON library.\n\n## Features\n\n- ✅ Streaming parser\n"
        "- ✅ Zero-copy strings\n- ⬜ SIMD (planned)\n\n## Quick start\n\n"
        "1. ✅ Install Python 3.11\n2. ⬜ Run `pip install fastjson`\n",
    ),
    "design_marked_pros": (
        "design.md",
        "# Design: cache\n\n## Redis\n\n### Pros\n\n- ✅ Fast\n- ✅ Widely used\n\n"
        "### Cons\n\n- ⬜ Another service\n- ⬜ Cost\n",
    ),
    # A lab's or tutorial's tasks are the steps a reader follows, not work planned.
    "lab_tasks": (
        "README.md",
        "# Lab 3: Deploying with Terraform\n\n## Task 1: Create a bucket\n\n"
        "In this task you create a bucket.\n\n1. Open the console.\n2. Click Create.\n\n"
        "## Task 2: Write the configuration\n\n1. Open `main.tf`.\n",
    ),
    "pull_request_checklist": (
        "PULL_REQUEST_TEMPLATE.md",
        "# Pull request checklist\n\n## Before you submit\n\n- ✅ Tests pass\n- ✅ Docs updated\n",
    ),
}


@pytest.mark.parametrize("case", NOT_PLANS)
def test_a_document_that_is_not_a_plan_reads_no_items(case: str) -> None:
    name, text = NOT_PLANS[case]
    assert parse(text, name, Settings()).items == ()
    assert [f.code for f in check_text(text, name, Settings())] in ([], ["RL109"])


def test_a_feature_table_whose_statuses_are_spelled_is_still_a_plan() -> None:
    text = (
        "# Roadmap\n\n| Feature | Status |\n|---|---|\n| Search | ✅ Done |\n"
        "| Export | In progress |\n| Sync | Planned |\n"
    )
    roadmap = parse(text, "ROADMAP.md", Settings())
    assert [(item.title, item.status) for item in roadmap.items] == [
        ("Search", "✅ Done"),
        ("Export", "In progress"),
        ("Sync", "Planned"),
    ]


def test_numbered_tasks_with_an_open_mark_are_still_read() -> None:
    text = "# Tasks\n\n1) + Parser\n2) ~ Writer\n3) - Docs\n4) ✗ Old format\n"
    roadmap = parse(text, "TASKS.md", Settings())
    assert [(item.id, item.status) for item in roadmap.items] == [
        ("1", "done"),
        ("2", "in progress"),
        ("3", "todo"),
        ("4", "cancelled"),
    ]


def test_ids_without_a_number_share_no_prefix_to_be_mixed() -> None:
    # Node.js's errors.md: its error codes read as heading IDs, each a name of its own,
    # and RL106 said each one "uses the prefix" of the first.
    codes = (
        "ERR_CRYPTO_PBKDF2_ERROR",
        "ERR_HTTP2_ALTSVC_LENGTH",
        "ERR_HTTP2_PING_CANCEL",
        "ERR_HTTP2_STATUS_101",
        "ERR_TRANSFORM_WITH_LENGTH_0",
    )
    text = "# Errors\n\n## Node.js error codes\n\n" + "".join(
        f'<a id="{code}"></a>\n\n### `{code}`\n\nWhat went wrong.\n\n' for code in codes
    )
    assert "RL106" not in [f.code for f in check_text(text, "errors.md", Settings())]


def test_an_id_filed_under_another_prefix_is_still_reported() -> None:
    text = (
        "# Roadmap\n\n## Work\n\n### [CORE-1] Parser\n\n- **Status:** todo\n\n"
        "### [CORE-2] Writer\n\n- **Status:** todo\n\n### [COER-3] Docs\n\n- **Status:** todo\n"
    )
    assert [(f.code, f.line) for f in check_text(text, "ROADMAP.md", Settings())] == [("RL106", 13)]


def test_ticked_bullets_right_under_a_completed_heading_are_still_items() -> None:
    text = "# Roadmap\n\n## Completed\n\n- ✅ Parser\n- ✅ Writer\n"
    assert [item.title for item in parse(text, "ROADMAP.md", Settings()).items] == [
        "Parser",
        "Writer",
    ]


def test_marked_bullets_of_a_document_titled_work_are_still_items() -> None:
    text = "# Roadmap\n\n## Features\n\n- ✅ Login\n- ⬜ Export\n"
    assert [item.title for item in parse(text, "ROADMAP.md", Settings()).items] == [
        "Login",
        "Export",
    ]


def test_a_status_table_without_ids_whose_rows_differ_or_are_marked_is_read() -> None:
    moving = "| Parser | Done |\n| Writer | In progress |\n| Docs | Done |\n"
    marked = "| v0.1 | ✅ Complete |\n| v0.2 | ✅ Complete |\n| v0.3 | ✅ Complete |\n"
    for rows in (moving, marked):
        text = "# Plan\n\n| Component | Status |\n|---|---|\n" + rows
        assert len(parse(text, "PLAN.md", Settings()).items) == 3, rows


def test_a_lessons_numbered_headings_are_no_near_miss() -> None:
    # '# Lab 3' over '## Task 1: Create a bucket' read its steps as work; read as none,
    # RL109 then called each numbered step a near miss of an item, an error on a lab.
    _, lab = NOT_PLANS["lab_tasks"]
    tutorial = "# Tutorial\n\n## Step 1: Install\n\nRun pip.\n\n## Step 2: Configure\n\nEdit.\n"
    for text in (lab, tutorial):
        assert check_text(text, "README.md", Settings()) == []
    # the same tasks under a plan's title are its work
    plan = lab.replace("# Lab 3: Deploying with Terraform", "# Deployment plan")
    assert [item.id for item in parse(plan, "PLAN.md", Settings()).items] == ["Task 1", "Task 2"]
