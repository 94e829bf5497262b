"""`nuit-tui serve`: the app in a browser, for several secretaries on one archive.

textual-serve runs one app process per browser session (`python -m nuit_tui --db PATH`),
all on the same archive file, so what holds between two windows on one machine (waits
instead of «locked», merges of different fields, the choice for the same field) holds
between secretaries. The server itself has no login: it listens on loopback unless told
otherwise, and the README shows a proxy with login in front of it.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import re
import shlex
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .cli_common import EXIT_OK, UsageError, db_path, say

TEMPLATES = Path(__file__).parent / "web"
PROXY_HINT = "se README, «Flere sekretærer»"
_LOOPBACK_NAMES = {"localhost", "localhost.", "ip6-localhost", "ip6-loopback"}
_HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def parse_port(text: str) -> int:
    if not re.fullmatch(r"[0-9]{1,5}", text.strip()) or not 1 <= int(text) <= 65535:
        raise UsageError(f"«{text}» er ikke et portnummer (1–65535)")
    return int(text)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def check_host(host: str) -> str:
    """An IP address or a host name by its syntax: anything else is refused before the
    resolver is asked (which may wait for a network that is not there)."""
    host = host.strip()
    name = host.removesuffix(".")
    if not _is_ip(host) and not (0 < len(name) <= 253 and all(_HOST_LABEL.fullmatch(label) for label in name.split("."))):
        raise UsageError(f"«{host}» er ikke et vertsnavn eller en IP-adresse (--host)")
    return host


def _addresses(host: str, port: int) -> list[tuple[Any, ...]]:
    """What binding `host` binds to, as aiohttp would (every address the name has)."""
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        raise UsageError(f"ukjent vert «{host}» for --host") from None


def _is_loopback_address(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def is_loopback(host: str, port: int) -> bool:
    """True when every address `host` names is a loopback address (127.0.0.0/8, ::1)."""
    infos = _addresses(host, port)
    return bool(infos) and all(_is_loopback_address(info[4][0]) for info in infos)


def check_bindable(host: str, port: int) -> None:
    """Bind and let go at once, so that a port in use or a foreign address is one line and
    exit 2 here, not a traceback from inside the server after it has printed its banner."""
    for family, type_, proto, _name, address in _addresses(host, port):
        with socket.socket(family, type_, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                probe.bind(address)
            except OSError as exc:
                raise UsageError(f"kan ikke lytte på {host} port {port}: {exc.strerror or exc}") from None


def default_public_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def parse_public_url(text: str) -> str:
    """The address browsers use (behind a proxy), without a trailing slash: textual-serve
    appends «/ws» and «/static/…» to it."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise UsageError(f"«{text}» er ikke en adresse som https://nuit.example.org for --public-url")
    try:
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        raise UsageError(f"«{text}» har et ugyldig portnummer (--public-url)") from None
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _origin_key(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) with the scheme's default port filled in: a browser leaves
    «:443» out of its Origin even when --public-url names it."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower(), 0)
    except ValueError:
        return None
    return (parts.scheme.lower(), (parts.hostname or "").lower(), port) if parts.hostname else None


def origin_allowed(origin: str | None, public_url: str, port: int, loopback: bool) -> bool:
    """May a page from `origin` open a session? Browsers let any web page open a websocket
    to any address, 127.0.0.1 included, and send its own Origin: without this check a page
    the secretary happens to visit could drive the app and read the archive. A client that
    is not a browser sends no Origin and is let in (it could not be steered by a page)."""
    if origin is None:
        return True
    key = _origin_key(origin)
    if key is None:
        return False
    if key == _origin_key(public_url):
        return True
    scheme, host, origin_port = key
    return loopback and scheme == "http" and origin_port == port and (host in _LOOPBACK_NAMES or _is_loopback_address(host))


def app_command(db: Path) -> str:
    """The shell command textual-serve runs per session (it runs it with a shell): this
    interpreter, this package, the archive's absolute path, each quoted."""
    return shlex.join([sys.executable, "-m", "nuit_tui", "--db", str(db.absolute())])


