package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestIsDateline(t *testing.T) {
	for line, want := range map[string]bool{
		"Selasa, 23/02/2016 15:32 WIB":       true,
		"Jumat, 4 Desember 2026 10.15 WIB":   true,
		"16 Feb 2016, 09:09":                 true,
		"Monday, May 4, 2020 at 3:15 pm":     false, // "at" is a word of a sentence
		"Kamis":                              false, // no number
		"Senin (15/2) warga berkumpul":       false,
		"Jakarta, 5 November 2015 - Samsung": false,
	} {
		if got := isDateline(foldSpace(line)); got != want {
			t.Errorf("isDateline(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestTrimHeadTail(t *testing.T) {
	bs := []block{
		{text: "Selasa, 23/02/2016 15:32 WIB"},
		{text: "Judul Berita", heading: true},
		{text: "Paragraf pertama yang panjang dan berakhir dengan titik."},
		{text: "Paragraf kedua juga."},
		{text: "Berita Lainnya", heading: true},
		{text: "Banjir Rob Rendam Tiga Desa"},
		{text: "Harga Cabai Naik"},
	}
	got := joinBlocks(trimTail(trimHead(bs)))
	want := "Judul Berita Paragraf pertama yang panjang dan berakhir dengan titik. Paragraf kedua juga."
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// Short lines at the end without a heading (a signature, an address)
	// stay, and a text of datelines only is kept whole.
	sig := []block{{text: "Isi berita yang panjang dan lengkap."}, {text: "(rdl/sus)"}, {text: "Jl. Merdeka 14"}}
	if got := joinBlocks(trimTail(sig)); got != joinBlocks(sig) {
		t.Errorf("signature dropped: %q", got)
	}
	only := []block{{text: "Senin, 1/1/2024"}}
	if got := trimHead(only); len(got) != 1 {
		t.Errorf("all blocks dropped")
	}
}

// A boilerplate name on the block that holds the page's paragraphs does
// not remove it; on a side box it does.
func TestPruneNamedGuard(t *testing.T) {
	para := "<p>" + strings.Repeat("Kalimat isi berita yang cukup panjang untuk dihitung. ", 6) + "</p>"
	page := `<html><body class="newsletter-style-dark"><div class="container has-recommendations">` + para + para +
		`<div class="recommendations"><p>Artikel lain yang disarankan untuk dibaca.</p></div></div>` +
		`<div class="kanan"><p>Kolom kanan.</p></div></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pruneNamed(doc)
	text := nodeText(doc)
	if !strings.Contains(text, "Kalimat isi berita") {
		t.Errorf("article removed: %q", text)
	}
	for _, junk := range []string{"disarankan", "Kolom kanan"} {
		if strings.Contains(text, junk) {
			t.Errorf("%q kept: %q", junk, text)
		}
	}
}

// FuzzCleaning: the pre- and post-extraction passes never panic and never
// empty a non-empty text.
func FuzzCleaning(f *testing.F) {
	f.Add(`<div class="kanan foot_2"><figure><figcaption>Keterangan foto yang cukup panjang untuk dihitung sebagai teks.</figcaption></figure></div>`)
	f.Add(`<p>Senin, 1/1/2024</p><h2>Lainnya</h2><p>x</p>`)
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		pruneNamed(doc)
		captionGallery(doc)
		bs := nodeBlocks(doc)
		if out := trimTail(trimHead(bs)); len(bs) > 0 && len(out) == 0 {
			t.Errorf("all blocks dropped from %q", s)
		}
	})
}

// restore puts a dropped paragraph back where readability has it, leaves
// out short or unfinished blocks and whatever readability has after the
// last block both extractions share.
func TestRestore(t *testing.T) {
	long := func(s string) string { return s + strings.Repeat(" kalimat pengisi yang panjang", 6) + "." }
	main := []block{{text: long("Paragraf satu")}, {text: long("Paragraf tiga")}}
	readable := []block{
		{text: long("Paragraf satu")},
		{text: long("Paragraf dua yang dibuang trafilatura")},
		{text: "Label pendek"},
		{text: long("Paragraf tiga")},
		{text: long("Profil penulis di akhir halaman")},
	}
	got := joinBlocks(restore(main, readable))
	want := joinBlocks([]block{main[0], readable[1], main[1]})
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := restore(main, nil); len(got) != 2 {
		t.Errorf("without readability: %d blocks", len(got))
	}
}

func TestRelatedLabel(t *testing.T) {
	for l, want := range map[string]bool{
		"Weitere Artikel":                    true,
		"Das könnte Sie auch interessieren!": true,
		"Berita Lainnya":                     true,
		"Mehr Ausdauer durch Training":       false, // "mehr aus" is a related prefix, "Ausdauer" is not "aus"
		"Relatedness in families":            false,
	} {
		if got := relatedLabel(l); got != want {
			t.Errorf("relatedLabel(%q) = %v, want %v", l, got, want)
		}
	}
	long := strings.Repeat("Kalimat panjang isi berita. ", 10)
	story := []block{{text: long}, {text: long}, {text: "Mehr zum Thema Gesundheit:"}, {text: long}}
	if got := trimTail(story); len(got) != 4 {
		t.Errorf("an inline box label ending in a colon cut the story: %d blocks", len(got))
	}
	boxed := []block{{text: long}, {text: long}, {text: "Berita Lainnya", heading: true}, {text: "Banjir rob rendam tiga desa pesisir sejak Kamis malam hingga pagi."}}
	if got := trimTail(boxed); len(got) != 2 {
		t.Errorf("related box kept: %d blocks", len(got))
	}
}
