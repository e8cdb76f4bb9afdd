"""MUC, B³, CEAF-e and CoNLL F1 on partitions whose scores were worked out by hand."""

from __future__ import annotations

import random

import pytest

from khronika.evaluate.coref import (
    CorefTotals,
    Tally,
    b_cubed,
    ceaf_e,
    clusters_from_labels,
    f1_of,
    max_weight_assignment,
    muc,
    phi4,
    score_coref,
)

# Pradhan et al. (2014), the example of their reference-implementation paper:
# key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}, where e is missing
# from the response and h, i are spurious.
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def close(value: float | None, expected: float) -> bool:
    return value is not None and value == pytest.approx(expected)


def test_muc_of_the_reference_example() -> None:
    # Recall: {a,b,c} splits into {a,b},{c} (3-2=1); {d,e,f,g} into {d},{e},{f,g}
    # (e twinless, a part of its own: 4-3=1); 2 / (2+3).
    # Precision: {a,b} 1; {c,d} 0; {f,g,h,i} -> {f,g},{h},{i}: 1; 2 / (1+1+3).
    tally = muc(KEY, RESPONSE)
    assert (tally.recall_num, tally.recall_den) == (2, 5)
    assert (tally.precision_num, tally.precision_den) == (2, 5)
    assert close(tally.f1, 0.4)


def test_b_cubed_of_the_reference_example() -> None:
    # Recall: (2²+1²)/3 + (1²+2²)/4 = 5/3 + 5/4 = 35/12, over 7 key mentions.
    # Precision: 2²/2 + (1²+1²)/2 + 2²/4 = 4, over 8 response mentions.
    tally = b_cubed(KEY, RESPONSE)
    assert close(tally.recall, 35 / 12 / 7)
    assert close(tally.precision, 0.5)
    assert close(tally.f1, 5 / 11)


def test_ceaf_e_of_the_reference_example() -> None:
    # φ4: K1-R1 4/5, K1-R2 2/5, K2-R2 2/6, K2-R3 4/8; best alignment K1-R1 + K2-R3 = 1.3.
    tally = ceaf_e(KEY, RESPONSE)
    assert close(tally.recall, 1.3 / 2)
    assert close(tally.precision, 1.3 / 3)
    assert close(tally.f1, 0.52)


def test_conll_f1_is_the_mean_of_the_three() -> None:
    totals = score_coref(KEY, RESPONSE)
    assert close(totals.conll_f1, (0.4 + 5 / 11 + 0.52) / 3)
    report = totals.report()
    assert set(report) == {"muc_f1", "b3_f1", "ceafe_f1", "conll_f1"}
    assert close(report["b3_f1"], 5 / 11)


def test_vilain_example_for_muc() -> None:
    # One key chain of four split in two: recall (4-2)/3, precision 1.
    tally = muc([{"A", "B", "C", "D"}], [{"A", "B"}, {"C", "D"}])
    assert close(tally.recall, 2 / 3)
    assert close(tally.precision, 1.0)


def test_bagga_baldwin_example_for_b_cubed() -> None:
    # Key {1-5} {6,7} {8-12}; the response wrongly merges the last two.
    key = [set(range(1, 6)), {6, 7}, set(range(8, 13))]
    response = [set(range(1, 6)), set(range(6, 13))]
    tally = b_cubed(key, response)
    assert close(tally.recall, 1.0)
    assert close(tally.precision, (5 + 29 / 7) / 12)  # 0.76, as in the paper


def test_perfect_response_scores_one() -> None:
    totals = score_coref(KEY, KEY)
    assert totals.report() == {"muc_f1": 1.0, "b3_f1": 1.0, "ceafe_f1": 1.0, "conll_f1": 1.0}


def test_all_singletons_on_both_sides() -> None:
    # No links anywhere: MUC has nothing to score (None), B³ and CEAF-e are
    # perfect, and the CoNLL mean is not defined.
    singletons = [{"a"}, {"b"}, {"c"}]
    totals = score_coref(singletons, singletons)
    assert totals.muc.recall is None and totals.muc.precision is None
    assert totals.report() == {"muc_f1": None, "b3_f1": 1.0, "ceafe_f1": 1.0, "conll_f1": None}


