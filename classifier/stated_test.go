package classifier

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// TestStatedStaff checks which staff words an item states to be civil
// servants: a plain statement counts, a denial, a qualifier or a wish
// does not, and a statement in another sentence names no one.
func TestStatedStaff(t *testing.T) {
	staff := map[string]bool{"dosen": true, "pegawai": true, "mantri": true}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Alasan dia, dosen merupakan Aparatur Sipil Negara (ASN).", []string{"dosen"}},
		{"Dosen Universitas Sukamaju itu berstatus PNS sejak 2010.", []string{"dosen"}},
		{"Mantri di puskesmas itu juga seorang PNS.", []string{"mantri"}},
		{"Dosen itu bukan merupakan ASN.", nil},
		{"Dosen honorer itu adalah pegawai kontrak.", nil},
		{"Komisi III DPR ingin pegawai KPK berstatus ASN.", nil},
		{"Pegawai itu pindah. Kepala dinasnya merupakan ASN.", nil},
		{"Ia dosen swasta, bukan ASN.", nil},
	} {
		got := slices.Sorted(maps.Keys(statedStaff([]string{strings.ToLower(tc.text)}, staff)))
		if !slices.Equal(got, tc.want) {
			t.Errorf("statedStaff(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestStatedStaffMakesActor checks that a lecturer the article says is a
// civil servant counts as one in a sentence that names only "dosen",
// while the same report without the statement is not a case.
func TestStatedStaffMakesActor(t *testing.T) {
	c := mustDefault(t)
	act := "Gara-gara berkomentar mendukung salah satu pasangan calon gubernur, dosen Universitas Sukamaju berinisial LS dilaporkan ke Bawaslu. "
	// A long article: the statement stands paragraphs away, beyond what
	// a short post's sentences lend one another (statusNearby).
	filler := strings.Repeat("Laporan itu diterima staf sekretariat pada Senin pagi dan dicatat dalam buku register pengaduan masyarakat.\n", 8)
	for _, tc := range []struct {
		rest string
		want bool
	}{
		{"Pelapor menyebut dosen merupakan aparatur sipil negara yang wajib netral.", true},
		{"Pelapor menyebut kampus itu milik yayasan swasta.", false},
	} {
		v := c.Classify(netra.Item{Title: "Dosen Dilaporkan ke Bawaslu", Text: act + "\n" + filler + tc.rest})
		if v.Flagged != tc.want {
			t.Errorf("%q: flagged %v, want %v (hits %+v)", tc.rest, v.Flagged, tc.want, v.Hits)
		}
	}
}

// FuzzStatedStaff checks that any text is read without a panic and that
// every word returned is a staff word.
func FuzzStatedStaff(f *testing.F) {
	f.Add("dosen merupakan ASN")
	f.Add("é dosen itu berstatus pns")
	staff := map[string]bool{"dosen": true, "pegawai": true}
	f.Fuzz(func(t *testing.T, s string) {
		for w := range statedStaff([]string{s}, staff) {
			if !staff[w] {
				t.Fatalf("%q is no staff word", w)
			}
		}
	})
}

// TestStatedVillager checks that village secretaries the article states
// to be civil servants (GUIDE: a sekdes who is PNS) are ASN in its act,
// and that without the statement they stay officials who are not.
func TestStatedVillager(t *testing.T) {
	act := "Sebanyak 12 kepala desa dan 5 sekretaris desa dari Kecamatan Sukamaju terekam menghadiri pertemuan tim pemenangan pasangan calon bupati di sebuah rumah makan."
	checkFlags(t, mustDefault(t), []flagCase{
		{act + " Bawaslu mencatat, dua di antara lima sekdes yang hadir berstatus PNS.", true},
		{act + " Bawaslu mencatat, semua sekdes yang hadir bukan PNS.", false},
		{act, false},
	})
}
