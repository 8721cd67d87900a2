"""
Building the error body and response from an ApiError and the catalog snapshot.

Everything the client reads comes from the catalog; a status or reason missing
from it still answers in the same shape and is logged as a catalog gap.
"""

import functools
import json
import logging
from dataclasses import dataclass
from http import HTTPStatus
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from catalog.conf import catalog_settings
from catalog.errors.challenge import challenge_worded
from catalog.errors.languages import SOURCE_LANGUAGE, language_from_request, text_localized
from catalog.errors.requests import is_oauth_request, request_id_get, request_id_header_set
from catalog.errors.snapshot import catalog_get
from catalog.errors.templating import template_render
from catalog.telemetry.request_log import request_log_url
from catalog.telemetry.served import error_served
from catalog.types import ApiError, Catalog, ErrorBody, ProblemBody

logger = logging.getLogger("catalog.gaps")

JSON = "application/json"
R = TypeVar("R", bound=HttpResponseBase)
PROBLEM_JSON = "application/problem+json"


def error_body(
    request: HttpRequest, error: ApiError, *, catalog: Catalog | None = None
) -> ErrorBody:
    """The Morpheus error body for an error, from the catalog."""
    return error_body_localized(request, error, catalog=catalog)[0]


def error_body_localized(
    request: HttpRequest,
    error: ApiError,
    *,
    catalog: Catalog | None = None,
    language: str | None = None,
) -> tuple[ErrorBody, str]:
    """
    The error body in the reader's language (Accept-Language, unless ``language`` is
    given), and that language (Content-Language): English unless its title or msg is
    translated.
    """
    language = language or language_from_request(request)
    catalog = catalog or catalog_get()
    entry = catalog.statuses.get(error.status)
    # The code's text even under another status than the catalog files it under: the
    # status is DRF's (a 401 without a challenge is its 403), the words the catalog's.
    reason = catalog.reasons.get(error.code)
    title = entry.title if entry else status_phrase(error.status)
    if reason is not None and (not error.custom_detail or reason.overrides_detail):
        params = {"method": request.method, "path": request.path, **error.params}
        msg = template_render(reason.message, params)
        template = text_localized(reason.translations, "message", reason.message, language)
        msg_localized = msg if template is reason.message else template_render(template, params)
    elif error.detail:
        msg = msg_localized = error.detail  # the raising code's own words, or a catalog gap's
    else:
        msg = entry.description if entry else f"{title}."
        msg_localized = (
            text_localized(entry.translations, "description", msg, language) if entry else msg
        )
    title_localized = (
        text_localized(entry.translations, "title", title, language) if entry else title
    )
    msg, msg_localized = capitalized(msg), capitalized(msg_localized)
    localized = msg_localized != msg or title_localized != title
    body: ErrorBody = {
        "success": False,
        "msg": msg_localized,
        "errors": error.errors,
        "status": error.status,
        "code": error.code,
        "title": title_localized,
        "helpUrl": help_url(request, _anchor(error, reason is not None, entry is not None)),
        "requestId": request_id_get(request),
    }
    if is_oauth_request(request) or (error.oauth_error and is_bearer(request, error)):
        body["error"] = error.oauth_error or oauth_error_code(error.status)
        body["error_description"] = msg_localized
    if msg_localized != msg:
        body["msgEnglish"] = msg  # what logs, support and clients matching text can rely on
    if error.field_errors:
        body["fieldErrors"] = error.field_errors
    if error.errors_omitted:
        body["errorsOmitted"] = error.errors_omitted
    if catalog_settings.REQUEST_LOG_URL:
        body["requestLogUrl"] = request_log_url(request, body["requestId"])
    return body, language if localized else SOURCE_LANGUAGE


def _anchor(error: ApiError, has_reason: bool, has_status: bool) -> str:
    """The reason's anchor on the page; its status's for a code the catalog lacks."""
    if has_reason:
        return error.code
    return str(error.status) if has_status else ""


