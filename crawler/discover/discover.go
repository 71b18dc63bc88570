// Package discover finds what a news site offers a crawler: feeds
// (<link rel="alternate"> on its home page, then the usual feed paths),
// sitemaps and news sitemaps (robots.txt, then the usual paths), and, when
// it has neither, the CSS selector of the article links on a listing
// page. Every document is fetched through the caller's Getter (the
// crawler's safe client: private addresses refused, size caps, timeouts,
// robots.txt) and parsed before it is suggested, so a suggestion is a
// document that was really there.
package discover

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/netra-id/netra/crawler/feeds"
	"github.com/netra-id/netra/crawler/fetch"
	"github.com/netra-id/netra/crawler/robots"
)

// Getter fetches one URL; *fetch.Client is one.
type Getter interface {
	Get(ctx context.Context, rawURL string, header http.Header) (*fetch.Response, error)
}

// The kinds of Finding.
const (
	Feed        = "feed"
	Sitemap     = "sitemap"
	NewsSitemap = "news-sitemap"
	Listing     = "listing"
)

// FeedPaths are the usual feed locations probed when the home page links
// none (WordPress, Blogger, Hugo, Jekyll and the common CMS defaults).
var FeedPaths = []string{"/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml", "/feeds/posts/default", "/rss/"}

// SitemapPaths are the usual sitemap locations probed when robots.txt
// names none.
var SitemapPaths = []string{"/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/sitemap-news.xml", "/sitemap_news.xml"}

// Finding is one thing found on a site and why it is believed.
type Finding struct {
	Kind     string // Feed, Sitemap, NewsSitemap or Listing
	URL      string
	Why      string // where it was found, for the sources file's comments
	Entries  int    // entries in the feed or sitemap, links for a listing
	Selector string // Listing: CSS selector of the article links
	Sample   []string
}

// Report is everything found on one site.
type Report struct {
	Site     string // the URL as given
	Findings []Finding
	Problems []string // fetches that failed, for the comments
}

// Site looks at one site (a home page or a listing page URL).
func Site(ctx context.Context, g Getter, site string) Report {
	rep := Report{Site: site}
	u, err := url.Parse(site)
	if err != nil || u.Host == "" {
		rep.Problems = append(rep.Problems, fmt.Sprintf("%q is not a URL", site))
		return rep
	}
	root := u.Scheme + "://" + u.Host
	seen := map[string]bool{}
	try := func(doc, why string) bool {
		if seen[doc] {
			return false
		}
		seen[doc] = true
		f, ok := rep.check(ctx, g, doc, why)
		if ok {
			rep.Findings = append(rep.Findings, f)
		}
		return ok
	}

	// 1. The page itself: feed links and, for the listing, its links.
	var page []byte
	pageURL := site
	if res, err := g.Get(ctx, site, http.Header{"Accept": {"text/html"}}); err != nil {
		rep.Problems = append(rep.Problems, fmt.Sprintf("%s: %v", site, err))
		if r := fetch.ReasonOf(err); r == fetch.ReasonBlocked || r == fetch.ReasonScheme {
			return rep // every other path of the site would be refused too
		}
	} else {
		page, pageURL = res.Body, res.URL
	}
	foundFeed := false
	if page != nil {
		for _, l := range alternateFeeds(page, pageURL) {
			if try(l, "<link rel=\"alternate\"> on "+pageURL) {
				foundFeed = true
			}
		}
	}
	// 2. The usual feed paths, until one answers with a feed.
	if !foundFeed {
		for _, p := range FeedPaths {
			if try(root+p, "usual feed path "+p) {
				break
			}
		}
	}
	// 3. Sitemaps named by robots.txt, else the usual paths.
	var maps []string
	if res, err := g.Get(ctx, root+"/robots.txt", nil); err == nil && res.Status == http.StatusOK {
		maps = robots.Parse(res.Body).Sitemaps()
	}
	foundMap := false
	for _, m := range maps {
		if try(m, "Sitemap: line of "+root+"/robots.txt") {
			foundMap = true
		}
	}
	if !foundMap {
		for _, p := range SitemapPaths {
			try(root+p, "usual sitemap path "+p)
		}
	}
	// 4. The page's article links as a selector.
	if page != nil {
		if f, ok := SuggestListing(page, pageURL); ok {
			f.Why = "article links on " + pageURL
			rep.Findings = append(rep.Findings, f)
		}
	}
	return rep
}

// check fetches doc and keeps it when it parses as a feed or sitemap with
// entries.
func (rep *Report) check(ctx context.Context, g Getter, doc, why string) (Finding, bool) {
	res, err := g.Get(ctx, doc, http.Header{"Accept": {"application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8"}})
	if err != nil {
		if fetch.ReasonOf(err) != "http_404" {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: %v", doc, err))
		}
		return Finding{}, false
	}
	body := res.Body
	if feeds.IsGzip(body) {
		raw, err := feeds.Gunzip(body, 50<<20)
		if err != nil {
			return Finding{}, false
		}
		body, _ = fetch.Decode(raw, "application/xml")
	}
	d, err := feeds.Parse(body)
	if err != nil || len(d.Entries) == 0 {
		return Finding{}, false
	}
	f := Finding{URL: res.URL, Why: why, Entries: len(d.Entries)}
	switch d.Kind {
	case feeds.RSS, feeds.Atom, feeds.JSONFeed:
		f.Kind = Feed
	case feeds.SitemapIndex:
		f.Kind = Sitemap
	default:
		f.Kind = Sitemap
		if bytes.Contains(body, []byte("sitemap-news")) {
			f.Kind = NewsSitemap
		}
	}
	for _, e := range d.Entries[:min(3, len(d.Entries))] {
		f.Sample = append(f.Sample, e.URL)
	}
	return f, true
}

// alternateFeeds lists the feed links a page declares.
func alternateFeeds(page []byte, pageURL string) []string {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return nil
	}
	base, _ := url.Parse(pageURL)
	var out []string
	doc.Find(`link[rel~="alternate"][href]`).Each(func(_ int, s *goquery.Selection) {
		t := strings.ToLower(s.AttrOr("type", ""))
		if !strings.Contains(t, "rss") && !strings.Contains(t, "atom") && !strings.Contains(t, "feed+json") {
			return
		}
		href := strings.TrimSpace(s.AttrOr("href", ""))
		if href == "" {
			return
		}
		if u, err := base.Parse(href); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			out = append(out, u.String())
		}
	})
	return out
}
