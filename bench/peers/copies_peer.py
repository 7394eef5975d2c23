#!/usr/bin/env python3
"""Runs the Python copy-detection peers for `newsdesk-eval copies --peers`.

Input (`--input`, JSON written by newsdesk-eval): {"texts": [{"id", "cluster", "doc", "text"}, ...]
in stream order, "pairs": [[i, j], ...] with i < j (indices into texts)}. The labels (which pairs
are copies) stay on the Rust side, which scores what this script returns with the same ROC-AUC
and precision / recall / F1 code as newsdesk.

Peers, each as a user of the library would set it up:
  minhash-3, minhash-5  datasketch MinHash (128 permutations, the default seed and scheme) over
                        the set of word k-shingles (lowercase `\\w+` tokens joined by a space;
                        a text shorter than k words is one shingle); the similarity of a pair is
                        MinHash's Jaccard estimate. Candidate stage: MinHashLSH(threshold=0.5,
                        num_perm=128), streamed as newsdesk streams its anchor index: each text
                        queries the index, then is inserted; a pair (i, j) is a candidate when
                        text j's query returned i.
  tfidf                 scikit-learn TfidfVectorizer() with its defaults (lowercase, tokens of two
                        or more word characters, smooth idf, l2 norm), fit on all the texts; the
                        similarity is the cosine. No candidate stage (it compares all pairs).

Speed, one thread (BLAS / OpenMP pools are set to one thread before numpy loads): the whole
stream `--runs` times, seconds per run. For MinHash: shingling + MinHash + LSH query + insert of
every text, the shingles of a text given to MinHash.update_batch (its fast path); the same
stream with one MinHash.update call per shingle (the idiom of datasketch's README) is timed too
(`run_seconds_update_loop`). For TF-IDF: fit_transform of all the texts + the all-pairs cosine matrix.

Output (`--out`, JSON): {"python", "versions": {...}, "peers": [{"name", "label", "similarity":
[per pair], "candidate": [per pair] or null, "candidates_per_lookup", "run_seconds": [...],
"run_seconds_update_loop" (MinHash only), "texts", "stage_us": {...}, "exact_jaccard": [per pair] or absent}]}.
"""

import argparse
import json
import os
import platform
import re
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

TOKEN = re.compile(r"\w+")
NUM_PERM = 128
LSH_THRESHOLD = 0.5


def shingles(text, k):
    words = TOKEN.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def minhash_peer(texts, pairs, k, runs):
    from datasketch import MinHash, MinHashLSH

    def stream(batch=True):
        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        sketches, found = [], []
        for i, text in enumerate(texts):
            m = MinHash(num_perm=NUM_PERM)
            if batch:
                m.update_batch([s.encode("utf-8") for s in shingles(text, k)])
            else:
                for s in shingles(text, k):
                    m.update(s.encode("utf-8"))
            found.append(lsh.query(m))
            lsh.insert(i, m)
            sketches.append(m)
        return sketches, found

    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        sketches, found = stream()
        seconds.append(time.perf_counter() - start)
    # The same stream with one update() call per shingle, as datasketch's README shows it.
    seconds_update_loop = []
    for _ in range(runs):
        start = time.perf_counter()
        stream(batch=False)
        seconds_update_loop.append(time.perf_counter() - start)

    # Where the time goes, each stage alone over all texts (µs per text).
    n = len(texts)
    start = time.perf_counter()
    sets = [shingles(t, k) for t in texts]
    t_shingle = time.perf_counter() - start
    start = time.perf_counter()
    for s in sets:
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([x.encode("utf-8") for x in s])
    t_minhash = time.perf_counter() - start
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for i, m in enumerate(sketches):
        lsh.query(m)
        lsh.insert(i, m)
    t_lsh = time.perf_counter() - start

    found_sets = [set(f) for f in found]
    return {
        "name": f"minhash-{k}",
        "label": f"datasketch MinHash {NUM_PERM}, word {k}-shingles",
        "similarity": [float(sketches[i].jaccard(sketches[j])) for i, j in pairs],
        "candidate": [i in found_sets[j] for i, j in pairs],
        "candidates_per_lookup": sum(len(f) for f in found) / max(n, 1),
        "lsh_bands_rows": [lsh.b, lsh.r],
        "run_seconds": seconds,
        "run_seconds_update_loop": seconds_update_loop,
        "texts": n,
        "stage_us": {
            "shingling": t_shingle * 1e6 / n,
            "minhash": t_minhash * 1e6 / n,
            "lsh_query_insert": t_lsh * 1e6 / n,
        },
        "exact_jaccard": [
            len(sets[i] & sets[j]) / max(len(sets[i] | sets[j]), 1) for i, j in pairs
        ],
    }


def tfidf_peer(texts, pairs, runs):
    from sklearn.feature_extraction.text import TfidfVectorizer

    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        x = TfidfVectorizer().fit_transform(texts)
        cosine = (x @ x.T).toarray()
        seconds.append(time.perf_counter() - start)
    return {
        "name": "tfidf",
        "label": "scikit-learn TF-IDF cosine",
        "similarity": [float(cosine[i, j]) for i, j in pairs],
        "candidate": None,
        "candidates_per_lookup": None,
        "run_seconds": seconds,
        "texts": len(texts),
        "stage_us": {},
    }


def versions():
    from importlib.metadata import version

    return {p: version(p) for p in ("datasketch", "scikit-learn", "numpy", "scipy")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with open(args.input, encoding="utf-8") as f:
        data = json.load(f)
    texts = [t["text"] for t in data["texts"]]
    pairs = [tuple(p) for p in data["pairs"]]
    if any(not (0 <= i < j < len(texts)) for i, j in pairs):
        sys.exit("copies_peer: every pair must be [i, j] with 0 <= i < j < len(texts)")
    runs = max(args.runs, 1)
    peers = [
        minhash_peer(texts, pairs, 3, runs),
        minhash_peer(texts, pairs, 5, runs),
        tfidf_peer(texts, pairs, runs),
    ]
    out = {
        "python": platform.python_version(),
        "versions": versions(),
        "peers": peers,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
