"""The application factory: one FastAPI app over one khronika database.

Each request opens the store for itself (SQLite in WAL mode has many
readers and one writer; opening is cheap), so no connection is shared
between threads. Only review requests write, through :mod:`khronika.review`.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from khronika import __version__
from khronika.errors import InputError, NotFoundError, StoreError
from khronika.store import Store
from khronika.web import api, pages, record_pages, review_routes
from khronika.web.deps import WebConfig, render
from khronika.web.security import add_security_headers, host_check
from khronika.web.shapes import default_shapes_path
from khronika.web.templating import install_filters

_PACKAGE = Path(str(files("khronika.web")))


def create_app(
    db_path: Path,
    *,
    review_token: str | None,
    shapes_path: Path | None = None,
    allowed_hosts: frozenset[str] | None = None,
) -> FastAPI:
    """The web application for the database at ``db_path``.

    With ``review_token`` set, review requests carrying it as a Bearer
    token are accepted; without it the application is read-only.
    ``shapes_path`` is the world-atlas TopoJSON for the map (default: the
    copy ``make install`` puts in the package). ``allowed_hosts`` are the
    host names requests may name (``khronika serve`` always gives them, see
    :func:`khronika.web.security.served_hosts`); ``None`` checks none.
    """
    if review_token is not None and not review_token.strip():
        raise InputError("the review token must not be empty")
    # a missing or damaged database fails now; with review, it is upgraded once here
    Store.open(db_path, create=False, read_only=review_token is None).close()
    environment = Environment(
        loader=FileSystemLoader(_PACKAGE / "templates"), autoescape=True, auto_reload=False
    )
    templates = Jinja2Templates(env=environment)
    install_filters(environment)
    config = WebConfig(db_path, review_token, templates, shapes_path or default_shapes_path())
    environment.globals["review_enabled"] = config.review
    app = FastAPI(
        title="khronika",
        version=__version__,
        summary="A sourced chronicle of events from news reporting: read and review.",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json stays
        redoc_url=None,
    )
    app.state.khronika = config
    app.middleware("http")(add_security_headers)
    if allowed_hosts is not None:
        app.middleware("http")(host_check(allowed_hosts))
    app.mount("/static", StaticFiles(directory=_PACKAGE / "static"), name="static")
    app.include_router(pages.router)
    app.include_router(record_pages.router)
    app.include_router(api.router)
    app.include_router(review_routes.router)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(InputError, _bad_input)
    app.add_exception_handler(StoreError, _bad_input)
    return app


async def _invalid_request(request: Request, exc: Exception) -> Response:
    """422 with FastAPI's error list, ASCII-escaped: the list echoes the input, which may
    hold lone surrogates that cannot be encoded as UTF-8 (a 500 otherwise)."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else [str(exc)]
    body = json.dumps({"detail": jsonable_encoder(errors)}, ensure_ascii=True, default=repr)
    return Response(body, status_code=422, media_type="application/json")


async def _not_found(request: Request, exc: Exception) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": str(exc)}, status_code=404)
    return render(request, "error.html", 404, title="Not found", message=str(exc))


async def _bad_input(request: Request, exc: Exception) -> Response:
    if request.url.path.startswith("/api/"):
        # the shape of FastAPI's own validation errors, which the schema documents for 422
        problem = {"loc": ["body"], "msg": str(exc), "type": "value_error"}
        return JSONResponse({"detail": [problem]}, status_code=422)
    return render(request, "error.html", 400, title="Bad request", message=str(exc))
