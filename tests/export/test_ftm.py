"""FollowTheMoney entities: valid by the library's own schema, ids stable."""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import Any

from followthemoney import model

from khronika.export import ftm
from khronika.store import Store


def _export(store: Store) -> list[dict[str, Any]]:
    out = io.StringIO()
    count = ftm.write(store, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(lines)
    return lines


def test_every_entity_is_valid_followthemoney(store: Store) -> None:
    lines = _export(store)
    ids = {line["id"] for line in lines}
    assert len(ids) == len(lines), "ids must be unique"
    for data in lines:
        proxy = model.get_proxy(data, cleaned=False)
        schema = proxy.schema
        assert not schema.abstract, data
        for name in schema.required:
            assert proxy.has(name), f"{schema.name} lacks required {name}: {data}"
        for name, values in data["properties"].items():
            prop = schema.get(name)
            assert prop is not None, f"{schema.name} has no property {name}"
            for value in values:
                assert prop.type.validate(value), f"{schema.name}.{name}: {value!r}"
                if prop.type.name == "entity":
                    assert value in ids, f"{schema.name}.{name} points to a missing {value}"
                    target = next(line for line in lines if line["id"] == value)
                    assert model.get(target["schema"]).is_a(prop.range), (name, target["schema"])


def test_the_export_holds_the_expected_kinds_of_entity(store: Store) -> None:
    kinds = Counter(line["schema"] for line in _export(store))
    assert kinds["Article"] == len(store.articles())
    assert kinds["Event"] == len(store.events())
    for schema in ("Person", "Organization", "Mention", "Documentation", "Address"):
        assert kinds[schema] > 0, schema


def test_events_name_their_article_and_their_people(store: Store) -> None:
    lines = _export(store)
    by_id = {line["id"]: line for line in lines}
    events = [line for line in lines if line["schema"] == "Event"]
    assert all(by_id[e["properties"]["proof"][0]]["schema"] == "Article" for e in events)
    involved = [by_id[i] for e in events for i in e["properties"].get("involved", [])]
    assert any(entity["schema"] == "Person" for entity in involved)
    abducted = [e for e in events if "Halyna Savchuk" in " ".join(e["properties"]["name"])]
    assert abducted


def test_ids_are_the_same_on_every_run(store: Store) -> None:
    assert [line["id"] for line in _export(store)] == [line["id"] for line in _export(store)]
