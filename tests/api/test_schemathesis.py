"""A bounded schemathesis run over the OpenAPI spec, with a valid token: no input makes the service fail (5xx).

Every refusal is also checked to be our problem body. Examples per operation are bounded (and
derandomized) so the run is repeatable and stays within a minute or so.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES_PER_OPERATION = 40


def _check_operation(operation, headers) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck),
              derandomize=True, database=None)
    def run(case) -> None:
        response = case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error])
        if 400 <= response.status_code < 500 and "json" in response.headers.get("content-type", ""):
            body = response.json()
            assert "error" in body and isinstance(body.get("problems"), list), body

    run()


def test_no_input_makes_the_service_fail(app, owner):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        _check_operation(operation, owner)
