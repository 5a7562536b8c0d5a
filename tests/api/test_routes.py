"""The REST API as a program uses it: tokens, the analysis, stored cases with history, reports, refusals."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import SEED_CASE

PROTECTED = [("post", "/v1/analyze"), ("post", "/v1/extract"), ("post", "/v1/ihc"), ("get", "/v1/cases"),
             ("post", "/v1/cases"), ("get", f"/v1/cases/{uuid.uuid4()}"), ("get", f"/v1/cases/{uuid.uuid4()}/report.pdf")]


def test_healthz_needs_no_token(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


@pytest.mark.parametrize("method,path", PROTECTED)
def test_every_route_wants_a_token(client, method, path):
    for headers in ({}, {"Authorization": "Bearer smt_not-a-real-token"}, {"Authorization": "Basic eDp5"}):
        response = client.request(method, path, json={}, headers=headers)
        assert response.status_code == 401, (path, headers)
        assert response.json()["error"] == "unauthorized"
        assert "spinemets token create" in response.json()["problems"][0]["allowed"]


def test_the_api_description_needs_a_token_too(client, owner):
    for path in ("/openapi.json", "/docs"):
        assert client.get(path).status_code == 401
        assert client.get(path, headers=owner).status_code == 200


def test_every_v1_route_in_the_openapi_spec_declares_the_bearer_token(client, owner):
    spec = client.get("/openapi.json", headers=owner).json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if path.startswith("/v1"):
                assert operation.get("security"), f"{method} {path}"


def test_analyze_a_case_gives_the_same_object_as_the_cli(client, owner, seed_data):
    response = client.post("/v1/analyze", json={"case": seed_data}, headers=owner)
    assert response.status_code == 200
    cli = subprocess.run([str(Path(sys.executable).parent / "spinemets"), "analyze", str(SEED_CASE), "--json"],
                         capture_output=True, text=True, check=True)
    assert response.json() == json.loads(cli.stdout)


def test_a_bad_case_is_a_422_naming_the_field_value_and_what_is_allowed(client, owner, seed_data):
    bad = dict(seed_data, lesions=[{"level": "C9"}], performance={"kps": 75})
    response = client.post("/v1/analyze", json={"case": bad}, headers=owner)
    assert response.status_code == 422
    problems = {p["field"]: p for p in response.json()["problems"]}
    assert problems["case.lesions[0].level"]["value"] == "C9"
    assert "C1-C7" in problems["case.lesions[0].level"]["allowed"]
    assert "steps of 10" in problems["case.performance.kps"]["message"] + problems["case.performance.kps"]["allowed"]


@pytest.mark.parametrize("body,field", [
    ({}, "body"), ({"text": "x", "case": {}}, "body"), ({"case": "C6"}, "case"), ({"text": ""}, "text"),
    ({"case": {}, "colour": "red"}, "colour"),
])
def test_analyze_input_shape_errors_name_the_field(client, owner, body, field):
    response = client.post("/v1/analyze", json=body, headers=owner)
    assert response.status_code == 422
    assert field in [p["field"] for p in response.json()["problems"]]


def test_not_json_at_all_is_a_422(client, owner):
    response = client.post("/v1/analyze", content=b"{not json", headers={**owner, "content-type": "application/json"})
    assert response.status_code == 422


def test_bodies_over_the_limit_are_refused_with_413(client, owner, settings):
    big = {"case": {"notes": ["x" * (settings.max_body_bytes + 10)]}}
    response = client.post("/v1/analyze", json=big, headers=owner)
    assert response.status_code == 413
    assert str(settings.max_body_bytes) in response.json()["problems"][0]["allowed"]


def test_store_read_update_delete_a_case_with_its_history(client, owner, seed_data):
    created = client.post("/v1/cases", json={"case": seed_data}, headers=owner)
    assert created.status_code == 201
    case_id = created.json()["id"]
    assert created.json()["title"] == seed_data["title"]
    assert created.json()["analysis"]["case"]["index_level"] == "C6"

    listed = client.get("/v1/cases", headers=owner).json()["cases"]
    assert [c["id"] for c in listed] == [case_id]

    changed = dict(seed_data, index_level="C5")
    updated = client.put(f"/v1/cases/{case_id}", json={"case": changed, "title": "C5 instead"}, headers=owner)
    assert updated.status_code == 200 and updated.json()["title"] == "C5 instead"
    assert client.get(f"/v1/cases/{case_id}", headers=owner).json()["case"]["index_level"] == "C5"

    again = client.post(f"/v1/cases/{case_id}/analyses", headers=owner)
    assert again.status_code == 201
    history = client.get(f"/v1/cases/{case_id}/analyses", headers=owner).json()["analyses"]
    assert [h["analysis"]["case"]["index_level"] for h in history] == ["C6", "C5", "C5"]

    assert client.delete(f"/v1/cases/{case_id}", headers=owner).status_code == 204
    assert client.get(f"/v1/cases/{case_id}", headers=owner).status_code == 404
    actions = [e["action"] for e in client.get(f"/v1/cases/{case_id}/audit", headers=owner).json()["events"]]
    assert actions == ["create", "update", "read", "analyze", "read", "delete"]


def test_an_invalid_update_changes_nothing(client, owner, seed_data):
    case_id = client.post("/v1/cases", json={"case": seed_data}, headers=owner).json()["id"]
    response = client.put(f"/v1/cases/{case_id}", json={"case": {"lesions": [{"level": "Z1"}]}}, headers=owner)
    assert response.status_code == 422
    assert client.get(f"/v1/cases/{case_id}", headers=owner).json()["case"]["index_level"] == "C6"


def test_another_token_gets_404_for_every_case_route(client, owner, stranger, seed_data):
    case_id = client.post("/v1/cases", json={"case": seed_data}, headers=owner).json()["id"]
    for method, path, body in [("get", "", None), ("put", "", {"case": seed_data}), ("delete", "", None),
                               ("get", "/analyses", None), ("post", "/analyses", None), ("get", "/audit", None),
                               ("get", "/report.html", None), ("get", "/report.pdf", None)]:
        response = client.request(method, f"/v1/cases/{case_id}{path}", json=body, headers=stranger)
        assert response.status_code == 404, (method, path)
    assert client.get("/v1/cases", headers=stranger).json()["cases"] == []
    assert client.get(f"/v1/cases/{case_id}", headers=owner).status_code == 200
    tokens = {e["token"] for e in client.get(f"/v1/cases/{case_id}/audit", headers=owner).json()["events"]}
    assert tokens == {"owner"}


def test_a_malformed_case_id_is_a_422_not_a_500(client, owner):
    response = client.get("/v1/cases/not-a-uuid", headers=owner)
    assert response.status_code == 422 and response.json()["problems"][0]["field"] == "path.case_id"


def test_reports_of_a_stored_case(client, owner, seed_data):
    case_id = client.post("/v1/cases", json={"case": seed_data}, headers=owner).json()["id"]
    html = client.get(f"/v1/cases/{case_id}/report.html", headers=owner)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert 'data-level="C6" data-state="compressing"' in html.text
    assert "<style>" in html.text and 'href="/static' not in html.text  # standalone: nothing to fetch
    pdf = client.get(f"/v1/cases/{case_id}/report.pdf", headers=owner)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-") and len(pdf.content) > 5000
    actions = [e["action"] for e in client.get(f"/v1/cases/{case_id}/audit", headers=owner).json()["events"]]
    assert actions == ["create", "report", "report"]


def test_ihc_ranks_leiomyosarcoma_first_for_the_seed_stains(client, owner):
    # Sun et al. 2014 (doi:10.3892/ol.2014.2132): desmin+, SMA+, S100-, CD34-, CD56- in a leiomyosarcoma.
    body = {"positive": ["desmin", "SMA"], "negative": ["S100", "CD34", "CD56"]}
    response = client.post("/v1/ihc", json=body, headers=owner)
    assert response.status_code == 200
    assert response.json()["diagnoses"][0]["diagnosis"] == "leiomyosarcoma"


def test_ihc_unknown_marker_suggests_close_names(client, owner):
    response = client.post("/v1/ihc", json={"positive": ["desmine"]}, headers=owner)
    assert response.status_code == 422
    assert "desmin" in response.json()["problems"][0]["message"]


def test_patient_text_never_reaches_the_logs(client, owner, seed_data, caplog):
    secret_words = "Zyxwvut Qponmlk unique-patient-words"
    case = dict(seed_data, title=secret_words, notes=[secret_words])
    with caplog.at_level("DEBUG"):
        client.post("/v1/cases", json={"case": case}, headers=owner)
        client.post("/v1/analyze", json={"case": case}, headers=owner)
        client.post("/v1/analyze", json={"case": dict(case, lesions=[{"level": secret_words}])}, headers=owner)
        client.post("/v1/extract", json={"text": secret_words}, headers=owner)
    assert caplog.records, "the request log should have written something"
    assert "Zyxwvut" not in caplog.text and "Qponmlk" not in caplog.text


def test_a_case_stored_from_a_note_keeps_the_note_for_its_evidence(client, owner):
    note = "A 61-year-old woman with breast cancer had a lytic lesion at T8 with cord compression."
    created = client.post("/v1/cases", json={"text": note}, headers=owner)
    assert created.status_code == 201 and created.json()["from_note"] is True
    assert created.json()["case"]["patient"]["age_years"] == 61
    assert "extraction" in created.json()["analysis"]


def test_a_streamed_body_without_length_is_cut_off_at_the_limit(client, owner, settings):
    def chunks():
        yield b'{"case": {"notes": ["'
        for _ in range(settings.max_body_bytes // 65536 + 2):
            yield b"x" * 65536
        yield b'"]}}'

    response = client.post("/v1/analyze", content=chunks(), headers={**owner, "content-type": "application/json"})
    assert response.status_code == 413
