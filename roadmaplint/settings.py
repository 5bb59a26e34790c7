"""The settings a run uses, with the defaults that fit the GoMLX-style format.

Status meanings live here, in one place: rules ask "is this status done?"
through ``Statuses``, never by comparing to the literal word, so a config can
map other legend values onto the five meanings.
"""

from __future__ import annotations

from itertools import pairwise

from roadmaplint.record import field, record

# An upper-case word with at least one digit, parts joined by - or _: MODEL-1, SSQ-001,
# ARK1, BB-BL1, ROAD-C01, API_V2-10; dotted parts of digits may follow (R2.3,
# TASK-88.02), and one lower-case letter after a number of one to four digits that
# follows a separator (TASK-302a, a task split in parts; not MP3s or A11y). Each step
# of a repeat takes one character (a dot starts a part and cannot end one), so it cannot
# backtrack; it starts only where a word starts, so a search is linear too.
DEFAULT_ID_PATTERN = (
    r"(?<![A-Za-z0-9_-])(?=[A-Z][A-Z0-9_-]*[0-9])[A-Z](?:[A-Z0-9]|[-_](?=[A-Z0-9]))*"
    r"(?:\.[0-9]+)*"
    r"(?:(?:(?<=[-_.][0-9])|(?<=[-_.][0-9]{2})|(?<=[-_.][0-9]{3})|(?<=[-_.][0-9]{4}))"
    r"[a-z](?![A-Za-z0-9]))?"
)


def describe_id_pattern(pattern: str) -> str:
    """The ID pattern as a message names it: the default in words, any other as written."""
    if pattern == DEFAULT_ID_PATTERN:
        return "the default id-pattern (an upper-case word with a digit: MODEL-1, SSQ-001, ARK1)"
    return f"id-pattern {pattern!r}"


KNOWN_FIELDS = (
    "DRI",
    "Status",
    "Priority",
    "Area",
    "Repo",
    "Depends on",
    "Links",
    "Description",
    "Definition of Done",
)

# Other names people give the known fields (any case); `[fields]` in the configuration adds more.
FIELD_ALIASES = (
    ("Owner", "DRI"),
    ("Assignee", "DRI"),
    ("Assigned to", "DRI"),
    ("Assigned", "DRI"),
    # an agent queue names the agent that takes the item (``- **Agent**: frontend``), as
    # its tables do in an Agent column (reader/shapes/table.py)
    ("Agent", "DRI"),
    # the kind of agent a queue's task is given to (``**Agent Type:** 🔧 3KPRO - Backend
    # Engineer``, then ``Copy this and give it to 3KPRO - Backend Engineer``)
    ("Agent Type", "DRI"),
    ("Dependencies", "Depends on"),
    ("Depends", "Depends on"),
    ("Deps", "Depends on"),  # an agent's task list: ``**Deps:** F-008, F-004``
    ("Blocked by", "Depends on"),
    ("Blocked-by", "Depends on"),  # a task tool's nested ``- Blocked-by: dlv5hgs (Title)``
    # what a blocked phase waits for, said as its own line: ``**BLOCKED on:** `decode```
    ("Blocked on", "Depends on"),
    ("Waiting on", "Depends on"),
    ("Waiting for", "Depends on"),
    ("Requires", "Depends on"),
    # a preference for the order, read as the order: ``**Best-after:** LOG-26``
    ("Best-after", "Depends on"),
    ("Best after", "Depends on"),
    ("State", "Status"),
    # the same fields in the other languages plans are written in (issue 20), as their
    # status words are read (``OTHER_LANGUAGE_STATUSES``): ``**Estado:** Hecho``,
    # ``| Durum | **Açık** |``, ``- **Responsável:** Ana``
    *(
        (name, "Status")
        for name in (
            "Estado",
            "Statut",
            "Durum",
            "Статус",
            "状态",
            "狀態",
            "状態",
            "ステータス",
            "상태",
        )
    ),
    *(
        (name, "Priority")
        for name in (
            "Prioridad",
            "Prioridade",
            "Priorité",
            "Priorität",
            "Öncelik",
            "Приоритет",
            "优先级",
            "優先級",
            "優先度",
            "우선순위",
        )
    ),
    *(
        (name, "DRI")
        for name in (
            "Responsable",
            "Responsável",
            "Asignado",  # ``**Asignado:** Jules``, the one a Spanish task is given to
            "Asignado a",
            "Atribuído a",
            "Zugewiesen",
            "Verantwortlich",
            "Sorumlu",
            "Sahip",
            "Ответственный",
            "负责人",
            "負責人",
            "担当",
            "担当者",
            "담당",
            "담당자",
        )
    ),
    *(
        (name, "Depends on")
        for name in (
            "Dependencias",
            "Dependências",
            "Dépendances",
            "Abhängigkeiten",
            "Bağımlılıklar",
            "Зависимости",
            "依赖",
            "依賴",
            "依存",
            "의존성",
        )
    ),
)


