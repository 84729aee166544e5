"""Schemathesis against the app's own OpenAPI spec: generated requests, signed by an enrolled device, never a 5xx.

Runs in-process (ASGI) to stay quick; the same app as ``baocao-server serve``. Signed endpoints would
only ever see "unsigned" without signatures, so each generated request is signed as a device would.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from desktop.sync.device_keys import ProvinceKeys
from desktop.sync.request_signing import sign_request
from server.app import create_app
from server.config import Settings
from tests.server.inprocess import TestClient, fuzz_app

_state: dict[str, object] = {}
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")


@pytest.fixture(scope="module")
def fuzz_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    app, key = fuzz_app(tmp_path_factory.mktemp("fuzz"))
    _state["key"] = key
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _spec() -> dict:
    with tempfile.TemporaryDirectory() as directory:
        app = create_app(Settings.from_env(directory), ProvinceKeys.generate())
        app.state.baocao.db.dispose()
        return app.openapi()


schema = schemathesis.openapi.from_dict(_spec())


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error(case, fuzz_client: TestClient) -> None:
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    body = kwargs.get("json")
    request = fuzz_client.build_request(kwargs["method"], kwargs["url"], params=kwargs.get("params"),
                                        headers={k: str(v) for k, v in (kwargs.get("headers") or {}).items()},
                                        json=body if body is not None else None,
                                        content=kwargs.get("data") if body is None else None)
    if case.operation.path not in ("/v1/health", "/v1/enroll"):
        target = request.url.raw_path.decode("latin-1")
        request.headers.update(sign_request(_state["key"], request.method, target, request.read(),
                                            headers=request.headers))
    response = fuzz_client.send(request)
    assert response.status_code < 500, f"{request.method} {request.url} -> {response.status_code}: {response.text}"
