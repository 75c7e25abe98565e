import json
import re

import pytest
from django.core.exceptions import ValidationError

from blocks.infographic import InfographicBlock
from tests import factories

pytestmark = pytest.mark.django_db

HOTSPOTS = [
    {"x": 12, "y": 30, "title": "Suppliers", "text": "Deliver parts and raw materials."},
    {"x": 50.5, "y": 0, "title": "Manufacturer", "text": "Turns parts into products."},
    {"x": 100, "y": 100, "title": "Customers", "text": "Buy & use the products."},
]


def infographic_value(image, hotspots=HOTSPOTS):
    return {
        "title": "The value chain",
        "image": image.pk,
        "alt_text": "Three stages from suppliers to customers",
        "description": "Select a stage to read about it.",
        "hotspots": hotspots,
    }


@pytest.fixture
def topic():
    return factories.topic_with([{"type": "infographic", "value": infographic_value(factories.image())}])


def test_every_hotspot_is_a_button_opening_its_own_popover_panel(client, topic):
    html = client.get(topic.url).content.decode()
    buttons = re.findall(
        r'<button type="button" class="hotspot" style="left: ([\d.]+)%; top: ([\d.]+)%;" popovertarget="([^"]+)">'
        r'<span class="hotspot__number">(\d+)</span> <span class="visually-hidden">([^<]+)</span></button>',
        html,
    )
    # The name a screen reader gives the button starts with the number a sighted learner sees.
    assert [(float(x), float(y), number + " " + title) for x, y, _target, number, title in buttons] == [
        (12, 30, "1 Suppliers"),
        (50.5, 0, "2 Manufacturer"),
        (100, 100, "3 Customers"),
    ]
    targets = [target for _x, _y, target, _number, _title in buttons]
    assert len(set(targets)) == 3
    for target, hotspot in zip(targets, HOTSPOTS, strict=True):
        panel = re.search(
            rf'<div class="hotspot__panel" id="{target}" popover role="dialog"[^>]*>(.*?)</div>', html, re.S
        )
        assert panel, target
        assert f"<h3>{hotspot['title']}</h3>" in panel.group(1)
        assert f"<p>{hotspot['text'].replace('&', '&amp;')}</p>" in panel.group(1)
        assert f'popovertarget="{target}" popovertargetaction="hide">Close</button>' in panel.group(1)


def test_the_image_has_its_alternative_text_and_the_title_an_anchor(client, topic):
    html = client.get(topic.url).content.decode()
    assert re.search(
        r'<img src="[^"]+width-1200[^"]*" width="\d+" height="\d+" alt="Three stages from suppliers to customers">',
        html,
    )
    assert '<h2 id="infographic-the-value-chain">The value chain</h2>' in html
    assert '<a href="#infographic-the-value-chain">The value chain</a>' in html  # in the contents


def test_the_text_alternative_lists_every_hotspot_in_order(client, topic):
    html = client.get(topic.url).content.decode()
    text_version = re.search(r'<details class="infographic__text">(.*?)</details>', html, re.S).group(1)
    assert "<summary>Text version of the infographic</summary>" in text_version
    assert re.findall(r"<li><strong>(.*?)</strong> — (.*?)</li>", text_version) == [
        ("Suppliers", "Deliver parts and raw materials."),
        ("Manufacturer", "Turns parts into products."),
        ("Customers", "Buy &amp; use the products."),
    ]


@pytest.mark.parametrize(
    ("field", "coordinate", "message"),
    [
        ("x", -0.5, "Ensure this value is greater than or equal to 0."),
        ("y", -10, "Ensure this value is greater than or equal to 0."),
        ("x", 100.1, "Ensure this value is less than or equal to 100."),
        ("y", 250, "Ensure this value is less than or equal to 100."),
    ],
)
def test_a_hotspot_outside_the_image_is_refused_with_a_field_error(field, coordinate, message):
    hotspots = json.loads(json.dumps(HOTSPOTS))
    hotspots[1][field] = coordinate
    block = InfographicBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(infographic_value(factories.image(), hotspots)))
    errors = json.loads(json.dumps(error.value.as_json_data()))
    assert errors == {
        "blockErrors": {"hotspots": {"blockErrors": {"1": {"blockErrors": {field: {"messages": [message]}}}}}}
    }


def test_hotspots_on_the_edges_of_the_image_are_accepted():
    block = InfographicBlock()
    cleaned = block.clean(block.to_python(infographic_value(factories.image())))
    assert [(h["x"], h["y"]) for h in cleaned["hotspots"]] == [(12, 30), (50.5, 0), (100, 100)]


def test_an_infographic_without_hotspots_is_refused():
    block = InfographicBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(infographic_value(factories.image(), [])))
    assert "hotspots" in error.value.as_json_data()["blockErrors"]


def test_search_finds_the_infographic_and_each_hotspot(topic):
    child = topic.body[0]
    documents = child.block.search_documents(child.value, {})
    assert (documents[0].kind, documents[0].title, documents[0].text) == (
        "infographic",
        "The value chain",
        "Select a stage to read about it.",
    )
    assert [(d.kind, d.title, d.text) for d in documents[1:]] == [
        ("hotspot", "Suppliers", "Deliver parts and raw materials."),
        ("hotspot", "Manufacturer", "Turns parts into products."),
        ("hotspot", "Customers", "Buy & use the products."),
    ]
    assert {d.anchor for d in documents} == {"#infographic-the-value-chain"}  # a hit opens the infographic
