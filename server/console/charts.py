"""Small bar charts as inline SVG, drawn on the server (no JavaScript, prints and screenshots)."""

from __future__ import annotations

from markupsafe import Markup, escape


def bar_chart(
    bars: list[tuple[str, int]], *, width: int = 460, height: int = 180, title: str = ""
) -> Markup:
    """Vertical bars with their value above and label below; empty data draws an empty axis."""
    top, bottom, left = 18, 34, 8
    inner_h = height - top - bottom
    n = max(1, len(bars))
    slot = (width - left * 2) / n
    peak = max([v for _label, v in bars] + [1])
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{top + inner_h}" x2="{width - left}" y2="{top + inner_h}" '
        'stroke="#888" stroke-width="1"/>',
    ]
    for i, (label, value) in enumerate(bars):
        bar_h = round(inner_h * value / peak)
        x = left + i * slot + slot * 0.15
        w = max(1.0, slot * 0.7)
        y = top + inner_h - bar_h
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#3a6ea5">'
            f"<title>{escape(label)}: {value}</title></rect>"
        )
        if value:
            parts.append(
                f'<text x="{x + w / 2:.1f}" y="{y - 3}" font-size="12" text-anchor="middle">'
                f"{value}</text>"
            )
        if n <= 24 or i % max(1, n // 12) == 0:
            parts.append(
                f'<text x="{x + w / 2:.1f}" y="{height - bottom + 14}" font-size="12" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
