package classifier

import (
	"testing"

	"github.com/netra-id/netra"
)

// TestStaffOfOffice checks that a staff word and a government office make
// a civil servant together, whatever pair no list spells out, and that
// neither does alone.
func TestStaffOfOffice(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Kami pegawai di salah satu OPD Pemkot Sukamaju disuruh bikin video dukungan buat paslon nomor 2.", true},
		{"Kasi di Kanwil Kemenag Sulawesi Tengah share flyer kampanye caleg DPD di grup WA madrasah.", true},
		{"Mantap kawan2 Dishub Kota Sukamaju, udah 30 orang siap jadi saksi paslon nomor 1 di TPS masing2.", true},
		// A staff word with no office, and an office with no staff word.
		{"Kami pegawai swasta disuruh bikin video dukungan buat paslon nomor 2.", false},
		{"Warga di salah satu kelurahan disuruh bikin video dukungan buat paslon nomor 2.", false},
		// A former staffer is not ASN.
		{"Mantan pegawai di Dinas PMD Kabupaten Sukamaju bagi-bagi sembako bergambar paslon nomor 2.", false},
		// Someone named by where they work; a health worker at a puskesmas.
		{"Yang kerja di dinas perikanan Sukamaju itu tiap Jumat nganterin bantuan jaring ke nelayan sambil bagi stiker caleg nomor 4.", true},
		{"Pak mantri puskesmas Kec. Sukajadi ternyata ketua tim kampanye tingkat kecamatan utk paslon nomor 2.", true},
		{"Yang kerja di pabrik Sukamaju itu tiap Jumat bagi stiker caleg nomor 4.", false},
		// A state university's lecturers and rector; not a private one's.
		{"Rektor kampus negeri di Sukamaju nyuruh dosen2 ikut deklarasi dukung cagub nomor 1.", true},
		{"Dosen Politeknik Negeri Sukamaju itu namanya masuk SK tim kampanye daerah paslon nomor 2.", true},
		{"Rektor kampus swasta di Sukamaju nyuruh dosen2 ikut deklarasi dukung cagub nomor 1.", false},
	})
}

// TestStaffCandidate checks the first stage: a text with a staff word, an
// office and an act passes without an actor keyword.
func TestStaffCandidate(t *testing.T) {
	c := mustDefault(t)
	if !c.Candidate("", "Kasi di Kanwil Kemenag share flyer kampanye caleg.") {
		t.Error("staff word + office + act rejected by the first stage")
	}
	if c.Candidate("", "Kasi share flyer kampanye caleg.") {
		t.Error("staff word without an office passed the first stage")
	}
}

// TestPronounSubjectNotObject checks that civil servants named after the
// act of a sentence whose subject is "Ia" are whom the act was done to:
// the pronoun's antecedent is the actor.
func TestPronounSubjectNotObject(t *testing.T) {
	c := mustDefault(t)
	text := "Warga melaporkan seorang camat ke Bawaslu. Ia diduga mengajak staf kecamatan memilih paslon nomor urut 1."
	v := c.Classify(netra.Item{Text: text})
	if !v.Flagged {
		t.Fatalf("not flagged: %q", text)
	}
	for _, s := range v.Hits[0].Spans {
		if s.Role == "actor" && text[s.Start:s.End] != "camat" {
			t.Errorf("actor span %q, want the camat", text[s.Start:s.End])
		}
	}
}

// TestCountedCases checks that a count of three or more cases is a total,
// and that one case told by its number is not.
func TestCountedCases(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Bawaslu Kabupaten Sukamaju menangani 17 kasus dugaan pelanggaran netralitas ASN, 12 di antaranya dinyatakan terbukti.", false},
		{"Bawaslu Kabupaten Sukamaju menangani dugaan pelanggaran netralitas ASN oleh camat Sukamaju, yang dinyatakan terbukti.", true},
	})
}

// TestRegionalPossessives checks that a one-word title with a regional
// possessive ("camatta", "lurahe") is the title, and that an ordinary
// word is left alone.
func TestRegionalPossessives(t *testing.T) {
	for _, tc := range []struct {
		w, base string
		ok      bool
	}{
		{"camatta", "camat", true},
		{"lurahe", "lurah", true},
		{"lurahna", "lurah", true},
		{"guruku", "guru", true},
		{"kota", "", false},
	} {
		base, ok := withoutPossessive(tc.w)
		if ok != tc.ok || ok && base != tc.base {
			t.Errorf("withoutPossessive(%q) = %q, %v", tc.w, base, ok)
		}
	}
	checkFlags(t, mustDefault(t), []flagCase{
		{"Ededeh, pak camatta di Tamalate ada ji di deklarasi relawan paslon kuning semalam, duduk paling depan pakai kemeja kuning juga.", true},
	})
}

// TestUniformedUnit checks that a section head of a police or military
// unit is an officer, not a civil servant (GUIDE: TNI and Polri are
// officials who are not ASN), while the same title in a regional office,
// and a civil servant who works for the police, stay ASN.
func TestUniformedUnit(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Kepala Bidang Humas Polda Sukamaju terlihat menghadiri kampanye calon bupati nomor urut 2.", false},
		{"Kepala Seksi Operasi Kodim Sukamaju ikut kampanye calon bupati nomor urut 2.", false},
		{"Kepala Bagian Umum Setda Sukamaju ikut kampanye calon bupati nomor urut 2.", true},
		{"Seorang PNS Polda Sukamaju ikut kampanye calon bupati nomor urut 2.", true},
		// The unit in another phrase is someone else's.
		{"Kepala Bidang Perizinan, kata Kapolres, ikut kampanye calon bupati nomor urut 2.", true},
	})
}
