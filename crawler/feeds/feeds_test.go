package feeds

import (
	"os"
	"testing"
	"time"
)

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFeeds(t *testing.T) {
	cases := []struct {
		file, kind string
		n          int
		first      string
		title      string
		date       time.Time
	}{
		{"feed2.rss", RSS, 1, "http://www.example.com/blog/post/1", "Example entry", time.Date(2009, 9, 6, 16, 20, 0, 0, time.UTC)},
		{"feed1.atom", Atom, 2, "http://example.org/2003/12/13/atom03", "Atom-Powered Robots Run Amok", time.Date(2003, 12, 13, 18, 30, 2, 0, time.UTC)},
		{"antara-rss.xml", RSS, 20, "", "", time.Time{}},
		{"kapanlagi-rss.xml", RSS, 3, "", "", time.Time{}},
	}
	for _, c := range cases {
		doc, err := Parse(mustRead(t, c.file))
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if doc.Kind != c.kind || len(doc.Entries) != c.n {
			t.Errorf("%s: kind %s with %d entries, want %s with %d", c.file, doc.Kind, len(doc.Entries), c.kind, c.n)
			continue
		}
		e := doc.Entries[0]
		if c.first != "" && e.URL != c.first {
			t.Errorf("%s: first URL %q, want %q", c.file, e.URL, c.first)
		}
		if c.title != "" && e.Title != c.title {
			t.Errorf("%s: first title %q, want %q", c.file, e.Title, c.title)
		}
		if !c.date.IsZero() && !e.Date().Equal(c.date) {
			t.Errorf("%s: first date %v, want %v", c.file, e.Date(), c.date)
		}
		for i, e := range doc.Entries {
			if e.Date().IsZero() {
				t.Errorf("%s: entry %d (%s) has no date", c.file, i, e.URL)
			}
		}
	}
}

func TestJSONFeed(t *testing.T) {
	doc, err := Parse(mustRead(t, "feed.json"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != JSONFeed || len(doc.Entries) < 5 {
		t.Fatalf("kind %s, %d entries", doc.Kind, len(doc.Entries))
	}
	e := doc.Entries[0]
	if e.URL == "" || e.Title == "" || e.Published.IsZero() {
		t.Errorf("first entry incomplete: %+v", e)
	}
}

func TestSitemaps(t *testing.T) {
	doc, err := Parse(mustRead(t, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != URLSet || len(doc.Entries) < 20 || doc.Entries[0].URL != "https://www.sitemaps.org/" ||
		!doc.Entries[0].Modified.Equal(time.Date(2016, 11, 21, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("sitemap.xml: %s, %d entries, first %+v", doc.Kind, len(doc.Entries), doc.Entries[0])
	}
	idx, err := Parse(mustRead(t, "sitemap2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if idx.Kind != SitemapIndex || len(idx.Entries) != 2 || idx.Entries[1].URL != "http://www.example.com/sitemap2.xml.gz" {
		t.Errorf("sitemap2.xml: %+v", idx)
	}
	hl, err := Parse(mustRead(t, "sitemap-hreflang.xml"))
	if err != nil || len(hl.Entries) != 3 {
		t.Errorf("hreflang sitemap: %v %+v", err, hl)
	}
	gz := mustRead(t, "sitemap.xml.gz")
	if !IsGzip(gz) {
		t.Fatal("sitemap.xml.gz not recognised as gzip")
	}
	raw, err := Gunzip(gz, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if d, err := Parse(raw); err != nil || len(d.Entries) == 0 {
		t.Errorf("gz sitemap: %v", err)
	}
	if _, err := Gunzip(gz, 100); err == nil {
		t.Error("gunzip limit not enforced")
	}
	news, err := Parse(mustRead(t, "news-sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	n := news.Entries[0]
	if n.Title != "Camat Ajak Warga Pilih Paslon Nomor Urut 2" || !n.Published.Equal(time.Date(2024, 2, 1, 1, 30, 0, 0, time.UTC)) {
		t.Errorf("news sitemap entry: %+v", n)
	}
}

func TestNotAFeed(t *testing.T) {
	for _, in := range []string{"<html><body>halo</body></html>", `{"a":1}`, ""} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("Parse(%q) accepted", in)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`<rss><channel><item><link>http://a.id/1</link><pubDate>Thu, 05 Nov 2015 12:45:00 +0700</pubDate></item></channel></rss>`))
	f.Add([]byte(`<urlset><url><loc>http://a.id/</loc><lastmod>2024-01-02</lastmod></url>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"http://a.id"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(b)
		if err == nil && len(doc.Entries) > MaxEntries {
			t.Fatal("too many entries")
		}
	})
}
