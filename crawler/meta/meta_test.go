package meta

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netra-id/netra/crawler/extract"
)

const anpandu = "../extract/testdata/anpandu/"

func page(t testing.TB, name string) ([]byte, extract.Article) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(anpandu, name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := extract.Page(b, "http://x.id/a", extract.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return b, *a
}

// TestAuthorRealPages: what the extractor reports as author on saved real
// Indonesian news pages, and what is left after cleaning and reading the
// page's byline.
func TestAuthorRealPages(t *testing.T) {
	for _, tc := range []struct {
		file, raw, author, editor string
	}{
		{"kompas/kompas-singlepage.html", "Kompas Cyber Media", "", ""},
		{"kompas/kompas-singlepage3.html", "Kompas Cyber Media", "", ""},
		{"tempo/tempo-singlepage.html", "Web Design; Development", "", ""},
		{"viva/viva-singlepage.html", "PT VIVA MEDIA BARU", "", ""},
		{"antara/antara-singlepage.html", "Pewarta Nur Imansyah", "Nur Imansyah", "Ade Marboen"},
		{"antara/antara-singlepage2.html", "Pewarta Budisantoso Budiman dan Agus S", "Budisantoso Budiman, Agus S", "Ade Marboen"},
		{"antara/antara-singlepage4.html", "Pewarta Monalisa", "Monalisa", "B Kunto Wibisono"},
		{"liputan6/liputan6-singlepage.html", "Corry Anestia", "Corry Anestia", "Iskandar"},
		{"okezone/okezone-singlepage2.html", "Vania Ika Aldida", "Vania Ika Aldida", ""},
	} {
		body, a := page(t, tc.file)
		if a.Author != tc.raw {
			t.Errorf("%s: extractor author %q, fixture expectation %q (extractor changed?)", tc.file, a.Author, tc.raw)
		}
		got := CleanAuthor(a.Author)
		bl := ReadByline(body)
		if got == "" && len(bl.Authors) > 0 {
			got = strings.Join(bl.Authors, ", ")
		}
		if got != tc.author || bl.Editor != tc.editor {
			t.Errorf("%s: author %q editor %q, want %q and %q (byline %+v)", tc.file, got, bl.Editor, tc.author, tc.editor, bl)
		}
	}
}

func TestCleanAuthor(t *testing.T) {
	for in, want := range map[string]string{
		"Penulis: Andi Saputra":              "Andi Saputra",
		"Reporter : Siti Aminah | Editor: X": "Siti Aminah",
		"Oleh Budi":                          "Budi",
		"Kompas.com":                         "",
		"redaksi@contoh.id":                  "",
		"Tim Redaksi":                        "",
		"Admin":                              "",
		"© 2024 PT Media Nusantara":          "",
		"Andi, Andi":                         "Andi",
		"B. Kunto Wibisono":                  "B. Kunto Wibisono",
	} {
		if got := CleanAuthor(in); got != want {
			t.Errorf("CleanAuthor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBylineIndonesian(t *testing.T) {
	html := []byte(`<div class="byline"><span>Penulis:</span> <a href="/p/1">Rina Marlina</a><br>Editor: <b>Dedi Kurniawan</b></div><p>Reporter: </p>`)
	bl := ReadByline(html)
	if len(bl.Authors) != 1 || bl.Authors[0] != "Rina Marlina" || bl.Editor != "Dedi Kurniawan" {
		t.Errorf("byline %+v", bl)
	}
}

// TestDetectRealPages: every anpandu article page is Indonesian except
// Tempo's English edition.
func TestDetectRealPages(t *testing.T) {
	var d Detector
	files, _ := filepath.Glob(anpandu + "*/*singlepage*.html")
	if len(files) < 20 {
		t.Fatalf("%d pages", len(files))
	}
	for _, f := range files {
		_, a := page(t, strings.TrimPrefix(f, anpandu))
		want := Indonesian
		if strings.Contains(f, "tempoen") {
			want = English
		}
		if got := d.Detect(a.Text); got != want {
			t.Errorf("%s: detected %q, want %q", filepath.Base(f), got, want)
		}
	}
}

// TestLinguaPathRealPages runs the lingua-go fallback alone (no function
// word shortcut) on every anpandu article page: Indonesian except Tempo's
// English edition.
func TestLinguaPathRealPages(t *testing.T) {
	var d Detector
	files, _ := filepath.Glob(anpandu + "*/*singlepage*.html")
	quick := 0
	for _, f := range files {
		_, a := page(t, strings.TrimPrefix(f, anpandu))
		want := Indonesian
		if strings.Contains(f, "tempoen") {
			want = English
		}
		if got := d.lingua(a.Text); got != want {
			t.Errorf("%s: lingua path says %q, want %q", filepath.Base(f), got, want)
		}
		if functionWords(a.Text) != "" {
			quick++
		}
	}
	t.Logf("function words settle %d of %d pages without lingua-go", quick, len(files))
}

// TestDetectRegional uses sentences written for this test (no saved
// Javanese or Sundanese news pages are in the fixtures).
func TestDetectRegional(t *testing.T) {
	var d Detector
	for text, want := range map[string]string{
		"Pak lurah ngendika yen warga kudu teka ing balai desa, amarga rapat iku penting lan ora kena ditinggal. Wong-wong wis padha ngumpul sing adoh uga teka.":             Javanese,
		"Pa lurah nyarios yen urang kudu sumping ka bale desa, sabab rapat teh penting pisan jeung teu meunang ditinggalkeun. Warga geus kumpul dina waktu anu ditangtukeun.": Sundanese,
		"Pak lurah mengatakan bahwa warga harus datang ke balai desa karena rapat itu penting dan tidak boleh ditinggalkan. Warga sudah berkumpul sejak pagi.":                Indonesian,
		"The village head said residents must come to the village hall because the meeting is important and cannot be missed.":                                                English,
		"Ok": "",
		"Kerajaan negeri berkata wang bantuan akan diagihkan kepada mangsa banjir selepas mesyuarat, dan polis akan mengawal lalu lintas semasa kerja pembersihan.": Malay,
	} {
		if got := d.Detect(text); got != want {
			t.Errorf("Detect(%.40q…) = %q, want %q", text, got, want)
		}
	}
}

func FuzzCleanAuthor(f *testing.F) {
	for _, s := range []string{"Pewarta Nur Imansyah", "Kompas Cyber Media", "Web Design; Development", "A dan B", "", "Penulis:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := CleanAuthor(s)
		if CleanAuthor(out) != out {
			t.Errorf("not idempotent: %q → %q → %q", s, out, CleanAuthor(out))
		}
		if len(out) > len(s)+len(s)/2+2 {
			t.Errorf("grew: %q → %q", s, out)
		}
	})
}

func FuzzReadByline(f *testing.F) {
	f.Add([]byte(`Penulis: <b>Andi</b> Editor: Budi`))
	f.Fuzz(func(t *testing.T, b []byte) { _ = ReadByline(b) })
}

func BenchmarkReadByline(b *testing.B) {
	body, _ := page(b, "kompas/kompas-singlepage.html")
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		ReadByline(body)
	}
}

func BenchmarkDetect(b *testing.B) {
	_, a := page(b, "kompas/kompas-singlepage2.html")
	var d Detector
	d.Detect(a.Text) // build the detector outside the loop
	b.SetBytes(int64(min(len(a.Text), sampleBytes)))
	for b.Loop() {
		d.Detect(a.Text)
	}
}
