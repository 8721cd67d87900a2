"""What every error body of the catalog looks like, whatever the error."""

import re

REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")


def catalog_error(response, status=None):
    """The body of a catalog error response, after checking its shape; status: the expected one."""
    if status is not None:
        assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["success"] is False
    assert body["status"] == response.status_code
    assert isinstance(body["code"], str)
    assert body["code"]
    assert isinstance(body["msg"], str)
    assert body["msg"].strip()
    # The reason's anchor; its status's for a code the catalog lacks (a catalog gap).
    # No anchor when the catalog has neither (a status of the project's own).
    anchors = (f"/errors/#{body['code']}", f"/errors/#{body['status']}", "/errors/")
    assert body["helpUrl"].endswith(anchors)
    assert REQUEST_ID.fullmatch(body["requestId"])
    if "X-Request-ID" in response:
        assert response["X-Request-ID"] == body["requestId"]
    assert isinstance(body["errors"], dict)
    return body
