"""The IHC differential: the seed case, the model's stated properties, and clear errors."""

import math

import pytest

from spinemets.errors import InputError, UnknownNameError
from spinemets.knowledge.markers import positivity_table
from spinemets.pathology import cell_rate, differential

# Sun et al., Oncol Lett 2014 (doi:10.3892/ol.2014.2132): "positive for desmin and smooth muscle actin, and
# negative for S-100 protein, CD34 and CD56"; diagnosis leiomyosarcoma.
SEED = dict(positive=["desmin", "smooth muscle actin"], negative=["S-100 protein", "CD34", "CD56"])


def _rank(result, key):
    return [d.diagnosis for d in result.diagnoses].index(key) + 1


def test_seed_gives_leiomyosarcoma_first_with_why():
    result = differential(**SEED)
    first = result.diagnoses[0]
    assert first.diagnosis == "leiomyosarcoma"
    assert first.probability > 0.5
    by_marker = {c.marker: c for c in first.contributions}
    # desmin and SMA positivity are what speak for leiomyosarcoma
    assert by_marker["desmin"].log10_likelihood_ratio > 0.3
    assert by_marker["SMA"].log10_likelihood_ratio > 0.3
    assert set(by_marker) == {"desmin", "SMA", "S100", "CD34", "CD56"}


def test_probabilities_sum_to_one_and_are_sorted():
    result = differential(**SEED)
    probabilities = [d.probability for d in result.diagnoses]
    assert math.isclose(sum(probabilities), 1.0, abs_tol=1e-9)
    assert probabilities == sorted(probabilities, reverse=True)


def test_contributions_explain_the_ranking():
    """Posterior ratio of two diagnoses = prior ratio x 10 ** (difference of summed contributions)."""
    result = differential(**SEED)
    a, b = result.diagnoses[0], result.diagnoses[3]
    expected = sum(c.log10_likelihood_ratio for c in a.contributions) - sum(c.log10_likelihood_ratio for c in b.contributions)
    assert math.isclose(math.log10(a.probability / b.probability), expected, rel_tol=1e-9)


def test_no_markers_gives_the_prior():
    result = differential()
    assert all(math.isclose(d.probability, 1 / len(result.diagnoses)) for d in result.diagnoses)
    assert any("no IHC markers" in n for n in result.notes)


def test_not_reported_is_neutral_not_negative():
    table = positivity_table()
    assert cell_rate(table, "leiomyosarcoma", "CD34").rate is None  # no published rate in the sources read
    result = differential(negative=["CD34"])
    lms = next(d for d in result.diagnoses if d.diagnosis == "leiomyosarcoma")
    assert lms.contributions[0].log10_likelihood_ratio == 0.0


def test_a_marker_equal_in_all_tumours_changes_nothing(monkeypatch):
    import spinemets.pathology as pathology

    table = positivity_table()
    real = pathology.cell_rate

    def flat_ema(tbl, tumour, marker):
        return pathology.CellRate(0.4, "test: equal everywhere") if marker == "EMA" else real(tbl, tumour, marker)

    before = {d.diagnosis: d.probability for d in differential(**SEED).diagnoses}
    monkeypatch.setattr(pathology, "cell_rate", flat_ema)
    for result in ("positive", "negative", "focal"):
        extra = {**SEED, result: [*SEED.get(result, []), "EMA"]}
        after = {d.diagnosis: d.probability for d in differential(**extra).diagnoses}
        assert after == pytest.approx(before, abs=1e-12)
    assert table  # the real table was not touched


@pytest.mark.parametrize("marker", [m for m in positivity_table().markers if m not in {"desmin", "SMA", "S100", "CD34", "CD56"}])
def test_adding_a_marker_as_leiomyosarcoma_stains_keeps_it_first(marker):
    rate = cell_rate(positivity_table(), "leiomyosarcoma", marker).rate
    if rate is None:
        pytest.skip(f"{marker}: no leiomyosarcoma rate")
    result_kind = "positive" if rate >= 0.5 else "negative"
    extra = {**SEED, result_kind: [*SEED.get(result_kind, []), marker]}
    assert _rank(differential(**extra), "leiomyosarcoma") == 1


def test_discriminating_marker_raises_the_true_diagnosis():
    base = differential(**SEED)
    more = differential(**{**SEED, "positive": [*SEED["positive"], "h-caldesmon"]})
    p = lambda r: next(d.probability for d in r.diagnoses if d.diagnosis == "leiomyosarcoma")
    assert p(more) > p(base)


def test_focal_sits_between_positive_and_negative():
    p = lambda r: next(d.probability for d in r.diagnoses if d.diagnosis == "gastrointestinal_stromal_tumor")
    pos, foc, neg = (differential(**{kind: ["CD117"]}) for kind in ("positive", "focal", "negative"))
    assert p(neg) < p(foc) < p(pos)


def test_other_profiles_rank_their_tumour_first():
    assert differential(positive=["CD117", "DOG1", "CD34"]).diagnoses[0].diagnosis == "gastrointestinal_stromal_tumor"
    assert differential(positive=["STAT6", "CD34"]).diagnoses[0].diagnosis == "solitary_fibrous_tumor"
    assert differential(positive=["S100", "SOX10"], negative=["desmin"]).diagnoses[0].diagnosis == "spindle_cell_melanoma"
    assert differential(positive=["TLE1", "EMA"], negative=["CD34"]).diagnoses[0].diagnosis == "synovial_sarcoma"


def test_next_markers_separate_the_leaders():
    result = differential(**SEED)
    assert result.next_markers, "some unstained marker should separate the leading candidates"
    gains = [m.expected_information_gain_bits for m in result.next_markers]
    assert gains == sorted(gains, reverse=True)
    assert all(0 <= g <= math.log2(len(result.candidates_for_next)) for g in gains)
    stained = {"desmin", "SMA", "S100", "CD34", "CD56"}
    assert not stained & {m.marker for m in result.next_markers}


def test_unknown_marker_suggests_closest():
    with pytest.raises(UnknownNameError) as info:
        differential(positive=["desmn"])
    assert "desmin" in info.value.suggestions


def test_conflicting_results_are_an_error():
    with pytest.raises(InputError, match="both positive and negative"):
        differential(positive=["CD34"], negative=["cd 34"])


def test_vocabulary_marker_without_rates_is_noted_not_used():
    result = differential(**{**SEED, "positive": [*SEED["positive"], "Ki-67"]})
    assert any(n.startswith("Ki-67") for n in result.notes)
    assert "Ki-67" not in {c.marker for c in result.diagnoses[0].contributions}
