package classifier

import (
	"testing"

	"github.com/netra-id/netra"
)

// TestRelatedLinksSkipped: a link to another article inside a scraped
// page ("Baca juga: …") or a tag list is not what the article reports.
func TestRelatedLinksSkipped(t *testing.T) {
	c := mustDefault(t)
	headline := "Camat Sukajadi Kedapatan Ikut Kampanye Paslon Nomor 2 di Lapangan Desa"
	body := "Bawaslu Kabupaten Sukamaju menggelar sosialisasi netralitas bagi ratusan ASN, Senin.\n"
	for _, marker := range []string{"Baca juga: ", "BACA JUGA: ", "Simak juga - ", "• Berita terkait: "} {
		text := body + marker + headline + "\nAcara ditutup dengan doa bersama."
		if v := c.Classify(netra.Item{Text: text}); v.Flagged {
			t.Errorf("%q: a related-article headline flagged the item: %+v", marker, v.Hits)
		}
	}
	if v := c.Classify(netra.Item{Text: body + "Tags: camat, kampanye, paslon, ASN, deklarasi"}); v.Flagged {
		t.Errorf("a tag list flagged the item: %+v", v.Hits)
	}
	// The same words as the article's own sentence are a case.
	if v := c.Classify(netra.Item{Text: body + headline + "."}); !v.Flagged {
		t.Errorf("the case told in the article itself was not flagged")
	}
}

func TestRelatedLine(t *testing.T) {
	for s, want := range map[string]bool{
		"Baca juga: Judul Lain":   true,
		"  BACA JUGA Judul Lain":  true,
		"Tags: asn, pemilu":       true,
		"Bacaan juga penting.":    false,
		"Pembaca juga senang.":    false,
		"Camat itu baca juga SK.": false,
		"":                        false,
	} {
		if got := relatedLine(s); got != want {
			t.Errorf("relatedLine(%q) = %v, want %v", s, got, want)
		}
	}
}
