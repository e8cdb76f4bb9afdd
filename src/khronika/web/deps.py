"""What routes depend on: the configuration, a store per request, page rendering."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from khronika.store import Store
from khronika.web.mapview import CountryPath, country_centres, country_paths
from khronika.web.shapes import load_countries


@dataclass(slots=True)
class WebConfig:
    """What every request needs: the database, the token, templates, map shapes."""

    db_path: Path
    review_token: str | None
    templates: Jinja2Templates
    shapes_path: Path
    _countries: tuple[CountryPath, ...] | None = None
    _centres: dict[str, tuple[float, float, str]] = field(default_factory=dict)

    @property
    def review(self) -> bool:
        return self.review_token is not None

    def map_shapes(self) -> tuple[tuple[CountryPath, ...], dict[str, tuple[float, float, str]]]:
        """Country paths and centres, read once on first use."""
        if self._countries is None:
            shapes = load_countries(self.shapes_path)
            self._countries = country_paths(shapes)
            self._centres = country_centres(shapes)
        return self._countries, self._centres


def web_config(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.khronika
    return config


def open_store(request: Request) -> Iterator[Store]:
    """Dependency: the store, opened for this request and closed after it."""
    config = web_config(request)
    # without review nothing is written: read-only, never migrated per request
    store = Store.open(config.db_path, create=False, read_only=not config.review)
    try:
        yield store
    finally:
        store.close()


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """A page from its template; every value is escaped by Jinja's autoescape."""
    return web_config(request).templates.TemplateResponse(
        request, name, context, status_code=status_code
    )
