"""The SQLite store."""

from khronika.store.sqlite import SourceState, SourceWriter, Store, StoreStats

__all__ = ["SourceState", "SourceWriter", "Store", "StoreStats"]
