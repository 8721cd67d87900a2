"""
The sample Morpheus-like API. Only the public ping for now; the rest of the
sample API is its own piece of work.
"""

from django.conf import settings
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

BUILD_VERSION = "0.1.0"


@api_view(["GET"])
def ping(request: Request) -> Response:
    return Response(
        {"success": True, "buildVersion": getattr(settings, "BUILD_VERSION", BUILD_VERSION)}
    )
