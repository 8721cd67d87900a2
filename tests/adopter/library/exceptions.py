from rest_framework.exceptions import APIException


class BookLocked(APIException):
    status_code = 409
    default_code = "book_locked"
    default_detail = "This book is locked."


class IsbnRegistryError(Exception):
    """The ISBN registry did not answer (not an API error: a bug or an outage)."""
