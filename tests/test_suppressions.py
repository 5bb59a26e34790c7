"""roadmaplint-disable comments, and RL901 for the ones that silence nothing."""

from __future__ import annotations

from conftest import brief, findings, item, roadmap

INVERTED = [
    item("MODEL-1", status="idea", priority="P2"),
    item("MODEL-2", status="idea", priority="P0", depends="MODEL-1"),
]


def test_comment_before_an_item_silences_that_item() -> None:
    items = [INVERTED[0], "<!-- roadmaplint-disable RL305 -->\n" + INVERTED[1]]
    text = roadmap(("Modeling", items))
    assert findings(text) == []


def test_comment_before_a_field_silences_only_that_field() -> None:
    noisy = item(
        "MODEL-2", status="idea", priority="P0", depends="MODEL-1", extra="- **Stauts:** x"
    )
    noisy = noisy.replace(
        "- **Depends on:**", "\n<!-- roadmaplint-disable priority-inversion -->\n- **Depends on:**"
    )
    text = roadmap(("Modeling", [INVERTED[0], noisy]))
    assert [finding.code for finding in findings(text)] == ["RL104"]


def test_file_wide_suppression_and_bare_disable() -> None:
    text = roadmap(("Modeling", INVERTED))
    text = "<!-- roadmaplint-disable-file RL305 -->\n" + text
    assert findings(text) == []
    bare = roadmap(("Modeling", [INVERTED[0], "<!-- roadmaplint-disable -->\n" + INVERTED[1]]))
    assert findings(bare) == []


def test_stale_suppressions_are_rl901() -> None:
    text = roadmap(
        (
            "Modeling",
            [
                "<!-- roadmaplint-disable RL305 RL999 -->\n" + item("MODEL-1"),
                "<!-- roadmaplint-disable -->\n" + item("MODEL-2"),
            ],
        )
    )
    assert brief(findings(text)) == [
        (21, 1, "RL901", "roadmaplint-disable RL305 silences nothing here; remove it"),
        (21, 1, "RL901", "roadmaplint-disable names an unknown rule RL999"),
        (32, 1, "RL901", "this roadmaplint-disable silences nothing"),
    ]


def test_suppression_of_an_unselected_rule_is_not_stale() -> None:
    text = roadmap(("Modeling", ["<!-- roadmaplint-disable RL305 -->\n" + item("MODEL-1")]))
    assert findings(text, "RL1", "RL901") == []


def test_a_suppression_covers_the_whole_item_span() -> None:
    text = roadmap(
        (
            "Modeling",
            [
                "<!-- roadmaplint-disable RL104 -->\n"
                + item("MODEL-1", extra="- **Stauts:** a\n- **Lead:** b")
            ],
        )
    )
    assert findings(text) == []