# The spellings people use for the five meanings (and for "closed", which is none of
# them), read in any case when a document has no Status Legend and the configuration
# maps no statuses: a plan written without roadmaplint still gets its workflow rules.
COMMON_STATUSES: dict[str, str] = {
    **dict.fromkeys(
        ("done", "complete", "completed", "shipped", "released", "✅", "finished"), "done"
    ),
    # a check mark alone in a Status cell, with its emoji selector or without (``| FS1 |
    # ... | ✔️ |`` under a legend ``✔️ : Effectué``): done, as ✅ is
    **dict.fromkeys(("✔", "✔\ufe0f", "☑", "☑\ufe0f"), "done"),
    # a milestone's: ``| M3 | Contract invariant | ... | REACHED |`` (a milestone ledger)
    **dict.fromkeys(("reached", "achieved"), "done"),
    # a step a reviewer passed: ``| M0-A | Preflight | PASS |`` (a project state's steps,
    # each PASS only once its evidence was reviewed)
    **dict.fromkeys(("pass", "passed"), "done"),
    **dict.fromkeys(
        (
            "in progress",
            "in-progress",
            "in_progress",
            "inprogress",  # written as one word, ``InProgress`` beside ``ToDo`` and ``Done``
            "wip",
            "doing",
            "active",
            "started",
            "ongoing",
            # part of the work done (``DONE · PARTIAL · OPEN`` in a queue's legend)
            "partial",
            "partially done",
            "partially complete",
            # an agent board's task that an agent holds (``[CLAIMED by @id]``), or one a
            # queue gave an agent (``status: ASSIGNED`` over ``claimed by planet-plot-f2``)
            "claimed",
            "assigned",
            # an agent queue's task an agent is running now (``| A1 | ... | **running** |``
            # beside ``todo`` and ``done`` in its legend)
            "running",
            # the phase a plan says it stands in: ``Status: current phase``
            "current phase",
            # a feature in its design stage (``| Parser Library | On Design | September |``
            # beside ``In Progress``, a workflow's ``Backlog, Design, In Progress``): begun
            "in design",
            "on design",
        ),
        "in_progress",
    ),
    # ``new``: the first state of a queue's workflow (``Initial status for all items: New``)
    # ``drafted``: a story written up, its work not started (an epic's ``**Status:** Drafted``)
    # ``available``: free for an agent to claim (an agent board's ``[AVAILABLE]``)
    **dict.fromkeys(
        (
            "todo",
            "to do",
            "open",
            "planned",
            "ready",
            "not started",
            "new",
            "drafted",
            "available",
            # an agent queue's task no agent holds yet (``Status: unclaimed``)
            "unclaimed",
            # a status report's work not yet built (``### 🚧 Needs Implementation:``)
            "needs implementation",
            # a work queue's column of what waits its turn (``## queued``)
            "queued",
            # work not yet begun (``| 3. Name | 0/2 | Pending |``, ``## Pending Tasks``): it
            # says only that the work has not started, as ``todo`` does, so a pending phase
            # over an open one contradicts nothing (``Statuses.says_not_started``)
            "pending",
            # a board's column of work accepted and waiting (``## Backlog`` beside ``## WIP``,
            # ``Status: Backlog``): not started, as ``todo`` is, and taken up next
            "backlog",
        ),
        "ready",
    ),
    # the marks plans written with emoji use alone, where a word would be (``A1 ⬜ — Title``)
    **dict.fromkeys(("⬜", "🔲", "☐"), "ready"),
    # an hourglass alone in a Status cell (``| 05 | Infrastructure | ⏳ |`` beside ``✅``
    # and ``🟡 In Progress``): the work waits its turn, not yet begun
    **dict.fromkeys(("⏳", "⏳\ufe0f"), "ready"),
    **dict.fromkeys(("🔄", "🚧"), "in_progress"),
    **dict.fromkeys(("blocked", "waiting"), "blocked"),
    # ``proposed``: work suggested and not yet accepted (a board's ``## Proposed`` column)
    # ``paused``: work stopped and set aside, as a milestone's phases are (``| Paused |``)
    # ``unapproved``: created and awaiting a person's approval (a bean index's status key)
    # ``needs scoping``, ``to scope``: work named and not yet shaped (``**Status:** Needs
    # scoping & decision``, a backlog's ``## To Scope`` section)
    # ``under consideration``: a generated roadmap's legend says so of its ``💡`` items
    **dict.fromkeys(
        (
            "deferred",
            "parked",
            "paused",
            "someday",
            "idea",
            "proposed",
            "unapproved",
            "needs scoping",
            "to scope",
            # a Backlog.md workflow's first column (``statuses: ["Needs Triage", "Ready for
            # Agent", ...]``): a task filed and not yet accepted as work to take
            "needs triage",
            "under consideration",
            # a list's legend of marks: ``? decision needed`` (not yet decided to do)
            "decision needed",
            # a roadmap per version's ``# Undetermined``: wanted, no version decided for it
            "undetermined",
        ),
        "idea",
    ),
    # ``removed``: a feature taken out of the plan (``| **Status** | 🗑️ Removed |``)
    # ``abandoned``: work given up and struck through (``**Status**: ABANDONED - ...``)
    # ``descoped``: taken out of a spec's scope (``**`ca_provider` — DESCOPED**``)
    # ``scratched``: work cut from the plan (a game jam's ``Scratched from the jam content:``)
    **dict.fromkeys(
        (
            *("cancelled", "canceled", "dropped", "removed", "abandoned", "scratched"),
            *("won't do", "wontfix", "descoped", "de-scoped"),
            # a roadmap per version's ``# Not in plan``: named, and said it will not be done
            "not in plan",
        ),
        "closed",
    ),
    # an RFC list's stages: ``## Agreed RFCs`` (accepted, not yet built), ``## Implemented
    # RFCs``, ``## Rejected RFCs``
    "agreed": "ready",
    "implemented": "done",
    "rejected": "closed",
    # a ticket's or a pull request's workflow: ``closed`` after review and ``merged`` are
    # the work done (``closed 2026-08-15 (merged)``); ``changes_requested`` is work back
    # with its author; ``superseded`` and ``duplicate`` will never be done as written
    **dict.fromkeys(("closed", "merged"), "done"),
    **dict.fromkeys(("changes_requested", "changes requested"), "in_progress"),
    **dict.fromkeys(("superseded", "duplicate"), "closed"),
    # the words a ticket tracker's workflow writes, as the corpus's measure counts them: a
    # product backlog's ``RESOLVED`` and ``WORKING`` beside ``OPEN``, a card ``archived``
    # (``fixed`` only as an item's status, ``_STATUS_ONLY``: a changelog's ``## Fixed``
    # section lists no work to do)
    "resolved": "done",
    # a note's request struck through and ``**Addressed**`` after it (a backlog of notes)
    "addressed": "done",
    "working": "in_progress",
    "archived": "closed",
}

