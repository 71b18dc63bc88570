"""Scrapy + trafilatura spider for the side-by-side benchmark (side.sh).

Walks the same local site `netra crawl --once` reads (bench/crawl/site:
its sitemap.xml lists every article page) and extracts each article's main
text with Python trafilatura at its default settings (fallback extractors
on, comments off), the setting comparable to Netra's extraction. Items go
to the JSONL feed side.sh names with -o.

Install: pip install scrapy trafilatura lxml_html_clean
(trafilatura's justext needs lxml_html_clean with lxml >= 5.2; on an
externally managed Python use a venv: python3 -m venv DIR && DIR/bin/pip
install ..., then SCRAPY_PYTHON=DIR/bin/python3 bench/crawl/side.sh ...).

BENCH_METADATA=1 asks trafilatura for the metadata too (title, author,
date: what Netra's records carry), output as JSON.
"""
import os
import time

import trafilatura
from scrapy.spiders import SitemapSpider


class ArticleSpider(SitemapSpider):
    name = "artikel"

    def __init__(self, sitemap="http://127.0.0.1:8963/sitemap.xml", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sitemap_urls = [sitemap]
        self.metadata = os.environ.get("BENCH_METADATA", "") not in ("", "0")
        self.items = 0
        self.empty = 0
        self.t0 = time.time()

    def parse(self, response):
        if self.metadata:
            text = trafilatura.extract(response.text, url=response.url, include_comments=False,
                                       with_metadata=True, output_format="json")
        else:
            text = trafilatura.extract(response.text, url=response.url, include_comments=False)
        if not text:
            self.empty += 1
            return
        self.items += 1
        yield {"url": response.url, "text": text}

    def closed(self, reason):
        el = time.time() - self.t0
        pages = self.crawler.stats.get_value("response_received_count", 0)
        print(f"scrapy: {pages} responses, {self.items} items, {self.empty} without text, "
              f"{el:.2f}s, {pages / el:.1f} pages/s", flush=True)
