"""The SQLite store."""

from khronika.store.sqlite import EntitySummary, SourceState, SourceWriter, Store, StoreStats

__all__ = ["EntitySummary", "SourceState", "SourceWriter", "Store", "StoreStats"]
