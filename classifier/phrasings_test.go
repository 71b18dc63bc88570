package classifier

import (
	"slices"
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

// TestWarningPhrasings covers norms and non-cases that read like reports
// (session 22, pu-tune): a warning to whoever takes a side, after a
// dateline too; a hunt announced; totals taken up by "jumlah tersebut";
// material taken down by force; a civil servant who resigned before
// running. Each has a case beside it that must stay flagged.
func TestWarningPhrasings(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"SUKAMAJU.ID-Camat dan lurah yang memihak pada pasangan cagub di pilkada Sukamaju harus berhati-hati.", false},
		{"SUKAMAJU.ID-Camat Sukamaju Barat yang memihak pada pasangan cagub di pilkada Sukamaju harus berhati-hati.", true},
		{"Awas, Bawaslu Bakal Kejar ASN yang Foto Bersama Peserta Pemilu 2024", false},
		{"Bawaslu Sukamaju Panggil ASN Dinas Pertanian yang Foto Bersama Peserta Pemilu 2024", true},
		{article("Bawaslu mengungkap 400 laporan pelanggaran netralitas ASN jelang pilkada. Jumlah tersebut didapati dari laporan jajarannya terkait dugaan pelanggaran netralitas ASN tersebut."), false},
		{article("Saya resmi mundur sebagai PNS pada Oktober 2022 untuk mengikuti proses pencalegan di Partai Sukamaju, terangnya."), false},
		{article("Saya masih PNS di dinas pendidikan dan sudah mengikuti proses pencalegan di Partai Sukamaju, terangnya."), true},
	})
	// Banners taken down by force are the officers' duty, not pressure on
	// them; a civil servant forced to put one up is.
	v := c.Classify(netra.Item{Text: "Curi Start Kampanye, Baliho Caleg di Sukamaju Terpaksa Ditertibkan Bawaslu dan Satpol PP!"})
	for _, h := range v.Hits {
		if h.Rule == "asn-pressured" {
			t.Errorf("forced removal read as pressure: %+v", h)
		}
	}
	v = c.Classify(netra.Item{Text: "Sekretaris camat itu dipaksa atasannya memasang baliho caleg di depan kantor kecamatan."})
	if !slices.ContainsFunc(v.Hits, func(h netra.Hit) bool { return h.Rule == "asn-pressured" }) {
		t.Errorf("a civil servant forced to put up a banner: no asn-pressured hit in %+v", v.Hits)
	}
}

// TestReportPhrasings covers cases told in ways the pack missed (session
// 22, pu-tune): civil servants an overseer watched doing the act, named
// as "orang dari unsur ASN"; heads of regional offices in the long form.
// Officials on duty at a campaign stay unflagged.
func TestReportPhrasings(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{article("Pihaknya telah memantau sejumlah orang dari unsur ASN dan perangkat desa yang ikut serta mengantar pasangan calon bupati ke kantor KPU Sukamaju."), true},
		{article("Petugas Satpol PP dan ASN Dinas Perhubungan Sukamaju memantau jalannya kampanye pasangan calon bupati di lapangan kota."), false},
		{article("Pihaknya juga memantau persiapan kampanye pasangan calon bupati di lapangan Sukamaju bersama ASN Dinas Perhubungan."), false},
	})
	// Heads of regional offices in the long form are the actor of the
	// act. Whether the padded article flags is the calibration's call,
	// not the phrasing's: with pack 2026.12.25 the word model, reading
	// one report among eight sentences of weather, puts it at 0.487
	// under the threshold 0.5 (12.24: the same under 0.525; 12.23: 0.520
	// over 0.45); see TUNING.md, sessions 24 and 25.
	text := article("Di Sukamaju, para Kepala Satuan Kerja Perangkat Daerah (SKPD) mulai gencar melakukan kampanye untuk salah satu bakal calon.")
	v := c.Classify(netra.Item{Text: text})
	found := false
	for _, h := range v.Hits {
		for _, sp := range h.Spans {
			found = found || h.Rule == "asn-campaign" && sp.Role == "actor" && text[sp.Start:sp.End] == "Kepala Satuan Kerja Perangkat Daerah"
		}
	}
	if !found {
		t.Errorf("the long form of heads of regional offices is not the actor of asn-campaign: %+v", v.Hits)
	}
}
