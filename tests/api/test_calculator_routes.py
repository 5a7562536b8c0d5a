"""Scores and plans over HTTP: the routes are thin, so these check the wiring against hand-computed values."""

from __future__ import annotations


def test_sins_calculator_over_http(client, owner):
    # Fisher et al. 2010 (doi:10.1097/BRS.0b013e3181e16ae2): mobile 2 + mechanical pain 3 + lytic 2 +
    # normal alignment 0 + collapse > 50% 3 + no posterolateral involvement 0 = 10, potentially unstable (7-12).
    items = {"location": "mobile", "pain": "mechanical", "bone": "lytic", "alignment": "normal",
             "collapse": "more_than_50", "posterolateral": "none"}
    response = client.post("/v1/scores/sins", json={"inputs": items}, headers=owner)
    assert response.status_code == 200
    assert (response.json()["total"], response.json()["category"]) == (10, "potentially unstable")


def test_a_score_of_the_seed_case_is_a_range_with_its_missing_facts(client, owner, seed_data):
    response = client.post("/v1/scores/sins", json={"case": seed_data}, headers=owner)
    body = response.json()
    assert response.status_code == 200 and body["level"] == "C6" and body["total"] is None
    assert body["range"][0] < body["range"][1]
    assert {m["fact"] for m in body["missing"]} >= {"lesions[C6].pain", "lesions[C6].alignment"}


def test_score_errors_name_what_is_allowed(client, owner, seed_data):
    unknown = client.post("/v1/scores/sinz", json={"case": seed_data}, headers=owner)
    assert unknown.status_code == 422 and "sins" in unknown.json()["problems"][0]["message"]
    not_involved = client.post("/v1/scores/sins", json={"case": seed_data, "level": "L4"}, headers=owner)
    assert not_involved.status_code == 422 and not_involved.json()["problems"][0]["field"] == "level"
    both = client.post("/v1/scores/sins", json={"case": seed_data, "inputs": {}}, headers=owner)
    assert both.status_code == 422


def test_rt_plan_bed_and_eqd2_of_a_single_8_gy_fraction(client, owner):
    # Linear-quadratic model: BED = n d (1 + d / (alpha/beta)) = 8 x 1.8 = 14.4 Gy; EQD2 = 14.4 / 1.2 = 12 Gy.
    response = client.post("/v1/plan/rt", json={"total_dose_gy": 8, "fractions": 1, "levels": ["T8"]},
                           headers=owner)
    assert response.status_code == 200
    tumour = next(t for t in response.json()["tissues"] if t["tissue"] == "tumour")
    assert (tumour["alpha_beta_gy"], tumour["bed_gy"], tumour["eqd2_gy"]) == (10.0, 14.4, 12.0)


def test_rt_plan_refuses_impossible_courses(client, owner):
    response = client.post("/v1/plan/rt", json={"total_dose_gy": -8, "fractions": 1}, headers=owner)
    assert response.status_code == 422 and response.json()["problems"][0]["field"] == "total_dose_gy"
    response = client.post("/v1/plan/rt", json={"total_dose_gy": "NaN", "fractions": 1}, headers=owner)
    assert response.status_code == 422


def test_chemo_plan_of_the_seed_regimen(client, owner):
    # Sun et al. 2014: doxorubicin 25 mg/m2 on days 1-3 of 28, six courses: 75 mg/m2 a cycle, 450 mg/m2 in all.
    response = client.post("/v1/plan/chemo", json={"regimen": "doxorubicin-25x3-q28", "cycles": 6}, headers=owner)
    assert response.status_code == 200
    drug = response.json()["drugs"][0]
    assert drug["per_cycle"] == {"value": 75.0, "unit": "mg/m2"}
    assert drug["cumulative"] == {"value": 450.0, "unit": "mg/m2"}


def test_chemo_plan_unknown_regimen_suggests_names(client, owner):
    response = client.post("/v1/plan/chemo", json={"regimen": "doxorubicn", "cycles": 6}, headers=owner)
    assert response.status_code == 422 and "doxorubicin" in response.json()["problems"][0]["message"]


def test_extract_gives_facts_with_their_place_in_the_text(client, owner):
    text = "A 45-year-old man with leiomyosarcoma had a lytic lesion at C6 with cord compression."
    response = client.post("/v1/extract", json={"text": text}, headers=owner)
    assert response.status_code == 200
    body = response.json()
    assert body["schema"]["spinal_levels"] == ["C6"] and body["case"]["index_level"] in (None, "C6")
    for fact in body["facts"]:
        assert text[fact["start"]:fact["end"]] == fact["text"]


def test_extract_refuses_an_empty_note_naming_the_field(client, owner):
    response = client.post("/v1/extract", json={"text": ""}, headers=owner)
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"].endswith("text")


def test_extract_warns_that_a_note_in_another_language_is_not_read(client, owner):
    # our own Spanish sentences about an invented patient
    text = ("El paciente de cincuenta años presentó dolor lumbar y debilidad de las piernas. La resonancia mostró una "
            "lesión en la vértebra con compresión de la médula. Se realizó una biopsia que confirmó un carcinoma de "
            "células claras del riñón. Recibió radioterapia y después cirugía de descompresión con fijación. "
            "Durante el seguimiento el paciente se encuentra estable y camina sin ayuda con buena calidad de vida.")
    response = client.post("/v1/extract", json={"text": text}, headers=owner)
    assert response.status_code == 200
    assert any("English" in warning for warning in response.json()["warnings"])
