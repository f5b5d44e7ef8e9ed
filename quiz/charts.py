"""The geometry of the progress chart, drawn on the server as SVG by templates/progress/progress.html.

Pure Python: values in, coordinates out. Time runs in the reading direction: from the right in Arabic.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChartPoint:
    x: float
    y: float
    value: int
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    points: list[ChartPoint]
    # "x,y x,y ..." for the SVG polyline joining the points.
    line: str
    # Horizontal grid lines: (y, percentage shown beside it).
    grid: list[tuple[float, int]]
    left: float
    right: float
    top: float
    bottom: float
    # Where the percentages stand: beside the reading start of the grid (the SVG itself is laid out left to right).
    label_x: float
    label_anchor: str


def percent_chart(
    values: list[tuple[str, int]], *, width: int = 640, height: int = 240, rtl: bool = True, margin: int = 48
) -> Chart:
    """A line chart of percentages (0 to 100), one point per (label, value), in order of time."""
    left, right, top, bottom = float(margin), float(width - margin), 16.0, float(height - 32)
    span = right - left
    step = span / (len(values) - 1) if len(values) > 1 else 0.0
    points = []
    for i, (label, value) in enumerate(values):
        offset = step * i if len(values) > 1 else span / 2
        x = right - offset if rtl else left + offset
        clamped = max(0, min(100, value))
        y = bottom - (bottom - top) * clamped / 100
        points.append(ChartPoint(x=round(x, 1), y=round(y, 1), value=value, label=label))
    grid = [(round(bottom - (bottom - top) * p / 100, 1), p) for p in (0, 25, 50, 75, 100)]
    line = " ".join(f"{p.x},{p.y}" for p in points)
    label_x, label_anchor = (right + 12, "start") if rtl else (left - 12, "end")
    return Chart(width, height, points, line, grid, left, right, top, bottom, label_x, label_anchor)
