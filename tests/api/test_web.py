"""The web page through HTTP: sign in, fill the form, see the case; the note highlighter on its own."""

from __future__ import annotations

from spinemets.web.highlight import highlight_note


def _sign_in(client, app):
    _, secret = app.state.repository.create_token("clinic")
    response = client.post("/login", data={"token": secret}, follow_redirects=False)
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    return secret


def test_without_a_token_the_page_asks_for_one(client):
    page = client.get("/")
    assert page.status_code == 200 and 'name="token"' in page.text
    assert client.post("/login", data={"token": "smt_wrong"}).status_code == 401


def test_static_assets_need_no_token(client):
    assert client.get("/static/site.css").status_code == 200


def test_the_form_gives_a_stored_case_with_its_spine_and_differential(client, app):
    _sign_in(client, app)
    form = {"title": "form case", "histology": "leiomyosarcoma", "levels": "C2-T2", "index_level": "C6",
            "fractured_levels": "C6", "compressing_levels": "C6", "markers": "desmin+, SMA+, S100-, CD34-"}
    page = client.post("/analyze/form", data=form)
    assert page.status_code == 200 and str(page.url).split("/cases/")[1]
    assert 'data-level="C6" data-state="compressing"' in page.text
    assert 'data-level="C3" data-state="involved"' in page.text
    assert "report.pdf" in page.text
    assert "form case" in client.get("/").text


def test_a_form_mistake_comes_back_with_the_field_named_and_the_input_kept(client, app):
    _sign_in(client, app)
    page = client.post("/analyze/form", data={"levels": "C6", "fractured_levels": "C7", "markers": "desmin?"})
    assert page.status_code == 422
    assert "<b>levels</b>" in page.text and 'value="C7"' in page.text


def test_blank_form_fields_stay_unknown(client, app):
    from spinemets.web.form import case_from_form

    case = case_from_form({"levels": "C6, C7", "fractured_levels": "C6"})
    c6, c7 = case["lesions"]
    assert c6 == {"level": "C6", "pathological_fracture": True}
    assert c7 == {"level": "C7"}  # not "no fracture": nobody said so
    assert case["patient"] == {"age_years": None, "sex": None}


def test_a_case_page_of_another_token_is_not_found(client, app):
    _sign_in(client, app)
    page = client.post("/analyze/form", data={"levels": "L2"})
    case_url = str(page.url)
    _, other = app.state.repository.create_token("other")
    client.post("/login", data={"token": other})
    assert client.get(case_url).status_code == 404


def test_signed_out_case_pages_send_you_to_sign_in(client):
    response = client.get("/cases/6f1c5d1e-0000-4000-8000-000000000000", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_highlight_marks_each_span_and_escapes_the_rest():
    text = "Lytic C6 lesion <b> with cord compression."
    evidence = [{"field": "lesions[C6].bone", "value": "lytic", "spans": [[0, 5]]},
                {"field": "index_level", "value": "C6", "spans": [[6, 8]]},
                {"field": "overlapping", "value": "x", "spans": [[7, 12]]},
                {"field": "lesions[C6].neural_compression", "value": True, "spans": [[26, 42]]},
                {"field": "out of range", "value": 1, "spans": [[40, 400]]}]
    html = highlight_note(text, evidence)
    assert html.count("<mark") == 3
    assert '<mark class="fact" title="index_level: C6">C6</mark>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_a_pasted_note_is_stored_and_shown_with_its_facts_highlighted(client, app):
    _sign_in(client, app)
    note = "A 61-year-old woman with breast cancer had a lytic lesion at T8 with cord compression."
    page = client.post("/analyze/note", data={"text": note})
    assert page.status_code == 200 and "/cases/" in str(page.url)
    assert 'data-level="T8" data-state="compressing"' in page.text
    assert page.text.count('<mark class="fact"') >= 3
    assert 'title="patient.age_years: 61"' in page.text
