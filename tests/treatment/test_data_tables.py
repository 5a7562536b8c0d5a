"""The treatment data files load, cite a source for every number, and agree with clinical_kb where it says so."""

from spinemets.knowledge.markers import positivity_table
from spinemets.knowledge.radiobiology import alpha_betas, reirradiation, schemes, structures
from spinemets.knowledge.regimens import anthracyclines, hepatic_bands, regimens


def test_every_regimen_has_a_source_and_units():
    for reg in regimens().values():
        assert reg.citation and reg.evidence
        assert all(d.unit in ("mg/m2", "mg/kg", "mg") for d in reg.drugs)


def test_anthracycline_risk_grows_with_dose():
    dox = anthracyclines()["doxorubicin"]
    label = dox["label_risk_percent"]["by_cumulative_mg_per_m2"]
    lows = [label[k][0] for k in sorted(label)]
    assert lows == sorted(lows) and label[450.0] == [5, 8]
    assert dox["lifetime_limit_with_cardiac_exposure_mg_per_m2"] < dox["lifetime_limit_mg_per_m2"] == 550


def test_hepatic_bands_cover_every_bilirubin_once():
    bands = hepatic_bands()["doxorubicin"].bands
    assert bands[0].above_mg_dl == 0 and bands[-1].up_to_mg_dl is None
    assert all(a.up_to_mg_dl == b.above_mg_dl for a, b in zip(bands, bands[1:]))


def test_radiobiology_tables():
    assert alpha_betas()["tumour"].value_gy == 10 and alpha_betas()["spinal_cord"].value_gy == 2
    names = {s.name for s in schemes()}
    assert {"8Gy/1", "20Gy/5", "30Gy/10", "24Gy/2", "27Gy/3", "30Gy/5", "50Gy/25"} <= names
    assert all(s.citation for s in schemes())
    cord = structures()["spinal_cord"]
    sahgal = next(l for l in cord.limits if l.kind == "dmax_by_fractions").values_by_fractions_gy
    assert sahgal == {1: 12.4, 2: 17.0, 3: 20.3, 4: 23.0, 5: 25.3}
    rule = reirradiation()
    assert (rule.cumulative_eqd2_max_gy, rule.reirradiation_eqd2_max_gy, rule.minimum_interval_months) == (70, 25, 5)


def test_marker_table_sources_all_cited():
    table = positivity_table()
    used = {o.source for t in table.tumours for obs in t.markers.values() for o in obs}
    assert used <= set(table.sources)
    assert len(table.tumours) == 10
