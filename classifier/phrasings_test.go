package classifier

import (
	"testing"

	"github.com/netra-id/netra"
)

// TestNormPhrasings covers ways of stating a norm or withholding a name
// that read like reports (session 21, pt-tune): the spellings of a
// permission, a speaker's wish that no civil servant does it, civil
// servants left unnamed on purpose and a consequence that may follow. Each norm has a report beside it
// that must stay flagged.
func TestNormPhrasings(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		// permission, spelled "persilahkan"
		{"Sekda Sukamaju Persilahkan ASN Mendaftar Bakal Calon Kepala Daerah", false},
		{"Sekda Sukamaju Mendaftar Bakal Calon Kepala Daerah di Partai Sukamaju tanpa mengundurkan diri", true},
		// a permission put as a noun, and "made lawful"
		{"Dibolehkannya hadir kampanye, bukan berarti ASN di Kota Sukamaju dilegalkan untuk berkampanye.", false},
		{"Dua ASN di Kota Sukamaju kedapatan berkampanye untuk pasangan calon wali kota nomor urut 2.", true},
		// a wish that no civil servant does it
		{"Wali Kota Sukamaju menyebut dirinya tidak ingin ASN di Kota Sukamaju tertangkap tangan ikut berpolitik.", false},
		{"Wali Kota Sukamaju menyebut ASN di Kota Sukamaju tertangkap tangan ikut berpolitik di posko paslon.", true},
		// civil servants left unnamed on purpose
		{"Kami menerima laporan bahwa ada oknum ASN tertentu yang mencoba mendukung salah satu pasangan calon.", false},
		{"Kami menerima laporan bahwa Kepala Dinas Pertanian Sukamaju mendukung salah satu pasangan calon.", true},
		// a consequence that may follow
		{"Menurut Ketua Bawaslu Sukamaju, pelanggaran netralitas dapat berdampak pada calon yang didukung oleh ASN tersebut.", false},
	})
	// "lolos PPPK" is a selection passed, not a member (pt-tune); pressure
	// on a serving PPPK stays a case.
	v := c.Classify(netra.Item{Text: "Seorang guru PPPK di Sukamaju mengaku diintimidasi tim pemenangan paslon agar ikut mendukung paslon nomor urut 1."})
	if !v.Flagged {
		t.Errorf("pressure on a serving PPPK teacher not flagged: %+v", v.Suppressed)
	}
}
