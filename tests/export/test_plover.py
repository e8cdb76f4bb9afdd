"""PLOVER JSON: the records validate against the schema shipped in the package."""

from __future__ import annotations

import copy
import io
import json

import jsonschema
import pytest

from khronika.errors import KhronikaError
from khronika.export import plover
from khronika.store import Store


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(plover.schema())


def test_the_export_validates_against_the_schema(store: Store) -> None:
    out = io.StringIO()
    count = plover.write(store, out)
    records = json.loads(out.getvalue())
    assert count == len(records) == len(store.events()) > 0
    jsonschema.validate(records, plover.schema())
    for record in records:
        assert record["event"][0] in plover.QUAD_CODES
        assert record["quad_code"] == plover.QUAD_CODES[record["event"][0]]
        extension = record["khronika"]
        assert extension["evidence"]["text"].split() == record["text"].split()
        assert extension["review"]["state"] == "unreviewed"


def test_actors_carry_the_article_entity_as_identifier(store: Store) -> None:
    records = plover.records(store)
    actors = [actor for record in records for actor in record["source"] + record["recipient"]]
    assert actors and any(actor["identifier_id"] for actor in actors)
    kharkiv = [r for r in records if (r["event_loc"] or {}).get("name") == "Kharkiv"]
    assert kharkiv[0]["event_loc"]["country_code"] == "UA"
    assert kharkiv[0]["event_loc"]["geonameid"] is not None


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("date",), "27 May 2024"),
        (("event",), []),
        (("khronika", "status"), "probable"),
        (("khronika", "review", "state"), "rejected"),
        (("unknown_field",), 1),
    ],
)
def test_an_invalid_record_is_refused(store: Store, path: tuple[str, ...], value: object) -> None:
    record = copy.deepcopy(plover.records(store)[0])
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(plover.ExportValidationError, match="does not match its schema"):
        plover.validate([record])
    assert issubclass(plover.ExportValidationError, KhronikaError)
