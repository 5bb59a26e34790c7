"""The classes of plan file the thirty-first held-out set of the corpus (tests/corpus:
plans kept by coding agents and their users and plans not written in English, numbered
170-174 in checkboxes/ and 79 in tables/) showed read wrong, each in a small
document: read as a person reads it, with no finding that is no defect; and beside each
new reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

JAPANESE_ROADMAP = """\
# ロードマップ

- [x] 設定ファイルの読み込み （予定: 2026-03-02） （実績: 2026-03-01）
- [ ] 検索インデックス 依存: config-load （予定: 2026-03-05〜2026-03-06）
- [ ] 検索画面 依存: search-index, config-load
"""


def test_a_japanese_dependency_label_and_dated_notes_in_wide_brackets() -> None:
    # ``Title 依存: a, b （予定: day） （実績: day）`` (takenet193's roadmap): what follows
    # 依存 (depends on) is what the box waits for, by names no box carries here (kept as
    # outside dependencies); the planned and actual days in full-width brackets are notes
    read = [(i.title, i.status, i.external_deps) for i in read_items(JAPANESE_ROADMAP)]
    assert read == [
        ("設定ファイルの読み込み", "done", ()),
        ("検索インデックス", "[ ]", ("config-load",)),
        ("検索画面", "[ ]", ("search-index", "config-load")),
    ]
    assert finding_lines(JAPANESE_ROADMAP) == []


JAPANESE_SETUP_NOTES = """\
# セットアップ

このツールを動かすには次のものが要ります。

- 依存: Python 3.12, requests （バージョン: 2.31 以上）
- 設定: `config.toml` （場所: ホームディレクトリ）
"""


def test_setup_notes_with_a_dependency_label_are_no_plan() -> None:
    assert read_items(JAPANESE_SETUP_NOTES) == ()
    assert finding_lines(JAPANESE_SETUP_NOTES) == []


CHINESE_PLAN = """\
# 开发计划

## 第二阶段：用户认证

- [x] `POST /api/auth/login` - 用户登录
- [ ] 忘记密码页面 `/forgot-password`

## 成功标准

### 功能完整性
- [x] 所有页面开发完成
- [x] 支付流程完整可用
"""


def test_boxes_under_the_success_criteria_of_a_chinese_plan_are_no_work() -> None:
    # ``## 成功标准`` (success criteria) over ticked boxes (0709FanLi's plan): the standards
    # the whole plan is accepted by, checked, no work items of their own
    read = [(i.title, i.status) for i in read_items(CHINESE_PLAN)]
    assert read == [
        ("POST /api/auth/login - 用户登录", "done"),
        ("忘记密码页面 /forgot-password", "[ ]"),
    ]
    assert finding_lines(CHINESE_PLAN) == []


ACCEPTANCE_CHECKLIST = """\
# 验收标准

- [x] 页面加载时间 < 3秒
- [ ] 接口响应时间 < 1秒
"""


def test_a_checklist_of_acceptance_standards_alone_is_no_plan() -> None:
    assert read_items(ACCEPTANCE_CHECKLIST) == ()
    assert finding_lines(ACCEPTANCE_CHECKLIST) == []


AGENT_QUEUE = """\
# Work Queue

- [x] Partner home scoped hydration and route cancellation regression (`6bde213`).
- [x] WQ-004 Retry banner for failed saves (`83104b3`)
- [ ] WQ-002 Live migration and grant verification (staging access blocker).
"""


def test_an_agent_queue_s_commit_notes_and_named_blocker() -> None:
    # the commit a box's work landed in, in code in brackets, is no part of its name; a
    # closing ``(staging access blocker)`` says the box is blocked and by what (allbeeapp's
    # work queue), so it names what it waits for (no RL502)
    read = [(i.id, i.title, i.status) for i in read_items(AGENT_QUEUE)]
    assert read == [
        (
            "partner-home-scoped-hydration-and-route",
            "Partner home scoped hydration and route cancellation regression",
            "done",
        ),
        ("WQ-004", "Retry banner for failed saves", "done"),
        ("WQ-002", "Live migration and grant verification", "blocked - staging access"),
    ]
    assert finding_lines(AGENT_QUEUE) == []


RELEASE_NOTES = """\
# Changelog

## 1.4.0

- Partner home scoped hydration (`6bde213`)
- Retry banner for failed saves (`83104b3`)

## Known issues

- Live migration needs staging access (access blocker)
"""


def test_release_notes_with_commits_and_a_blocker_are_no_plan() -> None:
    assert read_items(RELEASE_NOTES) == ()
    assert finding_lines(RELEASE_NOTES) == []


AUDIT_REMEDIATION = """\
# Audit Remediation Plan

## P0 — Critical

- [x] BH-C01: Oracle substring match exploit
- [x] BH-C02: Private key leak
- [x] BH-H05: No on-chain max deadline
- [x] ~~**Solana: Cross-deployment replay** (Report 4.1)~~ — N/A, Solana sunset

## P1 — High

- [x] BH-H03: Relayer nonce race
- [x] BH-M03: Broadcast endpoint without auth

## P2 — Medium

- [x] BH-H01: Static wallet bind
- [x] BH-M01: Rate limit header spoofing
- [ ] BH-L02: SDK claim flow
"""


def test_finding_ids_coded_by_severity_across_priority_sections() -> None:
    # ``BH-H05`` under ``## P0`` among ``BH-C01``-``BH-C02`` (0-ads' audit plan): the letter
    # after ``BH-`` codes each finding's severity, which the P0 / P1 / P2 sections mix
    # elsewhere too, so the ID is no stray (no RL106); a ticked box struck through and
    # said not to apply (``— N/A``) was let go, named by its bold words
    read = [(i.id, i.title, i.status, i.priority) for i in read_items(AUDIT_REMEDIATION)]
    assert read[3] == (
        "solana-cross-deployment-replay",
        "Solana: Cross-deployment replay",
        "dropped",
        "P0",
    )
    assert [i.id for i in read_items(AUDIT_REMEDIATION)][:3] == ["BH-C01", "BH-C02", "BH-H05"]
    assert finding_lines(AUDIT_REMEDIATION) == []


STRAY_ID = """\
# Services

## API

- [ ] API-1: Login endpoint
- [ ] API-2: Logout endpoint
- [ ] UI-3: Login page

## UI

- [ ] UI-1: Header
- [ ] UI-2: Footer
"""


def test_an_id_filed_under_another_section_s_prefix_is_still_reported() -> None:
    # the prefixes here are the sections' own (API-, UI-), not a code that every section
    # mixes: the UI item under API is a stray, as RL106 says
    assert [line for line in finding_lines(STRAY_ID) if "RL106" in line] != []
