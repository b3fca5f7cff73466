"""The `warta` command line."""
from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from . import __version__
from .errors import DropCounter, WartaError
from .model import Article
from .settings import SETTINGS, load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="warta: cited, structured knowledge from Indonesian and English news.")


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


def say(message: str) -> None:
    """One line on stderr, as every user-facing message and error is."""
    print(f"warta: {message}", file=sys.stderr)


INCLUDABLE = frozenset({"tokens", "syntax"})


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files (.html .htm .txt .jsonl .warc .warc.gz), folders, or - for stdin.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="json/jsonl: one JSON object per article per line; text: readable.")] = OutputFormat.json,
    stages: Annotated[str | None, typer.Option(help="Comma-separated stages to run (default: the `stages` setting).")] = None,
    tokens: Annotated[bool, typer.Option(help="Include token offsets in the JSON.")] = False,
    include: Annotated[list[str] | None, typer.Option(
        help="Bulky parts to add to the JSON: tokens, syntax (the parses of the sentences the syntax "
             "stage parsed; the syntax_every_sentence setting parses all). Repeatable.")] = None,
) -> None:
    """Read articles and print what warta finds in them, one per input, in input order."""
    extras = {part.strip() for value in include or () for part in value.split(",") if part.strip()}
    if unknown := extras - INCLUDABLE:
        say(f"--include {', '.join(sorted(unknown))}: unknown; known: {', '.join(sorted(INCLUDABLE))}")
        raise typer.Exit(2)
    settings = load_settings({"stages": stages} if stages else None)
    _one_blas_thread()
    from .plain import run_inputs  # here, not at the top: `warta --help` needs no pipeline
    from .read.sources import iter_documents

    dropped = DropCounter()
    documents = iter_documents(paths, max_bytes=settings["max_input_bytes"])
    for outcome in run_inputs(settings, documents):  # in a worker ended past document_timeout (warta.plain)
        if outcome.error is not None:
            say(str(outcome.error))
            dropped.drop(outcome.error)
        elif outcome.article is not None:
            _print_article(outcome.article, output_format, tokens=tokens or "tokens" in extras,
                           syntax="syntax" in extras)
    if dropped:
        say(dropped.summary())
        raise typer.Exit(1)


def _one_blas_thread() -> None:
    """One OpenBLAS thread for this process unless the user chose otherwise (before numpy loads).

    Extraction does no BLAS work worth threads: the parsers' matrix products go through blis,
    single-threaded, and language identification's are vectors. OpenBLAS still starts a busy
    thread per core when numpy is imported: 30 ms of CPU of the first result, for nothing."""
    import os

    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _print_article(article: Article, output_format: OutputFormat, *, tokens: bool, syntax: bool = False) -> None:
    if output_format is OutputFormat.text:
        from .summary import summary

        print(summary(article))
    else:
        print(article.to_json(tokens=tokens, syntax=syntax), flush=False)


@app.command("settings")
def show_settings() -> None:
    """List every setting with its current value and what it does."""
    values = load_settings()
    for setting in SETTINGS:
        print(f"{setting.name} = {values[setting.name]!r}\n    {setting.help} (default {setting.default!r}; env WARTA_{setting.name.upper()})")


@app.command("stages")
def show_stages() -> None:
    """List the stages a pipeline can be built from, with their contracts."""
    settings = load_settings()
    from .pipeline import registered_stages

    for name, factory in registered_stages().items():
        stage = factory(settings)
        optional = sorted(getattr(stage, "reads", ()))
        print(f"{name}: requires {', '.join(sorted(stage.requires))}"
              + (f"; reads if present {', '.join(optional)}" if optional else "")
              + f"; produces {', '.join(sorted(stage.produces))}")


@app.command()
def version() -> None:
    """Print warta's version."""
    print(__version__)


def _load_command_modules() -> None:
    """Import every module of `warta.commands` so that they add their commands to `app`."""
    import importlib
    import pkgutil

    from . import commands

    for module in pkgutil.iter_modules(commands.__path__):
        importlib.import_module(f"{commands.__name__}.{module.name}")


def _core_commands() -> frozenset[str]:
    """The names of the commands defined here (extract, settings, stages, version)."""
    return frozenset(c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands if c.callback)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI; a WartaError becomes one line on stderr and exit 1, never a traceback.

    The other commands' modules (store, serve, bulk...) are imported unless the command line names
    one of the commands defined here: `warta extract` does not pay for the store's imports."""
    args = sys.argv[1:] if argv is None else argv
    try:
        if not args or args[0] not in _core_commands():
            _load_command_modules()
        app(args=args)
    except WartaError as error:
        say(str(error))
        sys.exit(1)
    except KeyboardInterrupt:
        say("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except Exception as error:  # a failure nobody foresaw (a full disk under the journal): one line
        _unexpected(error)


def _unexpected(error: Exception) -> None:
    """One line for an error no handler knew, exit 2; the `debug` setting shows the traceback."""
    from .errors import one_line
    from .secrets import mask_secrets

    try:
        debug = load_settings()["debug"]
    except WartaError:
        debug = False
    if debug:
        raise error
    say(f"failed: {error.__class__.__name__}: {one_line(mask_secrets(str(error)), 300)} "
        "(WARTA_DEBUG=1 shows where)")
    sys.exit(2)
