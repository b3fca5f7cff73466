"""`warta eval parser`: score the syntax stage's parser of a language on a CoNLL-U file."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli import app, say

eval_app = typer.Typer(help="Score warta's models on annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("parser")
def eval_parser(
    conllu: Annotated[Path, typer.Option(help="A CoNLL-U file of gold trees.")],
    language: Annotated[str | None, typer.Option(help="Its language (default: identified from its text).")] = None,
) -> None:
    """Parse the gold words of every sentence and print UAS, LAS and UPOS accuracy (CoNLL 2018:
    punctuation included, multiword tokens scored on their words, relation subtypes ignored)."""
    from ..syntax.conllu import read_conllu, score_parser, sentence_text
    from ..syntax.parser import load_parser

    try:
        sentences = list(read_conllu(conllu))
    except (OSError, UnicodeDecodeError, ValueError, IndexError) as error:
        say(f"{conllu}: not a readable CoNLL-U file ({error.__class__.__name__}: {error})")
        raise typer.Exit(1) from None
    if not sentences:
        say(f"{conllu}: no sentences")
        raise typer.Exit(1)
    code = language or _identify([sentence_text(s)[0] for s in sentences[:200]])
    parser = load_parser(code) if code else None
    if parser is None:
        say(f"{conllu}: no parser for language {code or '(unknown)'}")
        raise typer.Exit(1)
    scores = score_parser(parser, sentences)
    typer.echo(f"language={code} parser={parser.data.model} (fed the gold words and sentences)")
    typer.echo(scores.line())


def _identify(texts: list[str]) -> str | None:
    from ..lang.identify import identify_article

    text = "\n\n".join(texts)
    return identify_article(None, text, [(0, len(text))])[0]
