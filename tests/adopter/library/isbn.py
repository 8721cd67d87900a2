from library.exceptions import IsbnRegistryError

REGISTRY = "isbn-registry.internal:8443"


def isbn_lookup(isbn: str) -> dict[str, str]:
    """The registry's record of an ISBN. The registry is not reachable from here."""
    raise IsbnRegistryError(f"{REGISTRY} refused the connection while looking up {isbn!r}")
