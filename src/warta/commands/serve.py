"""`warta serve`: the REST API and the analysts' dashboard on a local port."""
from __future__ import annotations

import ipaddress
import os
import sys
import tempfile
from typing import Annotated

import typer

from ..cli import app
from ..errors import ConfigError
from . import DbOption


@app.command()
def serve(
    db: DbOption = None,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default: the API has no users).")] = "127.0.0.1",
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes answering on the port (each "
                                                       "with its own cache): more use more cores.")] = 1,
) -> None:
    """Serve the REST API (/api, docs at /docs) and the dashboard (/) for a store."""
    try:
        import uvicorn

        from ..api import create_app
        from ..api.app import share_the_lock, warm
    except ImportError:
        raise ConfigError("serve", "needs the server extra: pip install 'warta[serve]'") from None
    from ..settings import load_settings

    from ..api.guards import trusted_hosts

    settings = load_settings()
    application = create_app(db=db, token=settings["api_token"], settings=settings,
                             hosts=trusted_hosts(host, settings["allowed_hosts"]))
    warm(application)  # the knowledge the read endpoints use, loaded before the first request waits for it
    share_the_lock()
    if settings["api_token"]:  # writes are on: the extraction worker loads its models now, not at the first write
        application.state.extractor.warm()
    print(f"warta: serving {application.state.store.url} at http://{host}:{port}/ (API docs at /docs)",
          file=sys.stderr, flush=True)
    if not is_loopback(host):
        print(f"warta: warning: {host} is reachable from other machines, and reading needs no token",
              file=sys.stderr, flush=True)
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)
        return
    # Each worker process builds its own app (api.app.served) from what this one was given, and
    # they share their answers through a file in a private folder of this run (api/shared.py).
    with tempfile.TemporaryDirectory(prefix="warta-answers-") as folder:
        os.environ.update({"WARTA_SERVE_DB": db or "", "WARTA_SERVE_HOST": host,
                           "WARTA_SERVE_ANSWERS": os.path.join(folder, "answers.db")})
        uvicorn.run("warta.api.app:served", factory=True, workers=workers, host=host, port=port,
                    log_level="warning", access_log=False)


def is_loopback(host: str) -> bool:
    """Is `host` reachable only from this machine (localhost, 127.0.0.0/8, ::1)?"""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
