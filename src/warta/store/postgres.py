"""The PostgreSQL 15 store: jsonb articles, `indonesian`/`english` text search, GIN indexes.

Needs `warta[postgres]` (psycopg 3). Same tables and queries as SQLite (the shared SQL is
rewritten from `?` to `%s`); only the full-text index and the JSON column type differ.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..lang import language_for, languages
from ..secrets import mask_secrets, redact
from .base import SqlStore, StoreError
from .migrations import POSTGRES
from .rows import Rows
from .search_query import Query, Term, as_phrase, parse

_HEADLINE = "StartSel=\x02, StopSel=\x03, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…"


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError("postgresql", "psycopg is not installed: pip install 'warta[postgres]'") from None
    return psycopg


class PostgresStore(SqlStore):
    """Articles and records in a PostgreSQL database (tables created by the migrations)."""

    placeholder = "%s"
    row_lock = " FOR UPDATE"

    def __init__(self, url: str) -> None:
        super().__init__()
        psycopg = _psycopg()
        self._dsn = url
        self.url = redact(url)  # what is printed and served: never the password
        self._errors = psycopg.Error
        self.data_errors = (psycopg.DataError, psycopg.IntegrityError, psycopg.errors.ProgramLimitExceeded,
                            UnicodeEncodeError, ValueError)
        self.store_errors = (psycopg.OperationalError, psycopg.InterfaceError, psycopg.errors.DiskFull)
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
            self._migrate()
        except psycopg.Error as error:
            raise StoreError(self.url, f"cannot open the store ({_message(error)})") from None

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self._conn.transaction(), self._conn.cursor() as cur:
            yield cur

    def _connect_reader(self) -> Any:
        psycopg = _psycopg()
        try:
            return psycopg.connect(self._dsn, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            raise StoreError(self.url, f"cannot open the store ({_message(error)})") from None

    def _begin_read(self, conn: Any) -> None:
        # One snapshot for every query until COMMIT, and no way to write through a reader.
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def _end_read(self, conn: Any) -> None:
        if not conn.closed:
            conn.execute("ROLLBACK")  # nothing to keep, and it also ends a transaction a failed query aborted

    def _usable(self, conn: Any) -> bool:
        return not conn.closed and not conn.broken

    def _migrate(self) -> None:
        with self._lock, self._transaction() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(7712)")  # two processes must not migrate at once
            cur.execute("CREATE TABLE IF NOT EXISTS warta_schema (version INTEGER NOT NULL)")
            cur.execute("SELECT max(version) FROM warta_schema")
            current = cur.fetchone()[0] or 0
            for version, statements in POSTGRES:
                if version > current:
                    for statement in statements:
                        cur.execute(statement)
                    cur.execute("INSERT INTO warta_schema VALUES (%s)", (version,))
        self._migrated(max([current, *(v for v, _ in POSTGRES)]))

    def schema_version(self) -> int:
        """The latest migration applied."""
        return self._rows("SELECT max(version) AS v FROM warta_schema")[0]["v"]

    def _query(self, conn: Any, sql: str, params: Iterable[Any]) -> list[dict[str, Any]]:
        from psycopg.rows import dict_row

        try:
            with conn.cursor(row_factory=dict_row) as cur:
                cur.execute(self.sql(sql), tuple(params))
                return list(cur.fetchall())
        except self._errors as error:
            raise StoreError(self.url, f"query failed ({_message(error)})") from None

    def _marks(self, table: str, columns: tuple[str, ...]) -> Iterator[str]:
        return ("?::jsonb" if table == "articles" and c == "json" else "?" for c in columns)

    def _index_text(self, cur: Any, article_id: str, article: Rows) -> None:
        config = language_for(article.language).search_config  # the text search configuration
        cur.execute("UPDATE articles SET tsv = setweight(to_tsvector(%s::regconfig, coalesce(title, '')), 'A')"
                    " || to_tsvector(%s::regconfig, text) WHERE id = %s", (config, config, article_id))

    def search(self, query: str, *, limit: int = 20, offset: int = 0,
               language: str | None = None) -> list[dict[str, Any]]:
        """Articles matching the query (see `search_query`) read as English or as Indonesian, best first."""
        parsed = parse(query)
        if not parsed:
            return []
        where, params = self._search_where(parsed, language)
        config, config_params = _config_of_article()
        sql = ("SELECT a.id, a.title, a.url, a.language, a.day, a.n_events,"
               f" ts_headline({config}, a.text, q.q, ?) AS snippet, ts_rank(a.tsv, q.q) AS score,"
               " a.tsv @@ q.p AS phrase" + where + " ORDER BY phrase DESC, score DESC, a.id LIMIT ? OFFSET ?")
        hits = self._rows(sql, [*config_params, _HEADLINE, *params, limit, offset])
        for hit in hits:
            hit["score"], hit["phrase"] = round(float(hit["score"]), 4), bool(hit["phrase"])
        return hits

    def search_total(self, query: str, *, language: str | None = None) -> int:
        """How many articles `search` finds in all."""
        parsed = parse(query)
        if not parsed:
            return 0
        where, params = self._search_where(parsed, language)
        return int(self._rows("SELECT count(*) AS n" + where, params)[0]["n"])

    @staticmethod
    def _search_where(parsed: Query, language: str | None) -> tuple[str, list[Any]]:
        expression, params = tsquery(parsed)
        # Words asked for together rank first where they stand in a row (q.p; NULL: no such query).
        phrase, extra = tsquery(as_phrase(parsed) or Query(()))
        where = (f" FROM articles a, (SELECT {expression} AS q, {phrase or 'NULL::tsquery'} AS p) q"
                 " WHERE a.tsv @@ q.q")
        params += extra
        if language:
            where += " AND a.language = ?"
            params.append(language)
        return where, params


def tsquery(query: Query) -> tuple[str, list[Any]]:
    """The query as a tsquery expression (with its parameters) matching English or Indonesian
    lexemes: each term is built by PostgreSQL's own parsers (plainto_/phraseto_/to_tsquery) from
    words the query parser kept, so no user text is read as tsquery syntax."""
    params: list[Any] = []

    def term(t: Term) -> str:
        if t.prefix:
            fn, value = "to_tsquery", t.words[0].replace("-", " ").split()[0] + ":*"
        else:
            fn, value = ("phraseto_tsquery" if len(t.words) > 1 else "plainto_tsquery"), " ".join(t.words)
        configs = _search_configs()
        params.extend(p for config in configs for p in (config, value))
        return "(" + " || ".join(f"{fn}(?::regconfig, ?)" for _ in configs) + ")"

    sql = " && ".join("(" + " || ".join(term(t) for t in clause) + ")" for clause in query.clauses)
    for t in query.excluded:
        sql = f"({sql}) && !!{term(t)}"
    return sql, params


def _search_configs() -> list[str]:
    """The text search configurations of the languages read (a query matches in any of them)."""
    return sorted({lang.search_config for lang in languages()})


def _config_of_article() -> tuple[str, list[Any]]:
    """SQL choosing an article's text search configuration by its language, from the language
    folders (as `_index_text` chose it), with its parameters."""
    pairs = [(code, lang.search_config) for lang in languages() for code in dict.fromkeys(lang.codes)]
    cases = " ".join("WHEN ? THEN ?" for _ in pairs)
    default = language_for(None).search_config
    return (f"(CASE a.language {cases} ELSE ? END)::regconfig",
            [*(v for pair in pairs for v in pair), default])


def _message(error: BaseException) -> str:
    """A driver's error on one line, with any connection string in it masked."""
    return mask_secrets(" ".join(str(error).split()))
