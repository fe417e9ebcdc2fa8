"""What a new user trips on first: the two README commands, the CI script, the requirement files, Streamlit's
settings (no e-mail prompt, minimal viewer toolbar)."""

from __future__ import annotations

import re
import tomllib

from tests.helpers import ROOT


def _commands(readme: str) -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", readme, flags=re.S)


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:readme.index("TargetBoard reads")]
    start, test = _commands(head)
    assert start == ("python3 -m venv .venv && .venv/bin/pip install -r requirements.txt "
                     "&& .venv/bin/streamlit run dashboard.py")
    assert test == ("python3 -m venv .venv && .venv/bin/pip install -r requirements.txt -r requirements-dev.txt "
                    "&& .venv/bin/python -m pytest -q")


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test = _commands(readme)[1]
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == test


def _names(path) -> set[str]:
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-r"):
            names.add(re.split(r"[=<>~!\[ ]", line)[0].lower())
    return names


def test_runtime_and_test_requirements_are_split():
    runtime = _names(ROOT / "requirements.txt")
    dev = _names(ROOT / "requirements-dev.txt")
    assert {"streamlit", "duckdb", "pandas", "plotly", "openpyxl", "kaleido", "cpca"} <= runtime
    assert not runtime & {"pytest", "playwright", "ruff", "hypothesis"}
    assert {"pytest", "playwright", "ruff", "hypothesis"} <= dev
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")


def test_streamlit_config_no_email_prompt_and_minimal_toolbar():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["showEmailPrompt"] is False
    assert config["client"]["toolbarMode"] == "minimal"
    assert config["browser"]["gatherUsageStats"] is False
