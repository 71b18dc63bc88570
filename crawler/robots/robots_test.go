package robots

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"sort"
	"testing"
	"time"
)

type specTest struct {
	Robots       string `json:"robotstxt_b64"`
	Expectations []struct {
		URL      string `json:"testurl"`
		Agent    string `json:"useragent"`
		Outcome  string `json:"expected_outcome"`
		Why      string `json:"additional_explanation"`
		TestType string `json:"test_type"`
	} `json:"test_expectations"`
}

// TestGoogleConformance runs Google's robotstxt-spec-test cases (see
// testdata/SOURCE.md), both the standard and the Google-specific ones.
func TestGoogleConformance(t *testing.T) {
	data, err := os.ReadFile("testdata/robotstxt_spec_tests.json")
	if err != nil {
		t.Fatal(err)
	}
	var suites map[string][]specTest
	if err := json.Unmarshal(data, &suites); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(suites))
	for k := range suites {
		names = append(names, k)
	}
	sort.Strings(names)
	total := 0
	for _, name := range names {
		for i, tc := range suites[name] {
			body, err := base64.StdEncoding.DecodeString(tc.Robots)
			if err != nil {
				t.Fatalf("%s[%d]: %v", name, i, err)
			}
			r := Parse(body)
			for _, e := range tc.Expectations {
				total++
				want := e.Outcome == "ALLOWED"
				if got := r.Allowed(e.Agent, e.URL); got != want {
					t.Errorf("%s[%d] %s agent=%q url=%q: allowed=%v, want %v (%s)\nrobots.txt:\n%s", name, i, e.TestType, e.Agent, e.URL, got, want, e.Why, body)
				}
			}
		}
	}
	if total < 400 {
		t.Fatalf("ran %d expectations, want the suite's 400", total)
	}
}

func TestCrawlDelayAndSitemaps(t *testing.T) {
	r := Parse([]byte("User-agent: *\nCrawl-delay: 2\nDisallow: /private\n\nUser-agent: NetraBot\nCrawl-delay: 0.5\nAllow: /\n\nSitemap: https://contoh.id/sitemap.xml\n"))
	if got := r.CrawlDelay(ProductToken("NetraBot/1.0 (+https://netra.example)")); got != 500*time.Millisecond {
		t.Errorf("NetraBot crawl delay = %v", got)
	}
	if got := r.CrawlDelay("OtherBot"); got != 2*time.Second {
		t.Errorf("other crawl delay = %v", got)
	}
	if !r.Allowed("NetraBot", "https://contoh.id/private/x") {
		t.Error("NetraBot group allows everything")
	}
	if r.Allowed("OtherBot", "https://contoh.id/private/x") {
		t.Error("* group disallows /private")
	}
	if s := r.Sitemaps(); len(s) != 1 || s[0] != "https://contoh.id/sitemap.xml" {
		t.Errorf("sitemaps = %v", s)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a/index.html\n"), "/a/xb")
	f.Add([]byte("\xef\xbb\xbfuser-agent foo\r\ndisallow /\r"), "/")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		r := Parse(body)
		r.Allowed("NetraBot", "http://contoh.id"+path)
		r.CrawlDelay("NetraBot")
	})
}

func TestCacheBounded(t *testing.T) {
	c := NewCache(2, time.Hour)
	calls := 0
	fetch := func(ctx context.Context, u string) (int, []byte, error) {
		calls++
		switch u {
		case "https://a.id/robots.txt":
			return 200, []byte("User-agent: *\nDisallow: /x\n"), nil
		case "https://b.id/robots.txt":
			return 404, nil, nil
		}
		return 503, nil, nil
	}
	ctx := context.Background()
	a, _ := c.Get(ctx, "https://a.id/x/1", fetch)
	if a.Allowed("NetraBot", "https://a.id/x/1") {
		t.Error("a.id /x should be disallowed")
	}
	c.Get(ctx, "https://a.id/y", fetch)
	if calls != 1 {
		t.Errorf("robots.txt fetched %d times for one host", calls)
	}
	b, _ := c.Get(ctx, "https://b.id/", fetch)
	if !b.Allowed("NetraBot", "https://b.id/anything") {
		t.Error("404 robots.txt must allow all")
	}
	d, _ := c.Get(ctx, "https://c.id/", fetch)
	if d.Allowed("NetraBot", "https://c.id/") || !d.Unreachable() {
		t.Error("503 robots.txt must disallow all")
	}
	if c.Len() != 2 {
		t.Errorf("cache holds %d hosts, bound is 2", c.Len())
	}
}
