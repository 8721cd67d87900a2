"""
A corpus of bad inputs. Every one must answer catalog 4xx JSON: never a 500,
never an HTML page. Used in-process (test_bad_inputs.py) and over real HTTP
against gunicorn (test_api_e2e.py).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BadInput:
    name: str
    method: str
    path: str
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    authenticated: bool = True


JSON = {"Content-Type": "application/json"}
TOO_BIG = 3 * 1024 * 1024  # over Django's default DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)

CORPUS = [
    BadInput("malformed json", "POST", "/api/instances", b'{"instance": {"name": ', JSON),
    BadInput("json that is not an object", "POST", "/api/instances", b"[1, 2, 3]", JSON),
    BadInput("json null", "POST", "/api/instances", b"null", JSON),
    BadInput(
        "deeply nested json", "POST", "/api/instances", b"[" * 100_000 + b"]" * 100_000, JSON
    ),
    BadInput(
        "invalid utf-8 in json",
        "POST",
        "/api/instances",
        b'{"instance": {"name": "\xff\xfe"}}',
        JSON,
    ),
    BadInput(
        "null byte in a field",
        "POST",
        "/api/instances",
        b'{"instance": {"name": "web\\u0000one"}}',
        JSON,
    ),
    BadInput(
        "lone surrogate in a field",
        "POST",
        "/api/instances",
        b'{"instance": {"name": "\\ud800"}}',
        JSON,
    ),
    BadInput(
        "huge number in a field",
        "POST",
        "/api/instances",
        b'{"zoneId": 1e400, "instance": {"name": "x", "plan": {"id": 99999999999999999999}},'
        b' "volumes": [{"size": 1e400, "datastoreId": -1e400}]}',
        JSON,
    ),
    BadInput(
        "wrong field types",
        "POST",
        "/api/instances",
        b'{"instance": {"name": ["x"], "labels": "prod", "config": 5}}',
        JSON,
    ),
    BadInput(
        "wrong types in the Morpheus members",
        "POST",
        "/api/instances",
        b'{"zoneId": {}, "config": "x", "volumes": "root", "networkInterfaces": {"id": 1},'
        b' "tags": ["a"], "instance": {"name": "x", "site": [], "instanceType": "ubuntu",'
        b' "layout": {"id": true}, "plan": null}}',
        JSON,
    ),
    BadInput(
        "too many volumes and interfaces",
        "POST",
        "/api/instances",
        b'{"instance": {"name": "x"}, "volumes": ['
        + b",".join([b'{"size": 1}'] * 50_000)
        + b'], "networkInterfaces": ['
        + b",".join([b'{"network": {"id": "n"}}'] * 50_000)
        + b"]}",
        JSON,
    ),
    BadInput(
        "oversized config",
        "POST",
        "/api/instances",
        b'{"instance": {"name": "x"}, "config": {"k": "' + b"x" * 100_000 + b'"}}',
        JSON,
    ),
    BadInput(
        "user create without a user object",
        "POST",
        "/api/users",
        b'{"user": "jsmith"}',
        JSON,
    ),
    BadInput("huge user id", "GET", "/api/users/" + "9" * 500),
    BadInput("odd list parameters for users", "GET", "/api/users?sort=password&max=0&phrase=%00"),
    BadInput(
        "text/plain body", "POST", "/api/instances", b"name=x", {"Content-Type": "text/plain"}
    ),
    BadInput(
        "xml body", "POST", "/api/instances", b"<instance/>", {"Content-Type": "application/xml"}
    ),
    BadInput(
        "form body",
        "POST",
        "/api/instances",
        b"instance=x",
        {"Content-Type": "application/x-www-form-urlencoded"},
    ),
    BadInput(
        "broken multipart",
        "POST",
        "/api/instances",
        b"--xx\r\nbroken",
        {"Content-Type": "multipart/form-data; boundary=zz"},
    ),
    BadInput(
        "body over the size limit",
        "POST",
        "/api/instances",
        b'{"instance": {"name": "' + b"x" * TOO_BIG + b'"}}',
        JSON,
    ),
    BadInput("empty id", "GET", "/api/instances/"),
    BadInput("huge id", "GET", "/api/instances/" + "9" * 500),
    BadInput("negative id", "GET", "/api/instances/-1"),
    BadInput("null byte in the path", "GET", "/api/instances/%00"),
    BadInput("odd unicode in the path", "GET", "/api/instances/%F0%9F%92%A9%E2%80%AE"),
    BadInput("invalid utf-8 in the path", "GET", "/api/%FF%FE/instances"),
    BadInput("very long query string", "GET", "/api/instances?phrase=" + "x" * 60_000),
    BadInput(
        "odd unicode in the query", "GET", "/api/instances?sort=%00&max=%F0%9F%92%A9&offset=%FF"
    ),
    BadInput("unknown method", "PROPFIND", "/api/instances"),
    BadInput("accept nothing json", "GET", "/api/instances", headers={"Accept": "text/csv"}),
    BadInput("garbage accept", "GET", "/api/instances", headers={"Accept": ";;;,,,/"}),
    BadInput(
        "garbage authorization",
        "GET",
        "/api/whoami",
        headers={"Authorization": "Bearer " + "x" * 5000},
        authenticated=False,
    ),
    BadInput(
        "authorization with spaces",
        "GET",
        "/api/whoami",
        headers={"Authorization": "Bearer a b c"},
        authenticated=False,
    ),
    BadInput(
        "unknown scheme",
        "GET",
        "/api/whoami",
        headers={"Authorization": "Basic Zm9vOmJhcg=="},
        authenticated=False,
    ),
    BadInput("bad host", "GET", "/api/ping", headers={"Host": "evil.example.com"}),
    BadInput(
        "token as json",
        "POST",
        "/oauth/token?client_id=morph-api&grant_type=password",
        b'{"username": "x"}',
        JSON,
        authenticated=False,
    ),
    BadInput(
        "token as multipart without a boundary",
        "POST",
        "/oauth/token?client_id=morph-api&grant_type=password",
        b"username=a&password=b",
        {"Content-Type": "multipart/form-data"},
        authenticated=False,
    ),
    BadInput(
        "token with a null byte",
        "POST",
        "/oauth/token?client_id=morph-api&grant_type=password",
        b"username=a%00b&password=x",
        {"Content-Type": "application/x-www-form-urlencoded"},
        authenticated=False,
    ),
]
