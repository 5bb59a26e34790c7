"""The classes the thirtieth and thirty-first held-out sets and the tenth silent pass left
unread (ROADMAP CORE-166, CORE-168, CORE-170), read by class a thirteenth time (CORE-175):
each in a small document read as a person reads it, with no finding that is no defect, and
beside each new reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

CHINESE_BOXES_WITH_OUTSIDE_NAMES = """\
# 路线图

- [x] 日志模块
- [ ] 导出报表 依赖: storage-v2, auth-sso
- [ ] 通知推送 依赖: 日志模块
"""


def test_a_dependency_named_by_no_box_is_read_as_written_outside_the_plan() -> None:
    # ``依赖: storage-v2, auth-sso`` where no box carries either name: the names as written,
    # as dependencies outside the plan, which the corpus measure now counts as read; a name
    # a box carries is a dependency on that box
    read = [
        (i.title, i.depends_on, i.external_deps)
        for i in read_items(CHINESE_BOXES_WITH_OUTSIDE_NAMES)
    ]
    assert read == [
        ("日志模块", (), ()),
        ("导出报表", (), ("storage-v2", "auth-sso")),
        ("通知推送", ("日志模块",), ()),
    ]
    assert finding_lines(CHINESE_BOXES_WITH_OUTSIDE_NAMES) == []


CHINESE_INSTALL_NOTES = """\
# 安装说明

- 依赖: Node 20, pnpm
- 端口: 3000
"""


def test_install_notes_naming_what_they_rest_on_are_no_plan() -> None:
    assert read_items(CHINESE_INSTALL_NOTES) == ()
    assert finding_lines(CHINESE_INSTALL_NOTES) == []
