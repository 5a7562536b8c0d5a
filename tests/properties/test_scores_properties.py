"""Properties of every score: totals stay in the published range, and adding a fact never widens the range.

Checked twice: on calculator input (any subset of options per item), and on whole cases where one unknown
fact at a time becomes known.
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from spinemets.casefile import case_from_data
from spinemets.errors import InputError
from spinemets.knowledge.histologies import histology_names
from spinemets.knowledge.tables import SCORE_KEYS, score_table
from spinemets.scores import calculate, score_all

AVAILABLE = [k for k in SCORE_KEYS if score_table(k).available]


def _inside(inner, outer, table) -> bool:
    if table.is_grade:
        order = table.items[0].option_keys
        return (
            order.index(outer[0]) <= order.index(inner[0]) <= order.index(inner[1]) <= order.index(outer[1])
        )
    return outer[0] <= inner[0] <= inner[1] <= outer[1]


@st.composite
def partial_inputs(draw, key):
    """For some items, a non-empty subset of options (a partial fact); other items left open."""
    table = score_table(key)
    chosen = {}
    for item in table.items:
        if draw(st.booleans()):
            options = draw(st.lists(st.sampled_from(item.option_keys), min_size=1, unique=True))
            chosen[item.key] = "|".join(options)
    return chosen


@settings(max_examples=60, deadline=None)
@given(data=st.data(), key=st.sampled_from(AVAILABLE))
def test_totals_stay_within_the_published_range_and_narrowing_never_widens(data, key):
    table = score_table(key)
    inputs = data.draw(partial_inputs(key))
    result = calculate(key, inputs)
    if table.is_grade:
        assert result.range[0] in table.items[0].option_keys and result.range[1] in table.items[0].option_keys
    else:
        low, high = table.range
        assert low <= result.range[0] <= result.range[1] <= high
        if result.total is not None:
            caps = [v.choices[v.default].cap for v in table.variants.values() if v.choices[v.default].cap]
            # Determined: every item fixed, or (NESMS) the ceiling reached whatever the open items hold.
            assert result.total == min([sum(min(i.possible) for i in result.items), *caps])
            assert all(i.points is not None for i in result.items) or result.total in caps
    assert set(result.categories) >= ({result.category} if result.category else set())
    # Narrow one item to a single option among those still possible: the range may only shrink.
    item = data.draw(st.sampled_from(table.items))
    still = next(i for i in result.items if i.item == item.key).options
    narrowed = calculate(key, {**inputs, item.key: data.draw(st.sampled_from(still))})
    assert _inside(narrowed.range, result.range, table)
    assert set(narrowed.categories) <= set(result.categories)


# --- whole cases -------------------------------------------------------------------------------------------
LESION_FIELDS = {
    "pain": ["mechanical", "occasional_non_mechanical", "none", "present"],
    "bone": ["lytic", "blastic", "mixed"],
    "alignment": ["normal", "deformity", "subluxation"],
    "collapse": ["none", "less_than_50", "more_than_50", "none_but_over_50_involved"],
    "posterolateral": ["none", "unilateral", "bilateral"],
    "csf_visible_around_cord": [True, False],
}
LAB_FIELDS = {
    "albumin_g_dl": st.floats(1.5, 5.5),
    "crp_mg_dl": st.floats(0, 10),
    "ldh_u_l": st.floats(100, 900),
    "platelets_10e9_l": st.floats(20, 500),
    "calcium_mg_dl": st.floats(7, 13),
    "bilirubin_mg_dl": st.floats(0.1, 4),
}
LEVELS = ["C2", "C6", "C7", "T4", "T8", "T12", "L1", "L3", "L5", "S1", "S3"]


@st.composite
def facts(draw):
    """(case data, list of (path, value) facts still unknown in it that could be added)."""
    levels = draw(st.lists(st.sampled_from(LEVELS), min_size=1, max_size=4, unique=True))
    lesions, addable = [], []
    for level in levels:
        lesion = {"level": level, "neural_compression": draw(st.sampled_from([True, False, None]))}
        for name, values in LESION_FIELDS.items():
            value = draw(st.sampled_from([None, *values]))
            if value is None:
                addable.append((("lesion", level, name), draw(st.sampled_from(values))))
            else:
                lesion[name] = value
        lesions.append(lesion)
    data = {
        "lesions": lesions,
        "primary": {},
        "labs": {},
        "performance": {},
        "neurology": {},
        "metastases": [],
    }
    histology = draw(st.sampled_from([None, *histology_names()]))
    if histology is None:
        addable.append((("primary", "histology"), draw(st.sampled_from(histology_names()))))
    else:
        data["primary"]["histology"] = histology
    chemo = draw(st.sampled_from([None, True, False]))
    if chemo is None:
        addable.append((("primary", "prior_chemotherapy"), draw(st.booleans())))
    else:
        data["primary"]["prior_chemotherapy"] = chemo
    scale = draw(st.sampled_from(["ecog", "kps", None]))
    ecog, kps = draw(st.integers(0, 4)), draw(st.sampled_from(range(10, 101, 10)))
    if scale == "ecog":
        data["performance"]["ecog"] = ecog
    elif scale == "kps":
        data["performance"]["kps"] = kps
    else:
        addable.append((("performance", "ecog"), ecog))
    for name, strategy in LAB_FIELDS.items():
        value = draw(st.one_of(st.none(), strategy))
        if value is None:
            addable.append((("labs", name), draw(strategy)))
        else:
            data["labs"][name] = value
    amb = draw(st.sampled_from([None, "independent", "with_aid", "non_ambulatory"]))
    if amb is None:
        addable.append(
            (
                ("neurology", "ambulation"),
                draw(st.sampled_from(["independent", "with_aid", "non_ambulatory"])),
            )
        )
    else:
        data["neurology"]["ambulation"] = amb
    if draw(st.booleans()):
        lung = {"organ": "lung", "present": True}
        for name in ("resectable", "dissemination"):
            value = draw(st.sampled_from([None, True, False]))
            if value is None:
                addable.append((("lung", name), draw(st.booleans())))
            else:
                lung[name] = value
        data["metastases"].append(lung)
    staging = draw(st.sampled_from([None, True]))
    if staging is None:
        addable.append((("staging_complete",), True))
    else:
        data["staging_complete"] = True
    return data, addable


def _add(data, path, value):
    import copy

    data = copy.deepcopy(data)
    if path[0] == "lesion":
        next(lesion for lesion in data["lesions"] if lesion["level"] == path[1])[path[2]] = value
    elif path[0] == "lung":
        data["metastases"][0][path[1]] = value
    elif len(path) == 1:
        data[path[0]] = value
    else:
        data[path[0]][path[1]] = value
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=facts(), pick=st.integers(0, 10_000))
def test_adding_a_fact_to_a_case_never_widens_any_score_range(drawn, pick):
    data, addable = drawn
    assume(addable)
    path, value = addable[pick % len(addable)]
    try:
        before = score_all(case_from_data(data))
        after = score_all(case_from_data(_add(data, path, value)))
    except InputError:
        assume(False)  # facts that contradict each other (e.g. no compression but CSF effaced) are refused
        return
    for key in AVAILABLE:
        table = score_table(key)
        if before[key].level != after[key].level:
            continue  # the worst level may move to another vertebra once its facts are known
        assert _inside(after[key].range, before[key].range, table), (
            key,
            path,
            value,
            before[key].range,
            after[key].range,
        )
        for item_before, item_after in zip(before[key].items, after[key].items):
            assert set(item_after.options) <= set(item_before.options), (key, item_after.item, path, value)
        low, high = after[key].range if not table.is_grade else (0, 0)
        if not table.is_grade:
            assert table.range[0] <= low <= high <= table.range[1]
