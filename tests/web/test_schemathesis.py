"""Property-based tests of the JSON API against its own OpenAPI schema (schemathesis)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from khronika.web.app import create_app

TOKEN = "schema-t0ken"


@pytest.fixture(scope="module")
def web_schema(tmp_path_factory: pytest.TempPathFactory, sample_db: Path) -> Any:
    # a copy, so that the review routes' writes stay out of the shared database
    db = tmp_path_factory.mktemp("schema") / "schema.db"
    db.write_bytes(sample_db.read_bytes())
    app = create_app(db, review_token=TOKEN)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_route_answers_by_its_schema(web_schema: Any) -> None:
    """Generated requests to every operation: no 500, every answer as documented."""
    operations = [result.ok() for result in web_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=12,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def answers(case: Any) -> None:
            # a schema-valid search may still be bad FTS5 syntax (400, documented)
            case.call_and_validate(
                headers={"Authorization": f"Bearer {TOKEN}"},
                excluded_checks=[positive_data_acceptance],
            )

        answers()
