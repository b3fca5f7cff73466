"""Settings: defaults, WARTA_* environment overrides, code overrides and validation."""
from __future__ import annotations

import pytest

from warta.errors import ConfigError
from warta.settings import SETTINGS, load_settings


def test_defaults_come_from_the_table() -> None:
    values = load_settings(environ={})
    assert values == {s.name: s.default for s in SETTINGS}
    assert values["min_text_chars"] == 40 and values["stages"].startswith("read,language,segment")


def test_every_setting_has_help_and_a_unique_name() -> None:
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert all(s.help.strip() for s in SETTINGS)


def test_environment_overrides_defaults_with_the_right_type() -> None:
    values = load_settings(environ={"WARTA_MIN_TEXT_CHARS": " 120 ", "WARTA_FAVOR_PRECISION": "yes"})
    assert values["min_text_chars"] == 120 and values["favor_precision"] is True


def test_real_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_MIN_TEXT_CHARS", "7")
    assert load_settings()["min_text_chars"] == 7


def test_code_overrides_win_over_environment() -> None:
    values = load_settings({"min_text_chars": "5"}, environ={"WARTA_MIN_TEXT_CHARS": "120"})
    assert values["min_text_chars"] == 5


@pytest.mark.parametrize(("text", "expected"), [("1", True), ("TRUE", True), ("on", True), ("0", False), ("No", False), ("off", False)])
def test_booleans(text: str, expected: bool) -> None:
    assert load_settings(environ={"WARTA_FAVOR_PRECISION": text})["favor_precision"] is expected


@pytest.mark.parametrize(("name", "value"), [("MIN_TEXT_CHARS", "lots"), ("MIN_TEXT_CHARS", "4.5"), ("BATCH_SIZE", ""),
                                             ("FAVOR_PRECISION", "maybe")])
def test_bad_environment_value_is_a_config_error(name: str, value: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(environ={f"WARTA_{name}": value})
    assert error.value.reason == "config"
    assert str(error.value) == f"setting {name.lower()}: expected {'bool' if name == 'FAVOR_PRECISION' else 'int'}, got {value!r}"


def test_bad_code_override_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="setting batch_size: expected int"):
        load_settings({"batch_size": "many"}, environ={})


def test_unknown_setting_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="setting colour: no such setting"):
        load_settings({"colour": "blue"}, environ={})


def test_unknown_environment_variables_are_ignored() -> None:
    assert load_settings(environ={"WARTA_COLOUR": "blue"}) == load_settings(environ={})


def test_a_value_below_its_minimum_is_refused() -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        load_settings({"batch_size": 0})
    with pytest.raises(ConfigError, match="min_text_chars"):
        load_settings(environ={"WARTA_MIN_TEXT_CHARS": "-5"})
