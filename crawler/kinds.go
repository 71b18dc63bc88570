package crawler

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/gocolly/colly/v2"
	"github.com/netra-id/netra/crawler/canon"
	"github.com/netra-id/netra/crawler/feeds"
	"github.com/netra-id/netra/crawler/fetch"
	"github.com/netra-id/netra/crawler/robots"
)

// page fetches one listing-type document (feed, sitemap, timeline),
// counting it and recording a failure; nil means "skip it".
func (r *run) page(ctx context.Context, u string, accept string) *fetch.Response {
	return r.get(ctx, u, accept, false)
}

// get is page, and with conditional set it sends the validators of the
// last complete run and skips a 304 (see document).
func (r *run) get(ctx context.Context, u string, accept string, conditional bool) *fetch.Response {
	if ctx.Err() != nil {
		return nil
	}
	h := http.Header{}
	if accept != "" {
		h.Set("Accept", accept)
	}
	if conditional {
		r.cond.header(u, h)
	}
	res, err := r.client.Get(ctx, u, h)
	if err != nil {
		status := 0
		if res != nil {
			status = res.Status
		}
		r.failed(u, err, status, false)
		return nil
	}
	if conditional && res.Status == http.StatusNotModified {
		r.stats.do(func(s *RunStats) { s.NotModified++ })
		return nil
	}
	r.stats.do(func(s *RunStats) { s.Pages++ })
	if conditional {
		r.cond.seen(u, res.Header)
	}
	return res
}

func entryCandidates(base string, entries []feeds.Entry) []candidate {
	bu, _ := url.Parse(base)
	out := make([]candidate, 0, len(entries))
	for _, e := range entries {
		u, err := canon.Resolve(bu, e.URL)
		if err != nil {
			continue
		}
		out = append(out, candidate{url: u, title: e.Title, published: e.Date()})
	}
	return out
}

// feeds reads RSS, Atom and JSON feeds.
func (r *run) feeds(ctx context.Context) error {
	var all []candidate
	for _, u := range r.src.URLs {
		res := r.document(ctx, u, "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8")
		if res == nil {
			continue
		}
		doc, err := feeds.Parse(res.Body)
		if err != nil {
			r.stats.fail(fetch.ReasonParse, u)
			continue
		}
		all = append(all, entryCandidates(res.URL, doc.Entries)...)
	}
	r.fetchArticles(ctx, r.take(all))
	return nil
}

// sitemaps walks sitemaps and sitemap indexes breadth-first, at most
// maxPages documents, skipping child sitemaps and URLs whose lastmod is
// older than the source's since. A URL without a path is a site: its
// sitemaps come from robots.txt, else /sitemap.xml.
func (r *run) sitemaps(ctx context.Context) error {
	var queue []string
	for _, u := range r.src.URLs {
		pu, err := url.Parse(u)
		if err == nil && (pu.Path == "" || pu.Path == "/") {
			queue = append(queue, r.discoverSitemaps(ctx, pu)...)
			continue
		}
		queue = append(queue, u)
	}
	seen := map[string]bool{}
	var all []candidate
	for pages := 0; len(queue) > 0 && pages < r.maxPages && ctx.Err() == nil; {
		u := queue[0]
		queue = queue[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		pages++
		res := r.document(ctx, u, "application/xml, text/xml;q=0.9, */*;q=0.8")
		if res == nil {
			continue
		}
		body := res.Body
		if feeds.IsGzip(body) {
			raw, err := feeds.Gunzip(body, r.c.cfg.maxBody)
			if err != nil {
				r.stats.fail(fetch.ReasonTooLarge, u)
				continue
			}
			body, _ = fetch.Decode(raw, "application/xml")
		}
		doc, err := feeds.Parse(body)
		if err != nil {
			r.stats.fail(fetch.ReasonParse, u)
			continue
		}
		if doc.Kind == feeds.SitemapIndex {
			for _, c := range entryCandidates(res.URL, doc.Entries) {
				if r.tooOld(c.published) {
					r.stats.do(func(s *RunStats) { s.Filtered++ })
					continue
				}
				queue = append(queue, c.url)
			}
			continue
		}
		all = append(all, entryCandidates(res.URL, doc.Entries)...)
	}
	r.fetchArticles(ctx, r.take(all))
	return nil
}

func (r *run) discoverSitemaps(ctx context.Context, site *url.URL) []string {
	root := site.Scheme + "://" + site.Host
	res, err := r.client.Get(ctx, root+"/robots.txt", nil)
	if err == nil {
		if maps := robots.Parse(res.Body).Sitemaps(); len(maps) > 0 {
			return maps
		}
	}
	return []string{root + "/sitemap.xml"}
}

// listing walks HTML listing pages: colly fetches them through the
// polite client, article links come from the source's link selector and
// the next page from its next selector.
func (r *run) listing(ctx context.Context) error {
	col := r.collector(ctx, false)
	var found []candidate
	var next string
	pages := 0
	col.OnResponse(func(res *colly.Response) {
		pages++
		r.stats.do(func(s *RunStats) { s.Pages++ })
		links, nxt, err := listingLinks(res.Body, res.Request.URL, r.src.LinkSelector, r.src.NextSelector)
		if err != nil {
			r.stats.fail(fetch.ReasonParse, res.Request.URL.String())
			return
		}
		found, next = links, nxt
	})
	notModified := r.conditionalListing(col)
	col.OnError(func(res *colly.Response, err error) {
		if notModified(res) {
			return
		}
		r.failed(res.Request.URL.String(), err, res.StatusCode, false)
	})
	seen := map[string]bool{}
	queue := append([]string(nil), r.src.URLs...)
	for len(queue) > 0 && pages < r.maxPages && ctx.Err() == nil {
		u := queue[0]
		queue = queue[1:]
		if cu, err := canon.URL(u); err == nil {
			if seen[cu] {
				continue
			}
			seen[cu] = true
		}
		found, next = nil, ""
		_ = col.Visit(u)
		if next != "" {
			queue = append(queue, next)
		}
		// Fetch each page's articles before the next page, so a long
		// listing delivers items early and an interruption loses little.
		r.fetchArticles(ctx, r.take(found))
	}
	return nil
}

// listingLinks finds the article links (in page order) and the next-page
// link of a listing page. A selector may match the <a> itself or an
// element containing it.
func listingLinks(body []byte, page *url.URL, linkSel, nextSel string) ([]candidate, string, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil, "", err
	}
	base := page
	if href, ok := doc.Find("base[href]").Attr("href"); ok {
		if b, err := page.Parse(strings.TrimSpace(href)); err == nil {
			base = b
		}
	}
	hrefOf := func(s *goquery.Selection) (string, string) {
		a := s
		if goquery.NodeName(s) != "a" {
			a = s.Find("a[href]").First()
		}
		href, _ := a.Attr("href")
		title, _ := a.Attr("title")
		if title == "" {
			title = strings.Join(strings.Fields(a.Text()), " ")
		}
		return href, title
	}
	var links []candidate
	doc.Find(linkSel).Each(func(_ int, s *goquery.Selection) {
		href, title := hrefOf(s)
		if u, err := canon.Resolve(base, href); err == nil {
			links = append(links, candidate{url: u, title: title})
		}
	})
	next := ""
	if nextSel != "" {
		if s := doc.Find(nextSel).First(); s.Length() > 0 {
			href, _ := hrefOf(s)
			if u, err := canon.Resolve(base, href); err == nil {
				next = u
			}
		}
	}
	return links, next, nil
}
