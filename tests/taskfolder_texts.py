"""A Backlog.md task folder's texts that both task-folder test files start from: its
config.yml and a task whose front matter holds a comment, a custom key and a flow
mapping that edits must keep byte for byte."""

CONFIG = """\
project_name: "Demo"
default_status: "To Do"
statuses: ["To Do", "In Progress", "Done"]
labels: []
task_prefix: "task"
"""

PARSER = """\
---
id: TASK-2
title: Write parser
status: In Progress
# who works on it
assignee:
  - '@bob'
created_date: '2026-12-06 06:48'
labels:
  - core
dependencies:
  - TASK-1
x_custom: {a: 1, b: "two"}  # kept as written
priority: high
ordinal: 2000
---

## Description

<!-- SECTION:DESCRIPTION:BEGIN -->
Parse the files.
<!-- SECTION:DESCRIPTION:END -->

## Acceptance Criteria
<!-- AC:BEGIN -->
- [x] #1 Parses front matter
- [ ] #2 Keeps order
<!-- AC:END -->
"""
