"""Bar charts drawn on the server as SVG: readable at a glance, printable, no script.

The numbers behind every chart are in a table beside it (the report's own table or a
``<details>`` toggle), so the chart is never the only way to read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BAR_HEIGHT = 18
GAP = 8
LABEL_WIDTH = 260
PLOT_WIDTH = 360
SERIES_COLOURS = ["#1f5fae", "#e08a00", "#2e8540", "#8a3ab9"]


@dataclass
class Bar:
    x: int
    y: int
    width: int
    value: float
    colour: str
    series: str


@dataclass
class Group:
    label: str
    y: int
    bars: list[Bar] = field(default_factory=list)


@dataclass
class BarChart:
    title: str
    series: list[tuple[str, str]]
    groups: list[Group]
    height: int
    width: int = LABEL_WIDTH + PLOT_WIDTH + 60
    label_width: int = LABEL_WIDTH


def bar_chart(title: str, labels: list[str], series: dict[str, list[float]], max_value=None) -> BarChart:
    """Horizontal bars: one group per label, one bar per series in each group."""
    names = list(series)
    top = max_value or max([value for values in series.values() for value in values] + [1])
    groups, y = [], GAP
    for index, label in enumerate(labels):
        group = Group(label=str(label)[:45], y=y)
        for number, name in enumerate(names):
            value = series[name][index] or 0
            width = round(PLOT_WIDTH * value / top) if top else 0
            colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
            group.bars.append(Bar(LABEL_WIDTH, y, max(width, 1), value, colour, name))
            y += BAR_HEIGHT + 2
        groups.append(group)
        y += GAP
    legend = [(name, SERIES_COLOURS[i % len(SERIES_COLOURS)]) for i, name in enumerate(names)]
    return BarChart(title, legend, groups, height=y + GAP)
