"""Scrapy spider for the same benchmark site: walk the listing pages, follow
every article link, extract title and paragraph text with CSS selectors.
Run by run.sh with the same concurrency as the Netra crawler."""
import time

import scrapy


class BeritaSpider(scrapy.Spider):
    name = "berita"

    def __init__(self, start="http://127.0.0.1:8931/indeks/0", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_urls = [start]
        self.items = 0
        self.t0 = time.time()

    def parse(self, response):
        for href in response.css("ul.indeks a.judul::attr(href)").getall():
            yield response.follow(href, self.parse_article)
        nxt = response.css("a.berikutnya::attr(href)").get()
        if nxt:
            yield response.follow(nxt, self.parse)

    def parse_article(self, response):
        self.items += 1
        yield {
            "url": response.url,
            "title": response.css("h1::text").get(),
            "text": "\n".join(response.css("div.isi p::text").getall()),
        }

    def closed(self, reason):
        el = time.time() - self.t0
        pages = self.crawler.stats.get_value("response_received_count", 0)
        print(f"scrapy: {pages} responses, {self.items} items, {el:.2f}s, {pages / el:.1f} pages/s")
