#!/usr/bin/env python3
"""Runs a Python peer extractor for `newsdesk-eval extraction --peers`.

Same protocol as newsdesk-eval's own workers: the page list comes on stdin as JSON lines
({"id", "path", "url"}, path a gzipped HTML file). Every page is read into memory first; then
all pages are extracted `--runs` times on one thread. One JSON line per page
({"id", "text", "title", "authors", "date", "site_name"}, from the first run) goes to `--out`,
and one JSON line of timing goes to stdout:
{"extractor", "version", "pages", "bytes", "run_seconds": [...], "rss_loaded_kb", "rss_peak_kb"}
(peak RSS from resource.getrusage, KiB on Linux).

Extractors:
  trafilatura       trafilatura.bare_extraction, defaults (fallbacks on), comments excluded,
                    metadata extracted (as newsdesk always does)
  trafilatura-fast  the same with fast=True (trafilatura 2.x's fast mode: no fallbacks)

The text is what `trafilatura.extract(..., output_format="txt")` returns (xmltotxt of the body,
NFC), without the metadata header that `with_metadata=True` puts on top of txt output.
"""

import argparse
import gzip
import json
import resource
import sys
import time


def load_pages():
    pages = []
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        ref = json.loads(line)
        with open(ref["path"], "rb") as f:
            html = gzip.decompress(f.read())
        pages.append((ref["id"], ref.get("url"), html))
    return pages


def trafilatura_extractor(fast):
    import logging

    import trafilatura
    from trafilatura.utils import normalize_unicode

    # "discarding data" warnings for pages it gives up on: the empty output says it.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    def extract(page_id, url, html):
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            fast=fast,
            include_comments=False,
            with_metadata=True,
            output_format="python",
        )
        if doc is None:
            return {"id": page_id, "text": "", "title": None, "authors": [], "date": None,
                    "site_name": None}
        # `python` format sets doc.text = xmltotxt(body): the txt output, normalised (NFC) as
        # extract() does.
        text = normalize_unicode(doc.text or "")
        author = doc.author or ""
        return {
            "id": page_id,
            "text": text,
            "title": doc.title or None,
            "authors": [a.strip() for a in author.split(";") if a.strip()],
            "date": doc.date or None,
            "site_name": doc.sitename or None,
        }

    return extract, trafilatura.__version__


EXTRACTORS = {
    "trafilatura": lambda: trafilatura_extractor(fast=False),
    "trafilatura-fast": lambda: trafilatura_extractor(fast=True),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extractor", required=True, choices=sorted(EXTRACTORS))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    extract, version = EXTRACTORS[args.extractor]()
    pages = load_pages()
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    # Warm nothing up beyond what the first run does: every run is timed and the median reported.
    outputs = []
    run_seconds = []
    for run in range(max(1, args.runs)):
        start = time.perf_counter()
        for page_id, url, html in pages:
            try:
                out = extract(page_id, url, html)
            except Exception as e:  # a peer's crash on one page is an empty output
                print(f"{args.extractor}: {page_id}: {type(e).__name__}: {e}", file=sys.stderr)
                out = {"id": page_id, "text": "", "title": None, "authors": [], "date": None,
                       "site_name": None}
            if run == 0:
                outputs.append(out)
        run_seconds.append(time.perf_counter() - start)
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    with open(args.out, "w", encoding="utf-8") as f:
        for out in outputs:
            f.write(json.dumps(out, ensure_ascii=False))
            f.write("\n")
    print(json.dumps({
        "extractor": args.extractor,
        "version": version,
        "pages": len(pages),
        "bytes": sum(len(h) for _, _, h in pages),
        "run_seconds": run_seconds,
        "rss_loaded_kb": rss_loaded,
        "rss_peak_kb": rss_peak,
    }))


if __name__ == "__main__":
    main()
