"""Sub-commands of `warta`, one module per capability (store, train, bulk...).

Each module adds its commands to `warta.cli.app` with `@app.command()`; `warta.cli` imports
every module of this package when it starts, so a capability adds a module, not an edit to cli.py.
"""

from typing import Annotated

import typer

DbOption = Annotated[str | None, typer.Option("--db", help="Store: a SQLite file path or postgresql://... "
                                              "(default: WARTA_DB, else warta.db in the user data folder).")]
