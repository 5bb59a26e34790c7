"""The twenty-fifth break pass: the gate's proofs of rename, new and fields by other names,
round 30's and 31's readings and the ninth quiet sweep's template stand-ins, tried on plans
and documents people write, through the installed command line and the incremental
reader."""

from __future__ import annotations

from conftest import finding_lines, read_items

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
