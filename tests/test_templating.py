"""Message templates (catalog/errors/templating.py)."""

import pytest

from catalog.errors.templating import template_errors, template_placeholders, template_render


def test_placeholders_are_the_names_in_braces():
    assert template_placeholders("Unable to find api endpoint {method} {path}") == [
        "method",
        "path",
    ]


def test_rendering_fills_the_placeholders():
    assert (
        template_render("{resource} not found", {"resource": "Instance"}) == "Instance not found"
    )


def test_rendering_leaves_a_missing_value_empty():
    assert template_render("Unable to save {resource}", {}) == "Unable to save "


def test_rendering_never_reaches_into_the_values():
    class Secret:
        password = "hunter2"

    assert "hunter2" not in template_render("{value.password}", {"value": Secret()})


def test_rendering_a_broken_template_returns_it_unchanged_instead_of_raising():
    assert template_render("Unbalanced {brace", {"brace": "x"}) == "Unbalanced {brace"


def test_rendering_cuts_very_long_values():
    rendered = template_render("{path}", {"path": "/api/" + "x" * 5000})

    assert len(rendered) == 200
    assert rendered.endswith("…")


def test_literal_braces_are_written_doubled():
    assert template_render("{{literal}} {name}", {"name": "x"}) == "{literal} x"
    assert template_errors("{{literal}}", allowed=[]) == []


@pytest.mark.parametrize(
    ("template", "error"),
    [
        ("", "The message can't be empty."),
        ("   ", "The message can't be empty."),
        ("Unable to save {resource", "Braces are unbalanced: write {{ and }} for literal braces."),
        ("Unable to save resource}", "Braces are unbalanced: write {{ and }} for literal braces."),
        ("{secret} leaked", "Unknown placeholder {secret}; allowed: {detail}, {resource}."),
        (
            "{resource.__class__}",
            "'{resource.__class__}' is not a plain placeholder such as {resource}.",
        ),
        ("{resource!r}", "'{resource}' is not a plain placeholder such as {resource}."),
        ("{resource:>10}", "'{resource}' is not a plain placeholder such as {resource}."),
        ("{0}", "'{0}' is not a plain placeholder such as {resource}."),
        ("{}", "'{}' is not a plain placeholder such as {resource}."),
    ],
)
def test_invalid_templates_are_explained(template, error):
    assert template_errors(template, allowed=["resource"]) == [error]


def test_a_template_with_no_placeholders_allowed_names_none():
    assert template_errors("{path}", allowed=[]) == [
        "Unknown placeholder {path}; allowed: {detail}."
    ]
