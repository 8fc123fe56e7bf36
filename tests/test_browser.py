"""The web page in a real browser: Playwright for Python driving Debian's chromium by its executable path (no
browser download). Search → article → entity page → back, layer toggles, screenshots at desktop and phone
sizes, no console errors, hostile stored text stays inert.

Skipped, with the reason, without playwright or chromium (``.ci/run`` installs both). Screenshots go to
``$KHABAR_SCREENSHOTS`` (default: the test's temporary folder).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed: pip install playwright")
CHROMIUM = next((p for p in (os.environ.get("KHABAR_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                              shutil.which("chromium") or "") if p and Path(p).exists()), None)
if CHROMIUM is None:
    pytest.skip("no chromium executable (apt-get install chromium; .ci/run does)", allow_module_level=True)

import uvicorn  # noqa: E402

from khabar.api import create_app  # noqa: E402
from khabar.extract.stories import StoryInput, cluster_stories  # noqa: E402
from khabar.ingest.run import ingest  # noqa: E402
from khabar.store import open_store  # noqa: E402

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
SIZES = {"desktop": (1400, 1000), "phone": (390, 844)}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser")
    records = [
        {"id": "t1", "text": "قال الرئيس الأمريكي دونالد ترامب إن المحادثات مع الرئيس الروسي فلاديمير بوتين في هلسنكي كانت جيدة.",
         "published": "2018-07-16T09:00:00Z", "source": "BBC", "title": "ترامب: محادثات هلسنكي جيدة"},
        {"id": "t2", "text": "أكد الرئيس الروسي فلاديمير بوتين أن قمة هلسنكي مع دونالد ترامب كانت ناجحة ومفيدة للبلدين.",
         "published": "2018-07-16T12:00:00Z", "source": "CNN", "title": "بوتين: قمة هلسنكي ناجحة"},
        {"id": "evil", "text": "خبر عن ترامب " + HOSTILE + " في واشنطن.", "published": "2018-07-17",
         "source": HOSTILE, "title": "عنوان " + HOSTILE},
    ]
    if SEED.exists():
        records.append({"id": "seed", "text": SEED.read_text(encoding="utf-8"), "published": "2021-12-12",
                        "source": "reuters", "title": "الكرملين يقول إن هناك خلافات خطيرة"})
    corpus = root / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = str(root / "k.db")
    with open_store(db) as store:
        assert not ingest([str(corpus)], store, workers=1).errors
        store.set_stories(cluster_stories([StoryInput(*r) for r in store.story_inputs()]))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    out = Path(os.environ.get("KHABAR_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out


def new_page(browser: Any, size: str) -> tuple[Any, list[str]]:
    w, h = SIZES[size]
    page = browser.new_page(viewport={"width": w, "height": h})
    page.set_default_timeout(90_000)  # a loaded CI machine can take long to answer; waits end as soon as ready
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    # Nothing may be fetched from anywhere but the server itself.
    page.on("request", lambda r: errors.append(f"foreign request {r.url}")
            if not r.url.startswith(("http://127.0.0.1", "data:")) else None)
    return page, errors


@pytest.mark.parametrize("size", list(SIZES))
def test_search_article_entity_and_back(browser: Any, server: str, shots: Path, size: str) -> None:
    page, errors = new_page(browser, size)
    page.goto(server + "/")
    page.fill("#q", "ترمب")  # the KB spelling variant finds the ترامب articles
    page.press("#q", "Enter")
    page.wait_for_selector("#results li h3 a")
    assert page.locator("#results li").count() >= 2
    assert "نتيجة" in page.inner_text("#search-status")
    page.wait_for_selector("#facets .facet")
    assert "BBC" in page.inner_text("#facets")
    page.screenshot(path=str(shots / f"search-{size}.png"))

    page.click("#results li:has-text('هلسنكي') h3 a")
    page.wait_for_selector("#doc-text span.ent")
    assert page.is_visible("#tab-doc") and "هلسنكي" in page.inner_text("#doc-text")
    meta = page.inner_text("#doc-meta")
    assert "null" not in meta and "undefined" not in meta
    page.screenshot(path=str(shots / f"article-{size}.png"))

    page.click("#doc-entities li:has-text('ترامب') a.ent-link")
    page.wait_for_selector("#ent-timeline svg rect")
    assert page.is_visible("#tab-entity")
    assert "Donald Trump" in page.inner_text("#ent-title")
    assert page.locator("#ent-related li a").count() >= 1
    page.screenshot(path=str(shots / f"entity-{size}.png"), full_page=True)

    page.go_back()
    page.wait_for_selector("#tab-doc:not([hidden])")
    # the article is fetched again after the view shows: wait for its text, not only for the tab
    page.wait_for_selector("#doc-text:has-text('هلسنكي')")
    page.go_back()
    page.wait_for_selector("#tab-search:not([hidden]) #results li")
    # The search view is rebuilt from the address: the query comes back in the box.
    # polled from Python: the page's CSP forbids the string evaluation wait_for_function needs
    deadline = time.monotonic() + 90
    while page.input_value("#q") != "ترمب" and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert page.input_value("#q") == "ترمب"
    assert errors == []
    page.close()


def test_layer_toggles(browser: Any, server: str, shots: Path) -> None:
    if not SEED.exists():
        pytest.skip("the seed article (with quotes) is not beside the repository")
    page, errors = new_page(browser, "desktop")
    page.goto(server + "/#/doc/seed")
    page.wait_for_selector("#doc-text span.quote")
    shadow = lambda: page.eval_on_selector("#doc-text span.quote", "n => getComputedStyle(n).boxShadow")  # noqa: E731
    ent_bg = lambda: page.eval_on_selector("#doc-text span.ent:not(.quote):not(.time)",  # noqa: E731
                                           "n => getComputedStyle(n).backgroundColor")
    assert shadow() == "none", "quotes are underlined only on demand"
    shown_bg = ent_bg()
    assert shown_bg != "rgba(0, 0, 0, 0)"
    page.check("#layers input[data-layer=quote]")
    assert shadow() != "none"
    page.screenshot(path=str(shots / "article-quotes-on.png"))
    page.uncheck("#layers input[data-layer=ent]")
    assert ent_bg() == "rgba(0, 0, 0, 0)"
    page.check("#layers input[data-layer=ent]")
    assert ent_bg() == shown_bg
    assert errors == []
    page.close()


def test_hostile_stored_text_stays_inert(browser: Any, server: str, shots: Path) -> None:
    page, errors = new_page(browser, "desktop")
    page.goto(server + "/#/?q=" + "واشنطن")
    page.wait_for_selector("#results li")
    page.click("#results li h3 a")
    page.wait_for_selector("#doc-text")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
    assert "<img" in page.inner_text("#doc-title") and "<script>" in page.inner_text("#doc-text")
    page.goto(server + "/#/stats")
    page.wait_for_selector("#stats .card")
    page.goto(server + "/#/events")
    page.wait_for_selector("#events-map svg path")
    page.goto(server + "/#/stories")
    page.wait_for_selector("#stories-status:not(:empty)")
    page.screenshot(path=str(shots / "stories.png"))
    assert page.evaluate("window.__pwned") is None
    assert errors == []
    page.close()
