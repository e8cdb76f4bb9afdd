"""Review requests: ``POST /api/{events,entities,contradictions}/{id}/review``.

Each needs ``Authorization: Bearer TOKEN`` (see :mod:`khronika.web.security`)
and is stored by :func:`khronika.review.record` with its time, reviewer and
the values it replaces.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, Field

from khronika import review
from khronika.model import Decision, ReviewDecision, ReviewTarget
from khronika.store import Store
from khronika.web.api import Problem
from khronika.web.deps import open_store, web_config
from khronika.web.security import bearer, check_reviewer

router = APIRouter(prefix="/api", tags=["review"])
StoreDep = Annotated[Store, Depends(open_store)]


class ReviewRequest(BaseModel):
    """One decision. Which fields each decision takes is in :mod:`khronika.review`."""

    decision: Decision = Field(description="accept, reject or correct an event; merge, "
                               "split or correct an entity; resolve a contradiction")  # fmt: skip
    fields: dict[str, Any] = Field(
        default_factory=dict,
        description='corrected values (`{"date": "1978-09"}`), `with` (merge), '
        "`from` (split), `value` (resolve), and an optional `note`",
    )
    reviewer: str = Field(description="the name of the person deciding", max_length=200)


def reviewer_only(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Dependency: refuse the request unless it carries the review token."""
    check_reviewer(request, credentials, web_config(request).review_token)


Reviewer = Depends(reviewer_only)


#: The refusals every review route may answer with, documented in the schema.
REFUSALS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "no `Authorization: Bearer TOKEN` header"},
    403: {
        "model": Problem,
        "description": "wrong token, review not enabled, or a cross-site request",
    },
    404: {"model": Problem, "description": "no record with this id"},
}


def _record(
    store: Store, target: ReviewTarget, target_id: str, body: ReviewRequest
) -> ReviewDecision:
    return review.record(store, target, target_id, body.decision, body.fields, body.reviewer)


@router.post(
    "/events/{event_id}/review",
    response_model=ReviewDecision,
    dependencies=[Reviewer],
    responses=REFUSALS,
)
def review_event(store: StoreDep, event_id: str, body: ReviewRequest) -> ReviewDecision:
    """Accept, reject or correct (any field of) an event."""
    return _record(store, "event", event_id, body)


@router.post(
    "/entities/{entity_id}/review",
    response_model=ReviewDecision,
    dependencies=[Reviewer],
    responses=REFUSALS,
)
def review_entity(store: StoreDep, entity_id: str, body: ReviewRequest) -> ReviewDecision:
    """Merge an entity with another, split it from one, or correct its name or type."""
    return _record(store, "entity", entity_id, body)


@router.post(
    "/contradictions/{link_id}/review",
    response_model=ReviewDecision,
    dependencies=[Reviewer],
    responses=REFUSALS,
)
def review_contradiction(store: StoreDep, link_id: str, body: ReviewRequest) -> ReviewDecision:
    """Mark a contradiction resolved, optionally with the value that holds."""
    return _record(store, "contradiction", link_id, body)