def _sent_bearer(request: HttpRequest) -> bool:
    """RFC 6750 3.1: a challenge names an error only to a request that sent a token."""
    return bool(request.META.get("HTTP_AUTHORIZATION", "")[:7].lower() == "bearer ")


def is_bearer(request: HttpRequest, error: ApiError) -> bool:
    """An OAuth 2.0 bearer request or challenge: the OAuth members belong on its errors."""
    challenge = error.headers.get("WWW-Authenticate", "")
    return challenge[:7].lower() == "bearer " or _sent_bearer(request)


def capitalized(text: str) -> str:
    """The first letter upper case, the rest as written (unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def language_headers_set(response: HttpResponseBase, *, language: str) -> None:
    """Every error response says its language, and that it varies with Accept-Language."""
    response["Content-Language"] = language
    if response.has_header("Vary"):
        patch_vary_headers(response, ["Accept-Language"])
    else:
        response["Vary"] = "Accept-Language"  # what patch_vary_headers writes, without parsing


def problem_body(request: HttpRequest, body: ErrorBody) -> ProblemBody:
    """The same error as RFC 9457 problem details."""
    problem: ProblemBody = {
        "type": body["helpUrl"],
        "title": body["title"],
        "status": body["status"],
        "detail": body["msg"],
        "instance": request.path,
        "code": body["code"],
        "errors": body["errors"],
        "requestId": body["requestId"],
    }
    if "error" in body:
        problem["error"] = body["error"]
        problem["error_description"] = body["error_description"]
    if "msgEnglish" in body:
        problem["msgEnglish"] = body["msgEnglish"]
    if "fieldErrors" in body:
        problem["fieldErrors"] = body["fieldErrors"]
    if "errorsOmitted" in body:
        problem["errorsOmitted"] = body["errorsOmitted"]
    if "requestLogUrl" in body:
        problem["requestLogUrl"] = body["requestLogUrl"]
    return problem


@dataclass(frozen=True, slots=True)
class ErrorContent:
    """An error's body as data, as the bytes sent, their content type, and its language."""

    data: ErrorBody | ProblemBody
    content: bytes
    content_type: str
    language: str


def error_content(request: HttpRequest, error: ApiError) -> ErrorContent:
    """The JSON (or problem+json) body of an error, in the reader's language."""
    body, language = error_body_localized(request, error)
    challenge = error.headers.get("WWW-Authenticate")
    if challenge and "error" in body and _sent_bearer(request):
        error.headers["WWW-Authenticate"] = challenge_worded(
            challenge, oauth_error=body["error"], description=body.get("msgEnglish", body["msg"])
        )
    if wants_problem_json(request):
        problem = problem_body(request, body)
        return ErrorContent(problem, json_bytes(problem), PROBLEM_JSON, language)
    return ErrorContent(body, json_bytes(body), JSON, language)


def error_response(request: HttpRequest, error: ApiError) -> HttpResponse:
    """The JSON (or problem+json) response for an error, with its required headers."""
    rendered = error_content(request, error)
    response = HttpResponse(rendered.content, status=error.status)
    response["Content-Type"] = rendered.content_type
    request_id_header_set(request, response, rendered.data["requestId"])
    return error_response_finish(request, response, error, language=rendered.language)


def error_response_finish(
    request: HttpRequest, response: R, error: ApiError, *, language: str
) -> R:
    """
    The one finishing step of every error response, JSON or HTML page: the error's
    headers, its language, then counting it and Django's log record of it.
    """
    for header, value in error.headers.items():
        response[header] = value
    language_headers_set(response, language=language)
    if getattr(request, "catalog_counted", True):
        error_served(request, response, error, gap=catalog_gap_logged(error), language=language)
    return response