# The same meanings in the other languages plans are written in (issue 20): the status
# words of each, as a plan's sections, fields and cells write them, read like the English
# ones (``## 🔄 Em Andamento``, ``**Durum:** Tamamlandı``, ``| Erledigt |``). Only words
# that name a state and nothing else: ``futuro`` or ``next`` alone name a time.
OTHER_LANGUAGE_STATUSES: dict[str, dict[str, tuple[str, ...]]] = {
    "Spanish": {
        "done": (
            "hecho",
            "hecha",
            "completado",
            "completada",
            "completados",  # ``## ✅ Completadas Recientemente``: the finished ones
            "completadas",
            "terminado",
            "terminada",
            "finalizado",
            "finalizada",
        ),
        "in_progress": (
            "en progreso",
            "en curso",
            "en desarrollo",
            "en proceso",
            "en marcha",
            "fase actual",  # ``Estado: fase actual.``: the phase the plan stands in
        ),
        "ready": (
            "pendiente",
            "por hacer",
            "planeado",
            "planificado",
            "planificada",
            "sin empezar",
            "sin iniciar",
        ),
        "blocked": ("bloqueado", "bloqueada", "en espera"),
        "idea": ("pospuesto", "aplazado"),
        "closed": ("cancelado", "cancelada", "descartado", "descartada"),
    },
    "Portuguese": {
        "done": ("concluído", "concluída", "concluido", "concluida", "feito", "finalizado"),
        "in_progress": (
            "em andamento",
            "em_andamento",  # the same as a code's name: ``status: em_andamento``
            "em progresso",
            "em desenvolvimento",
            "em execução",
            "fase atual",
        ),
        "ready": ("pendente", "planejado", "planejada", "a fazer", "não iniciado", "por fazer"),
        "blocked": ("bloqueado", "bloqueada"),
        "idea": ("adiado", "adiada"),
        "closed": ("cancelado", "cancelada", "descartado", "descartada"),
    },
    "French": {
        "done": (
            "terminé",
            "terminée",
            "terminés",
            "terminées",
            "fait",
            "achevé",
            "achevée",
            "complété",
            "complétée",
            "réalisé",
            "réalisée",
        ),
        # part of it built: ``⚠️ PARTIELLEMENT IMPLÉMENTÉ`` beside ``✅ IMPLÉMENTÉ``
        "in_progress": ("en cours", "partiellement implémenté", "partiellement implémentée"),
        "ready": ("à faire", "a faire", "prévu", "prévue", "planifié", "planifiée", "non démarré"),
        "blocked": ("bloqué", "bloquée", "en attente"),
        "idea": ("reporté", "reportée"),
        "closed": ("annulé", "annulée", "abandonné"),
    },
    "German": {
        "done": ("erledigt", "fertig", "abgeschlossen"),
        "in_progress": ("in arbeit", "in bearbeitung", "in umsetzung"),
        "ready": ("offen", "geplant", "ausstehend", "nicht begonnen"),
        "blocked": ("blockiert",),
        "idea": ("zurückgestellt", "verschoben"),
        "closed": ("abgebrochen", "verworfen"),
    },
    # ``### OBS-001 · 2026-05-27 · lähde · AVOIN``: an observation backlog's lifecycle
    # ``AVOIN`` (open) → ``PRIORISOITU`` (prioritised into a handoff) → ``KÄSITELTY``
    "Finnish": {
        "done": ("valmis", "tehty", "korjattu", "suljettu", "käsitelty", "toteutettu", "ratkaistu"),
        "in_progress": (
            "kesken",
            "käynnissä",
            "työn alla",
            "osittain ratkaistu",
            "osittain valmis",
        ),
        "ready": ("avoin", "priorisoitu", "suunniteltu", "aloittamatta"),
        "blocked": ("estetty",),
        "idea": ("lykätty",),
        "closed": ("peruttu", "hylätty"),
    },
    "Italian": {
        "done": (
            "completato",
            "completata",
            "completati",
            "completate",  # ``### ✅ Funzionalità Completate``: the features finished
            "terminato",
            "terminata",
            "concluso",
            "conclusa",
            "fatto",
        ),
        "in_progress": ("in corso", "in lavorazione", "in sviluppo"),
        "ready": ("da fare", "pianificato", "pianificata", "non iniziato", "previsto"),
        "blocked": ("bloccato", "bloccata", "in attesa"),
        "idea": ("rimandato", "posticipato"),
        "closed": ("annullato", "annullata", "scartato", "scartata"),
    },
    "Turkish": {
        "done": ("tamamlandı", "tamamlanan", "bitti", "yapıldı"),
        "in_progress": ("devam ediyor", "devam eden", "sürüyor"),
        "ready": ("açık", "planlandı", "planlanan", "sırada", "yapılacak"),
        "blocked": ("engellendi",),
        "closed": ("iptal", "iptal edildi"),
    },
    "Russian": {
        "done": ("готово", "выполнено", "завершено", "сделано"),
        "in_progress": ("в работе", "в процессе"),
        "ready": ("запланировано", "не начато"),
        "blocked": ("заблокировано",),
        # ``Статус: предложено.`` (proposed, not yet accepted), ``## Backlog — отложенное``
        # (deferred): as ``proposed`` and ``deferred`` are
        "idea": ("предложено", "отложено", "отложенное", "отложенные"),
        # ``## Отклонено при интервью``: rejected, as an RFC's ``Rejected`` is
        # ``Закрыто дешевле:`` (closed more cheaply) of a deferred idea: closed, not built
        "closed": ("отменено", "отклонено", "закрыто"),
    },
    "Chinese": {
        "done": ("已完成", "完成"),
        "in_progress": ("进行中", "進行中"),
        "ready": ("计划中", "計劃中", "规划中", "規劃中", "待办", "待辦", "未开始", "未開始"),
        "blocked": ("阻塞",),
        "closed": ("已取消",),
    },
    "Japanese": {
        "done": ("完了", "対応済み"),
        # ``現在地`` (where we are now) marks the phase the work has reached
        "in_progress": ("進行中", "対応中", "作業中", "現在地"),
        "ready": ("未着手", "未対応"),
        "idea": ("保留",),
        # ``取り下げ`` (withdrawn): an entry given up, with the decision that gave it up
        "closed": ("中止", "取り下げ"),
    },
}
for _meanings in OTHER_LANGUAGE_STATUSES.values():
    for _meaning, _words in _meanings.items():
        for _word in _words:
            COMMON_STATUSES.setdefault(_word, _meaning)
            # ``TAMAMLANDI`` folds to ``tamamlandi``: the dotless ı has no case pair of its own
            COMMON_STATUSES.setdefault(_word.replace("ı", "i"), _meaning)

