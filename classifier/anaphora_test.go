package classifier

import (
	"testing"

	"github.com/netra-id/netra"
)

// TestGenericAntecedent: an anaphor after civil servants as a class speaks
// of any of them; after someone told of, or after saying what someone is,
// it is that person.
func TestGenericAntecedent(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"ASN punya hak pilih seperti warga lain. Untuk memilih, ia perlu tahu visi misi calon bupati.", false},
		{"Seorang ASN Dinas Sosial Kabupaten Sukamaju sudah dua kali terlihat di posko. Kemarin ia ikut kampanye calon bupati nomor urut 2.", true},
		{"Kepala dusun di kampung kami itu PNS, bukan perangkat biasa. Kemarin dia keliling bilang pilih nomor 1 ya.", true},
	} {
		if v := c.Classify(netra.Item{Text: tc.text}); v.Flagged != tc.want {
			t.Errorf("%q: flagged %v, want %v (hits %+v)", tc.text, v.Flagged, tc.want, v.Hits)
		}
	}
}
