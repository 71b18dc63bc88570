package classifier

import (
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// TestRelatedLinksBlanked: a link to another article inside a scraped
// page ("Baca juga: …") is not what the article reports.
func TestRelatedLinksBlanked(t *testing.T) {
	c := mustDefault(t)
	headline := "Camat Sukajadi Kedapatan Ikut Kampanye Paslon Nomor 2 di Lapangan Desa"
	body := "Bawaslu Kabupaten Sukamaju menggelar sosialisasi netralitas bagi ratusan ASN, Senin.\n"
	for _, marker := range []string{"Baca juga: ", "BACA JUGA: ", "Simak juga - "} {
		text := body + marker + headline + "\nAcara ditutup dengan doa bersama."
		if v := c.Classify(netra.Item{Text: text}); v.Flagged {
			t.Errorf("%q: a related-article headline flagged the item: %+v", marker, v.Hits)
		}
	}
	// The same words as the article's own sentence are a case.
	if v := c.Classify(netra.Item{Text: body + headline + "."}); !v.Flagged {
		t.Errorf("the case told in the article itself was not flagged")
	}
}

// TestBlankRelatedKeepsOffsets: blanking keeps every other byte where it
// was, and ends at the line break or the first sentence end.
func TestBlankRelatedKeepsOffsets(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Satu. Baca juga: Judul Lain\nDua.", "Satu. " + strings.Repeat(" ", len("Baca juga: Judul Lain")) + "\nDua."},
		{"Satu, baca juga Judul Lain. Dua.", "Satu, " + strings.Repeat(" ", len("baca juga Judul Lain.")) + " Dua."},
		{"Tanpa tautan apa pun.", "Tanpa tautan apa pun."},
		{"Pembaca juga senang.", "Pembaca juga senang."},
	}
	for _, tc := range cases {
		if got := blankRelated(tc.in); got != tc.want {
			t.Errorf("blankRelated(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzBlankRelated(f *testing.F) {
	f.Add("Satu. Baca juga: Judul Lain\nDua.")
	f.Add("BACA JUGA baca juga simak video")
	f.Fuzz(func(t *testing.T, s string) {
		got := blankRelated(s)
		if len(got) != len(s) {
			t.Fatalf("length %d, want %d", len(got), len(s))
		}
		for i := 0; i < len(s); i++ {
			if got[i] != s[i] && got[i] != ' ' {
				t.Fatalf("byte %d changed to %q, not blanked", i, got[i])
			}
		}
		if !strings.Contains(strings.ToLower(s), "juga") && !strings.Contains(strings.ToLower(s), "baca") &&
			!strings.Contains(strings.ToLower(s), "terkait") && !strings.Contains(strings.ToLower(s), "video") && got != s {
			t.Fatalf("text without a marker changed")
		}
	})
}
