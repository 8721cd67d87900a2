"""The cases the catalog is measured against. Benchmark-only: see bench/settings.py."""

import contextlib
import os
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.template import Context, Engine, TemplateDoesNotExist, loader
from django.views.defaults import ERROR_PAGE_TEMPLATE
from rest_framework import serializers, views
from rest_framework.exceptions import APIException, NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from catalog.handlers import exception_handler as catalog_exception_handler
from catalog.models import ErrorReason


def naive_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """What a catalog costs without a snapshot: one query per error."""
    if not isinstance(exc, APIException):
        return None
    reason = ErrorReason.objects.select_related("status").get(code=exc.default_code)
    body = {
        "success": False,
        "msg": reason.message.format(resource="Resource"),
        "errors": {},
        "status": reason.status.status,
        "code": reason.code,
        "title": reason.status.title,
    }
    return Response(body, status=exc.status_code)


class MissingView(views.APIView):
    """GET answers 404 through the handler the subclass names."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []
    handler: Callable[[Exception, dict[str, Any]], Any] = staticmethod(catalog_exception_handler)

    def get_exception_handler(self) -> Callable[[Exception, dict[str, Any]], Any]:
        return self.handler

    def get(self, request: Request) -> Response:
        raise NotFound


class DrfDefaultMissingView(MissingView):
    handler = staticmethod(views.exception_handler)


class NaiveCatalogMissingView(MissingView):
    handler = staticmethod(naive_exception_handler)


class ItemSerializer(serializers.Serializer[dict[str, Any]]):
    name = serializers.CharField(max_length=40)
    count = serializers.IntegerField(min_value=0)


class ItemView(views.APIView):
    """
    The in-process benchmark's view (bench/inprocess.py): GET raises a 404, POST
    validates its body (400), and an Accept it can't render is DRF's 406. It answers
    through REST_FRAMEWORK's EXCEPTION_HANDLER, which the benchmark swaps in place.
    """

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []

    def get(self, request: Request) -> Response:
        raise NotFound

    def post(self, request: Request) -> Response:
        serializer = ItemSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.validated_data, status=201)


def django_default_404(request: HttpRequest) -> HttpResponse:
    """
    django.views.defaults.page_not_found as it runs in a project without a 404.html:
    the template lookup fails and Django's built-in page is rendered. (Calling it
    directly would find this project's 404.html.)
    """
    with contextlib.suppress(TemplateDoesNotExist):
        loader.get_template("bench/no-404-template.html")
    template = Engine().from_string(
        ERROR_PAGE_TEMPLATE
        % {"title": "Not Found", "details": "The requested resource was not found on this server."}
    )
    return HttpResponseNotFound(template.render(Context({"request_path": request.path})))


class WorkerPidMiddleware:
    """Names the worker that answered, so propagation can be measured per worker."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response["X-Worker-PID"] = str(os.getpid())
        return response