# What a status word written without spaces may run on into in Chinese and Japanese:
# ``進行中のタスク`` (the tasks in progress), ``已完成的任务``. An explicit list, for
# ``完了条件`` (the conditions of done) names no status.
_RUN_ON = (
    "",
    "のタスク",
    "したタスク",
    "タスク",
    "の項目",
    "項目",
    "的任务",
    "的任務",
    "任务",
    "任務",
)


def fold_status(text: str) -> str:
    """``text`` folded for a status lookup: ``İPTAL`` reads ``iptal`` (casefold leaves a
    combining dot after the ``i`` of the dotted capital)."""
    return text.casefold().replace("\u0307", "")


def run_on_status(word: str) -> str | None:
    """The status word a Chinese or Japanese heading word opens with, where the rest
    only names what the section holds (``進行中のタスク`` -> ``進行中``)."""
    if word.isascii():
        return None
    for length in range(min(len(word), 4), 1, -1):
        if COMMON_STATUSES.get(word[:length]) is not None and word[length:] in _RUN_ON:
            return word[:length]
    return None


_STATUS_EDGE = " \t*_`~.,;:!()[]-–—"
_BOXES = {
    "[_]": "ready",
    "[]": "ready",
    "[x]": "done",
    "[X]": "done",
    # the markers task-list tools agree on, read where no legend explains them; `[?]`
    # (a question) is read as written, with no meaning a rule would act on
    "[/]": "in_progress",
    "[~]": "in_progress",
    "[-]": "closed",
    "[>]": "idea",
}


