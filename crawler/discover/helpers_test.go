package discover

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// allLinks applies a selector the way the crawler's listing walk does and
// returns the absolute links it picks (without trailing slash).
func allLinks(t *testing.T, body []byte, pageURL, sel string) map[string]bool {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse(pageURL)
	out := map[string]bool{}
	doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
		if u, err := base.Parse(strings.TrimSpace(s.AttrOr("href", ""))); err == nil {
			u.Fragment = ""
			out[strings.TrimSuffix(u.String(), "/")] = true
		}
	})
	return out
}
