"""
Codes as a contract: the codes the installed code can raise, against the catalog's
reasons (``manage.py catalog check``), so that a gap shows before a deploy.
"""

from dataclasses import dataclass
from http import HTTPStatus

from django.urls import get_resolver
from django.utils.module_loading import autodiscover_modules
from rest_framework.exceptions import APIException

from catalog.conf import catalog_settings
from catalog.errors.conversion import mapped_exceptions
from catalog.errors.seed import SEED_CATALOG


@dataclass(frozen=True)
class RaisedCode:
    code: str
    status: int
    message: str
    source: str  # where it comes from: the exception class, or the setting


def raised_codes() -> dict[str, RaisedCode]:
    """
    Every code the project can answer: each APIException subclass of the loaded code
    (the apps' exceptions modules and whatever the URLconf imports) with its default
    code, the CATALOG_EXCEPTIONS codes, and the catalog's own seeded reasons.
    """
    autodiscover_modules("exceptions")
    get_resolver().url_patterns  # noqa: B018  (imports every view, and what it raises)
    found = {
        reason.code: RaisedCode(reason.code, reason.status, reason.message, "catalog")
        for reason in SEED_CATALOG.reasons.values()
    }
    for exception_class in _subclasses(APIException):
        code = str(exception_class.default_code)
        source = f"{exception_class.__module__}.{exception_class.__qualname__}"
        message = str(exception_class.default_detail)
        found.setdefault(code, RaisedCode(code, exception_class.status_code, message, source))
    for mapped_class, (status, code) in mapped_exceptions(catalog_settings.EXCEPTIONS_ITEMS):
        source = f"CATALOG_EXCEPTIONS[{mapped_class.__module__}.{mapped_class.__name__}]"
        found.setdefault(code, RaisedCode(code, status, _phrase(status), source))
    return found


def _subclasses(root: type[APIException]) -> list[type[APIException]]:
    """Every loaded subclass, in a stable order; APIException itself is no code of its own."""
    seen: dict[str, type[APIException]] = {}
    stack = list(root.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if {"default_code", "status_code"} & vars(cls).keys():  # not a bare base class
            seen.setdefault(f"{cls.__module__}.{cls.__qualname__}", cls)
    return [seen[name] for name in sorted(seen)]


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase + "."
    except ValueError:
        return "Error."


def codes_missing(*, catalog_codes: set[str]) -> list[RaisedCode]:
    """The codes that can be raised and have no reason in the catalog, by status and code."""
    missing = [raised for code, raised in raised_codes().items() if code not in catalog_codes]
    return sorted(missing, key=lambda raised: (raised.status, raised.code))


def codes_unraised(*, catalog_codes: set[str]) -> list[str]:
    """The catalog's reasons that nothing installed raises (an editor's, or left over)."""
    return sorted(catalog_codes - raised_codes().keys())
