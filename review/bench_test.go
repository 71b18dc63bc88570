package review

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

func BenchmarkServer(b *testing.B) {
	var extra []netra.Record
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 2000 {
		text := fmt.Sprintf("Warga nomor %d melaporkan camat yang mengajak mendukung paslon nomor urut %d di desa %d.", i, i%3+1, i%50)
		it := netra.Item{Source: fmt.Sprintf("src-%d", i%7), Region: fmt.Sprintf("region-%d", i%5), Text: text, Published: day.Add(time.Duration(i) * time.Minute)}
		it.ID = netra.ItemID("", it.Source, it.Text)
		s := len("Warga nomor ")
		extra = append(extra, netra.Record{Item: it, Verdict: netra.Verdict{ID: it.ID, Flagged: i%2 == 0, Score: float64(i%100) / 100,
			Categories: []string{"asn_support"}, Hits: []netra.Hit{{Rule: "asn-support", Category: "asn_support", Start: s, End: len(text), Sentence: text[s:]}}}})
	}
	f := newFixture(b, withRecords(extra...))
	c, _ := f.login("rina", reviewerPW)
	get := func(b *testing.B, path string, basic bool) {
		req, _ := http.NewRequestWithContext(context.Background(), "GET", f.ts.URL+path, nil)
		client := c
		if basic {
			req.SetBasicAuth("rina", reviewerPW)
			client = http.DefaultClient
		}
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("%s: %d", path, resp.StatusCode)
		}
	}
	for _, bc := range []struct {
		name, path string
		basic      bool
	}{
		{"api-search-facets", "/api/v1/items?flagged=true&sort=score&facets=status,category,rule,source,region&limit=50", true},
		{"api-fulltext", "/api/v1/items?q=camat+paslon&limit=20", true},
		{"queue-page", "/?sort=score", false},
		{"item-page", "/items/" + extra[10].Item.ID, false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				get(b, bc.path, bc.basic)
			}
		})
	}
}
