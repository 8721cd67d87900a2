"""
The catalog's first content, from the Morpheus API "Errors" page.

Status titles and descriptions are the page's "List of Error Codes" table
(split at its " -- "); troubleshooting text is the page's prose under each
status. The seed data migration writes this into the database, and the error
path answers from it when the database has never been reachable.
"""

from dataclasses import replace

from catalog.types import Catalog, Reason, Status

SEED_VERSION = -1

# The page's misspellings, corrected in the served text (the page stays as it is;
# migration 0015 corrected catalogs seeded before, and their history shows the original).
SEED_CORRECTIONS = {
    "We're temporarially offline for maintanance.": "We're temporarily offline for maintenance.",
    "could be not be found": "could not be found",
}


def seed_text_corrected(text: str) -> str:
    for misspelled, corrected in SEED_CORRECTIONS.items():
        text = text.replace(misspelled, corrected)
    return text


def _corrected(entry: Status) -> Status:
    fix = seed_text_corrected
    reasons = tuple(
        replace(r, message=fix(r.message), troubleshooting=fix(r.troubleshooting))
        for r in entry.reasons
    )
    return replace(
        entry,
        description=fix(entry.description),
        troubleshooting=fix(entry.troubleshooting),
        reasons=reasons,
    )


def _status(
    status: int, title: str, description: str, troubleshooting: str, *reasons: Reason
) -> Status:
    return Status(status, title, description, troubleshooting, tuple(reasons))


def _reason(
    code: str,
    status: int,
    message: str,
    *placeholders: str,
    help: str = "",
    overrides_detail: bool = False,
) -> Reason:
    return Reason(
        code, status, message, tuple(placeholders), help, overrides_detail=overrides_detail
    )


