"""Where people use roadmaplint: pre-commit, the GitHub Action, SARIF. Real tools, no mocks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import GOMLX, REPO, item, roadmap, run

from roadmaplint.cli import main

# the quick tier (-m "not slow") leaves this file out: it runs pre-commit hooks
pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else name


# --- pre-commit -------------------------------------------------------------------------


def test_manifest_and_config_validate() -> None:
    manifest = run(tool("pre-commit"), "validate-manifest", ".pre-commit-hooks.yaml", cwd=REPO)
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr
    config = run(tool("pre-commit"), "validate-config", ".pre-commit-config.yaml", cwd=REPO)
    assert config.returncode == 0, config.stdout + config.stderr


def test_hooks_match_roadmaps_in_any_folder_only() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["roadmaplint", "roadmaplint-fix", "roadmaplint-guard"]
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook.get("pass_filenames", True)
        pattern = re.compile(hook["files"])
        assert pattern.search("ROADMAP.md") and pattern.search("docs/plans/ROADMAP.md")
        assert not pattern.search("NOT_ROADMAP.md") and not pattern.search("ROADMAP.md.bak")


@pytest.fixture(scope="module")
def pre_commit_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    return env


def user_repo(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    run("git", "init", "-q", cwd=root)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    run("git", "add", ".", cwd=root)
    return root


def try_repo(hook: str, repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run(tool("pre-commit"), "try-repo", str(REPO), hook, "--all-files", cwd=repo, env=env)


def test_pre_commit_check_hook(tmp_path: Path, pre_commit_env: dict[str, str]) -> None:
    clean = roadmap(("Modeling", [item("MODEL-1")]))
    broken = clean.replace("- **Status:** ready", "- **Status:** redy")
    repo = user_repo(tmp_path / "user", {"docs/ROADMAP.md": broken, "README.md": "# hi\n"})
    failed = try_repo("roadmaplint", repo, pre_commit_env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert (
        'docs/ROADMAP.md:24:15: error: RL201 MODEL-1 has status "redy", which is not in the Status Legend'
        in failed.stdout
    )
    (repo / "docs" / "ROADMAP.md").write_text(clean, encoding="utf-8")
    passed = try_repo("roadmaplint", repo, pre_commit_env)
    assert passed.returncode == 0, passed.stdout
    assert re.search(r"roadmaplint check\.+Passed", passed.stdout)


def test_pre_commit_guard_hook_names_a_staged_deletion(
    tmp_path: Path, pre_commit_env: dict[str, str]
) -> None:
    both = roadmap(("Modeling", [item("MODEL-1"), item("MODEL-2")]))
    repo = user_repo(tmp_path / "user", {"docs/ROADMAP.md": both})
    commit = ("-c", "user.name=T", "-c", "user.email=t@e.x", "commit", "-qm", "plan")
    assert run("git", *commit, cwd=repo).returncode == 0
    passed = try_repo("roadmaplint-guard", repo, pre_commit_env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"roadmaplint guard\.+Passed", passed.stdout)
    one = roadmap(("Modeling", [item("MODEL-1")]))
    (repo / "docs" / "ROADMAP.md").write_text(one, encoding="utf-8")
    run("git", "add", ".", cwd=repo)
    failed = try_repo("roadmaplint-guard", repo, pre_commit_env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "error: RL601 MODEL-2 (Something, ready, line " in failed.stdout


def test_pre_commit_fix_hook_rewrites_then_passes(
    tmp_path: Path, pre_commit_env: dict[str, str]
) -> None:
    repo = user_repo(tmp_path / "user", {"ROADMAP.md": GOMLX.read_text(encoding="utf-8")})
    first = try_repo("roadmaplint-fix", repo, pre_commit_env)
    assert first.returncode == 1  # pre-commit fails a hook that changed files
    assert "Fixed ROADMAP.md (Priority Overview regenerated)" in first.stdout
    assert "  - MODEL-7\n  - GRAPH-2\n" in (repo / "ROADMAP.md").read_text(encoding="utf-8")
    second = try_repo("roadmaplint-fix", repo, pre_commit_env)
    assert second.returncode == 0, second.stdout
    assert re.search(r"roadmaplint fix\.+Passed", second.stdout)


def test_pre_commit_with_no_roadmap_passes_quietly(
    tmp_path: Path, pre_commit_env: dict[str, str]
) -> None:
    repo = user_repo(tmp_path / "user", {"notes.md": "# not a roadmap\n"})
    result = try_repo("roadmaplint", repo, pre_commit_env)
    assert result.returncode == 0, result.stdout
    assert re.search(r"roadmaplint check\.+\(no files to check\)Skipped", result.stdout)


def test_the_repository_dogfoods_its_hooks(tmp_path: Path, pre_commit_env: dict[str, str]) -> None:
    """Our own .pre-commit-config.yaml passes on a copy of this repository and changes nothing."""
    tracked = run("git", "ls-files", cwd=REPO).stdout.split()
    copy = tmp_path / "copy"
    for name in tracked:
        if (REPO / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(REPO / name, copy / name)
    run("git", "init", "-q", cwd=copy)
    run("git", "add", ".", cwd=copy)
    env = {**pre_commit_env, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = run(tool("pre-commit"), "run", "--all-files", cwd=copy, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"roadmaplint check\.+Passed", result.stdout)
    assert (copy / "examples" / "gomlx" / "ROADMAP.md").read_bytes() == GOMLX.read_bytes()
    assert run("git", "diff", "--name-only", cwd=copy).stdout == ""  # nothing rewritten


# --- GitHub -------------------------------------------------------------------------------


def test_action_and_workflows_validate_against_githubs_schemas() -> None:
    action = run(
        tool("check-jsonschema"),
        "--builtin-schema",
        "vendor.github-actions",
        "action.yml",
        cwd=REPO,
    )
    assert action.returncode == 0, action.stdout + action.stderr
    workflows = sorted(str(path) for path in (REPO / ".github" / "workflows").glob("*.y*ml"))
    assert workflows
    checked = run(
        tool("check-jsonschema"),
        "--builtin-schema",
        "vendor.github-workflows",
        *workflows,
        cwd=REPO,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_workflow_uses_the_local_action_on_our_roadmap() -> None:
    workflow = yaml.safe_load(
        (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    )
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert {
        "name": "roadmaplint on our own roadmap",
        "uses": "./",
        "with": {"paths": "ROADMAP.md", "strict": "true"},
    } in steps
    assert any(step.get("run") == ".ci/run" for step in steps)  # the README's test command


def test_github_annotations_escape_as_github_requires(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = roadmap(("Modeling", [item("MODEL-1", status="50%, then: more")]))
    path = tmp_path / "a,b:c.md"
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--format", "github", str(path)]) == 1
    out = capsys.readouterr().out
    property_path = str(path).replace(",", "%2C").replace(":", "%3A")
    assert out == (
        f"::error file={property_path},line=24,col=15,title=RL201::MODEL-1 has status "
        '"50%25, then: more", which is not in the Status Legend; allowed: idea, ready, '
        "in_progress, blocked, done\n"
    )


def test_escapes_for_line_breaks_and_property_separators() -> None:
    from roadmaplint.report.github import escape_data, escape_property

    assert escape_data("a%b\r\nc: d, e") == "a%25b%0D%0Ac: d, e"
    assert escape_property("a%b\r\nc: d, e") == "a%25b%0D%0Ac%3A d%2C e"


def run_action_steps(
    workdir: Path, inputs: dict[str, str], runner_temp: Path, installed: bool = False
) -> tuple[int, str, str]:
    """Run the composite action's steps in bash, as the runner would, with its GITHUB_* files.

    ``installed``: skip the Install step; roadmaplint is already in ``runner_temp``.
    """
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    values = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    values.update(inputs)
    summary = runner_temp / "step-summary.md"
    summary.touch()
    env = {
        **os.environ,
        "GITHUB_ACTION_PATH": str(REPO),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(workdir),
        "RUNNER_TEMP": str(runner_temp),
        "GITHUB_ACTIONS": "true",
    }
    output = ""
    code = 0
    steps = action["runs"]["steps"]
    for step in steps[1:] if installed else steps:
        step_env = dict(env)
        for key, value in step.get("env", {}).items():
            step_env[key] = re.sub(
                r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: values[m[1]], value
            )
        assert step["shell"] == "bash"
        result = run("bash", "-e", "-c", step["run"], cwd=workdir, env=step_env)
        output += result.stdout
        code = result.returncode
        if code:
            break
    return code, output, summary.read_text(encoding="utf-8")


def test_action_steps_annotate_and_summarise(tmp_path: Path) -> None:
    workdir = tmp_path / "workspace"
    workdir.mkdir()
    shutil.copyfile(GOMLX, workdir / "ROADMAP.md")
    code, output, summary = run_action_steps(workdir, {}, tmp_path)
    assert code == 1
    assert output.splitlines()[-1] == (
        "::error file=ROADMAP.md,line=296,col=3,title=RL401::Priority Overview is out of date: "
        "GRAPH-2 (P1) is missing under P1"
    )
    assert sum(line.startswith("::warning ") for line in output.splitlines()) == 5
    assert summary.startswith(
        "### roadmaplint: `ROADMAP.md`\n\n**1 error**, **5 warnings**, 1 fixable"
    )
    assert (
        "| `ROADMAP.md:296:3` | RL401 | error | Priority Overview is out of date: GRAPH-2 (P1) is missing under P1 |"
        in summary
    )
    assert summary.count("\n| `ROADMAP.md:") == 6
    assert main(["fix", str(workdir / "ROADMAP.md")]) == 0
    code, _, _ = run_action_steps(workdir, {}, tmp_path)
    assert code == 0
    code, output, _ = run_action_steps(
        workdir, {"strict": "true", "args": "--ignore RL306"}, tmp_path
    )
    assert code == 1
    assert [line.split("title=")[1][:5] for line in output.splitlines()] == ["RL501", "RL502"]


# --- SARIF -------------------------------------------------------------------------------


def test_sarif_validates_against_the_oasis_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from jsonschema.validators import validator_for

    assert main(["check", "--format", "sarif", str(GOMLX)]) == 1
    document = json.loads(capsys.readouterr().out)
    schema = json.loads(
        (REPO / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    )
    validator = validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=str)
    assert errors == []
    run_ = document["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules][:3] == ["RL101", "RL102", "RL103"]
    assert len({rule["id"] for rule in rules}) == len(rules)
    assert (
        rules[rules.index(next(r for r in rules if r["id"] == "RL302"))]["name"]
        == "dependency-cycle"
    )
    last = run_["results"][-1]
    assert last["ruleId"] == "RL401"
    assert rules[last["ruleIndex"]]["id"] == "RL401"
    assert last["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 296,
        "startColumn": 3,
    }
    assert last["level"] == "error"


def test_sarif_schema_copy_is_the_shared_one() -> None:
    shared = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if shared.exists():
        assert (
            shared.read_bytes()
            == (REPO / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_bytes()
        )
