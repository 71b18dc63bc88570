package classifier

import (
	"testing"

	"github.com/netra-id/netra"
)

// TestDistantSide checks that an article may name the side of a
// particular civil servant's act a few sentences away, and that a class,
// a bare "calon" or a headline stating the rules keeps it from doing so.
func TestDistantSide(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		// The camat by name, the act, and the speaker named a
		// candidate three sentences on.
		{article("Camat Sukamaju berinisial WS terekam dalam video warga. WS tampak berdiri di panggung ketika seorang pria berpidato. Sesekali ia bertepuk tangan. Ia juga ikut mengantar rombongan ke mobil. Pria yang berpidato itu dipastikan sebagai calon bupati nomor urut 3."), true},
		// The next sentence points back to the scene.
		{article("Kabid Bina Marga Dinas PUPR, Yusuf, hadir dalam pertemuan di rumah makan itu. Di sana sudah menunggu calon bupati Hendro Susilo bersama timnya."), true},
		// The next sentence takes up the thing just told of.
		{article("Kabid Pendataan Dinas Sosial, Yusuf, mengumpulkan fotokopi KTP warga penerima bantuan. Kemudian warga pulang. Fotokopi itu lalu diserahkan ke posko pemenangan calon bupati Hendro Susilo."), true},
		// Teachers as a class: no one in particular acted.
		{article("Dua guru tampak berdiri di panggung ketika seorang pria berpidato. Sesekali mereka bertepuk tangan. Acara selesai sore hari. Pria yang berpidato itu dipastikan sebagai calon bupati nomor urut 3."), false},
		// "calon" of something other than an office.
		{article("Camat Sukamaju berinisial WS tampak berdiri di panggung saat acara pelepasan. Sesekali ia bertepuk tangan. Acara selesai sore hari. Ada 300 calon jemaah haji yang dilepas hari itu."), false},
	})
	// A headline that states the rules makes the article's acts examples.
	body := article("Camat Sukamaju berinisial WS tampak berdiri di panggung ketika seorang pria berpidato. Sesekali ia bertepuk tangan. Acara selesai sore hari. Pria yang berpidato itu dipastikan sebagai calon bupati nomor urut 3.")
	if v := c.Classify(netra.Item{Title: "Bawaslu Ingatkan ASN Dilarang Hadir di Kampanye", Text: body}); v.Flagged {
		t.Errorf("under a headline stating the rules: flagged, want not (hits %+v)", v.Hits)
	}
	if v := c.Classify(netra.Item{Title: "Bawaslu Telusuri Kehadiran Camat di Acara Warga", Text: body}); !v.Flagged {
		t.Errorf("under a headline of an overseer looking into it: not flagged, want flagged")
	}
}

// TestNamedCandidate checks which sides name a candidate outright.
func TestNamedCandidate(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"dipastikan sebagai calon bupati nomor urut 3", true},
		{"baliho paslon itu dicopot", true},
		{"ketua tim pemenangan datang", true},
		{"ada 300 calon jemaah haji", false},
		{"kandidat itu berbicara", false},
	} {
		ts := c.norm.tokensIn(tc.text, 0, len(tc.text))
		occ := c.dict.find(ts, nil)
		side := c.sideOf(occ)
		got := side >= 0 && namedCandidate(occ[side], ts)
		if got != tc.want {
			t.Errorf("namedCandidate in %q = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestOneAmongThem checks that "salah seorang di antaranya" picks one of
// the people just told of, no list of examples, and that a candidate may
// be named as "bapak nomor dua".
func TestOneAmongThem(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Beras bantuan itu diantar dua pegawai Dinas Sosial. Salah seorang di antaranya, Rudi, staf bidang jaminan sosial berstatus PNS, disebut berpesan, \"Ingat ya, Inang, ini dari bapak nomor dua.\"", true},
	})
}
