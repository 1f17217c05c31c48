"""Each CLI's COMMANDS map (command → module) names exactly what the modules register, so that
a call loading only the named command's module gets the same command line as the full parser."""

from __future__ import annotations

import argparse
import importlib
import pkgutil

import pytest


@pytest.mark.parametrize("package_name", ["app.cli.commands", "server.commands"])
def test_commands_map_matches_the_modules(package_name: str) -> None:
    package = importlib.import_module(package_name)
    registered: dict[str, str] = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package_name}.{info.name}")
        subparsers = argparse.ArgumentParser().add_subparsers()
        module.register(subparsers)
        for command in subparsers.choices:
            registered[command] = info.name
    assert registered == package.COMMANDS


@pytest.mark.parametrize("cli_name", ["app.cli.main", "server.cli"])
def test_one_command_parses_as_with_every_command(cli_name: str) -> None:
    build_parser = importlib.import_module(cli_name).build_parser
    full = build_parser()
    package = importlib.import_module(
        "app.cli.commands" if cli_name == "app.cli.main" else "server.commands"
    )
    for command in package.COMMANDS:
        line = ["--json", command]
        lean = build_parser(line)
        lean_sub = next(a for a in lean._actions if isinstance(a, argparse._SubParsersAction))
        full_sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
        assert list(lean_sub.choices) == [
            c for c in full_sub.choices if package.COMMANDS[c] == package.COMMANDS[command]
        ]
        assert lean_sub.choices[command].format_help() == full_sub.choices[command].format_help()


def test_command_word_skips_the_common_options() -> None:
    from server.cli_base import common_options
    from shuwu_shared.cli import command_word

    assert command_word(["--db", "sqlite:///branch", "device", "add"], common_options()) == (
        "device"
    )
    assert command_word(["--json", "--db=x", "branch", "list"], common_options()) == "branch"
    assert command_word(["--version"], common_options()) is None
    assert command_word([], common_options()) is None
