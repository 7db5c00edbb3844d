#!/usr/bin/env python3
"""Draws search latency per corpus size as a small self-contained SVG (standard library only).

    python3 bench/chart.py [TSV] [SVG] [--title TEXT]
    python3 bench/chart.py --demo /tmp/demo.svg      placeholder figures, to check the drawing

TSV (default bench/results/latest.tsv, as bench/jmh_to_tsv.py writes it) has a header line and
the columns corpus, passages, impl (passages | bare), p50_us, p99_us. SVG (default
docs/latency.svg) is 640 x 320 on a white background, so it reads the same in GitHub's light and
dark themes: for each corpus (smallest first) four bars, p50 and p99 of Passages and of bare
Lucene, on a logarithmic axis, each with its value.
"""

import argparse
import csv
import math
import sys
from pathlib import Path
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 70, 16, 56, 58
FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
INK, MUTED, GRID = "#1f2328", "#59636e", "#d8dee4"
# (impl, percentile) -> colour: one hue per implementation, lighter for p99.
SERIES = [
    ("passages", "p50", "#1d4ed8", "Passages p50"),
    ("passages", "p99", "#93b4f5", "Passages p99"),
    ("bare", "p50", "#c2410c", "bare Lucene p50"),
    ("bare", "p99", "#f6ad7b", "bare Lucene p99"),
]

# Placeholder figures for --demo only: not measurements.
DEMO = """corpus\tpassages\timpl\tp50_us\tp99_us
seed\t27\tpassages\t200\t2000
seed\t27\tbare\t40\t700
kjv\t31183\tpassages\t300\t2500
kjv\t31183\tbare\t50\t700
million\t1000000\tpassages\t900\t9000
million\t1000000\tbare\t200\t3000
"""


def read_rows(text):
    """{corpus: {"passages": int|None, ("passages"|"bare", "p50"|"p99"): µs}} in input order."""
    corpora = {}
    reader = csv.DictReader(text.splitlines(), delimiter="\t")
    missing = {"corpus", "passages", "impl", "p50_us", "p99_us"} - set(reader.fieldnames or [])
    if missing:
        sys.exit(f"chart.py: the TSV lacks the column(s) {', '.join(sorted(missing))}")
    for row in reader:
        if not row["corpus"]:
            continue
        entry = corpora.setdefault(row["corpus"], {"passages": None})
        if row["passages"].strip():
            entry["passages"] = int(row["passages"].replace(",", ""))
        impl = row["impl"].strip()
        if impl not in ("passages", "bare"):
            sys.exit(f"chart.py: impl must be passages or bare, got {impl!r}")
        entry[(impl, "p50")] = float(row["p50_us"])
        entry[(impl, "p99")] = float(row["p99_us"])
    return corpora


def micros(value):
    """A bar's label: µs, thousands separated."""
    return f"{value:,.1f}" if value < 10 else f"{value:,.0f}"


def tick(value):
    return f"{value / 1000:g} ms" if value >= 1000 else f"{value:g} µs"


def text(x, y, content, size=11, anchor="middle", color=INK, weight="normal", extra=""):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{color}" font-weight="{weight}"{extra}>{escape(content)}</text>'
    )


def draw(corpora, title, note=None):
    values = [v for c in corpora.values() for k, v in c.items() if k != "passages" and v > 0]
    if not values:
        sys.exit("chart.py: no figures to draw")
    low = 10 ** math.floor(math.log10(min(values)))
    high = max(values) * 1.8  # room for the labels above the tallest bar
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bottom = TOP + plot_h

    def y_of(value):
        return bottom - plot_h * (math.log10(value) - math.log10(low)) / (
            math.log10(high) - math.log10(low)
        )

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FONT}">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        text(WIDTH / 2, 20, note or title, size=14, weight="600", color="#b42318" if note else INK),
    ]

    # Legend, one row under the title.
    x = LEFT
    for _, _, colour, label in SERIES:
        out.append(f'<rect x="{x}" y="31" width="12" height="12" fill="{colour}"/>')
        out.append(text(x + 17, 41, label, anchor="start"))
        x += 17 + 7 * len(label) + 22

    # Decades: grid lines and labels.
    decade = low
    while decade <= high * 1.0001:
        y = y_of(decade)
        out.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        out.append(text(LEFT - 6, y + 4, tick(decade), size=10, anchor="end", color=MUTED))
        decade *= 10
    out.append(
        text(
            16,
            TOP + plot_h / 2,
            "latency per query (log scale)",
            size=11,
            color=MUTED,
            extra=f' transform="rotate(-90 16 {TOP + plot_h / 2:.1f})"',
        )
    )

    # Bars, smallest corpus first (those without a passage count last, in input order).
    order = sorted(
        corpora.items(),
        key=lambda item: (item[1]["passages"] is None, item[1]["passages"] or 0),
    )
    group_w = plot_w / len(order)
    bar_w = min(36.0, group_w * 0.8 / len(SERIES))
    label_size = 10 if bar_w >= 30 else 8
    for i, (name, entry) in enumerate(order):
        centre = LEFT + group_w * (i + 0.5)
        first = centre - bar_w * len(SERIES) / 2
        for j, (impl, pct, colour, label) in enumerate(SERIES):
            value = entry.get((impl, pct))
            if value is None or value <= 0:
                continue
            bx, by = first + j * bar_w, y_of(value)
            out.append(
                f'<rect x="{bx + 1:.1f}" y="{by:.1f}" width="{bar_w - 2:.1f}" '
                f'height="{bottom - by:.1f}" fill="{colour}"><title>{escape(name)} {escape(label)}: '
                f"{micros(value)} µs</title></rect>"
            )
            out.append(text(bx + bar_w / 2, by - 4, micros(value), size=label_size))
        out.append(text(centre, bottom + 17, name, size=12, weight="600"))
        if entry["passages"] is not None:
            out.append(
                text(centre, bottom + 32, f"{entry['passages']:,} passages", size=10, color=MUTED)
            )
    out.append(f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" stroke="{INK}"/>')
    out.append(
        text(
            LEFT + plot_w / 2,
            HEIGHT - 8,
            "corpus (passages indexed); values in µs",
            size=11,
            color=MUTED,
        )
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", nargs="?", default="bench/results/latest.tsv")
    parser.add_argument("svg", nargs="?", default="docs/latency.svg")
    parser.add_argument("--title", default="search() per query: p50 and p99 (JMH sample mode)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="draw built-in placeholder figures (not measurements) to SVG, the only argument",
    )
    args = parser.parse_args()
    if args.demo:
        # With --demo the one positional argument is the output.
        target = Path(args.tsv if args.tsv != "bench/results/latest.tsv" else "/tmp/latency-demo.svg")
        svg = draw(read_rows(DEMO), args.title, note="PLACEHOLDER figures (chart.py --demo), not measurements")
    else:
        source = Path(args.tsv)
        if not source.is_file():
            sys.exit(f"chart.py: {source} is missing; make it with bench/jmh_to_tsv.py")
        target = Path(args.svg)
        svg = draw(read_rows(source.read_text(encoding="utf-8")), args.title)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(svg, encoding="utf-8")
    print(f"chart.py: wrote {target}")


if __name__ == "__main__":
    main()
