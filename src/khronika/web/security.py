"""Response headers and the review token check.

Pages load only the application's own scripts and styles (no inline
script, no CDN). Review requests carry ``Authorization: Bearer TOKEN``;
a browser never adds that header by itself, so a forged cross-site form
or request cannot carry it (the review forms send it with ``fetch`` from
a token the reviewer typed into the page). A request whose ``Origin``
names another site is refused as well.

A request whose ``Host`` is not one of the served names is refused (400):
otherwise a page on any site could read the database through the user's
browser by pointing its own host name at 127.0.0.1 (DNS rebinding).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from fastapi import HTTPException, Request, Response
from fastapi.responses import PlainTextResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}

bearer = HTTPBearer(
    auto_error=False,
    description="The token given to `khronika serve --review --token TOKEN`.",
)


async def add_security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Middleware: the same security headers on every response."""
    response = await call_next(request)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


#: The loopback names every server answers to, whatever address it binds.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def served_hosts(bound: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The host names a server bound to ``bound`` answers to (lower case, no port)."""
    names = {*LOOPBACK_HOSTS, *extra}
    if bound not in ("0.0.0.0", "::"):  # a wildcard bind is answered only by named hosts
        names.add(bound)
    return frozenset(name.strip("[]").lower() for name in names if name)


def host_name(header: str) -> str:
    """The name in a ``Host`` header without its port: ``[::1]:8000`` -> ``::1``.

    >>> host_name("Example.org:8000"), host_name("[::1]:8000"), host_name("127.0.0.1")
    ('example.org', '::1', '127.0.0.1')
    """
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def host_check(
    allowed: frozenset[str],
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    """Middleware refusing (400) a request whose ``Host`` is not in ``allowed``."""

    async def check(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if host_name(request.headers.get("host", "")) not in allowed:
            return PlainTextResponse(
                "khronika: this host name is not served (start khronika serve with "
                "--allowed-host NAME to allow it)",
                status_code=400,
            )
        return await call_next(request)

    return check


def check_reviewer(
    request: Request, credentials: HTTPAuthorizationCredentials | None, token: str | None
) -> None:
    """Raise 403 unless review is enabled, the token matches and the origin is ours.

    No ``Authorization: Bearer`` header at all is 401, so a client knows to
    send one; a wrong token is 403.
    """
    if token is None:
        raise HTTPException(
            403, "this khronika is read-only; start it with 'khronika serve --review --token TOKEN'"
        )
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(
            401, "a review needs the header 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip
    if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
        raise HTTPException(403, "the review token is not valid")
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, f"cross-site review requests are refused (origin {origin})")