def catalog_gap_logged(error: ApiError) -> bool:
    """Whether the catalog lacks the served error's status or reason; a gap is logged."""
    catalog = catalog_get()
    if error.status not in catalog.statuses:
        missing = "status"
    elif error.code not in catalog.reasons:
        missing = "reason"
    else:
        return False
    logger.warning("catalog gap: no %s for status %s, code %s", missing, error.status, error.code)
    return True


def wants_problem_json(request: HttpRequest) -> bool:
    if PROBLEM_JSON not in request.META.get("HTTP_ACCEPT", ""):
        return False  # the usual case, without parsing the Accept header
    preferred = request.get_preferred_type([JSON, PROBLEM_JSON])
    return bool(preferred == PROBLEM_JSON)


def help_url(request: HttpRequest, anchor: str) -> str:
    """The link to an anchor on the error-reference page (a reason's code, a status)."""
    base = catalog_settings.HELP_URL or local_help_url(request)
    return f"{base}#{anchor}" if anchor else base


# The reference page's absolute URL per scheme, host headers and URLconf, once the
# host was validated: validating it (ALLOWED_HOSTS) costs more than the rest of the
# body. Only allowed hosts are kept, a few at most; any setting change forgets them.
_local_help_urls: dict[tuple[str, ...], str] = {}
MAX_HELP_HOSTS = 32
HOST_KEYS = ("HTTP_X_FORWARDED_HOST", "HTTP_HOST", "SERVER_NAME", "SERVER_PORT")


def local_help_url(request: HttpRequest) -> str:
    """This site's reference page, absolute (as build_absolute_uri() would give it)."""
    # Inside a request, get_urlconf() is the request's urlconf or ROOT_URLCONF.
    urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
    meta = request.META
    # Everything get_host() reads from the request, beside the settings.
    key = (request.scheme or "", urlconf, *[str(meta.get(name, "")) for name in HOST_KEYS])
    base = _local_help_urls.get(key)
    if base is not None:
        return base
    path = reference_path(urlconf)
    try:
        base = f"{request.scheme}://{request.get_host()}{path}"
    except DisallowedHost:
        return path  # handler400 runs for a bad Host header: never use that host again.
    if len(_local_help_urls) >= MAX_HELP_HOSTS:
        _local_help_urls.clear()
    _local_help_urls[key] = base
    return base


@receiver(setting_changed)
def _help_urls_forget(**kwargs: Any) -> None:
    _local_help_urls.clear()


@functools.lru_cache(maxsize=16)
def reference_path(urlconf: str | None) -> str:
    """
    The reference page's path, reversed once per URLconf (reverse() is the slow part).
    Always the unprefixed one (English), whatever language is active: a helpUrl does
    not change with the language.
    """
    try:
        with translation.override(settings.LANGUAGE_CODE):
            return reverse("catalog:reference", urlconf=urlconf)
    except NoReverseMatch:
        return "/errors/"


def status_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def oauth_error_code(status: int) -> str:
    """The RFC 6749/6750 error code for a status, when the error names none."""
    if status == 401:
        return "invalid_token"
    if status == 503:
        return "temporarily_unavailable"
    return "server_error" if status >= 500 else "invalid_request"


def json_bytes(content: Any) -> bytes:
    # backslashreplace keeps a lone surrogate from a mangled path valid JSON ("\udcff").
    return "".join(_json_chunks(content, 0)).encode("utf-8", "backslashreplace")


def _json_chunks_make() -> Any:
    """
    What json.dumps(ensure_ascii=False, separators=(",", ":")) runs, built once: it
    builds an encoder (and C's) on every call, which costs more than a body's encoding.
    Bodies are never circular, so no markers are kept.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    if c_make_encoder is None:  # pragma: no cover (a Python without _json)
        return lambda content, _level: [encoder.encode(content)]
    return c_make_encoder(
        None, encoder.default, encode_basestring, None, ":", ",", False, False, True
    )


_json_chunks = _json_chunks_make()
