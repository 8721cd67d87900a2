from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request

from catalog.errors.formatter import JSON, PROBLEM_JSON


class ProblemJSONNegotiation(DefaultContentNegotiation):
    """
    Treats ``Accept: application/problem+json`` as asking for JSON, so that such a
    client gets JSON answers and problem-details errors rather than 406.
    """

    def get_accept_list(self, request: Request) -> list[str]:
        return [
            JSON if media_type.split(";")[0].strip() == PROBLEM_JSON else media_type
            for media_type in super().get_accept_list(request)
        ]
