"""Notebook parameters are read from the parameters cell and checked before any kernel starts."""

from pathlib import Path

import pytest

from analysis import params, suite
from analysis.cli import main
from analysis.errors import ParameterError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PASSES = FIXTURES / "notebooks" / "passes.ipynb"
FIVE_REGIONS = ["xinjiang", "liaoning", "urumqi", "jiaxing", "shaoxing"]


def _catalogue_regions() -> list[str]:
    from analysis import corpus

    return list(dict.fromkeys(d.region for d in corpus.load_catalogue()))


def test_declarations_read_from_the_parameters_cell():
    declared = params.read_parameters(PASSES)
    assert list(declared) == ["lang", "year", "n", "region"]
    assert (declared["lang"].type, declared["lang"].default, declared["lang"].allowed) == ("str", "en", ["en", "zh"])
    assert declared["year"].allowed == [2018, 2020, "all"]  # ints stay ints
    assert (declared["n"].type, declared["n"].low, declared["n"].high, declared["n"].help) == ("int", 1, 10, "how many")
    # <regions> expands to the catalogue's regions: the five reviewed ones first, then any added
    assert declared["region"].allowed == _catalogue_regions()
    assert declared["region"].allowed[:5] == FIVE_REGIONS


@pytest.mark.parametrize("given, expected", [
    ({"year": "2020"}, {"year": 2020}),
    ({"year": "all"}, {"year": "all"}),
    ({"n": "10"}, {"n": 10}),
    ({"lang": "zh", "region": "urumqi"}, {"lang": "zh", "region": "urumqi"}),
])
def test_values_from_the_command_line_are_typed(given, expected):
    assert params.resolve(params.read_parameters(PASSES), given, "passes") == expected


@pytest.mark.parametrize("given, message", [
    ({"year": "20x8"}, "parameter 'year' of passes: '20x8' is not allowed; expected one of 2018, 2020, all"),
    ({"n": "3.5"}, "parameter 'n' of passes: '3.5' is not an integer"),
    ({"n": "11"}, "parameter 'n' of passes: '11' is not within 1..10"),
    ({"lang": "fr"}, "'fr' is not allowed; expected one of en, zh"),
    ({"region": "mars"}, "expected one of xinjiang, liaoning, urumqi, jiaxing, shaoxing"),
    ({"langue": "zh"}, "passes has no parameter 'langue'; its parameters are: lang, year, n, region"),
])
def test_bad_values_are_refused_with_the_valid_ones(given, message):
    with pytest.raises(ParameterError) as err:
        params.resolve(params.read_parameters(PASSES), given, "passes")
    assert message in str(err.value)


def test_a_sweep_gives_one_run_per_region_and_overrides_name_their_reports():
    runs = suite.plan(None, ["region_profile"])
    assert [r.name for r in runs] == [f"region_profile-{r}" for r in _catalogue_regions()]
    assert [r.parameters["region"] for r in runs] == _catalogue_regions()
    runs = suite.plan(None, ["region_profile"], {"region": "urumqi", "lang": "zh"})
    assert [r.name for r in runs] == ["region_profile-lang-zh-region-urumqi"]


def test_params_command_prints_types_defaults_and_allowed_values(capsys):
    assert main(["params", str(PASSES)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["name", "type", "default", "allowed", "help"]
    assert out[2].split()[:3] == ["year", "int", "2018"] and "one of 2018, 2020, all" in out[2]
    assert "int from 1 to 10" in out[3] and out[3].rstrip().endswith("how many")


def test_bad_parameter_on_the_command_line_exits_2_and_executes_nothing(tmp_path, capsys):
    code = main(["run", "--suite", str(FIXTURES / "suite.yml"), "--reports-dir", str(tmp_path / "r"),
                 "passes", "-p", "year", "20x8"])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err == "error: parameter 'year' of tests/fixtures/notebooks/passes.ipynb: '20x8' is not allowed; expected one of 2018, 2020, all"
    assert not (tmp_path / "r").exists()


def test_unknown_notebook_lists_the_suite(capsys):
    assert main(["run", "--suite", str(FIXTURES / "suite.yml"), "nothere"]) == 2
    assert "no notebook 'nothere' in the suite; the suite has: passes.ipynb, passes.ipynb, raises.ipynb" in capsys.readouterr().err


def test_every_suite_notebook_declares_lang():
    for run in suite.plan():
        assert run.declared["lang"].allowed == ["en", "zh"], run.name


def test_target_years_are_remembered_until_the_figures_change(project):
    from analysis import inuse, params

    years = inuse.target_years()
    assert params.catalogue_values("target_years") == years
    assert (project / "data" / "processed" / ".parameter-values.json").is_file()
    assert params.catalogue_values("target_years") == years  # from the file, nothing changed
    # one reviewed 2020 target (of the five documents) becomes a 2031 one: 2031 joins the years
    path = project / "data" / "curated" / "figures.csv"
    text = path.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if ",target,2020," in line)
    path.write_text(text.replace(row, row.replace(",target,2020,", ",target,2031,"), 1), encoding="utf-8")
    # a hand edit of the curated figures makes the drafts out of date (their confidence is calibrated on
    # them): `run` builds them before it reads the parameters, and so does this test (a grown corpus reads
    # the drafts of its documents not reviewed for the years)
    inuse.build()
    assert 2031 not in years and 2031 in params.catalogue_values("target_years")
