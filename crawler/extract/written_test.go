package extract

import (
	"os"
	"strings"
	"testing"
)

// TestWrittenRegionalTeasers: teaser cards of other news (title link plus
// a summary paragraph, which trafilatura keeps as if they were article
// paragraphs), a "Baca Juga" box and a most-read list stay out of the text.
func TestWrittenRegionalTeasers(t *testing.T) {
	b, err := os.ReadFile("testdata/written/regional-teasers.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Page(b, "http://127.0.0.1/daerah/pasar-rakyat", DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"meresmikan pasar rakyat baru", "prioritas kios tanpa biaya sewa", "menghemat ongkos angkut", "trayek angkutan desa"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("article text lost %q:\n%s", want, a.Text)
		}
	}
	for _, junk := range []string{"Air laut pasang", "Pelantikan berlangsung", "pasokan dari petani", "Jalan Desa Rusak", "Jembatan Gantung Putus"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("boilerplate %q kept:\n%s", junk, a.Text)
		}
	}
}
