"""Who is speaking: the state of an article read from start to end.

Reporting names a speaker once and then says "he", "the colonel", or
nothing at all. :class:`Salience` keeps, as the article is read:

- the *current speaker*: the last one a quotation or a reported-speech
  sentence was attributed to ("Kalugin told he still has sources"). A
  quotation with no attribution at all is theirs (the interview default);
  an explicit attribution to someone unnamed ("a neighbour said") leaves
  no current speaker;
- the *focus*: the last person who was a speaker or the subject of a
  sentence outside quotation marks;
- every person in order of their last appearance.

Before anyone has been quoted, a quotation with no attribution goes to a
person who is a subject in its own paragraph, if any.

"He" or "she" is the focus when the focus was named in the same paragraph
or has been quoted before ("Moroz was sweeping the landing. “I will stay,”
she said"); otherwise the current speaker is preferred, since an
interview's narration names other people ("Putin used to serve under
Kalugin") without handing them the word. Either way a person whose gender
the text shows must agree with the pronoun, and one resolved from "she"
is taken to be a woman from then on. "The colonel" prefers a person
given that title, then the current speaker.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from khronika.model import Entity
from khronika.names import strip_title

_PRONOUN_GENDER = {"he": "m", "she": "f"}


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker: an entity, or a name the entity extractor did not find."""

    name: str
    entity_id: str | None
    person: bool = True

    @property
    def key(self) -> str:
        return self.entity_id or f"name:{self.name}"

    @staticmethod
    def of(entity: Entity) -> Speaker:
        return Speaker(entity.name, entity.id, entity.type == "PERSON")

    @staticmethod
    def named(name: str) -> Speaker:
        return Speaker(strip_title(name), None)


class Salience:
    """The reading state (see the module docstring)."""

    def __init__(
        self,
        titles: Mapping[str, frozenset[str]] | None = None,
        genders: Mapping[str, str] | None = None,
    ) -> None:
        self.current: Speaker | None = None
        self.focus: Speaker | None = None
        self.focus_paragraph = -1
        self.recent: list[Speaker] = []
        self.quoted: set[Speaker] = set()
        self.titles = titles or {}
        self.genders: dict[str, str] = dict(genders or {})

    def said(self, speaker: Speaker | None, paragraph: int) -> None:
        """``speaker`` was quoted or reported as speaking (``None``: someone unnamed)."""
        self.current = speaker
        if speaker is not None and speaker.person:
            self.quoted.add(speaker)
            self.subject(speaker, paragraph)

    def subject(self, speaker: Speaker, paragraph: int) -> None:
        """A person was the subject of a sentence outside quotation marks."""
        if speaker.person:
            self.focus, self.focus_paragraph = speaker, paragraph
            self.mention(speaker)

    def mention(self, speaker: Speaker) -> None:
        if speaker.person:
            if speaker in self.recent:
                self.recent.remove(speaker)
            self.recent.append(speaker)

    def unattributed(self, paragraph: int) -> Speaker | None:
        """Who says a quotation with no attribution: the current speaker.

        Before anyone has spoken, a person who is the subject of a sentence
        in the quotation's own paragraph ("Moroz was washing dishes. “…”").
        """
        if self.current is not None or self.quoted:
            return self.current
        return self.focus if self.focus_paragraph == paragraph else None

    def pronoun(self, word: str, paragraph: int) -> Speaker | None:
        """Who "he" or "she" in ``paragraph`` most likely is."""
        current = self.current if self.current is not None and self.current.person else None
        focus = self.focus
        near = focus is not None and (self.focus_paragraph == paragraph or focus in self.quoted)
        first = [focus, current] if near or current is None else [current, focus]
        gender = _PRONOUN_GENDER.get(word.lower())
        for candidate in [*first, *reversed(self.recent)]:
            if candidate is not None and self._agrees(candidate, gender):
                if gender is not None:
                    self.genders.setdefault(candidate.key, gender)  # "she added": now known
                return candidate
        return None

    def description(self, role: str) -> Speaker | None:
        """Who "the <role>" most likely is: a person given that title, else the speaker."""
        titled = [s for s in reversed(self.recent) if role in self.titles.get(s.key, ())]
        current = self.current if self.current is not None and self.current.person else None
        if titled and (current is None or current not in titled):
            return titled[0]
        if current is not None:
            return current
        return self.focus or (self.recent[-1] if self.recent else None)

    def _agrees(self, speaker: Speaker, gender: str | None) -> bool:
        known = self.genders.get(speaker.key)
        return gender is None or known is None or known == gender
