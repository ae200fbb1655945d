"""The original's way of scraping: each feed fetched and parsed with feedparser, one after another.
Usage: feedparser-sequential.py FILE_WITH_ONE_URL_PER_LINE; prints "<seconds> <items read>"."""
import sys
import time
import urllib.request

import feedparser

urls = [line.strip() for line in open(sys.argv[1]) if line.strip()]
start = time.perf_counter()
items = 0
for url in urls:
    with urllib.request.urlopen(url, timeout=30) as response:
        document = response.read()
    items += len(feedparser.parse(document).entries)
print(f"{time.perf_counter() - start:.3f} {items}")
