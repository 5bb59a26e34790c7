"""The classes the thirtieth and thirty-first held-out sets and the tenth silent pass left
unread (ROADMAP CORE-166, CORE-168, CORE-170), read by class a thirteenth time (CORE-175):
each in a small document read as a person reads it, with no finding that is no defect, and
beside each new reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import common_meaning

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


SPANISH_PHASE_PLAN = """\
# Hoja de ruta

## Fases

### **FASE 1: Base**
**Status:** 🔄 En progreso

#### Servidor
- [ ] Configurar la base de datos
- [ ] Crear la API

### **FASE 2: Informes**
**Status:** ⏳ Pendiente

#### Pantallas
- [ ] Panel de control

## ✅ Tareas terminadas

### Semana 1
- ✅ Crear el repositorio
- ✅ Escribir el README

## 💡 Ideas futuras (Backlog)

- [ ] Aplicación móvil
- [ ] Modo oscuro
"""


def test_ideas_boxes_and_done_bullets_beside_phase_headings_are_the_plans_work() -> None:
    # beside status-bearing phase headings whose boxes are their checklists: open boxes
    # under a heading naming ideas (``## 💡 Ideas futuras (Backlog)``: ideas, kept in the
    # backlog) are ideas, and bullets led by a done mark under a band a done mark leads
    # (``## ✅ Tareas terminadas`` over ``### Semana 1``) are work finished
    read = [(i.title, common_meaning(i.status or "")) for i in read_items(SPANISH_PHASE_PLAN)]
    assert read == [
        ("Base", "in_progress"),
        ("Informes", "ready"),
        ("Crear el repositorio", "done"),
        ("Escribir el README", "done"),
        ("Aplicación móvil", "idea"),
        ("Modo oscuro", "idea"),
    ]
    assert finding_lines(SPANISH_PHASE_PLAN) == []


PRODUCT_README = """\
# Gestor de tarefas

Um aplicativo para organizar o trabalho da equipe.

## 📊 Visão geral

### Objetivos
- ✅ Organizar as tarefas
- ✅ Colaborar em equipe

## ✅ Funcionalidades

### Versão 1
- ✅ Exportar relatórios em PDF
- ✅ Modo escuro

## 💡 Ideias futuras (Backlog)

- Aplicativo móvel
- Integração com calendário
"""


def test_a_product_readme_of_marked_features_and_wishes_is_no_plan() -> None:
    # the same marks and bands with no plan of heading items beside them: a product's
    # goals, features and wishes, nothing read as work
    assert read_items(PRODUCT_README) == ()
    assert finding_lines(PRODUCT_README) == []


GERMAN_PHASE_PLAN_WITH_PRIORITIES = """\
# Fahrplan

### **PHASE 1: Grundlagen**
**Status:** 🔄 In Arbeit

#### Server
- [ ] Datenbank einrichten

### **PHASE 2: Berichte**
**Status:** ⏳ Offen

#### Oberfläche
- [ ] Übersicht bauen

## 🔥 Prioritäten dieser Woche

1. **Hoch:** Datenbank einrichten und migrieren
2. **Mittel:** Anmeldung entwerfen
3. **Niedrig:** Farben wählen
"""


def test_numbered_entries_led_by_a_priority_label_beside_phase_headings_are_work() -> None:
    # ``1. **Hoch:** text`` (``**Alta:**``, ``**High:**``) under a heading of a plan of
    # status-bearing phase headings: the work put first now, each with its priority
    read = [
        (i.title, i.priority, i.status)
        for i in read_items(GERMAN_PHASE_PLAN_WITH_PRIORITIES)
        if not i.id.startswith("PHASE")
    ]
    assert read == [
        ("Datenbank einrichten und migrieren", "Hoch", None),
        ("Anmeldung entwerfen", "Mittel", None),
        ("Farben wählen", "Niedrig", None),
    ]
    assert finding_lines(GERMAN_PHASE_PLAN_WITH_PRIORITIES) == []


STACK_NOTES = """\
# Projektnotizen

### **PHASE 1: Grundlagen**
**Status:** 🔄 In Arbeit

## Technik

1. **Backend:** Django
2. **Frontend:** React
3. **Datenbank:** PostgreSQL
"""


def test_numbered_bold_labels_that_name_no_priority_are_notes() -> None:
    # the same numbered bold labels beside a phase heading, naming parts of the stack
    assert [i.id for i in read_items(STACK_NOTES)] == ["PHASE 1"]
    assert finding_lines(STACK_NOTES) == []


TRIAGE_GUIDE = """\
# Leitfaden zur Einstufung von Fehlern

## Stufen

1. **Hoch:** Absturz beim Start, Datenverlust
2. **Mittel:** Eine Funktion geht nicht, es gibt einen Umweg
3. **Niedrig:** Tippfehler, Farben
"""


def test_a_triage_guide_of_priority_labels_is_no_plan() -> None:
    # the same labels with no plan of heading items beside them: what each level means
    assert read_items(TRIAGE_GUIDE) == ()
    assert finding_lines(TRIAGE_GUIDE) == []


KOREAN_DESIGN_PLAN = """\
## 메모 앱 구현 계획

### 1. 목표
- 오프라인에서도 쓰는 메모 앱을 만든다.

### 2. 기술 스택
- Vite + React

### 5. 마일스톤 제안
1. W1: 프로젝트 골격과 저장소 래퍼 구현.
2. W2: 편집 화면과 검색 구현.
3. W3: 동기화와 배포 가이드 정리.
"""


def test_numbered_labelled_milestones_of_a_design_plan_are_its_items() -> None:
    # ``1. W1: text`` under a heading that names milestones, in a plan of prose sections
    # with no other items: each milestone by its label, with no status
    read = [(i.id, i.title, i.status) for i in read_items(KOREAN_DESIGN_PLAN)]
    assert read == [
        ("W1", "프로젝트 골격과 저장소 래퍼 구현", None),
        ("W2", "편집 화면과 검색 구현", None),
        ("W3", "동기화와 배포 가이드 정리", None),
    ]
    assert finding_lines(KOREAN_DESIGN_PLAN) == []


MILESTONE_RETROSPECTIVE = """\
## 회의록

### 마일스톤 회고
1. M1: 일정이 이틀 늦었다.
2. M2: 검색 품질이 좋았다.
3. M3: 배포가 순조로웠다.
"""


def test_a_retrospective_of_milestones_is_no_plan() -> None:
    # the same labelled numbered list under a heading that looks back on milestones
    assert read_items(MILESTONE_RETROSPECTIVE) == ()
    assert finding_lines(MILESTONE_RETROSPECTIVE) == []