def common_meaning(status: str | None) -> str | None:
    """The meaning of a status in a common spelling, or None: the whole value, else its
    first two words, else its first word (``DEFERRED (lower priority)`` is deferred); a
    mark before the words is not one of them (``📋 Planned`` is planned)."""
    if not status:
        return None
    box = _BOXES.get(status.strip().replace("[ ]", "[_]"))
    if box is not None:
        return box  # a box written as the status, in a table cell: ``[ ]``, ``[x]``
    words = fold_status(status).replace("’", "'").split()
    first = 0  # past a coloured mark before the word: ``🔄 In Progress``
    while first < len(words) - 1 and words[first] not in COMMON_STATUSES:
        if not _is_mark(words[first]):
            break
        first += 1
    words = words[first:]  # one copy: a copy per mark was quadratic on a run of marks
    if len(words) > 1 and _is_mark(words[0]):
        # a mark that is a status alone gives way to the word after it: ``✅ Ready`` is
        # ready (a board's check that the task may start), ``✅ 2026-04-01`` is done;
        # past every mark at once, so that a run of marks is one look, not one each
        after = 1
        while after < len(words) - 1 and _is_mark(words[after]):
            after += 1
        found = common_meaning(" ".join(words[after:])) if not _is_mark(words[after]) else None
        if words[after:] == ["working"] and words[0].rstrip("\ufe0f") in _CHECKS:
            # ``✅ Working`` in a status report: the check says the thing works, done (a
            # backlog's ``WORKING`` alone is work under way)
            return "done"
        if found is not None:
            return found
    # ``shipped (1.6 open)``: done but for the part its remark names still open
    done_word = len(words) > 1 and COMMON_STATUSES.get(words[0].strip(_STATUS_EDGE)) == "done"
    if done_word and _part_left_open(words[1:]):
        return "in_progress"
    for count in (len(words), 2, 1):
        key = " ".join(words[:count]).strip(_STATUS_EDGE)
        if count < len(words) and key in _STATUS_ALONE:
            continue
        found = COMMON_STATUSES.get(key)
        if found is not None:
            return found
    return None


# What a remark in brackets says is still to do of a part it numbers: ``(1.6 open)``.
_OPEN_PART = frozenset(("open", "remaining", "pending", "outstanding", "left"))


def _part_left_open(words: list[str]) -> bool:
    """Whether ``words`` are a remark in brackets that names a part by its number and
    says it is still open (``(1.6 open)``, ``(2 remaining)``, ``(#125 pending)``); a
    remark of words alone (``(open source)``, ``(nothing left)``) names no part."""
    if len(words) != 2 or words[0][:1] != "(" or words[1][-1:] != ")":
        return False
    part, said = words[0][1:], words[1][:-1]
    return any(char.isdigit() for char in part) and said in _OPEN_PART


# The marks that check a thing off.
_CHECKS = ("✅", "✔", "☑")

# Statuses only as the whole value: an agent queue's ``running``; before a note (``Running
# at 3am daily``) the word tells how a job runs, no state of the work.
# So too an hourglass: alone it says the work waits its turn, before a word (``⏳ Future``,
# ``⏳ In Progress``) it is the word's mark.
_STATUS_ALONE = frozenset(("running", "⏳", "⏳\ufe0f"))


def status_meaning(status: str | None) -> str | None:
    """The meaning of an item's status in a common spelling (``common_meaning``), or of a
    free-text status by its note (``Functional ✅, polish deferred`` is deferred). Only a
    status is read so: a heading's words (``v1.1 Redesign — shipped``) are no note."""
    before = _before_nothing_built(status) if status else None
    if before is not None:
        # what the status says before the note holds, if it says the work is dropped,
        # put off or stopped: ``Cancelled - no implementation`` is no work to take
        said = common_meaning(before)
        return said if said in _NOT_TO_TAKE else "ready"
    found = common_meaning(status)
    if found is not None or not status or not status.strip():
        return found
    shared = _share_done(status)
    if shared is not None:
        return shared
    if "_" in status and not any(char.isspace() for char in status.strip()):
        # a legend's meaning made a word of the mark's status: ``partly_done`` for `[~]`
        # "partly done" reads as its words do
        return status_meaning(status.replace("_", " "))
    if _past_horizon(status):
        return "idea"
    only = _STATUS_ONLY.get(status.strip(_STATUS_EDGE + " ").casefold())
    if only is not None:
        return only
    lead = status.split(maxsplit=1)[0].strip(_STATUS_EDGE).casefold()
    if lead in _STATUS_ONLY_LEADING:
        return _STATUS_ONLY_LEADING[lead]  # ``Planlama — Faz 0 başlangıç``
    words = status.casefold().replace("’", "'").split()
    first = 0  # past the marks before the words, sliced once: a slice per mark is quadratic
    while first < len(words) - 1 and _is_mark(words[first]):
        first += 1
    if words[first:] and len(words) - first == 1 and words[first].strip(_STATUS_EDGE) == "next":
        # ``⏳ Next`` as a status alone: the work next in line, not yet begun (``Next
        # release`` or ``Next: validate ...`` is a note, no state)
        return "ready"
    return _meaning_of_note(words[first:])


def _share_done(status: str) -> str | None:
    """The meaning of a status that is the share of the work done alone (``50%`` of a
    roadmap's ``- GPX loading [**50%**]``): all of it done, none of it not begun, any
    other share under way."""
    text = status.strip()
    if not text.endswith("%") or not text[:-1].isdigit() or int(text[:-1]) > 100:
        return None
    share = int(text[:-1])
    return "done" if share == 100 else "ready" if share == 0 else "in_progress"


