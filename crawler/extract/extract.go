// Package extract pulls the article out of a news page: title, main text
// (without navigation, ads or comments), author, publication date,
// language and canonical URL. It wraps go-trafilatura and adds what a
// crawler needs around it: a canonical link it can trust, a bound on the
// work spent on one page, and no panics on broken markup.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/cascadia"
	"github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Article is what a page yields.
type Article struct {
	Title       string
	Text        string
	Author      string
	Published   time.Time
	Language    string
	Canonical   string // rel=canonical (or og:url) when it stays on the same site
	Description string
	Sitename    string
}

// ErrNoText means the page has no main text worth keeping.
var ErrNoText = errors.New("no main text found")

// Options tune extraction.
type Options struct {
	// Fallback also runs readability and DOM distiller and keeps the best
	// result: a little better recall for about twice the time.
	Fallback bool
	// Focus trades recall for precision or the other way round.
	Focus trafilatura.ExtractionFocus
	// MaxNodes skips pages with more elements than this (0: 100,000).
	MaxNodes int
}

// DefaultOptions are what the crawler uses: fallback extractors on, which
// measurably helps on Indonesian news layouts (see the tests).
func DefaultOptions() Options { return Options{Fallback: true} }

// Page extracts the article from an HTML page (UTF-8) fetched from pageURL.
func Page(body []byte, pageURL string, opt Options) (a *Article, err error) {
	defer func() {
		// Hostile markup must cost one page, never the crawl.
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("extract %s: extractor panic: %v", pageURL, r)
		}
	}()
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	u, _ := url.Parse(pageURL)
	if opt.MaxNodes <= 0 {
		opt.MaxNodes = 100000
	}
	canonical := findCanonical(doc, u)
	pruneNamed(doc)
	captionGallery(doc)
	// The prune selector is applied here rather than by trafilatura, so
	// that readability below sees the same pruned page.
	pruneSelected(doc, boilerplateSelector())
	topt := trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  opt.Fallback,
		ExcludeComments: true,
		MaxTreeSize:     opt.MaxNodes,
		Focus:           opt.Focus,
		HtmlDateOptions: &htmldate.Options{
			ExtractTime:     true,
			UseOriginalDate: true,
			URL:             pageURL,
		},
	}
	// With the fallback on, readability runs once, here: trafilatura gets
	// its result as the fallback candidate it would otherwise compute, and
	// its paragraphs are kept for restore below.
	var readable []block
	if opt.Fallback {
		if r, err := readability.FromDocument(doc, u); err == nil && r.Node != nil {
			readable = nodeBlocks(r.Node)
			topt.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: r.Node}
		}
	}
	res, err := trafilatura.ExtractDocument(doc, topt)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w: %v", pageURL, ErrNoText, err)
	}
	m := res.Metadata
	a = &Article{
		Title:       strings.TrimSpace(m.Title),
		Text:        strings.TrimSpace(res.ContentText),
		Author:      strings.TrimSpace(m.Author),
		Published:   m.Date,
		Language:    m.Language,
		Canonical:   canonical,
		Description: m.Description,
		Sitename:    m.Sitename,
	}
	if res.ContentNode != nil {
		if t := joinBlocks(restore(trimTail(trimHead(nodeBlocks(res.ContentNode))), readable)); t != "" {
			a.Text = t
		}
	}
	if a.Text == "" {
		return a, fmt.Errorf("extract %s: %w", pageURL, ErrNoText)
	}
	return a, nil
}

// indonesianBoilerplate selects the blocks Indonesian news sites put
// around and inside an article under names that say what they are: other
// news ("berita lainnya", "berita terkait", "baca juga", the "berita
// utama" headline carousel), the most read
// ("terpopuler", "trending") and recommendations. trafilatura's own lists
// know the English names only; kept, these blocks end up in the text.
const indonesianBoilerplate = `[class*=berita-lainnya], [id*=berita-lainnya], [class*=beritalainnya], ` +
	`[class*=berita-terkait], [id*=berita-terkait], [class*=beritaterkait], ` +
	`[class*=baca-juga], [id*=baca-juga], [class*=bacajuga], ` +
	`[class*=terpopuler], [id*=terpopuler], [class*=rekomendasi], [id*=rekomendasi], ` +
	`[class*=beritautama], [id*=beritautama], [class*=berita-utama], [class*=pilihan-redaksi], [id=trending], [class~=trending]`

// boilerplateSelector is indonesianBoilerplate compiled, on first use.
var boilerplateSelector = sync.OnceValue(func() cascadia.SelectorGroup {
	sel, err := cascadia.ParseGroup(indonesianBoilerplate)
	if err != nil {
		panic(fmt.Sprintf("extract: boilerplate selector: %v", err)) // a constant; the tests parse it
	}
	return sel
})

// pruneSelected removes the elements sel matches (and what they hold).
func pruneSelected(doc *html.Node, sel cascadia.SelectorGroup) {
	for _, n := range cascadia.QueryAll(doc, sel) {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// findCanonical reads <link rel=canonical> or og:url and keeps it only if
// it points to the same site (same host, or hosts sharing their last two
// labels), so a hostile page cannot claim another site's identity.
func findCanonical(doc *html.Node, page *url.URL) string {
	var link, og string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 64 || (link != "" && og != "") {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && link == "" {
					link = attr(n, "href")
				}
			case "meta":
				if attr(n, "property") == "og:url" && og == "" {
					og = attr(n, "content")
				}
			case "body":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	for _, cand := range []string{link, og} {
		if cand == "" || page == nil {
			continue
		}
		ref, err := url.Parse(strings.TrimSpace(cand))
		if err != nil {
			continue
		}
		abs := page.ResolveReference(ref)
		if (abs.Scheme == "http" || abs.Scheme == "https") && sameSite(abs.Hostname(), page.Hostname()) {
			return abs.String()
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func sameSite(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b {
		return true
	}
	return lastLabels(a, 2) == lastLabels(b, 2) && !isSecondLevelSuffix(lastLabels(a, 2))
}

func lastLabels(h string, n int) string {
	parts := strings.Split(h, ".")
	if len(parts) <= n {
		return h
	}
	return strings.Join(parts[len(parts)-n:], ".")
}

// isSecondLevelSuffix catches public suffixes like co.id or go.id, where
// two labels are not yet one site.
func isSecondLevelSuffix(s string) bool {
	switch s {
	case "co.id", "go.id", "ac.id", "or.id", "web.id", "my.id", "sch.id", "mil.id", "net.id", "biz.id", "desa.id", "ponpes.id",
		"co.uk", "org.uk", "com.au", "co.jp", "com.sg", "com.my":
		return true
	}
	return false
}
