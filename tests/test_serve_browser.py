"""`nuit-tui serve` in a real headless browser (Chromium over the DevTools protocol): the
meetings list appears, keys typed in the page reach the app, a remark typed in one
browser session appears in another, and the pages ask no host but the server."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import re
import shutil
import sqlite3
import subprocess
from urllib.parse import urlsplit

import aiohttp
import pytest

from crash_session import prepare
from serve_session import served

pytestmark = pytest.mark.slow

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))), None)

# The page keeps its xterm.js terminal to itself and draws it on a canvas: catch the
# terminal as textual.js stores it (`this.terminal = new Terminal(…)`) to read its rows.
CATCH_TERMINAL = """
window.__terminals = [];
Object.defineProperty(Object.prototype, 'terminal', {
  configurable: true,
  set(value) {
    Object.defineProperty(this, 'terminal', {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer && typeof value.onData === 'function') window.__terminals.push(value);
  },
});
"""
READ_SCREEN = """(() => {
  const terminal = window.__terminals[0];
  if (!terminal) return '';
  const buffer = terminal.buffer.active, rows = [];
  for (let i = 0; i < buffer.length; i++) rows.push(buffer.getLine(i).translateToString(true));
  return rows.join('\\n');
})()"""
KEYS = {"Enter": 13, "F2": 113}


class Page:
    def __init__(self, browser: Browser, session: str):
        self.browser, self.session = browser, session

    async def call(self, method: str, **params):
        return await self.browser.call(method, self.session, **params)

    async def screen(self) -> str:
        return (await self.call("Runtime.evaluate", expression=READ_SCREEN, returnByValue=True))["result"].get("value") or ""

    async def wait_for(self, text: str, timeout: float = 45) -> str:
        try:
            async with asyncio.timeout(timeout):
                while text not in (shown := await self.screen()):
                    await asyncio.sleep(0.1)
        except TimeoutError:
            raise AssertionError(f"{text!r} did not appear; the page shows:\n{await self.screen()}") from None
        return shown

    async def press(self, key: str) -> None:
        code = KEYS[key]
        await self.call("Input.dispatchKeyEvent", type="rawKeyDown", key=key, code=key, windowsVirtualKeyCode=code)
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=key, windowsVirtualKeyCode=code)

    async def type(self, text: str) -> None:
        for char in text:
            await self.call("Input.dispatchKeyEvent", type="keyDown", key=char, text=char)
            await self.call("Input.dispatchKeyEvent", type="keyUp", key=char)


class Browser:
    """Headless Chromium and one DevTools connection to it; records every request its pages make."""

    def __init__(self, devtools: aiohttp.ClientWebSocketResponse):
        self.devtools = devtools
        self.ids = itertools.count(1)
        self.waiting: dict[int, asyncio.Future] = {}
        self.requested: list[str] = []
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.devtools:
            data = message.json()
            if "id" in data:
                self.waiting.pop(data["id"]).set_result(data)
            elif data.get("method") == "Network.requestWillBeSent":
                self.requested.append(data["params"]["request"]["url"])
            elif data.get("method") == "Network.webSocketCreated":
                self.requested.append(data["params"]["url"])

    async def call(self, method: str, session: str | None = None, **params):
        number = next(self.ids)
        self.waiting[number] = answer = asyncio.get_running_loop().create_future()
        await self.devtools.send_json({"id": number, "method": method, "params": params, **({"sessionId": session} if session else {})})
        reply = await asyncio.wait_for(answer, 30)
        if "error" in reply:
            raise AssertionError(f"{method}: {reply['error']}")
        return reply["result"]

    async def open(self, url: str) -> Page:
        target = await self.call("Target.createTarget", url="about:blank", newWindow=True)
        page = Page(self, (await self.call("Target.attachToTarget", targetId=target["targetId"], flatten=True))["sessionId"])
        await page.call("Page.enable")
        await page.call("Network.enable")
        await page.call("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
        await page.call("Page.navigate", url=url)
        return page


@contextlib.asynccontextmanager
async def chromium(profile):
    process = await asyncio.create_subprocess_exec(
        CHROMIUM,
        "--headless",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        # Two pages at once: neither is a background tab whose timers wait.
        "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
        "--no-first-run",
        "--window-size=1280,900",
        f"--user-data-dir={profile}",
        "--remote-debugging-port=0",
        "about:blank",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(30):
            while not (found := re.search(rb"DevTools listening on (ws://\S+)", await process.stderr.readline())):  # type: ignore[union-attr]
                pass
        async with aiohttp.ClientSession() as http, http.ws_connect(found.group(1).decode(), max_msg_size=0) as devtools:
            browser = Browser(devtools)
            try:
                yield browser
            finally:
                with contextlib.suppress(Exception):
                    await browser.call("Browser.close")  # its pages close, and their sessions end
                browser.reader.cancel()
    finally:
        try:
            await asyncio.wait_for(process.wait(), 10)
        except TimeoutError:
            process.kill()
            await process.wait()


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium): the browser test needs one")
async def test_two_browser_sessions_work_one_archive_through_serve(tmp_path):
    db = tmp_path / "felles arkiv" / "nuit.sqlite"
    db.parent.mkdir()
    prepare(db, items=2)  # the demo, with a meeting of two items first in the list
    with served(db) as url:
        async with chromium(tmp_path / "profile") as browser:
            a, b = await browser.open(url + "/"), await browser.open(url + "/")
            for page in (a, b):
                assert "2/2023" in await page.wait_for("1/2023")  # the meetings list
                await page.call("Runtime.evaluate", expression="document.querySelector('.xterm-helper-textarea').focus()")
            for page in (a, b):  # keys typed in the page reach the app: open the meeting, meeting mode
                await page.press("Enter")
                await page.wait_for("Slutt kl.")
                await page.type("m")
                async with asyncio.timeout(45):  # the first page starts the meeting: asked first
                    while "Nytt innspill" not in (shown := await page.screen()) and "Starte møtet nå?" not in shown:
                        await asyncio.sleep(0.1)
                if "Starte møtet nå?" in shown:
                    await asyncio.sleep(0.3)  # keys typed before the question is on screen are no answer
                    await page.type("j")
                await page.wait_for("Nytt innspill")

            await a.press("F2")
            await a.wait_for("Tab/Enter fullfører")  # the new remark's «who» field
            await a.type("KS")
            await a.press("Enter")
            await asyncio.sleep(0.3)  # the remark's text field takes the focus (as a typist pauses)
            await a.type("Sagt i nettleser A")
            await b.wait_for("Sagt i nettleser A")  # the other session's app saw the file change
            with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
                assert conn.execute("SELECT text FROM remarks WHERE text LIKE 'Sagt i %'").fetchall() == [("Sagt i nettleser A",)]

            server = urlsplit(url).netloc
            assert [u for u in browser.requested if urlsplit(u).netloc != server] == []
            assert any(u.endswith(".ttf") for u in browser.requested) and any(u.startswith("ws://") for u in browser.requested)  # the bundled font