def test_response_of_singletons_against_one_chain() -> None:
    totals = score_coref([{"a", "b", "c"}], [{"a"}, {"b"}, {"c"}])
    assert totals.muc.recall == 0.0 and totals.muc.precision is None
    assert totals.muc.f1 == 0.0
    assert close(totals.b3.recall, 1 / 3) and close(totals.b3.precision, 1.0)
    # φ4 of {a,b,c} and one singleton is 2/4; one key, three response clusters.
    assert close(totals.ceafe.recall, 0.5) and close(totals.ceafe.precision, 0.5 / 3)


def test_twinless_mentions_follow_the_reference_scorer() -> None:
    # b is missing from the response, c from the key.
    totals = score_coref([{"a", "b"}], [{"a", "c"}])
    assert totals.muc.recall == 0.0 and totals.muc.precision == 0.0
    assert close(totals.b3.recall, 0.25) and close(totals.b3.precision, 0.25)
    assert close(totals.ceafe.recall, 0.5) and close(totals.ceafe.precision, 0.5)


def test_empty_response() -> None:
    totals = score_coref(KEY, [])
    assert totals.b3.recall == 0.0 and totals.b3.precision is None
    assert totals.report() == {"muc_f1": 0.0, "b3_f1": 0.0, "ceafe_f1": 0.0, "conll_f1": 0.0}


def test_nothing_at_all() -> None:
    assert score_coref([], []).report() == {
        "muc_f1": None,
        "b3_f1": None,
        "ceafe_f1": None,
        "conll_f1": None,
    }


def test_tallies_add_up_over_documents() -> None:
    totals = CorefTotals()
    totals.add(KEY, RESPONSE)
    totals.add([{"x", "y"}], [{"x", "y"}])
    # MUC micro-average: (2+1) / (5+1) both ways.
    assert close(totals.muc.recall, 3 / 6) and close(totals.muc.precision, 3 / 6)
    ceafe = totals.ceafe
    assert (ceafe.recall_den, ceafe.precision_den) == (3, 4)
    assert ceafe.recall_num == pytest.approx(2.3) and ceafe.precision_num == pytest.approx(2.3)
    assert Tally(1, 2, 1, 4).f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_a_mention_in_two_clusters_is_an_error() -> None:
    with pytest.raises(ValueError, match="two clusters"):
        muc([{"a", "b"}, {"b"}], [{"a"}])


def test_clusters_from_labels() -> None:
    clusters = clusters_from_labels({"a": 1, "b": 2, "c": 1})
    assert clusters == [frozenset({"a", "c"}), frozenset({"b"})]


def test_phi4_and_f1_of() -> None:
    assert phi4(frozenset("abc"), frozenset("ab")) == pytest.approx(0.8)
    assert f1_of(None, None) is None
    assert f1_of(None, 0.0) == 0.0
    assert f1_of(0.5, 1.0) == pytest.approx(2 / 3)


def test_assignment_on_small_matrices() -> None:
    assert max_weight_assignment([]) == []
    assert max_weight_assignment([[0.5, 0.9], [0.8, 0.1]]) == [(0, 1), (1, 0)]
    # Greedy would take 0.9 and then 0.0; the optimum is 0.8 + 0.7.
    assert max_weight_assignment([[0.9, 0.8], [0.7, 0.0]]) == [(0, 1), (1, 0)]
    # More rows than columns, and the reverse.
    assert max_weight_assignment([[0.1], [0.9], [0.3]]) == [(1, 0)]
    assert max_weight_assignment([[0.1, 0.9, 0.3]]) == [(0, 1)]
    with pytest.raises(ValueError, match="rectangular"):
        max_weight_assignment([[1.0, 2.0], [1.0]])


def _brute_force(weights: list[list[float]]) -> float:
    from itertools import permutations

    rows, cols = len(weights), len(weights[0])
    if rows <= cols:
        return max(
            sum(weights[i][j] for i, j in enumerate(p)) for p in permutations(range(cols), rows)
        )
    return max(sum(weights[i][j] for j, i in enumerate(p)) for p in permutations(range(rows), cols))


def test_assignment_is_optimal_on_random_matrices() -> None:
    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        weights = [[rng.choice([0.0, rng.random()]) for _ in range(cols)] for _ in range(rows)]
        pairs = max_weight_assignment(weights)
        assert len(pairs) == min(rows, cols)
        assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
        total = sum(weights[i][j] for i, j in pairs)
        assert total == pytest.approx(_brute_force(weights))
