from khronika.link.align import align_passages, coverage, passages

ORIGINAL = (
    "The colonel described the kidnapping in detail. Two officers waited by the station.\n"
    "They pushed the translator into a grey car and drove east.\n"
    "He was never tried in a public court."
)
EDITED = (
    "They pushed the translator into a grey car and drove east.\n"
    "Two officers had waited for him by the station, the colonel said.\n"
    "A photograph of the station in 1978 accompanies this article.\n"
    "The colonel described the kidnapping in detail."
)


def test_passages_are_sentences_with_spans() -> None:
    found = passages(ORIGINAL)
    assert [ORIGINAL[p.span[0] : p.span[1]] for p in found][:2] == [
        "The colonel described the kidnapping in detail.",
        "Two officers waited by the station.",
    ]


def test_a_reordered_and_reworded_copy_aligns() -> None:
    aligned = align_passages(ORIGINAL, EDITED)
    kinds = sorted(a.kind for a in aligned)
    assert kinds == ["added", "removed", "reworded", "shared", "shared"]
    shared = [a for a in aligned if a.kind == "shared"]
    assert all(a.left and a.right for a in shared)
    assert coverage(aligned) == 3 / 4


def test_different_stories_do_not_align() -> None:
    other = "Prosecutors in Graz detained a man on Wednesday. The suspect denies the charge."
    aligned = align_passages(ORIGINAL, other)
    assert coverage(aligned) == 0.0
