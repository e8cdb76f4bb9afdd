"""Across articles: near-duplicates, one entity per real person, incidents, contradictions.

The stage runs after ingest over the whole store (:func:`khronika.link.run.link_store`);
each module decides one kind of link from plain records, so the same code runs on
the store and on synthetic records in the scaling benchmark.
"""
