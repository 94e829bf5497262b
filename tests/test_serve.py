"""`nuit-tui serve`: the page comes from the server alone, each session is an app on the
archive (paths with spaces too), pages from elsewhere cannot open a session, and what is
not loopback, not a port or not a host is refused with one line and exit 2."""

from __future__ import annotations

import asyncio
import re
import shlex
import shutil
import socket
import sys
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import aiohttp
import pytest

from nuit_tui import cli
from nuit_tui.cli_serve import origin_allowed
from serve_session import served


class References(HTMLParser):
    """Every address the page would fetch: src/href, data-…-url, and url(…) in styles."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._style = False

    def handle_starttag(self, tag, attrs):
        self._style = tag == "style"
        for name, value in attrs:
            if value and (name in ("src", "href", "action", "poster") or (name.startswith("data-") and name.endswith("url"))):
                self.found.append(value)
            if value and name == "style":
                self.handle_data(value)

    def handle_data(self, data):
        self.found += re.findall(r"url\(\s*['\"]?([^'\")]+)", data)
        self.found += re.findall(r"@import\s+['\"]([^'\"]+)", data)


def _references(page: str, base: str) -> list[str]:
    parser = References()
    parser.feed(page)
    return [urljoin(base + "/", ref) for ref in parser.found if ref.strip()]


async def _first_screen(url: str, origin: str | None) -> tuple[int, bytes]:
    """Open a session as the page does; (HTTP status, what the app drew first)."""
    ws_url = "ws" + url.removeprefix("http") + "/ws?width=100&height=30"
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession() as session:
        try:
            ws = await session.ws_connect(ws_url, headers=headers)
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status, b""
        drawn = b""
        async with ws:
            async with asyncio.timeout(30):
                while b"1/2023" not in drawn:
                    message = await ws.receive()
                    if message.type != aiohttp.WSMsgType.BINARY:
                        break
                    drawn += message.data
        return 101, drawn


def test_serve_serves_the_page_from_itself_alone_and_a_session_is_the_app_on_a_path_with_spaces(demo_path, tmp_path):
    folder = tmp_path / "Sekretariatets arkiv 'felles'"
    folder.mkdir()
    db = folder / "nuit arkiv.sqlite"
    shutil.copy(demo_path, db)
    with served(db) as url:
        with urllib.request.urlopen(url + "/") as response:
            page = response.read().decode()
            policy = response.headers["Content-Security-Policy"]
        refs = _references(page, url)
        assert any(ref.endswith(".js") for ref in refs) and any(".ttf" in ref for ref in refs)
        assert [ref for ref in refs if urlsplit(ref).netloc != urlsplit(url).netloc] == []
        assert "googleapis" not in page and "font-src 'self' " + url in policy
        for ref in refs:
            if ref.startswith("http"):
                with urllib.request.urlopen(ref) as asset:  # each is served, the font included
                    assert asset.status == 200 and asset.read(1)

        status, drawn = asyncio.run(_first_screen(url, origin=url))
        assert status == 101 and b"2/2023" in drawn  # the demo's meetings, from the file with spaces in its path
        assert asyncio.run(_first_screen(url, origin="https://evil.example"))[0] == 403


def _serve(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(["serve", *args])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["--host", "0.0.0.0"],
        ["--host", "192.0.2.1"],
        ["--port", "0"],
        ["--port", "70000"],
        ["--port", "åtte"],
        ["--port", "²"],
        ["--host", "bad host!"],
        ["--host", "0.0.0.0", "--allow-remote"],  # all addresses: which one the browsers use is not known
        ["--public-url", "nuit.example.org"],
        ["--public-url", "ftp://nuit.example.org"],
    ],
)
def test_serve_refuses_a_remote_host_without_allow_remote_and_a_bad_host_port_or_url_with_one_line(capsys, tmp_path, args):
    db = tmp_path / "nuit.sqlite"
    code, err = _serve(capsys, "--db", str(db), *args)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    if args == ["--host", "0.0.0.0"]:
        assert "--allow-remote" in err and "innlogging" in err
    assert not db.exists()


def test_serve_refuses_a_port_in_use_with_one_line(capsys, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        code, err = _serve(capsys, "--db", str(tmp_path / "nuit.sqlite"), "--port", str(taken.getsockname()[1]))
    assert code == 2 and err.count("\n") == 1 and "port" in err


def test_allow_remote_says_there_is_no_login_and_serves_the_quoted_archive_at_the_public_url(capsys, monkeypatch, demo_path, tmp_path):
    from textual_serve.server import Server

    started: list[Server] = []
    monkeypatch.setattr(Server, "serve", lambda self, debug=False: started.append(self))
    db = tmp_path / "a folder" / "it's here.sqlite"
    db.parent.mkdir()
    shutil.copy(demo_path, db)
    monkeypatch.setattr("nuit_tui.cli_serve.check_bindable", lambda host, port: None)  # not an address of this machine
    port, host = "8443", "192.0.2.10"
    code, err = _serve(capsys, "--db", str(db), "--host", host, "--port", port, "--allow-remote", "--public-url", "https://nuit.example.org/")
    assert code == 0 and "ingen innlogging" in err
    [server] = started
    assert shlex.split(server.command) == [sys.executable, "-m", "nuit_tui", "--db", str(db)]
    assert server.public_url == "https://nuit.example.org" and (server.host, server.port) == (host, int(port))


@pytest.mark.parametrize(
    ("origin", "public_url", "loopback", "allowed"),
    [
        (None, "http://127.0.0.1:8000", True, True),  # not a browser
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000", True, True),
        ("http://localhost:8000", "http://127.0.0.1:8000", True, True),
        ("http://localhost:8001", "http://127.0.0.1:8000", True, False),
        ("https://evil.example", "http://127.0.0.1:8000", True, False),
        ("http://evil.example:8000", "http://127.0.0.1:8000", True, False),  # DNS rebinding
        ("https://nuit.example.org", "https://nuit.example.org", False, True),
        ("https://NUIT.example.org", "https://nuit.example.org/nuit", False, True),
        ("http://localhost:8000", "https://nuit.example.org", False, False),
        ("null", "http://127.0.0.1:8000", True, False),
        ("https://nuit.example.org", "https://nuit.example.org:443", False, True),  # the default port left out
        ("http://[::1]:8000", "http://[::1]:8000", True, True),
        ("http://127.0.0.2:8000", "http://[::1]:8000", True, True),
        ("http://127.0.0.1:8000", "https://nuit.example.org", False, False),
    ],
)
def test_only_pages_from_the_server_itself_may_open_a_session(origin, public_url, loopback, allowed):
    assert origin_allowed(origin, public_url, 8000, loopback) is allowed



def test_serve_refuses_an_archive_that_does_not_exist_unless_new(capsys, monkeypatch, demo_path, tmp_path):
    """A mistyped --db served a new, empty archive, silently; now it is one line and exit 2,
    and --new makes the archive (and says so)."""
    from textual_serve.server import Server

    started: list[Server] = []
    monkeypatch.setattr(Server, "serve", lambda self, debug=False: started.append(self))
    monkeypatch.setattr("nuit_tui.cli_serve.check_bindable", lambda host, port: None)
    typo = tmp_path / "nuit.sqlte"
    code, err = _serve(capsys, "--db", str(typo))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "finnes ikke" in err and "--new" in err
    assert not typo.exists() and not started

    code, err = _serve(capsys, "--db", str(typo), "--new")
    assert code == 0 and f"nytt, tomt arkiv laget: {typo}" in err
    assert typo.is_file() and len(started) == 1

    code, err = _serve(capsys, "--db", str(demo_path), "--new")  # an archive that exists is served as it is
    assert code == 0 and "nytt" not in err and len(started) == 2
