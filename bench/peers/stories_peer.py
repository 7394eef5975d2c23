#!/usr/bin/env python3
"""Runs the scikit-learn story-clustering peers for `newsdesk-eval stories --peers`.

Input (`--in`): JSON lines written by newsdesk-eval, one per article, {"set", "title", "text"},
each set's articles in its stream order (DUC by date, ECB+ as read, mixed = DUC then ECB+), so
the peers see exactly the inputs and order that newsdesk is scored on. Output (`--out`): one JSON
object with each peer's predicted cluster label per article for every threshold of its grid, per
set, the seconds the TF-IDF vectors took and the seconds each (set, threshold) clustering took; newsdesk-eval scores the labels with its own
`score()`, picks the thresholds and prints the table. Nothing is scored here.

Both peers use the same document vectors: scikit-learn's TfidfVectorizer (English stop words,
sublinear tf, l2 norm, defaults otherwise) on title + "\\n" + text, *fitted on the whole set's
texts* (vocabulary and idf see every article of the stream, future ones included: an advantage
over a true online system, which newsdesk's own document frequencies do not have).

Peers:
  tfidf-online  single-pass online clustering: articles in stream order; each one joins the
                existing cluster whose centroid (mean of its members' vectors) is most
                cosine-similar to it if that similarity >= the threshold, else starts a cluster.
                cos(x, mean) = x.S / |S| with S the sum of the members; x.S is summed from the
                article's dot products with earlier articles (exact, same result as keeping
                centroid vectors).
  tfidf-agglo   sklearn AgglomerativeClustering, average linkage, cosine distance (given as the
                precomputed 1 - cosine matrix), distance_threshold = the threshold (offline:
                sees all articles at once).

Times, one run each: `vectorize_seconds` per set (TF-IDF fit + transform), and `seconds` per
(set, threshold) for the clustering: for tfidf-online the article dot products and the pass, for
tfidf-agglo the distance matrix and the fit; one thread (the caller sets OMP/BLAS thread counts
to 1).
"""

import argparse
import json
import sys
import time
from collections import OrderedDict


def grid(lo, hi, step):
    n = int(round((hi - lo) / step))
    return [round(lo + i * step, 4) for i in range(n + 1)]


ONLINE_GRID = grid(0.05, 0.70, 0.025)  # cosine similarity to join
AGGLO_GRID = grid(0.50, 0.99, 0.01)  # cosine distance at which merging stops


def vectorize(texts):
    from sklearn.feature_extraction.text import TfidfVectorizer

    v = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    return v.fit_transform(texts)


def online(gram, threshold):
    """Single-pass centroid clustering over the article-by-article dot products `gram`."""
    import numpy as np

    n = gram.shape[0]
    labels = np.empty(n, dtype=np.int64)
    norm2 = []  # |S_c|^2 per cluster
    for i in range(n):
        k = len(norm2)
        if k:
            dots = np.bincount(labels[:i], weights=gram[i, :i], minlength=k)
            sims = dots / np.sqrt(np.maximum(norm2, 1e-300))
            best = int(np.argmax(sims))
            if sims[best] >= threshold:
                labels[i] = best
                norm2[best] += 2.0 * dots[best] + gram[i, i]
                continue
        labels[i] = k
        norm2.append(float(gram[i, i]))
    return labels.tolist()


def run_online(texts):
    import numpy as np

    t0 = time.perf_counter()
    x = vectorize(texts)
    out = {"vectorize_seconds": time.perf_counter() - t0, "labels": [], "seconds": []}
    t0 = time.perf_counter()
    gram = np.asarray((x @ x.T).todense(), dtype=np.float64)
    shared = time.perf_counter() - t0
    for t in ONLINE_GRID:
        t1 = time.perf_counter()
        labels = online(gram, t)
        out["labels"].append(labels)
        out["seconds"].append(shared + time.perf_counter() - t1)
    return out


def run_agglo(texts):
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    t0 = time.perf_counter()
    x = vectorize(texts)
    out = {"vectorize_seconds": time.perf_counter() - t0, "labels": [], "seconds": []}
    t0 = time.perf_counter()
    sim = np.asarray((x @ x.T).todense(), dtype=np.float64)
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    shared = time.perf_counter() - t0
    for t in AGGLO_GRID:
        t1 = time.perf_counter()
        if len(texts) < 2:
            labels = [0] * len(texts)
        else:
            model = AgglomerativeClustering(
                n_clusters=None,
                metric="precomputed",
                linkage="average",
                distance_threshold=t,
            )
            labels = model.fit_predict(dist).tolist()
        out["labels"].append(labels)
        out["seconds"].append(shared + time.perf_counter() - t1)
    return out


PEERS = OrderedDict(
    [
        ("tfidf-online", ("similarity", ONLINE_GRID, run_online)),
        ("tfidf-agglo", ("distance", AGGLO_GRID, run_agglo)),
    ]
)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--in", dest="inp", required=True, help="articles, JSON lines")
    ap.add_argument("--out", required=True, help="labels, one JSON object")
    args = ap.parse_args()

    import numpy
    import scipy
    import sklearn

    sets = OrderedDict()
    with open(args.inp, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            sets.setdefault(r["set"], []).append((r.get("title") or "") + "\n" + (r.get("text") or ""))

    result = {
        "versions": {
            "python": sys.version.split()[0],
            "scikit-learn": sklearn.__version__,
            "numpy": numpy.__version__,
            "scipy": scipy.__version__,
        },
        "vectorizer": "TfidfVectorizer(stop_words='english', sublinear_tf=True) fitted on each "
        "set's title+text",
        "peers": [],
    }
    for name, (param, thresholds, fn) in PEERS.items():
        peer = {"name": name, "param": param, "grid": thresholds, "sets": {}}
        for set_name, texts in sets.items():
            t0 = time.perf_counter()
            peer["sets"][set_name] = fn(texts)
            print(
                f"  {name} on {set_name}: {len(texts)} articles x {len(thresholds)} thresholds "
                f"in {time.perf_counter() - t0:.1f}s",
                file=sys.stderr,
            )
        result["peers"].append(peer)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
