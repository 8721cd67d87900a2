"""Field errors in the Morpheus shape (catalog/errors/conversion.py)."""

from catalog.errors.conversion import flatten_errors


def test_each_field_gets_one_message():
    detail = {"name": ["This field is required.", "Too short."]}

    assert flatten_errors(detail) == {"name": "This field is required. Too short."}


def test_nested_serializers_are_keyed_parent_dot_key():
    detail = {"config": {"network": {"id": ["Invalid pk."]}}}

    assert flatten_errors(detail) == {"config.network.id": "Invalid pk."}


def test_list_items_are_keyed_by_their_index():
    detail = {"volumes": [{}, {"size": ["Required."]}]}

    assert flatten_errors(detail) == {"volumes.1.size": "Required."}


def test_errors_of_the_whole_object_stay_non_field_errors():
    assert flatten_errors(["Name and group clash."]) == {
        "non_field_errors": "Name and group clash."
    }
    assert flatten_errors({"non_field_errors": ["Clash."]}) == {"non_field_errors": "Clash."}


def test_nested_object_errors_are_keyed_by_the_parent():
    detail = {"config": {"non_field_errors": ["Invalid config."]}}

    assert flatten_errors(detail) == {"config": "Invalid config."}