def content_policy(public_url: str) -> str:
    """The page may load and connect to this server only: the browser itself refuses
    anything else (the template asks for nothing else, and this keeps it so)."""
    origin = origin_of(public_url)
    socket_origin = ("wss" if origin.startswith("https") else "ws") + origin[origin.index(":") :]
    return (
        f"default-src 'self' {origin}; script-src 'self' {origin} 'unsafe-inline'; "
        f"style-src 'self' {origin} 'unsafe-inline'; img-src 'self' {origin} data:; font-src 'self' {origin}; "
        f"connect-src 'self' {origin} {socket_origin}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )


def make_server(command: str, host: str, port: int, public_url: str, loopback: bool, db: Path):
    """textual-serve's Server with our template, a Norwegian banner and the Origin check."""
    import asyncio

    from aiohttp import web
    from textual_serve.server import Server

    sessions: set[asyncio.Task[Any]] = set()

    class NuitServer(Server):
        def initialize_logging(self) -> None:
            # Plain lines (one per request, and the sessions' errors) for a terminal or the journal.
            logging.basicConfig(level=logging.INFO, format="%(message)s")

        async def on_startup(self, app: web.Application) -> None:
            say(f"nuit-tui serverer {db} på {self.public_url}/ (Ctrl+C avslutter)")
            sys.stdout.flush()

        async def on_shutdown(self, app: web.Application) -> None:
            # Open sessions would hold the shutdown for aiohttp's grace period: end them now;
            # textual-serve then tells each app to quit (its edits are committed as typed).
            for task in list(sessions):
                task.cancel()

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            response = await super().handle_index(request)
            response.headers["Content-Security-Policy"] = content_policy(self.public_url)
            response.headers["Referrer-Policy"] = "no-referrer"
            return response

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            if not origin_allowed(request.headers.get("Origin"), self.public_url, port, loopback):
                raise web.HTTPForbidden(text="Ukjent opprinnelse (Origin); åpne siden fra serverens egen adresse.\n")
            task = asyncio.current_task()
            if task is not None:
                sessions.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                sessions.discard(task)

    return NuitServer(command, host=host, port=port, title="nuit-tui", public_url=public_url, templates_path=TEMPLATES)


def _prepare_archive(path: Path, *, new: bool) -> None:
    """Open (check, migrate; with `new`, create) the archive once here, so that a bad file is
    one line and exit 2 now, and the sessions never race to migrate it. A path that does not
    exist is refused without --new: a mistyped --db served a new, empty archive, and the
    secretaries' work went into it."""
    from .cli_backup import warn_location
    from .services.start import ArchiveFile

    missing = not path.exists()
    if missing and not new:
        raise UsageError(f"{path} finnes ikke; rett stien, eller gi --new for å lage et nytt, tomt arkiv der")
    warn_location(path)
    ArchiveFile(path, create=new).close()
    if missing:
        say(f"nuit-tui: nytt, tomt arkiv laget: {path}", err=True)


def cmd_serve(args: argparse.Namespace) -> int:
    port = parse_port(args.port)
    host = check_host(args.host)
    loopback = is_loopback(host, port)
    if not loopback and not args.allow_remote:
        raise UsageError(f"--host {host} er ikke loopback, og serveren har ingen innlogging; bruk en proxy med innlogging og --allow-remote ({PROXY_HINT})")
    if args.public_url:
        public_url = parse_public_url(args.public_url)
    elif _is_ip(host) and ipaddress.ip_address(host).is_unspecified:
        raise UsageError(f"--host {host} lytter på alle adresser; si hvilken adresse nettleserne bruker med --public-url")
    else:
        public_url = default_public_url(host, port)
    check_bindable(host, port)
    path = db_path(args)
    if args.new and not args.db and not os.environ.get("NUIT_DB"):
        path.parent.mkdir(parents=True, exist_ok=True)
    path = path.absolute()
    _prepare_archive(path, new=args.new)
    if not loopback:
        say(
            f"Advarsel: serveren har ingen innlogging; alle som når {host} port {port} kan lese og endre arkivet. "
            f"Ha en proxy med innlogging foran ({PROXY_HINT}).",
            err=True,
        )
    server = make_server(app_command(path), host, port, public_url, loopback, path)
    server.serve()
    return EXIT_OK


def add_commands(command: Callable[..., argparse.ArgumentParser], *_kinds: object) -> None:
    serve = command("serve", cmd_serve, "vis appen i nettleseren: én app per nettleserøkt, alle på samme arkiv")
    serve.add_argument("--host", default="127.0.0.1", help="adressen serveren lytter på (standard: 127.0.0.1)")
    serve.add_argument("--port", default="8000", help="port (standard: 8000)")
    serve.add_argument("--public-url", help="adressen nettleserne bruker bak en proxy, f.eks. https://nuit.example.org")
    serve.add_argument("--new", action="store_true", help="lag et nytt, tomt arkiv om --db ikke finnes (ellers avvist)")
    serve.add_argument("--allow-remote", action="store_true", help="tillat en --host som ikke er loopback (serveren har ingen innlogging)")
