#!/usr/bin/env python3
"""Turns SearchBenchmark's JMH JSON (-rf json -rff FILE) into the TSV bench/chart.py draws.

    python3 bench/jmh_to_tsv.py FILE [KIND] > bench/results/latest.tsv
    python3 bench/jmh_to_tsv.py FILE --table     # the Markdown table of bench/README.md

For each corpus and method (passages, bareLucene) at kind=KIND (default mix), it takes the
sample-mode ("-bm sample", or the default modes) percentiles p0.50 and p0.99 in microseconds. The
passage count of each corpus comes from target/bench-corpus-CORPUS.txt, which the benchmark's
set-up writes when it indexes (run from the repository root); when that file is missing the column
is left empty. Columns: corpus, passages, impl (passages | bare), p50_us, p99_us. Standard library
only.
"""

import json
import sys
from pathlib import Path

IMPLS = {"passages": "passages", "bareLucene": "bare"}
TO_MICROS = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3, "s/op": 1e6}


def passage_count(corpus):
    """The 'passages=' line of target/bench-corpus-CORPUS.txt, or '' when there is none."""
    record = Path("target") / f"bench-corpus-{corpus}.txt"
    if not record.is_file():
        print(f"jmh_to_tsv: {record} is missing; passages left empty for {corpus}", file=sys.stderr)
        return ""
    for line in record.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "passages":
            return value.strip()
    return ""


def rows(results, kind):
    out = []
    for result in results:
        method = result["benchmark"].rsplit(".", 1)[-1]
        params = result.get("params", {})
        # Runs from before the kind parameter measured the mix.
        if method not in IMPLS or result.get("mode") != "sample" or params.get("kind", "mix") != kind:
            continue
        metric = result["primaryMetric"]
        scale = TO_MICROS.get(metric.get("scoreUnit"))
        if scale is None:
            sys.exit(f"jmh_to_tsv: unknown unit {metric.get('scoreUnit')!r}")
        percentiles = metric["scorePercentiles"]
        corpus = params.get("corpus", "?")
        out.append(
            (
                corpus,
                IMPLS[method],
                percentiles["50.0"] * scale,
                percentiles["99.0"] * scale,
            )
        )
    return out


def table(results):
    """Mean, p50 and p99 of both methods and their ratios, by corpus and kind, as Markdown."""
    stats = {}
    for result in results:
        method = result["benchmark"].rsplit(".", 1)[-1]
        if method not in IMPLS or result.get("mode") != "sample":
            continue
        metric = result["primaryMetric"]
        scale = TO_MICROS[metric["scoreUnit"]]
        p = metric["scorePercentiles"]
        key = (result["params"].get("corpus", "?"), result["params"].get("kind", "mix"))
        stats.setdefault(key, {})[IMPLS[method]] = [
            metric["score"] * scale, p["50.0"] * scale, p["99.0"] * scale]
    print("| corpus | kind | passages mean / p50 / p99 | bareLucene mean / p50 / p99 |"
          " ratio mean / p50 / p99 |")
    print("|---|---|---|---|---|")
    order = {"seed": 0, "kjv": 1, "million": 2}
    kinds = {"mix": 0, "keyword": 1, "phrase": 2, "prefix": 3}
    for (corpus, kind), both in sorted(
            stats.items(), key=lambda e: (order.get(e[0][0], 9), kinds.get(e[0][1], 9))):
        if len(both) < 2:
            continue
        ours, bare = both["passages"], both["bare"]
        fmt = lambda xs: " / ".join(f"{x:,.0f}" for x in xs)
        ratios = " / ".join(f"{o / b:.2f}" for o, b in zip(ours, bare))
        print(f"| {corpus} | {kind} | {fmt(ours)} | {fmt(bare)} | {ratios} |")


def main(argv):
    if len(argv) == 3 and argv[2] == "--table":
        table(json.loads(Path(argv[1]).read_text(encoding="utf-8")))
        return
    if len(argv) not in (2, 3):
        sys.exit("usage: python3 bench/jmh_to_tsv.py JMH_JSON [KIND]   (KIND: mix by default)")
    kind = argv[2] if len(argv) == 3 else "mix"
    results = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    found = rows(results, kind)
    if not found:
        sys.exit(f"jmh_to_tsv: no sample-mode results at kind={kind} in {argv[1]}")
    counts = {}
    print("corpus\tpassages\timpl\tp50_us\tp99_us")
    for corpus, impl, p50, p99 in found:
        if corpus not in counts:
            counts[corpus] = passage_count(corpus)
        print(f"{corpus}\t{counts[corpus]}\t{impl}\t{p50:.1f}\t{p99:.1f}")


if __name__ == "__main__":
    main(sys.argv)
