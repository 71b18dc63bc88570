package discover

import (
	"bytes"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// minListingLinks is the fewest article links a selector must pick for a
// page to count as a listing.
const minListingLinks = 4

// ident is a CSS identifier goquery's selector parser takes as is.
var ident = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// SuggestListing proposes the CSS selector of a page's article links: of
// the selectors built from each article-looking link's ancestors (tag and
// first class, up to three levels), the one that picks the most
// article-looking links and the fewest others. Article-looking: on the
// page's site, with a path like a story's (a slug with hyphens or a long
// number), not a tag, category, author or paging link.
func SuggestListing(page []byte, pageURL string) (Finding, bool) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return Finding{}, false
	}
	base, err := url.Parse(pageURL)
	if err != nil {
		return Finding{}, false
	}
	if href, ok := doc.Find("base[href]").Attr("href"); ok {
		if b, err := base.Parse(strings.TrimSpace(href)); err == nil {
			base = b
		}
	}
	resolve := func(s *goquery.Selection) (*url.URL, bool) {
		href, ok := s.Attr("href")
		if !ok {
			return nil, false
		}
		u, err := base.Parse(strings.TrimSpace(href))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, false
		}
		return u, true
	}
	site := siteOf(base.Hostname())
	isArticle := func(s *goquery.Selection) (string, bool) {
		u, ok := resolve(s)
		if !ok || siteOf(u.Hostname()) != site {
			return "", false
		}
		u.Fragment = ""
		return u.String(), ArticlePath(u.Path)
	}
	cands := map[string]bool{}
	doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		if _, ok := isArticle(a); !ok {
			return
		}
		if inChrome(a) {
			return
		}
		chain := []string{}
		for n := a.Get(0).Parent; n != nil && len(chain) < 3; n = n.Parent {
			if n.Type != html.ElementNode || n.Data == "body" || n.Data == "html" {
				break
			}
			chain = append([]string{step(n)}, chain...)
			cands[strings.Join(chain, " ")+" a"] = true
		}
	})
	best, bestScore, bestLinks := "", 0, []string(nil)
	sels := make([]string, 0, len(cands))
	for s := range cands {
		sels = append(sels, s)
	}
	sort.Strings(sels) // ties go the same way every time
	for _, sel := range sels {
		seen := map[string]bool{}
		var links []string
		other := 0
		doc.Find(sel).Each(func(_ int, a *goquery.Selection) {
			u, ok := isArticle(a)
			switch {
			case !ok:
				other++
			case !seen[u]:
				seen[u] = true
				links = append(links, u)
			}
		})
		score := len(links) - 2*other
		// Prefer the more specific of equally good selectors: fewer
		// surprises when the page grows a new block.
		if score > bestScore || (score == bestScore && score > 0 && strings.Count(sel, " ") > strings.Count(best, " ")) {
			best, bestScore, bestLinks = sel, score, links
		}
	}
	if len(bestLinks) < minListingLinks {
		return Finding{}, false
	}
	return Finding{Kind: Listing, URL: pageURL, Selector: best, Entries: len(bestLinks), Sample: bestLinks[:min(3, len(bestLinks))]}, true
}

// chromeWords mark the site's furniture (menus, footers, sidebars,
// most-read boxes) rather than its list of stories.
var chromeWords = []string{"nav", "menu", "footer", "sidebar", "popular", "trending", "terpopuler", "widget", "breadcrumb"}

// inChrome reports whether a link sits inside nav/footer/aside or an
// element whose class or id names the site's furniture.
func inChrome(a *goquery.Selection) bool {
	for n := a.Get(0).Parent; n != nil; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "nav", "footer", "aside":
			return true
		}
		for _, at := range n.Attr {
			if at.Key != "class" && at.Key != "id" {
				continue
			}
			v := strings.ToLower(at.Val)
			for _, w := range chromeWords {
				if strings.Contains(v, w) {
					return true
				}
			}
		}
	}
	return false
}

// step is one selector step for an element: its tag and first usable class.
func step(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for _, c := range strings.Fields(a.Val) {
			if ident.MatchString(c) {
				return n.Data + "." + c
			}
		}
	}
	return n.Data
}

// siteOf drops "www." and "m." so links to the site's other hosts
// (nasional.kompas.com from www.kompas.com) count as the site's, by its
// last two labels (three for .co.id-style names).
func siteOf(host string) string {
	labels := strings.Split(strings.ToLower(host), ".")
	n := 2
	if len(labels) >= 3 {
		if sl := labels[len(labels)-2]; sl == "co" || sl == "or" || sl == "go" || sl == "ac" || sl == "web" || sl == "my" || sl == "sch" {
			n = 3
		}
	}
	if len(labels) <= n {
		return strings.Join(labels, ".")
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// nonArticle are path segments of index pages rather than stories.
var nonArticle = map[string]bool{
	"tag": true, "tags": true, "topik": true, "topic": true, "kategori": true, "category": true,
	"author": true, "penulis": true, "page": true, "halaman": true, "indeks": true, "index": true,
	"search": true, "cari": true, "login": true, "register": true, "video": false,
}

// ArticlePath reports whether a URL path looks like a story's: a slug of
// at least three words or a number of five digits or more, under no tag,
// category, author or paging segment.
func ArticlePath(p string) bool {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	if len(segs) == 0 || segs[0] == "" {
		return false
	}
	digits, words := 0, 0
	for _, s := range segs {
		if nonArticle[strings.ToLower(s)] {
			return false
		}
		run := 0
		for _, r := range s {
			if unicode.IsDigit(r) {
				run++
				digits = max(digits, run)
			} else {
				run = 0
			}
		}
		name := strings.TrimSuffix(strings.TrimSuffix(s, ".html"), ".htm")
		words = max(words, len(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })))
	}
	return words >= 3 || digits >= 5
}
