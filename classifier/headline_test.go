package classifier

import (
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// TestTitleSide checks that an article's sentence telling what someone in
// particular did takes its side from a headline that tells of a civil
// servant's act, and from no other headline.
func TestTitleSide(t *testing.T) {
	c := mustDefault(t)
	filler := strings.Repeat("Pertemuan itu berlangsung sekitar dua jam di ruang perpustakaan sekolah pada sore hari. ", 8)
	body := filler + "Kepala sekolah tersebut kemudian mengarahkan guru-guru untuk mengamankan suara di lingkungan masing-masing. " + filler
	cases := []struct {
		title string
		want  bool
	}{
		{"Kepsek SMP Negeri di Sukamaju Diduga Arahkan Guru Pilih Paslon Nomor 2", true},
		{"Rapat di SMP Negeri Sukamaju Berbuntut Laporan", false},
		{"KPK Panggil Politisi PAN soal Dana Perimbangan", false},
		{"Bawaslu Imbau Kepsek Tidak Arahkan Guru Pilih Paslon Nomor 2", false},
	}
	for _, tc := range cases {
		v := c.Classify(netra.Item{Title: tc.title, Text: body})
		if v.Flagged != tc.want {
			t.Errorf("title %q: flagged %v, want %v (hits %+v)", tc.title, v.Flagged, tc.want, v.Hits)
		}
		for _, h := range v.Hits {
			for _, sp := range h.Spans {
				if sp.End > len(body) {
					t.Errorf("title %q: span %+v outside the text", tc.title, sp)
				}
			}
		}
	}
}
