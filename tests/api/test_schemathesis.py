"""A bounded schemathesis run over the OpenAPI spec, with a valid token: no input makes the service fail (5xx).

Every refusal is also checked to be our problem body. Where random values would only ever meet a 404 or an
"unknown name" 422 (a case id, a score name, a regimen), a share of the examples use real ones, so the
generated bodies reach the library. Examples per operation are bounded and derandomized: repeatable, and
about a minute.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

EXAMPLES_PER_OPERATION = 40


def _real_names() -> dict[str, list[str]]:
    from spinemets.knowledge.regimens import regimens
    from spinemets.knowledge.tables import SCORE_KEYS

    return {"name": list(SCORE_KEYS), "regimen": sorted(regimens())}


def _check_operation(operation, headers, case_ids: list[str], names: dict[str, list[str]]) -> None:
    @given(case=operation.as_strategy(), data=st.data())
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck),
              derandomize=True, database=None)
    def run(case, data) -> None:
        if data.draw(st.booleans()):
            parameters = case.path_parameters or {}
            if "case_id" in parameters:
                parameters["case_id"] = data.draw(st.sampled_from(case_ids))
            if "name" in parameters:
                parameters["name"] = data.draw(st.sampled_from(names["name"]))
            if isinstance(case.body, dict) and "regimen" in case.body:
                case.body["regimen"] = data.draw(st.sampled_from(names["regimen"]))
        response = case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error])
        if 400 <= response.status_code < 500 and "json" in response.headers.get("content-type", ""):
            body = response.json()
            assert "error" in body and isinstance(body.get("problems"), list), body

    run()


def test_no_input_makes_the_service_fail(app, client, owner, seed_data):
    case_ids = [client.post("/v1/cases", json={"case": seed_data}, headers=owner).json()["id"] for _ in range(3)]
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, headers=owner)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    names = _real_names()
    # Deleting first would leave the other operations nothing to work on.
    operations.sort(key=lambda op: op.method.upper() == "DELETE")
    for operation in operations:
        _check_operation(operation, owner, case_ids, names)
