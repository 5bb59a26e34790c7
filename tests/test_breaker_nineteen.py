"""The nineteenth break pass: documents that are no plans, and plans, written as people
write them, read through the readings the twenty-first sets (A and B) and the seventeenth
and eighteenth break passes added; each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items

KOREAN_README = """\
# 프로젝트 소개

| 작업 | 설명 |
|------|------|
| 설치 | pip install foo |
| 실행 | foo run |
| 테스트 | pytest |
"""


def test_a_korean_readme_s_table_of_commands_is_no_near_miss() -> None:
    # ``작업`` titles a Korean plan's rows (``| # | 상태 | 우선순위 | 작업 |``); beside its
    # description (``설명``) alone it says what each thing is, as ``| Task | Description |``
    assert read_items(KOREAN_README, "README.ko.md") == ()
    assert finding_lines(KOREAN_README, "README.ko.md") == []


PORTUGUESE_README = """\
# Sobre o projeto

| Módulo | Responsável principal | Descrição |
|--------|------------------------|-----------|
| API | Ana | Serviço REST |
| Web | Bruno | Interface |
"""


def test_a_portuguese_readme_s_modules_and_their_owners_are_no_near_miss() -> None:
    # ``| Module | Owner | Description |`` says what a program is made of and who keeps
    # each part, in Portuguese as in English
    assert read_items(PORTUGUESE_README, "README.pt.md") == ()
    assert finding_lines(PORTUGUESE_README, "README.pt.md") == []


ROSTER = """\
# Team

| # | Member | Role |
|---|--------|------|
| 1 | Ana Souza | Lead |
| 2 | Bruno Lima | Backend |
| 3 | Carla Dias | Design |
"""


def test_a_numbered_team_roster_reads_no_items() -> None:
    # a Role column names an agent's part in a plan's rows (``| Task | Role |``); beside
    # the people of a team it is what each does, and the rows are people, not work
    assert read_items(ROSTER, "TEAM.md") == ()
    assert finding_lines(ROSTER, "TEAM.md") == []


def test_a_team_roster_without_numbers_is_no_near_miss() -> None:
    roster = "# Team\n\n| Member | Role | Email |\n|---|---|---|\n| Ana | Lead | a@x.org |\n"
    assert read_items(roster, "TEAM.md") == ()
    assert finding_lines(roster, "TEAM.md") == []


def test_a_task_table_with_a_role_column_still_reads() -> None:
    plan = """\
# Plan

| ID | Task | Role | Status |
|----|------|------|--------|
| T1 | Write the parser | Backend | Done |
| T2 | Draw the board | Design | Todo |
"""
    items = read_items(plan)
    assert [(item.id, item.title, item.dri) for item in items] == [
        ("T1", "Write the parser", "Backend"),
        ("T2", "Draw the board", "Design"),
    ]


# writes5 and breaker17 keep a file's lack of a final newline where a write ends it; a
# new item added at the end of a file without one gave it one, as a row of a table, a
# checkbox and an item heading alike.
NEW_AT_THE_END = (
    (
        "# Workplan\n\n## Phase 2: Engine\n\n| ID | Task | Status |\n|----|------|--------|\n"
        "| T3 | Parser | Todo |",
        "| T4 | Docs |  |",
    ),
    ("# Plan\n\n## Now\n\n- [ ] Parser\n- [ ] Lexer", "- [ ] Docs"),
    ("# Plan\n\n## Now\n\n### T-1 — Parser\n\n- **Status:** todo", "### T-2 — Docs"),
)


def test_new_at_the_end_of_a_file_without_a_final_newline_adds_none(tmp_path: Path) -> None:
    for text, added in NEW_AT_THE_END:
        for newline in ("\n", "\r\n"):
            path = tmp_path / "ROADMAP.md"
            path.write_bytes(text.replace("\n", newline).encode())
            run = cli(
                "new",
                "Phase 2: Engine" if "Phase" in text else "Now",
                "Docs",
                "ROADMAP.md",
                cwd=tmp_path,
            )
            assert (run.returncode, run.stderr) == (0, ""), run.stderr
            written = path.read_bytes().decode()
            assert written.startswith(text.replace("\n", newline)), written
            assert added in written and not written.endswith("\n"), repr(written)
