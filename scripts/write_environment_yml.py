"""Write environment.yml from requirements.lock: the conda route to the same environment.

Every pinned line of the lock (with its environment marker) goes into the pip
section unchanged, so the two cannot disagree; tests/unit/test_environment.py
checks that they do not. Run by `make lock`.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    pins = [line.strip() for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]
    out = [
        "# Generated from requirements.lock by `make lock` (scripts/write_environment_yml.py); do not edit.",
        "# conda env create -f environment.yml && conda activate shuangchuang",
        "name: shuangchuang",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        "  - python=3.11",
        "  - pip",
        "  - pip:",
        *[f'      - "{pin}"' for pin in pins],
        '      - "-e ."',
        "",
    ]
    (ROOT / "environment.yml").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
