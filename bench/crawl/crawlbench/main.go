// Command crawlbench crawls the benchmark site (bench/crawl/site) with the
// Netra crawler, politeness off, and prints pages/s. The crawl is the real
// one: colly listing walk, guarded transport, canonical dedup, charset
// decoding and go-trafilatura extraction of every article.
//
//	go run ./bench/crawl/crawlbench -url http://127.0.0.1:8931/indeks/0 -concurrency 8
package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler"
)

func main() {
	start := flag.String("url", "http://127.0.0.1:8931/indeks/0", "first listing page")
	conc := flag.Int("concurrency", 8, "concurrent requests")
	maxPages := flag.Int("max-pages", 1000, "listing pages")
	flag.Parse()
	u, err := url.Parse(*start)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	c := crawler.New(
		crawler.WithPoliteness(false),
		crawler.WithHostLimits(*conc, 0),
		crawler.WithWorkers(*conc),
		crawler.WithAllowedAddrs(u.Host),
		crawler.WithLimits(1_000_000, *maxPages),
		crawler.WithRetries(0, 0),
	)
	defer c.Close()
	src := crawler.Source{Name: "bench", Kind: crawler.KindHTML, URLs: []string{*start},
		LinkSelector: "ul.indeks a.judul", NextSelector: "a.berikutnya", MaxPages: *maxPages}
	var items, textBytes int
	t0 := time.Now()
	st, err := c.Run(context.Background(), src, func(it netra.Item) error {
		items++
		textBytes += len(it.Text)
		return nil
	})
	el := time.Since(t0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crawlbench:", err)
		os.Exit(1)
	}
	fmt.Printf("netra: %d responses (%d listing + %d articles), %d items, %d errors, %.2fs, %.1f pages/s, %.1f MB text\n",
		st.Fetched, st.Pages, st.Fetched-st.Pages, items, st.ErrorCount(), el.Seconds(), float64(st.Fetched)/el.Seconds(), float64(textBytes)/1e6)
}
