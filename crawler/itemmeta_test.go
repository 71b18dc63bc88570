package crawler

import (
	"os"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler/extract"
)

// BenchmarkCompleteMeta is the per-page cost of author cleaning, byline
// reading and language detection over the 26 anpandu article pages (the
// extraction itself not included).
func BenchmarkCompleteMeta(b *testing.B) {
	type pg struct {
		body []byte
		it   netra.Item
	}
	var pages []pg
	for _, f := range loadFixtures(b) {
		body, err := os.ReadFile(f.file)
		if err != nil {
			b.Fatal(err)
		}
		a, err := extract.Page(body, "http://x.id"+f.path, extract.DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, pg{body, netra.Item{Text: a.Text, Author: a.Author, Language: a.Language}})
	}
	c := New()
	c.lang.Detect("Warga desa menggelar kerja bakti membersihkan saluran air menjelang musim hujan.") // load outside the loop
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := pages[i%len(pages)]
		it := p.it
		c.completeMeta(&it, p.body)
	}
}
