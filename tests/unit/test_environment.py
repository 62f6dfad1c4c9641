"""The lock file, environment.yml and pyproject.toml describe one environment."""

import re

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[\s=<>!~;\[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _lock_lines() -> list[str]:
    return [line.strip() for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_every_lock_line_is_an_exact_pin():
    for line in _lock_lines():
        assert re.match(r"^[A-Za-z0-9_.\-\[\]]+==[^\s;]+( ;.*)?$", line), line


def test_environment_yml_pins_the_same_packages_and_versions_as_the_lock():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section
    assert sorted(p for p in pip_section if p != "-e .") == sorted(_lock_lines())


def test_every_direct_dependency_is_locked():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = {_name(line) for line in _lock_lines()}
    missing = [d for d in project["dependencies"] if _name(d) not in locked]
    assert not missing, f"run `make lock`: {missing} not in requirements.lock"
