package extract

import (
	"os"
	"strings"
	"testing"
)

// TestWrittenPages: pages written to reproduce Indonesian regional news
// structures that failed, each with words its text must keep and words of
// boilerplate it must drop.
func TestWrittenPages(t *testing.T) {
	cases := []struct {
		name, path, url string
		want, junk      []string
	}{
		{
			// Teaser cards of other news (title link plus a summary
			// paragraph, which trafilatura keeps as if they were article
			// paragraphs), a "Baca Juga" box and a most-read list.
			name: "regional teasers", path: "testdata/written/regional-teasers.html", url: "http://127.0.0.1/daerah/pasar-rakyat",
			want: []string{"meresmikan pasar rakyat baru", "prioritas kios tanpa biaya sewa", "menghemat ongkos angkut", "trayek angkutan desa"},
			junk: []string{"Air laut pasang", "Pelantikan berlangsung", "pasokan dari petani", "Jalan Desa Rusak", "Jembatan Gantung Putus"},
		},
		{
			// A detik-like page whose wrapper (class "maincontainer")
			// makes trafilatura take the whole page: the right column,
			// the newsroom's contact box, the "Baca Juga" box, the "Must
			// Read" slide-in, the "foot_2" footer and the dateline above
			// the headline stay out.
			name: "columns and footer", path: "testdata/written/columns-footer.html", url: "http://127.0.0.1/daerah/jembatan-gantung",
			want: []string{"bergotong royong memperbaiki jembatan gantung", "dibeli dari dana desa", "jembatan permanen dalam musyawarah"},
			junk: []string{"Pasar Malam Dibuka", "Berita Terbaru", "redaksi[at]", "Harga Gabah Anjlok", "Lomba Perahu Hias", "Pedoman Media Siber", "Copyright", "Selasa, 24/11/2026 14:05 WIB"},
		},
		{
			// The captions are a photo page's text; the popular list and
			// the newsletter box are not.
			name: "photo gallery", path: "testdata/written/photo-gallery.html", url: "http://127.0.0.1/foto/festival-layang-layang",
			want: []string{"layang-layang berbentuk naga", "sanggar desa membawa", "Juri menilai keseimbangan"},
			junk: []string{"Harga Gabah Anjlok", "Petani Kopi", "langganan newsletter"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := writtenPage(t, tc.path, tc.url)
			for _, want := range tc.want {
				if !strings.Contains(a.Text, want) {
					t.Errorf("article text lost %q:\n%s", want, a.Text)
				}
			}
			for _, junk := range tc.junk {
				if strings.Contains(a.Text, junk) {
					t.Errorf("boilerplate %q kept:\n%s", junk, a.Text)
				}
			}
		})
	}
}

func writtenPage(t *testing.T, path, u string) *Article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Page(b, u, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return a
}
