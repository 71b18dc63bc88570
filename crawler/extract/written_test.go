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

// TestWrittenColumnsFooter: a detik-like page whose wrapper (class
// "maincontainer") makes trafilatura take the whole page; the right
// column, the newsroom's contact box, the "Baca Juga" box, the "Must Read"
// slide-in, the "foot_2" footer and the dateline above the headline stay
// out of the text.
func TestWrittenColumnsFooter(t *testing.T) {
	a := writtenPage(t, "testdata/written/columns-footer.html", "http://127.0.0.1/daerah/jembatan-gantung")
	for _, want := range []string{"bergotong royong memperbaiki jembatan gantung", "dibeli dari dana desa", "jembatan permanen dalam musyawarah"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("article text lost %q:\n%s", want, a.Text)
		}
	}
	for _, junk := range []string{"Pasar Malam Dibuka", "Berita Terbaru", "redaksi[at]", "Harga Gabah Anjlok", "Lomba Perahu Hias", "Pedoman Media Siber", "Copyright", "Selasa, 24/11/2026 14:05 WIB"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("boilerplate %q kept:\n%s", junk, a.Text)
		}
	}
}

// TestWrittenPhotoGallery: the captions are a photo page's text; the
// popular list and the newsletter box are not.
func TestWrittenPhotoGallery(t *testing.T) {
	a := writtenPage(t, "testdata/written/photo-gallery.html", "http://127.0.0.1/foto/festival-layang-layang")
	for _, want := range []string{"layang-layang berbentuk naga", "sanggar desa membawa", "Juri menilai keseimbangan"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("caption %q missing:\n%s", want, a.Text)
		}
	}
	for _, junk := range []string{"Harga Gabah Anjlok", "Petani Kopi", "langganan newsletter"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("boilerplate %q kept:\n%s", junk, a.Text)
		}
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