# Words that are a status only as an item's own, whole: ``**Status:** Fixed`` is a bug
# fixed, done, where a changelog's ``## Fixed`` section holds no work; ``Status: Roadmap``
# is work put on the roadmap for later, where a ``## Roadmap`` heading names the document.
# So ``Current``, a phase's own aside (``- **Phase I: Rigor** — ... (Current)``): the phase
# under way, where ``## Current Initiatives`` names a part of the page.
_STATUS_ONLY = {"fixed": "done", "roadmap": "idea", "current": "in_progress"}
# Words that are a status as an item's own, alone or before a note, and never a section's
# name: ``**Durum:** Planlama — Faz 0 başlangıç`` (planning, phase 0 starting) is work
# being planned, not yet begun, where a ``## Planning`` heading names a part of a page.
# ``Testing (NaN and RM)`` and ``Begun mapping to MXCSR`` in a status table's cell are work
# under way (being tested, begun), where a ``## Testing`` heading names a part of the work.
_STATUS_ONLY_LEADING = {
    "planning": "ready",
    "planlama": "ready",
    "testing": "in_progress",
    "begun": "in_progress",
}


# An item's status that puts it past the plan's horizon, alone or before a note: ``Later;
# before public launch``, ``Future``. Only as a status: a ``## Later`` heading is a
# board's column, read as one only on a board of horizons (shapes/common.BOARD_WORDS).
_HORIZON_WORDS = ("later", "future", "long-term")
# What a plan keeps past its horizon, named after the horizon word: ``Long-term Goals``,
# ``Future ideas`` (a group's label, as a status alone, not a sentence about the future).
_HORIZON_KEPT = ("goals", "ideas", "plans", "vision")


def _past_horizon(status: str) -> bool:
    text = status.strip().casefold()
    words = text.split()
    first = 0  # past the marks before the word (``⏳ Future``), the words split once
    while first < len(words) - 1 and _is_mark(words[first]):
        first += 1
    if first:
        text = " ".join(words[first:])
    for word in _HORIZON_WORDS:
        if text.startswith(word):
            rest = text[len(word) :].lstrip(" \t")
            if rest.strip(_STATUS_EDGE + " ") in _HORIZON_KEPT:
                return True
            return not rest or rest[0] in ";,(" or rest[:2] in ("- ", "— ", "– ")
    return False


# Words before a done word that say part of the work is left: ``Mostly complete``; a
# first version out and more to come, ``base shipped 2026-07-13``.
_PART_DONE = frozenset(("mostly", "almost", "nearly", "partly", "largely", "base"))


def _meaning_of_note(words: list[str]) -> str | None:
    """The meaning of a free-text status whose first words carry none: ``Mostly complete,
    needs validation`` is under way; else its last clause says it, by its last word or
    mark, a remark in brackets left out (``Functional ✅, polish deferred`` is deferred,
    ``Backend done, UI partial (a card exists)`` partial, ``Functional ✅`` done)."""
    part_done = len(words) > 1 and words[0] in _PART_DONE
    if part_done and COMMON_STATUSES.get(words[1].strip(_STATUS_EDGE)) == "done":
        return "in_progress"
    if len(words) < 2 or len(words) > 30:
        return None  # one word, known or not; or a paragraph, no status
    if _work_begun(words):
        return "in_progress"
    text = _without_remarks(" ".join(words))
    clauses = text.replace(";", ",").split(",")
    clause = clauses[-1].split()
    # ``Spec 058 implemented on PR #56; browser evidence outstanding``: done but for what
    # the last clause names as still to come, so under way; so too what exists but needs
    # more (``BACKEND FOUNDATION EXISTS, NEEDS PWA INTEGRATION``)
    left_over = bool(clause) and (
        clause[-1].strip(_STATUS_EDGE) in _LEFT_OVER or clause[0] in _STILL_NEEDS
    )
    if len(clauses) > 1 and left_over and _done_before(clauses, _THERE):
        return "in_progress"
    # ``Backend done, no UI``, ``Architecture designed, tool not yet implemented``,
    # ``Prompts functional, not yet refined``: a part there, another still to come
    if len(clauses) > 1 and _still_missing(clause) and _done_before(clauses, _PART_THERE):
        return "in_progress"
    for count in (2, 1):
        if len(clause) > count and clause[-count - 1] in _NEGATIONS:
            return None  # ``tool not yet implemented``: what is not so
        if len(clause) >= count:
            found = COMMON_STATUSES.get(" ".join(clause[-count:]).strip(_STATUS_EDGE))
            if found is not None:
                return found
    return None


# The first word of a status that names the stage it has reached (``Exploratory stage``)
# where the work is not begun: an idea's or a plan's stage, or the next one.
_UNBEGUN_STAGES = frozenset(("idea", "concept", "proposal", "planning", "next", "no"))
# Words within a status that say a part is done and the rest not (``RV64IMAFD Mostly
# complete``); ``base`` only leads (``base shipped``), inside a word list it names a part.
_PART_DONE_WITHIN = frozenset(("mostly", "almost", "nearly", "partly", "largely"))


