"""Every setting in one table: name, default, type and help.

The table drives validation, the CLI's `--help` of `warta settings` and the docs, as datasette's
settings do. Settings come from defaults, then `WARTA_<NAME>` environment variables, then code.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its name, default value and what it does."""

    name: str
    default: Any
    help: str
    minimum: int | None = None
    choices: tuple[str, ...] | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting("stages", "read,language,segment,entities,syntax,dates,amounts,quotes,events,tone",
            "Comma-separated pipeline stages, in order (see `warta stages`)."),
    Setting("languages", "id,en",
            "Languages warta reads: folders of src/warta/lang or of lang_path (see README, Adding a language); "
            "empty for every folder found."),
    Setting("lang_path", "",
            "More folders holding language folders (<folder>/<code>/), separated by ':'; read before the built-in ones."),
    Setting("min_text_chars", 40, "Pages whose extracted body is shorter than this are not articles (texts are taken as given).", minimum=0),
    Setting("max_input_bytes", 20_000_000, "Inputs larger than this are refused (gzip files and WARC records: once decompressed).", minimum=1),
    Setting("document_timeout", 60.0, "Seconds one input may take in the pipeline before it is dropped with a timeout, in wall time (its "
            "worker process is ended 2 s past it, whatever it is doing); 0 turns the limit off.",
            minimum=0),
    Setting("document_memory_mb", 4096, "Memory (MB of address space) one input may add before it is dropped; 0 turns the limit off.",
            minimum=0),
    Setting("max_sentence_tokens", 1000, "Sentences longer than this many tokens are cut into pieces of it, so that "
            "pathological text (no full stops, floods of marks) cannot make a stage's memory explode; 0 turns it off.", minimum=0),
    Setting("max_document_tokens", 200_000, "Inputs of more tokens than this are dropped (reason too-large) as soon "
            "as they are split into tokens, before the later stages multiply what each token costs (a flood of "
            "punctuation or marks); 0 turns the limit off.", minimum=0),
    Setting("english_tagger", "crf", "Statistical name tagger for English: crf (the CRF this project distils from spaCy, "
            "about 8x faster) or spacy (en_core_web_sm itself).", choices=("crf", "spacy")),
    Setting("event_triggers", "lexicon", "How the event coder finds and types triggers: `lexicon` (the language "
            "folder's trigger files) or a finder registered with warta.events.triggers.register_finder."),
    Setting("event_hypotheticals", False, "Keep in `events` the events a clause only supposes (modality "
            "conditional or hypothetical: \"if Israel attacks\", \"Iran is weighing sanctions\", a yes-no "
            "question); left out by default, as they are not facts to count."),
    Setting("syntax_languages", "en,id", "Languages the syntax stage parses (each needs the parser its "
            "lang/<code>/syntax.tsv names); a language left out is read without a parse (the consumers' word "
            "patterns)."),
    Setting("syntax_max_words", 100, "Sentences of more words than this are read without a parse (the consumers' "
            "word patterns): a run-on of pathological text would cost the parser and the tree readers work that "
            "grows faster than its length; 0 turns the limit off.", minimum=0),
    Setting("syntax_max_sentences", 1000, "The syntax stage parses at most this many sentences of one input (the "
            "first of those it is asked for); the others are read without a parse, so that a parse's memory and "
            "time stay bounded on pathological text; 0 turns the limit off.", minimum=0),
    Setting("syntax_every_sentence", False, "The syntax stage parses every sentence, not only those a consumer "
            "(events, quotes) asks for."),
    Setting("favor_precision", False, "Use only trafilatura's precision pass, without the recall fallback for pages where it keeps almost nothing."),
    Setting("batch_size", 64, "Articles per batch when running in batches.", minimum=1),
    Setting("user_agent", "", "User-Agent when fetching URLs; empty means warta/<version> (+project URL). "
            "Name yourself (a URL or e-mail) when crawling at scale."),
    Setting("fetch_delay", 1.0, "Seconds between two requests to one host (a robots.txt Crawl-delay wins if longer).",
            minimum=0),
    Setting("fetch_max_redirects", 5, "Redirects followed per URL; each target is checked like the URL itself.", minimum=0),
    Setting("fetch_allow_private", False, "Fetch loopback, private and link-local hosts (an intranet, tests). "
            "Off by default so a crawled link cannot reach inside; cloud metadata services are refused even when on."),
    Setting("dedup_threshold", 0.8, "Estimated Jaccard similarity above which two articles are near-duplicates.",
            minimum=0),
    Setting("journal_dir", "", "Folder of the bulk run journals of PostgreSQL stores, one file per store, named by the "
            "store's identity; empty means the user's data folder. (A SQLite store keeps its journal in its own file.)"),
    Setting("api_max_body_bytes", 25_000_000, "`warta serve` refuses (413) a request body larger than this, before reading it.",
            minimum=1),
    Setting("api_max_url_bytes", 8192, "`warta serve` refuses (414) a URL (path and query) longer than this.", minimum=64),
    Setting("allowed_hosts", "", "Comma-separated Host names `warta serve` answers to besides the address it listens on "
            "(and localhost when that is loopback); other Hosts get 400 (DNS rebinding). * answers to any."),
    Setting("debug", False, "Show the traceback of an unexpected error instead of its one line."),
    Setting("api_token", "", "Token that `warta serve` requires for writes (POST /api/articles); empty disables writes."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    """Turn `value` into the type of the setting's default, or raise ConfigError."""
    value = _coerce_type(setting, value)
    if setting.minimum is not None and value < setting.minimum:
        raise ConfigError(f"setting {setting.name}", f"must be at least {setting.minimum}, got {value!r}")
    if setting.choices is not None and value not in setting.choices:
        raise ConfigError(f"setting {setting.name}", f"must be one of {', '.join(setting.choices)}, got {value!r}")
    return value


def _coerce_type(setting: Setting, value: Any) -> Any:
    kind = type(setting.default)
    if isinstance(value, kind):
        return value
    text = str(value).strip()
    try:
        if kind is bool:
            if text.lower() in {"1", "true", "yes", "on"}:
                return True
            if text.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError:
        raise ConfigError(f"setting {setting.name}", f"expected {kind.__name__}, got {value!r}") from None


def load_settings(overrides: dict[str, Any] | None = None, *, environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Return validated settings: defaults, then WARTA_* environment, then `overrides`."""
    env = os.environ if environ is None else environ
    values = {s.name: s.default for s in SETTINGS}
    for s in SETTINGS:
        if f"WARTA_{s.name.upper()}" in env:
            values[s.name] = _coerce(s, env[f"WARTA_{s.name.upper()}"])
    for name, value in (overrides or {}).items():
        if name not in _BY_NAME:
            raise ConfigError(f"setting {name}", "no such setting (see `warta settings`)")
        values[name] = _coerce(_BY_NAME[name], value)
    return values