SEED_STATUSES: tuple[Status, ...] = (
    _status(
        400,
        "Bad Request",
        "Your request failed. Check your request parameters and try again.",
        "This error is returned if your request is invalid. Usually this is because a "
        "parameter is missing or the value is invalid. Try modifying your payload and "
        "retrying the request.",
        _reason(
            "invalid",
            400,
            "Unable to save {resource}",
            "resource",
            help="`errors` names each field that was refused and why. Correct those values "
            "and send the request again.",
        ),
        _reason(
            "invalid_parameters",
            400,
            "Invalid query parameters",
            help="`errors` names each query parameter that was refused and why.",
        ),
        _reason(
            "parse_error",
            400,
            "Malformed request body",
            help="The body could not be parsed. Send valid JSON with "
            "`Content-Type: application/json`, or a form body where the endpoint takes one.",
            # DRF's parsers give the JSON library's wording; clients get the catalog's.
            overrides_detail=True,
        ),
        _reason(
            "request_too_large",
            400,
            "Request body is too large",
            help="Send a smaller body, or split the change into several requests.",
        ),
        _reason(
            "bad_request",
            400,
            "Your request failed. Check your request parameters and try again.",
        ),
        _reason(
            "invalid_grant",
            400,
            "Bad credentials",
            help="The username and password (or the refresh token) were not accepted.",
        ),
        _reason(
            "unsupported_grant_type",
            400,
            "Unsupported grant type: {grant_type}",
            "grant_type",
            help="Use `grant_type=password` or `grant_type=refresh_token`.",
        ),
        _reason(
            "invalid_request",
            400,
            "Invalid token request",
            help="Send the credentials (`username`, `password`, `refresh_token`) as form "
            "fields (`Content-Type: application/x-www-form-urlencoded`), never in the query "
            "string; `client_id`, `grant_type` and `scope` may be in either.",
        ),
    ),
    _status(
        401,
        "Unauthorized",
        "Your API key is invalid. Check your Authorization header.",
        "The unauthorized error will be encountered unless you pass the authorization "
        "header.\n\nThe 401 error code is returned if your access token is invalid or expired.",
        _reason(
            "not_authenticated",
            401,
            "Full authentication is required to access this resource",
            help="The unauthorized error will be encountered unless you pass the "
            "authorization header: `Authorization: Bearer <access token>`.",
        ),
        _reason(
            "invalid_token",
            401,
            "Invalid access token",
            help="The access token is unknown or was revoked. Request a new one from "
            "`/oauth/token`.",
        ),
        _reason(
            "authentication_failed",
            401,
            "Incorrect authentication credentials.",
            help="The credentials sent were refused. Check them, or sign in again.",
        ),
        _reason(
            "invalid_client",
            401,
            "Bad client credentials",
            help="The `client_id` is unknown to the token endpoint. Use the client id "
            "the API gave your application.",
        ),
        _reason(
            "token_expired",
            401,
            "Access token expired",
            help="Access tokens expire. Use your refresh token with "
            "`grant_type=refresh_token` to get a new one.",
        ),
    ),
    _status(
        403,
        "Forbidden",
        "Your API key does not have the required role or permissions.",
        "This error is seen if you try to access an endpoint without the required "
        "permissions.\n\nFor this error example, use the token of user that does not have "
        "any admin permissions.",
        _reason(
            "insufficient_scope",
            403,
            "The access token's scope does not allow this request",
            help="Request a token with the scope this request needs (`write` to change "
            "anything, `read` or `write` to read).",
        ),
        _reason(
            "permission_denied",
            403,
            "You do not have permissions to access this api endpoint",
            help="Ask an administrator for a role that grants access to this endpoint.",
        ),
        _reason(
            "csrf_failed",
            403,
            "CSRF verification failed",
            help="Browser forms must send their CSRF token. API clients should "
            "authenticate with a bearer token instead of a session cookie.",
        ),
    ),
    _status(
        404,
        "Not Found",
        "The specified resource could not be found.",
        "This error indicates the specified endpoint path does not exist. Check the URL of "
        "your request and try again.\n\nThe 404 error code is returned if a resource could "
        "be not be found by the specified ID.",
        _reason(
            "endpoint_not_found",
            404,
            "Unable to find api endpoint {method} {path}",
            "method",
            "path",
            help="This error indicates the specified endpoint path does not exist. Check "
            "the URL of your request and try again.",
        ),
        _reason(
            "not_found",
            404,
            "{resource} not found",
            "resource",
            help="The 404 error code is returned if a resource could be not be found by "
            "the specified ID.",
        ),
    ),
    _status(
        405,
        "Method Not Allowed",
        "You tried to access a resource with an invalid method.",
        "The `Allow` header of the response lists the methods this endpoint accepts.",
        _reason(
            "method_not_allowed",
            405,
            "You tried to access a resource with an invalid method.",
            "method",
        ),
    ),
    _status(
        406,
        "Not Acceptable",
        "You requested a format that isn't json.",
        "Send `Accept: application/json` (or leave the header out).",
        _reason("not_acceptable", 406, "You requested a format that isn't json."),
    ),
    _status(
        410,
        "Gone",
        "The entity requested has been removed from our servers.",
        "The object existed but was removed; it will not come back. Remove the reference "
        "to it from your scripts.",
        _reason(
            "gone",
            410,
            "The entity requested has been removed from our servers.",
            "resource",
        ),
    ),
    _status(
        418,
        "I'm a Teapot",
        "I'm a teapot.",
        "The server refuses to brew coffee because it is, permanently, a teapot.",
        _reason("teapot", 418, "I'm a teapot."),
    ),
    _status(
        429,
        "Too Many Requests",
        "You're asking too much of the server. Slow down!",
        "Wait for the number of seconds in the `Retry-After` header before sending "
        "another request.",
        _reason("rate_limited", 429, "You're asking too much of the server. Slow down!"),
        _reason(
            "throttled",
            429,
            "You're asking too much of the server. Slow down!",
            help="A rate limit of the API (DRF's throttles) refused the request.",
        ),
    ),
    _status(
        500,
        "Internal Server Error",
        "We had a problem with our server. Try again later.",
        "This error indicates something went wrong with the request and an unexpected "
        "error has occurred.\n\nQuote the `requestId` of the response when you report it.",
        _reason("server_error", 500, "We had a problem with our server. Try again later."),
    ),
    _status(
        503,
        "Service Unavailable",
        "We're temporarially offline for maintanance. Please try again later.",
        "Wait for the number of seconds in the `Retry-After` header and try again.",
        _reason(
            "maintenance",
            503,
            "We're temporarially offline for maintanance. Please try again later.",
        ),
        _reason(
            "service_unavailable",
            503,
            "We're temporarially offline for maintanance. Please try again later.",
        ),
    ),
)


# Beyond the page's table: what a DRF API itself answers (DRF's own exception codes,
# and the statuses DRF APIs commonly raise), seeded so that they are never catalog gaps.
SEED_STATUSES += (
    _status(
        409,
        "Conflict",
        "The request conflicts with the current state of the resource.",
        "Fetch the resource again, apply your change to its current state and retry.",
    ),
    _status(
        415,
        "Unsupported Media Type",
        "The request body is in a format the endpoint does not accept.",
        "Send the body with a `Content-Type` the endpoint accepts, usually `application/json`.",
        _reason(
            "unsupported_media_type",
            415,
            "Unsupported media type in request",
            help="Send the body as JSON with `Content-Type: application/json`.",
        ),
    ),
    _status(
        422,
        "Unprocessable Content",
        "The request was well-formed but could not be processed.",
        "The body parsed, but its content can't be used as it is: see `msg` and `errors`.",
    ),
)
SEED_STATUSES = tuple(sorted(SEED_STATUSES, key=lambda entry: entry.status))
# As published (what the seed migrations write, so that history shows it), then as served.
SEED_STATUSES_PUBLISHED = SEED_STATUSES
SEED_STATUSES = tuple(_corrected(entry) for entry in SEED_STATUSES_PUBLISHED)
SEED_CATALOG = Catalog.from_statuses(list(SEED_STATUSES), version=SEED_VERSION)
