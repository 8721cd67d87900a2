"""The reference page for readers: examples folded, typography, every member listed."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_each_reasons_example_is_folded_behind_a_disclosure(client):
    html = client.get("/errors/").content.decode()

    reasons = re.findall(r'<article class="reason" id="([a-z_]+)"', html)
    folded = re.findall(
        r'<details class="example">\s*<summary>Example request · Response</summary>', html
    )
    assert len(folded) == len(reasons) > 20
    assert '<details class="example" open' not in html


def test_the_summary_table_uses_a_dash_not_two_hyphens(client):
    html = client.get("/errors/").content.decode()

    assert "<strong>Not Found</strong> — The specified resource could not be found." in html
    assert " -- " not in html


def test_the_members_table_lists_msg_english(client):
    english = client.get("/errors/").content.decode()
    german = client.get("/de/errors/").content.decode()

    assert (
        "<tr><td><code>msgEnglish</code></td><td>string</td><td>The English <code>msg</code>, "
        "when <code>msg</code> is in another language.</td></tr>" in english
    )
    assert (
        "Die englische <code>msg</code>, wenn <code>msg</code> in einer anderen Sprache ist."
        in german
    )
