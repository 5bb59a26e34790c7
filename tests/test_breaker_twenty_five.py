"""The twenty-fifth break pass: the gate's proofs of rename, new and fields by other names,
round 30's and 31's readings and the ninth quiet sweep's template stand-ins, tried on plans
and documents people write, through the installed command line and the incremental
reader."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items

from roadmaplint.reader.incremental import full_snapshot, update
from roadmaplint.settings import Settings

# -- full-width notes that name a box, not date it -------------------------------------

DOCS_TASKS = """\
# タスク

- [ ] ドキュメント（README: 英語版）
- [ ] ドキュメント（README: 日本語版）
- [x] Lint/Format/型設定 （予定: 2025-11-08） （実績: 2025-11-08）
"""


def test_a_wide_note_that_names_which_box_stays_in_its_title() -> None:
    # ``（README: 英語版）`` says which of two like boxes this is: cut as a dated note, both
    # read as ``ドキュメント`` and one of them was lost to a duplicate ID
    read = [(i.title, i.status) for i in read_items(DOCS_TASKS, "TODO.md")]
    assert read == [
        ("ドキュメント（README: 英語版）", "[ ]"),
        ("ドキュメント（README: 日本語版）", "[ ]"),
        ("Lint/Format/型設定", "done"),
    ]
    assert finding_lines(DOCS_TASKS, "TODO.md") == []


GLOSSARY_NOTES = """\
# 用語集

- API（略語: Application Programming Interface）
- CI（略語: Continuous Integration）
"""


def test_a_glossary_with_wide_notes_is_no_plan() -> None:
    assert read_items(GLOSSARY_NOTES, "GLOSSARY.md") == ()
    assert finding_lines(GLOSSARY_NOTES, "GLOSSARY.md") == []


# -- "none" after a dependency label, in Chinese and Japanese --------------------------

NONE_DEPENDENCIES = """\
# タスク

- [ ] API設計 依存: なし
- [ ] テスト 依存: API設計
"""

NONE_IN_FIELDS = """\
# 路线图

## [T-1] 登录页面

- **状态**: 进行中
- **依赖**: 无

## [T-2] 注册接口

- **状态**: 待开始
- **依赖**: T-1
"""


def test_a_dependency_label_saying_none_names_no_dependency() -> None:
    # ``依存: なし`` (none) was read as a dependency on something called なし, and
    # ``**依赖**: 无`` as one on 无: ``none`` names no dependency in any script
    boxes = read_items(NONE_DEPENDENCIES, "TODO.md")
    assert (boxes[0].title, boxes[0].depends_on, boxes[0].external_deps) == ("API設計", (), ())
    fields = read_items(NONE_IN_FIELDS, "ROADMAP.md")
    assert [(i.id, i.depends_on, i.external_deps) for i in fields] == [
        ("T-1", (), ()),
        ("T-2", ("T-1",), ()),
    ]


NONE_PROSE = """\
# メモ

この機能は依存: なし という前提で書いています。
"""


def test_prose_with_the_label_is_no_plan() -> None:
    assert read_items(NONE_PROSE, "NOTES.md") == ()
    assert finding_lines(NONE_PROSE, "NOTES.md") == []


# -- writes on the new constructs, through the installed command ------------------------

JAPANESE_BOXES = """\
# タスク

