"""
The admin's login, throttled: each attempt costs a password hash (about 0.9 s of a
worker), so guessing is refused before it is hashed. Keyed on the address, and on the
address with the username tried: never on a username alone, so a guesser elsewhere
can't lock the real user out.
"""

import hashlib

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from catalog.errors.ratelimit import ratelimit_usage
from catalog.exceptions import RateLimited
from catalog.handlers import permission_denied


def admin_login(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        for key in login_keys(request):
            usage = ratelimit_usage(
                request,
                group="admin-login",
                key=lambda *_: key,
                rate=settings.ADMIN_LOGIN_RATE_LIMIT,
            )
            if usage is not None:
                # The catalog's 429 page, with Retry-After: the seconds left in the window.
                return permission_denied(request, RateLimited(wait=usage["time_left"]))
    return admin.site.login(request)


def login_keys(request: HttpRequest) -> list[str]:
    address = request.META.get("REMOTE_ADDR", "")
    keys = [f"ip:{address}"]
    if username := request.POST.get("username", ""):
        keys.append(f"ip-user:{address}:{hashlib.sha256(username.encode()).hexdigest()}")
    return keys
