"""HTML pages of single records: an article with its highlights, an entity across articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from khronika.review import PLOVER_TYPES, entity_reviews, reviewed_events
from khronika.store import Store
from khronika.web.deps import open_store, render
from khronika.web.highlight import article_marks, segments
from khronika.web.queries import entity_page

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(open_store)]


@router.get("/articles/{article_id}")
def article_page(request: Request, store: StoreDep, article_id: str) -> Response:
    analysis = store.analysis(article_id)
    article = analysis.article
    reviewed = [r for r in reviewed_events(store) if r.event.prov.article_id == article.id]
    names = {e.id: e.name for e in analysis.entities}
    return render(
        request,
        "article.html",
        article=article,
        analysis=analysis,
        segments=segments(article.text, article_marks(analysis)),
        reviewed=reviewed,
        names=names,
        plover_types=sorted(PLOVER_TYPES),
    )


@router.get("/entities/{entity_id}")
def entity_view(request: Request, store: StoreDep, entity_id: str) -> Response:
    events = [r.event for r in reviewed_events(store) if r.state != "rejected"]
    page = entity_page(store, entity_id, events)
    decisions = entity_reviews(store)
    reviews = [decisions[m] for m in page.entity.members if m in decisions]
    return render(request, "entity.html", page=page, reviews=reviews)