def _work_begun(words: list[str]) -> bool:
    """Whether a free note in a status cell says by its words that the work is begun and
    not finished: the stage it has reached (``Exploratory stage``, ``Early stage``), a
    part-done word before a done one after the part's name (``RV64IMAFD Mostly complete
    (in assembler branch)``), more of what is there still to add (``Implement more
    syscalls``) or what it needs next (``Needs register allocator``)."""
    plain = [word.strip(_STATUS_EDGE) for word in words]
    if len(plain) == 2 and plain[1] == "stage" and plain[0] not in _UNBEGUN_STAGES:
        return plain[0].replace("-", "").isalpha()
    if any(a in _PART_DONE_WITHIN and COMMON_STATUSES.get(b) == "done" for a, b in pairwise(plain)):
        return True
    one_clause = not any(mark in word for word in words for mark in ",;")
    if not one_clause or len(plain) > 6:
        return False
    if len(plain) >= 3 and plain[1] == "more" and plain[0] not in _NEGATIONS:
        return plain[0].isalpha()  # ``Implement more syscalls``, ``Add more examples``
    return plain[0] in _STILL_NEEDS and plain[1] not in _NEGATIONS and plain[1] != "to"


def _done_before(clauses: list[str], there: frozenset[str]) -> bool:
    """Whether a clause before a status's last says a part of the work is done: a word of
    done (``Backend done``) or one of ``there`` (``USER ROLES EXIST``)."""
    return any(
        word in there or COMMON_STATUSES.get(word) == "done"
        for clause in clauses[:-1]
        for word in (part.strip(_STATUS_EDGE) for part in clause.split())
    )


def _still_missing(clause: list[str]) -> bool:
    """Whether a status's last clause says a part of the work is still to come: ``not
    yet`` before what is not done (``tool not yet implemented``), or ``no`` and the one
    part missing (``no UI``) that is no trouble the work is free of (``no issues``)."""
    words = [word.strip(_STATUS_EDGE) for word in clause]
    if any(a == "not" and b == "yet" for a, b in pairwise(words)):
        return True
    if len(words) >= 3 and words[-2] == "not" and words[-1] in ("started", "begun"):
        return True  # ``RV64IM complete, FD not started``: a named part not begun
    return len(words) == 2 and words[0] == "no" and words[1] not in _TROUBLES


# What a finished work is said to be free of: ``Done, no issues``.
_TROUBLES = frozenset(
    ("issues", "issue", "problems", "bugs", "errors", "blockers", "regressions", "changes")
)
# A clause's word that says a part of the work is there, before one still to come:
# ``Architecture designed``, ``Prompts functional``, ``user roles exist``.
_PART_THERE = frozenset(("exist", "exists", "designed", "functional"))


def _without_remarks(text: str) -> str:
    """``text`` without its remarks in brackets, each from an opening bracket to the first
    closing one after it (``UI partial (a card exists)`` is ``UI partial ``), in one pass:
    cut one at a time, a word of many brackets was quadratic."""
    kept: list[str] = []
    at = 0
    while (opening := text.find("(", at)) >= 0 and (closing := text.find(")", opening)) >= 0:
        kept.append(text[at:opening])
        at = closing + 1
    kept.append(text[at:])
    return "".join(kept)


# The last word of a clause that names work still to come after a done one.
# ``Backend implemented, frontend integration pending``: done but for what is pending.
_LEFT_OVER = frozenset(("outstanding", "remaining", "pending"))
_NEGATIONS = frozenset(("not", "yet", "no", "never", "nothing", "isn't", "wasn't"))
# A clause that says part of the work is there (``USER ROLES EXIST``), and the first word
# of one after it that names what is still to do (``NEEDS FULL IMPLEMENTATION``).
_THERE = frozenset(("exist", "exists"))
# The meanings a status before ``no implementation`` keeps: work dropped, put off, stopped.
_NOT_TO_TAKE = frozenset(("closed", "idea", "blocked"))
_STILL_NEEDS = frozenset(("needs", "need"))


def _before_nothing_built(status: str) -> str | None:
    """What a free-text status says before a last part that says none of the work is
    built (``STORY WRITTEN - NO IMPLEMENTATION``, ``PARTIAL UI - NO BACKEND
    IMPLEMENTATION``: work not begun, whatever the parts before it say was drafted), or
    None where its last part says no such thing. String work, no pattern: one pass over
    the status."""
    text = status.casefold()
    for mark in (";", " - ", " – ", " — "):
        text = text.replace(mark, ",")
    parts = text.rsplit(",", 1)
    if len(parts) < 2:
        return None
    words = parts[1].strip(" .").split()
    if 2 <= len(words) <= 3 and words[0] == "no" and words[-1] == "implementation":
        return parts[0]
    return None


def spelled_ready(status: str) -> bool:
    """Whether a status of the ready meaning says "ready" itself (``Ready``, ``**READY**``,
    ``🟢 Ready``, ``[Ready]``) or that the task is free to take (``Available``), rather
    than only that the work has not started (``todo``, ``pending``, ``open``)."""
    words = status.casefold().split()
    first = 0  # past the marks before the words: ``🆕 Ready``
    while first < len(words) - 1 and _is_mark(words[first]):
        first += 1
    word = words[first].strip("*_`[]()") if words else ""
    return word.startswith("ready") or word == "available"