- [x] T-1 Lint/Format/型設定 （予定: 2025-11-08） （実績: 2025-11-08）
- [ ] T-2 スケジュール拡張 （予定: 2025-11-11〜2025-11-12）
- [ ] T-3 テスト/カバレッジ80% 依存: T-1, T-2 （予定: 2025-11-13）
- [ ] T-4 Live migration and grant verification (staging access blocker).
- [x] T-5 Retry banner for failed saves (`83104b3`)
- [ ] T-6 Test on iOS simulator [BLOCKED: Xcode not installed]
"""


def _set(tmp_path: Path, *args: str) -> tuple[int, str, list[str]]:
    """Run ``roadmaplint set`` on the plan; the exit code, the error and the lines that
    changed (the file's bytes kept on a refusal)."""
    plan = tmp_path / "TODO.md"
    plan.write_text(JAPANESE_BOXES, encoding="utf-8")
    done = cli("set", *args, "TODO.md", cwd=tmp_path)
    after = plan.read_text(encoding="utf-8")
    if done.returncode != 0:
        assert after == JAPANESE_BOXES
    changed = [
        new
        for old, new in zip(JAPANESE_BOXES.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    return done.returncode, done.stderr, changed


def test_set_keeps_a_boxs_japanese_dependency_label(tmp_path: Path) -> None:
    # the writer did not know ``依存:``: a new title dropped the dependencies (refused),
    # --add-dep wrote a list that read back as none (refused), and --remove-dep said
    # "T-3 does not depend on T-1; it depends on: nothing"
    assert _set(tmp_path, "T-3", "--title", "テスト全体") == (
        0,
        "",
        ["- [ ] T-3 テスト全体 依存: T-1, T-2 （予定: 2025-11-13）"],
    )
    assert _set(tmp_path, "T-3", "--add-dep", "T-5") == (
        0,
        "",
        ["- [ ] T-3 テスト/カバレッジ80% 依存: T-1, T-2, T-5 （予定: 2025-11-13）"],
    )
    assert _set(tmp_path, "T-3", "--remove-dep", "T-1") == (
        0,
        "",
        ["- [ ] T-3 テスト/カバレッジ80% 依存: T-2 （予定: 2025-11-13）"],
    )
    assert _set(tmp_path, "T-3", "--depends-on", "") == (
        0,
        "",
        ["- [ ] T-3 テスト/カバレッジ80% （予定: 2025-11-13）"],
    )


def test_set_writes_before_a_boxs_dated_notes_and_keeps_them(tmp_path: Path) -> None:
    # a dependency written after ``（予定: ...）`` was cut with the notes (refused), and a
    # new title replaced the notes and the commit a box closes on
    assert _set(tmp_path, "T-2", "--depends-on", "T-1") == (
        0,
        "",
        ["- [ ] T-2 スケジュール拡張 依存: T-1 （予定: 2025-11-11〜2025-11-12）"],
    )
    assert _set(tmp_path, "T-1", "--title", "Lint") == (
        0,
        "",
        ["- [x] T-1 Lint （予定: 2025-11-08） （実績: 2025-11-08）"],
    )
    assert _set(tmp_path, "T-5", "--title", "Retry banner") == (
        0,
        "",
        ["- [x] T-5 Retry banner (`83104b3`)"],
    )


def test_set_status_of_a_box_blocked_by_its_closing_note(tmp_path: Path) -> None:
    # the note is the status: ticking the box left it to join the title, and the gate
    # refused an ordinary edit ("the edit would also change T-4's title")
    assert _set(tmp_path, "T-4", "--status", "done") == (
        0,
        "",
        ["- [x] T-4 Live migration and grant verification"],
    )
    assert _set(tmp_path, "T-6", "--status", "done") == (
        0,
        "",
        ["- [x] T-6 Test on iOS simulator"],
    )


TEMPLATE_TITLED = """\
# Plan

## Sprint

- [ ] Task 1 - set up the repo
- [ ] Write docs
- [x] Set up CI
"""


def test_a_title_that_reads_as_a_blank_is_refused_saying_so(tmp_path: Path) -> None:
    # ``Task 2`` and ``[Draft docs]`` read as a template's stand-ins, no item: the gate
    # refused rightly but said "the edit reached other items" / "did not read back alone"
    plan = tmp_path / "TODO.md"
    plan.write_text(TEMPLATE_TITLED, encoding="utf-8")
    added = cli("new", "Sprint", "Task 2", "TODO.md", cwd=tmp_path)
    assert added.returncode == 2
    assert added.stderr == (
        "roadmaplint: error: TODO.md:3: refusing to write: task-2 would not read as an item; "
        "nothing written\n"
    )
    retitled = cli("set", "write-docs", "--title", "[Draft docs]", "TODO.md", cwd=tmp_path)
    assert retitled.returncode == 2
    assert retitled.stderr == (
        "roadmaplint: error: TODO.md:6: refusing to write: write-docs would no longer read "
        "as an item; nothing written\n"
    )
    assert plan.read_text(encoding="utf-8") == TEMPLATE_TITLED


# -- the incremental reader on the new constructs ---------------------------------------


def test_incremental_reading_equals_a_full_read_on_notes_and_labels() -> None:
    settings = Settings()
    snapshot = full_snapshot(JAPANESE_BOXES, "TODO.md", settings)
    for old, new in (
        ("スケジュール拡張 （予定", "スケジュール拡張 依存: なし （予定"),
        ("（予定: 2025-11-13）", "（README: 英語版）"),
        ("(staging access blocker)", "(staging blocker)"),
    ):
        text = JAPANESE_BOXES.replace(old, new, 1)
        assert update(snapshot, text).roadmap == full_snapshot(text, "TODO.md", settings).roadmap


# -- a plan's work written under its acceptance heading ---------------------------------

WORK_UNDER_ACCEPTANCE = """\
# 開発計画

## 受け入れ基準

- [ ] ログイン画面を実装する
- [x] ユーザー登録APIを作る
"""

GERMAN_WORK_UNDER_ACCEPTANCE = """\
# Projektplan

## Abnahmekriterien

- [ ] Anmeldeseite bauen
- [x] Registrierungs-API anlegen
"""


def test_a_plan_whose_every_box_stands_under_its_acceptance_heading_writes_its_work_there() -> None:
    # a plan with no other box writes its work under ``## 受け入れ基準``: read as the
    # standards a plan is accepted by, the whole plan read no item and check said all
    # passed (``## Acceptance criteria`` over the same boxes reads them)
    read = [(i.title, i.status) for i in read_items(WORK_UNDER_ACCEPTANCE, "TODO.md")]
    assert read == [("ログイン画面を実装する", "[ ]"), ("ユーザー登録APIを作る", "done")]
    german = [i.title for i in read_items(GERMAN_WORK_UNDER_ACCEPTANCE, "TODO.md")]
    assert german == ["Anmeldeseite bauen", "Registrierungs-API anlegen"]


STANDARDS_CHECKLIST = """\
# 受け入れ基準

- [x] ページの読み込みが3秒以内
- [ ] APIの応答が1秒以内
"""


def test_a_checklist_titled_by_its_acceptance_standards_is_still_no_plan() -> None:
    assert read_items(STANDARDS_CHECKLIST, "ACCEPTANCE.md") == ()
    assert finding_lines(STANDARDS_CHECKLIST, "ACCEPTANCE.md") == []
