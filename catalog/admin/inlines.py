from typing import Any

from django.contrib import admin
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, QueryDict

# The most forms one inline of the catalog takes. A posted TOTAL_FORMS is capped to it,
# as Django caps formsets at absolute_max: a forged count is never built or looped over.
MAX_INLINE_FORMS = 200


class BoundedStackedInline(admin.StackedInline):  # type: ignore[type-arg]
    max_num = MAX_INLINE_FORMS

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        return super().get_formset(request, obj, absolute_max=MAX_INLINE_FORMS, **kwargs)


def forged_forms_refuse(data: QueryDict) -> None:
    """A posted TOTAL_FORMS over the cap is a forged request: 400, before any form is built."""
    for name in data:
        value = str(data.get(name, ""))  # not a number: the formset's own check says so
        too_many = value.isdigit() and (len(value) > 6 or int(value) > MAX_INLINE_FORMS)
        if name.endswith("-TOTAL_FORMS") and too_many:
            raise TooManyFieldsSent(f"{name} over {MAX_INLINE_FORMS}")
