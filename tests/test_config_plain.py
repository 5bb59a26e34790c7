"""Settings written plainly are read without tomllib, into exactly what tomllib reads
(PERF-19); anything else is left to tomllib."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from roadmaplint.config.plain import plain_document, plain_pyproject

REPOSITORY = Path(__file__).resolve().parent.parent

# lines of a settings table: plain ones, and ones only tomllib reads or refuses
OUR_LINES = [
    "strict = true",
    "strict = false # a comment",
    "select = [\"RL1\", 'RL2',]",
    "ignore = [ ]",
    "n = -0",
    "m = +12\t# tab before the comment",
    's = ""',
    "t = 'C:\\dir\\[x]'",
    'k = "tab\there"',
    'statuses = { done = ["done", "shipped"], in-progress = "doing" }',
    "fields = {}",
    'fields = { Lead = "DRI", Needs = "Depends on" }',
    "nested = [[], ['a'], {a = 1}]",
    "# a comment line",
    "",
    "  \t",
    'id-pattern = "[A-Z]+-[0-9]+"',
    "x = 1979-05-27",
    "f = 1.5",
    "e = 1e3",
    "i = inf",
    "u = 1_000",
    "h = 0x10",
    "w = 01",
    'm2 = """ab"""',
    "q = '''x'''",
    '"quoted" = 1',
    "d.e = 1",
    'esc = "a\\nb"',
    "strict = ",
    "a = [1,,]",
    "b = {a=1,}",
    "b2 = {a=1 b=2}",
    'z = "unterminated',
    "v = truex",
    "k2 = 1 2",
    'c = "\x01"',
    "# a control \x01 in a comment",
    "ml = [\n  'a',\n]",
    "ml2 = '''\n[tool.black]\n'''",
    "[tool.roadmaplint.statuses]\ndone = ['x']",
    "[[tool.roadmaplint.more]]",
]
# other tools' tables, each valid alone and with the others
OTHER_BLOCKS = [
    '[project]\nname = "roadmaplint"\ndependencies = [\n  "roadmaplint>=1",\n]',
    "[tool.black]\nline-length = 88",
    "[tool]\nroadmaplint = 3",
    "[tool]\nroadmaplint.strict = false",
    'tool.roadmaplint.strict = false\nroot-name = "root"',
    'description = """\n[tool.roadmaplint]\nstrict = false\n"""',
    '[tool.docs]\ntext = """\n[tool.roadmaplint]\n"""',
    '[tool.setuptools.package-data]\nroadmaplint = ["py.typed"]',
    "[tool.grid]\ncells = [\n  ['roadmaplint'],\n  [1],\n]",
    "[[tool.many]]\nx = 1",
    "[tool.ruff]\n  [tool.ruff.lint]\n  select = ['E']",
    "[tool.roadmaplint.statuses]\ndone = ['shipped']",
]


@st.composite
def pyprojects(draw: st.DrawFn) -> str:
    before = draw(st.lists(st.sampled_from(OTHER_BLOCKS), unique=True, max_size=3))
    after = draw(st.lists(st.sampled_from(OTHER_BLOCKS), unique=True, max_size=2))
    after = [block for block in after if block not in before]
    headers = draw(st.sampled_from([0, 1, 1, 1, 2]))
    lines = draw(st.lists(st.sampled_from(OUR_LINES), max_size=6)) if headers else []
    ours = "\n".join(["[tool.roadmaplint]"] * headers + lines)
    text = "\n".join([*before, ours, *after]) + draw(st.sampled_from(["", "\n"]))
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


def _tomllib(text: str) -> dict[str, object] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


@given(pyprojects())
def test_a_plain_table_reads_as_tomllib_reads_it(text: str) -> None:
    plain = plain_pyproject(text)
    document = _tomllib(text)
    if document is None:  # the other tables are valid: ours is at fault, tomllib says how
        assert plain is None
    elif plain is not None:
        tool = document.get("tool", {})
        assert isinstance(tool, dict)
        assert plain.get("tool", {}).get("roadmaplint") == tool.get("roadmaplint")


@given(st.lists(st.sampled_from(OUR_LINES), max_size=8), st.booleans())
def test_a_plain_settings_file_reads_as_tomllib_reads_it(lines: list[str], crlf: bool) -> None:
    text = "\n".join(lines)
    text = text.replace("\n", "\r\n") if crlf else text
    plain = plain_document(text)
    if plain is not None:
        assert plain == tomllib.loads(text)


def test_settings_as_people_write_them_are_read_plainly() -> None:
    """The fast path is taken where it matters: this repository's pyproject.toml, a
    dotfile with the settings the README shows, and a project naming us only as a
    dependency (no table: no tomllib either)."""
    ours = (REPOSITORY / "pyproject.toml").read_text(encoding="utf-8")
    assert plain_pyproject(ours) == {
        "tool": {"roadmaplint": tomllib.loads(ours)["tool"]["roadmaplint"]}
    }
    dotfile = (
        'select = ["RL1", "RL3"]\nignore = ["RL401"]\nstrict = true\n'
        'id-pattern = "[A-Z]+-[0-9]+"\nstale-after-days = 30\n'
        'statuses = { done = ["done", "shipped"] }\n'
    )
    assert plain_document(dotfile) == tomllib.loads(dotfile)
    dependency = '[project]\nname = "app"\ndependencies = [\n  "roadmaplint>=1",\n]\n'
    assert plain_pyproject(dependency) == {}
    assert plain_pyproject("\ufeff[tool.roadmaplint]\nstrict = true\n") is None
    assert plain_pyproject("[tool.roadmaplint]\nstrict = true\r") is None