def _is_mark(word: str) -> bool:
    """Whether ``word`` is only a mark (an emoji or symbol), no letter or digit."""
    return not any(char.isalnum() for char in word)


@record
class Statuses:
    """Which legend values carry each meaning the rules care about.

    ``common``: also read the common spellings (``COMMON_STATUSES``), for a document
    with no Status Legend whose configuration maps no statuses.
    """

    done: tuple[str, ...] = ("done",)
    ready: tuple[str, ...] = ("ready",)
    in_progress: tuple[str, ...] = ("in_progress",)
    blocked: tuple[str, ...] = ("blocked",)
    idea: tuple[str, ...] = ("idea",)
    # Ready statuses that say only that the work has not started (Backlog.md's To Do):
    # `next` offers them as any ready one, but they claim no item is free to start, so
    # RL306 does not read an open dependency under one as a contradiction.
    queued: tuple[str, ...] = ()
    # Statuses of work that will never be done (Backlog.md's archived tasks); the common
    # spellings (cancelled, dropped, won't do, a `[-]` box) are read so under any legend.
    closed: tuple[str, ...] = ()
    common: bool = False

    def _means(self, status: str | None, values: tuple[str, ...], meaning: str) -> bool:
        if status in values:
            return True
        # a value the settings give a meaning is read by it, not by its common spelling
        # (a workflow legend's ``✅ TESTED`` is under way, though ``✅`` alone is done)
        return self.common and status_meaning(status) == meaning and not self._named(status)

    def _named(self, status: str | None) -> bool:
        return any(
            status in values
            for values in (self.done, self.ready, self.in_progress, self.blocked, self.idea)
        )

    def is_done(self, status: str | None) -> bool:
        return self._means(status, self.done, "done")

    def is_ready(self, status: str | None) -> bool:
        return status in self.queued or self._means(status, self.ready, "ready")

    def is_queued(self, status: str | None) -> bool:
        return status in self.queued

    def says_not_started(self, status: str | None) -> bool:
        """Whether ``status`` only says the work has not started: a queued status, or in a
        document read by the common spellings one that means ready without saying it
        (``todo``, ``not started``, ``open``). Unlike ``ready`` it claims no item is free
        to start, so a task of such a status over a dependency of one contradicts nothing."""
        if self.is_queued(status):
            return True
        if not self.common or status is None or status_meaning(status) != "ready":
            return False
        return not spelled_ready(status)

    def is_in_progress(self, status: str | None) -> bool:
        return self._means(status, self.in_progress, "in_progress")

    def is_blocked(self, status: str | None) -> bool:
        return self._means(status, self.blocked, "blocked")

    def is_idea(self, status: str | None) -> bool:
        return self._means(status, self.idea, "idea")

    def is_closed(self, status: str | None) -> bool:
        """Whether ``status`` says the work will never be done: a closed status, or a
        cancelled one in a common spelling that the settings give no other meaning."""
        if status is None or status in self.closed:
            return status is not None
        # each group looked in, not one tuple of them all built for every dependency
        for other in (self.done, self.ready, self.queued, self.in_progress, self.blocked):
            if status in other:
                return False
        return status not in self.idea and status_meaning(status) == "closed"


# The words an owner field writes for nobody, unless the configuration's no-dri says others.
NO_DRI = ("unassigned", "none", "nobody", "tbd", "n/a", "-", "–", "—", "?")


@record
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    strict: bool = False
    required_fields: tuple[str, ...] = ("DRI", "Status", "Priority")
    id_pattern: str = DEFAULT_ID_PATTERN
    overview_heading: str = "Priority Overview"
    graph_heading: str = "Dependency Graph"
    template_dir: str | None = None
    statuses: Statuses = field(default_factory=Statuses)
    no_dri: tuple[str, ...] = NO_DRI
    item_heading_level: int | None = None  # None: found from the document (2, 3 or 4)
    field_aliases: tuple[tuple[str, str], ...] = ()  # `[fields]`: (name, known field)
    extra_fields: tuple[str, ...] = ()  # known names that carry no meaning
    status_values: tuple[str, ...] = ()  # the vocabulary when the document has no legend
    priority_values: tuple[str, ...] = ()
    stale_after_days: int | None = None  # RL505: in progress longer than this (by git)
    # Which files a run with no path (or a folder) reads: globs relative to that folder.
    include: tuple[str, ...] = ("**/ROADMAP.md",)
    exclude: tuple[str, ...] = ()
    shape: str | None = None  # None: every shape is detected per document; else only this one
    # The folder another roadmap a ``path#ID`` names must lie in to be read; None: any.
    # The MCP server serves one folder, and an agent must not read the machine's other
    # files through a roadmap's dependency on them.
    read_within: str | None = None
    # The keys the configuration file set: what it asks for, against what a document
    # without configuration is read with (see reader/quiet.py).
    configured: frozenset[str] = frozenset()

    def is_unassigned(self, dri: str | None) -> bool:
        """Whether a DRI value (its plain text) names nobody: absent, empty or a no-dri word."""
        value = (dri or "").strip().casefold()
        return not value or value in {word.casefold() for word in self.no_dri}
