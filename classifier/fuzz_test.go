package classifier

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/netra-id/netra"
)

// FuzzClassify feeds arbitrary text through the whole classifier — the
// sentence splitter, the clause, list and name steps — and checks what a
// UI relies on: no panic, every hit and span inside the text on rune
// boundaries, and the same verdict twice.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"Warga mengenal Rahmat Hasan, Kepala Bidang di Dinas PUPR. Rahmat diduga hadir dalam pertemuan tim pemenangan calon bupati.",
		"Larangan bagi PNS antara lain:\n1. ikut serta sebagai pelaksana kampanye;\n2. menjadi peserta kampanye dengan atribut partai;",
		"Meski sudah ada surat edaran, Bawaslu menemukan seorang guru yang mengajak wali murid memilih calon nomor urut 1.",
		"Staf Ahli berinisial SR diperiksa. SR ikut membagikan kaus pasangan calon.",
		", , berinisial ,: \n- ;",
		"AB yang merupakan",
		// A doubled word is two tokens over the same bytes, inside the
		// clause put before an anaphor.
		"Camat Sukajadi datang. Saat rame2 orang kampanye di lapangan, ia membagikan stiker paslon nomor 2.",
		// Quotations opened and never closed, a verb of saying at the end,
		// words that take up a list at the end of the text.
		"kepsek bilang \"02 ya", "kadis ngomong", "Guru itu bilang: 'pilih", "Foto bareng caleg, semuanya",
		// A name taken up by an anaphor in a shorter sentence.
		"Bawaslu memanggil Rahmat Hasan, Kepala Bidang di Dinas PUPR. Pada Sabtu malam di rumah makan itu Rahmat ikut kampanye. Ia pakai kaos paslon 2.",
		"Ia merinci contoh. Semua itu", "pilih Bang", "target suara buat", "berinisial AS.", "cuma nurunin baliho paslon",
	} {
		f.Add(s)
	}
	c, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip()
		}
		v := c.Classify(netra.Item{Text: text})
		for _, h := range append(append([]netra.Hit{}, v.Hits...), v.Suppressed...) {
			if h.Field != "" {
				continue
			}
			if h.Start < 0 || h.End > len(text) || h.Start > h.End || h.Start < len(text) && !utf8.RuneStart(text[h.Start]) {
				t.Fatalf("hit %s at [%d,%d) outside text of %d bytes", h.Rule, h.Start, h.End, len(text))
			}
			for _, sp := range h.Spans {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
					t.Fatalf("span %+v outside text of %d bytes", sp, len(text))
				}
			}
		}
		if w := c.Classify(netra.Item{Text: text}); !reflect.DeepEqual(v, w) {
			t.Fatalf("two verdicts differ:\n%+v\n%+v", v, w)
		}
	})
}

// FuzzTakenUp checks that reading a sentence's opening never panics and
// returns a word only with a verb of identity, and that an "among them"
// opening ("Satu di antaranya …") takes only words the sentence has.
func FuzzTakenUp(f *testing.F) {
	for _, s := range []string{"Pria itu adalah Ramlan.", "itu", "", "a tersebut ternyata", "\xff itu adalah", "Satu di antaranya PNS", "salah satunya"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if w, ok := takenUp(s); !ok && w != "" {
			t.Fatalf("takenUp(%q) = %q without ok", s, w)
		}
		if n := amongThem(s); n > len(strings.Fields(s)) {
			t.Fatalf("amongThem(%q) = %d, more words than the sentence has", s, n)
		}
	})
}
