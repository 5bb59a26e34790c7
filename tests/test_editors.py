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

import pytest
from conftest import GOMLX, REPO

from roadmaplint.reader import parse
from roadmaplint.rules.engine import check_text

# the quick tier (-m "not slow") leaves this file out: it runs Neovim
pytestmark = pytest.mark.slow

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
    _neovim(tmp_path, HARNESS % {"wait": WAIT_MS, "out": out})
    shown = sorted(out.read_text(encoding="utf-8").splitlines())
    expected = sorted(f"{f.line}:{f.column} {f.message}" for f in check_text(text))
    assert shown == expected


ACTIONS = """
vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
   local ok, problem = pcall(function()
    vim.wait(%(wait)d, function() return #vim.diagnostic.get(0) > 0 end, 50)
    local out = {}
    local client = vim.lsp.get_active_clients()[1]
    local encoding = client.offset_encoding or "utf-16"
    local line = %(line)d
    local text = vim.api.nvim_buf_get_lines(0, line, line + 1, false)[1]
    local completion = vim.lsp.buf_request_sync(0, "textDocument/completion", {
      textDocument = vim.lsp.util.make_text_document_params(),
      position = { line = line, character = #text },
    }, %(wait)d)
    for _, answer in pairs(completion or {}) do
      local result = answer.result or {}
      for _, item in ipairs(result.items or result) do
        table.insert(out, "completion " .. item.label)
      end
    end
    local wanted = nil
    for _, found in ipairs(vim.diagnostic.get(0)) do
      if found.code == "%(code)s" then wanted = found end
    end
    local actions = vim.lsp.buf_request_sync(0, "textDocument/codeAction", {
      textDocument = vim.lsp.util.make_text_document_params(),
      range = {
        start = { line = wanted.lnum, character = wanted.col },
        ["end"] = { line = wanted.end_lnum, character = wanted.end_col },
      },
      context = { diagnostics = {} },
    }, %(wait)d)
    for _, answer in pairs(actions or {}) do
      for _, action in ipairs(answer.result or {}) do
        table.insert(out, "action " .. action.title)
        if action.title == "%(apply)s" then
          vim.lsp.util.apply_workspace_edit(action.edit, encoding)
          vim.cmd("write")
        end
      end
    end
    vim.fn.writefile(out, "%(out)s")
   end)
    if not ok then vim.fn.writefile({"error " .. tostring(problem)}, "%(out)s") end
    vim.cmd("qa!")
  end,
})
"""


def _neovim(directory: Path, harness: str) -> None:
    """Neovim headless with the documented snippet and ``harness``, on ``directory``'s ROADMAP.md."""
    init = directory / "init.lua"
    init.write_text(snippet("Neovim", "lua") + harness, encoding="utf-8")
    scripts = str(Path(sys.executable).parent)  # where `roadmaplint` is installed
    environment = {**os.environ, "PATH": scripts + os.pathsep + os.environ.get("PATH", "")}
    subprocess.run(
        ["nvim", "--headless", "-n", "-i", "NONE", "-u", str(init), "ROADMAP.md"],
        cwd=directory,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )


def _legend_values(text: str) -> tuple[str, ...]:
    legend = parse(text).status_legend
    assert legend is not None
    return legend.values


def test_neovim_completes_and_applies_the_quick_fix_as_fix_would(tmp_path: Path) -> None:
    """The issue's "done when": completion and the quick fix through the documented snippet."""
    text = GOMLX.read_text(encoding="utf-8")
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    status = next(n for n, line in enumerate(lines) if line.strip().startswith("- **Status:**"))
    lines[status] = lines[status].split("**Status:**")[0] + "**Status:** "
    roadmap.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "answers.txt"
    title = "Regenerate the Priority Overview"
    values = {"wait": WAIT_MS, "out": out, "line": status, "code": "RL401", "apply": title}
    _neovim(tmp_path, ACTIONS % values)
    answers = out.read_text(encoding="utf-8").splitlines()
    completions = {a.removeprefix("completion ") for a in answers if a.startswith("completion ")}
    legend = set(_legend_values(text))
    assert legend <= completions, (legend, completions)
    assert f"action {title}" in answers
    expected = tmp_path / "expected.md"
    expected.write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run(
        [str(Path(sys.executable).parent / "roadmaplint"), "fix", str(expected)],
        capture_output=True,
        check=False,
    )
    assert roadmap.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")


def test_the_helix_snippet_names_the_server() -> None:
    config = tomllib.loads(snippet("Helix", "toml"))
    server = config["language-server"]["roadmaplint"]
    assert [server["command"], *server["args"]] == ["roadmaplint", "server"]
    markdown = next(language for language in config["language"] if language["name"] == "markdown")
    assert "roadmaplint" in markdown["language-servers"]
