"""The editor snippets of docs/editors.md, tried in the real editors that run here.

Neovim comes from Debian's packages (installed by .ci/run). Helix is not in
Debian's archive, so its snippet is checked for shape only (valid TOML naming
the server command), not run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import GOMLX, REPO

from roadmaplint.engine import check_text

EDITORS = REPO / "docs" / "editors.md"
WAIT_MS = 15000


def snippet(section: str, language: str) -> str:
    """The first ``language`` code block under the ``## section`` heading of docs/editors.md."""
    text = EDITORS.read_text(encoding="utf-8")
    part = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(rf"```{language}\n(.*?)```", part, re.S)
    assert match, (section, language)
    return match[1]


HARNESS = """
vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    vim.wait(%(wait)d, function() return #vim.diagnostic.get(0) > 0 end, 50)
    local lines = {}
    for _, found in ipairs(vim.diagnostic.get(0)) do
      table.insert(lines, string.format("%%d:%%d %%s", found.lnum + 1, found.col + 1, found.message))
    end
    vim.fn.writefile(lines, "%(out)s")
    vim.cmd("qa!")
  end,
})
"""


def test_neovim_with_the_documented_snippet_shows_the_diagnostics(tmp_path: Path) -> None:
    text = GOMLX.read_text(encoding="utf-8")
    (tmp_path / "ROADMAP.md").write_text(text, encoding="utf-8")
    out = tmp_path / "diagnostics.txt"
    init = tmp_path / "init.lua"
    init.write_text(
        snippet("Neovim", "lua") + HARNESS % {"wait": WAIT_MS, "out": out}, encoding="utf-8"
    )
    scripts = str(Path(sys.executable).parent)  # where `roadmaplint` is installed
    environment = {**os.environ, "PATH": scripts + os.pathsep + os.environ.get("PATH", "")}
    subprocess.run(
        ["nvim", "--headless", "-n", "-i", "NONE", "-u", str(init), "ROADMAP.md"],
        cwd=tmp_path,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    shown = sorted(out.read_text(encoding="utf-8").splitlines())
    expected = sorted(f"{f.line}:{f.column} {f.message}" for f in check_text(text))
    assert shown == expected


def test_the_helix_snippet_names_the_server() -> None:
    config = tomllib.loads(snippet("Helix", "toml"))
    server = config["language-server"]["roadmaplint"]
    assert [server["command"], *server["args"]] == ["roadmaplint", "server"]
    markdown = next(language for language in config["language"] if language["name"] == "markdown")
    assert "roadmaplint" in markdown["language-servers"]
