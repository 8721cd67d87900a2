"""
The words of a Bearer challenge (RFC 6750 section 3) are the catalog's.

The project (its authentication class, DRF) decides whether a 401 challenges and
how: the scheme, the realm, any other parameter. When the request carried a token
(RFC 6750 3.1: only then does a challenge name an error) and the project's challenge
names one, the catalog makes that `error` the body's OAuth error and its
`error_description` the body's English `msg`, so that the header never says in other
words what the body says (an authentication library writes its own). A challenge
that names no error is left as the project wrote it.
"""

import re
from collections.abc import Callable

BEARER_ERRORS = frozenset({"invalid_request", "invalid_token", "insufficient_scope"})


def challenge_worded(challenge: str, *, oauth_error: str, description: str) -> str:
    """The challenge with the catalog's error and error_description, in its own layout."""
    scheme, _, params = challenge.partition(" ")
    if scheme.lower() != "bearer" or oauth_error not in BEARER_ERRORS:
        return challenge
    if not _PARAM_OF["error"].search(params):
        return challenge  # the project names no error (simplejwt, say): its choice
    values = {"error": oauth_error, "error_description": _quotable(description)}
    if not values["error_description"]:
        del values["error_description"]  # nothing RFC 6750 lets a quoted string carry
    separator = ", " if '", ' in params else ","
    for name, value in values.items():
        params, count = _PARAM_OF[name].subn(_replacement(f'"{value}"'), params)
        if not count:
            params = f'{params}{separator if params.strip() else ""}{name}="{value}"'
    return f"{scheme} {params.strip()}"


def _replacement(quoted: str) -> Callable[[re.Match[str]], str]:
    return lambda match: match.group(1) + quoted


_PARAM_OF = {
    name: re.compile(rf'(\b{name}=)("(?:[^"\\]|\\.)*"|[^,\s]*)')
    for name in ("error", "error_description")
}


def _quotable(text: str) -> str:
    """Only what RFC 6750 allows in error_description: printable ASCII but " and \\."""
    return "".join(c for c in text if " " <= c <= "~" and c not in '"\\').strip()
