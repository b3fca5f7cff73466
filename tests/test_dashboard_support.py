"""Serving an app on a free loopback port and launching Debian's Chromium, for the dashboard tests
(no test functions here). Chromium tests skip when it is absent, unless WARTA_REQUIRE_CHROMIUM=1."""
from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def need_chromium() -> None:
    """Skip (or fail, in CI) when Chromium or the playwright package is missing."""
    required = os.environ.get("WARTA_REQUIRE_CHROMIUM") == "1"
    missing = []
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        missing.append(f"no Chromium at {CHROMIUM}")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("the playwright package is not installed")
    if missing:
        (pytest.fail if required else pytest.skip)("; ".join(missing))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app):
    """Run `app` with uvicorn in a thread; yields its base URL and stops it afterwards."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def browser_page(base: str):
    """A Chromium page that records requests leaving `base` and script errors."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.outside, page.errors = [], []
        page.on("request", lambda r: r.url.startswith((base, "data:", "blob:")) or page.outside.append(r.url))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        try:
            yield page
        finally:
            browser.close()


def open_page(page, base: str, hash_: str) -> None:
    """Go to a dashboard route and wait until the router says it has rendered it."""
    page.goto(f"{base}/{hash_}")
    page.wait_for_function("h => document.body.dataset.ready === h", arg=hash_, timeout=20_000)


def map_markers(page) -> list[dict]:
    """The map's markers as drawn: label, how many places, where (lon, lat)."""
    return json.loads(page.get_attribute("#map-chart", "data-markers"))


def click_marker(page, marker: dict) -> None:
    """Click a map marker where ECharts draws it."""
    x, y = page.evaluate("""async ([lon, lat]) => {
        const echarts = await import("/static/vendor/echarts/echarts.esm.min.js");
        return echarts.getInstanceByDom(document.querySelector("#map-chart")).convertToPixel({ geoIndex: 0 }, [lon, lat]);
    }""", [marker["lon"], marker["lat"]])
    box = page.locator("#map-chart").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
