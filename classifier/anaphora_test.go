package classifier

import (
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// TestGenericAntecedent: an anaphor after civil servants as a class speaks
// of any of them; after someone told of, or after saying what someone is,
// it is that person.
func TestGenericAntecedent(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"ASN punya hak pilih seperti warga lain. Untuk memilih, ia perlu tahu visi misi calon bupati.", false},
		{"Seorang ASN Dinas Sosial Kabupaten Sukamaju sudah dua kali terlihat di posko. Kemarin ia ikut kampanye calon bupati nomor urut 2.", true},
		{"Kepala dusun di kampung kami itu PNS, bukan perangkat biasa. Kemarin dia keliling bilang pilih nomor 1 ya.", true},
	})
}

// TestGenericActorInArticles: an article that says what civil servants as
// a class do describes no case; the same act told of someone in
// particular, or with a word that reports an incident, is one. A post
// about "ASN" is an accusation (GUIDE), so only longer texts drop it.
func TestGenericActorInArticles(t *testing.T) {
	filler := " Kegiatan di aula kantor bupati itu dihadiri para kepala perangkat daerah, camat dan kepala sekolah." +
		" Panitia juga membagikan buku saku berisi pertanyaan yang paling sering diajukan pegawai selama masa kampanye." +
		" Acara ditutup dengan doa bersama dan foto bersama seluruh peserta di halaman kantor."
	checkFlags(t, mustDefault(t), []flagCase{
		{"Menurut narasumber, pada masa kampanye pasangan calon kerap mendatangi kantor pemerintahan, dan ASN berada di posisi sulit ketika diajak hadir di acara tim pemenangan." + filler + filler, false},
		{"Menurut narasumber, pekan lalu seorang ASN Dinas Perikanan hadir di acara tim pemenangan pasangan calon bupati nomor urut 2." + filler + filler, true},
		{"Menurut narasumber, ASN Dinas Perikanan diduga hadir di acara tim pemenangan pasangan calon bupati nomor urut 2." + filler + filler, true},
		{"ASN di kantor kami pada ikut kampanye paslon nomor 2 semua.", true},
	})
}

// TestPerceiverNotActor checks that a pronoun that sees or judges is not
// the subject of the act in the clause it sees.
func TestPerceiverNotActor(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Para bidan di puskesmas Sukamaju sibuk menangani pasien. Mereka melihat pemerintah sedang memihak paslon nomor 2.", false},
		{"Para bidan di puskesmas Sukamaju sibuk menangani pasien. Mereka memihak paslon nomor 2 secara terbuka.", true},
	})
}

// TestNonASNActorBeforeBreak checks that with honorary staff before the
// act and the civil servant only past an emoji after it, the act is the
// honorary staff's.
func TestNonASNActorBeforeBreak(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Guru honorer di sekolah anakku bagi-bagi stiker caleg ke murid 😤 kepseknya ga tau apa", false},
		{"Kepsek di sekolah anakku bagi-bagi stiker caleg ke murid 😤 guru honorer cuma diem", true},
	})
}

// TestNonASNWorksAtOffice checks that a civil servant's title naming the
// office where honorary staff work ("honorer kantor lurah") does not make
// the civil servant the actor, while the civil servant acting still counts.
func TestNonASNWorksAtOffice(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Honorer kantor lurah di Sukamaju jd timses caleg, tiap sore bagi stiker di pasar.", false},
		{"Tenaga honorer di kantor camat Sukamaju jadi timses caleg nomor 4.", false},
		{"Camat Sukamaju jd timses caleg, tiap sore bagi stiker di pasar.", true},
		{"Honorer dan lurah di Sukamaju jd timses caleg, tiap sore bagi stiker di pasar.", true},
	})
}

// TestAnaphorNotFacility checks that "Ia" after a sentence about an
// official car is not the car.
func TestAnaphorNotFacility(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{article("Wakil bupati datang menggunakan kendaraan dinas. Ia datang bersama pengurus partai dan tim kampanye pasangan calon."), false},
	})
}

// TestNameCarriedOnByAnaphor: a civil servant named in one sentence
// ("… itu Rahmat hadir …") and taken up by "Ia" in the next is carried as
// a span of the text, not as a token index of the sentence that named
// him; the index used to run past the shorter sentence and panic.
func TestNameCarriedOnByAnaphor(t *testing.T) {
	c := mustDefault(t)
	text := "Bawaslu memanggil Rahmat Hasan, Kepala Bidang di Dinas PUPR. Pada Sabtu malam di rumah makan itu Rahmat hadir bersama warga. Ia mendukung paslon 2."
	v := c.Classify(netra.Item{Text: text})
	for _, h := range v.Hits {
		if h.Rule != "asn-support" {
			continue
		}
		for _, sp := range h.Spans {
			if sp.Role == "actor" {
				if got := text[sp.Start:sp.End]; got != "Rahmat" || sp.Start != strings.LastIndex(text, "Rahmat") {
					t.Errorf("actor span %q at %d, want the second \"Rahmat\"", got, sp.Start)
				}
				return
			}
		}
	}
	t.Errorf("asn-support did not fire with the named actor carried on: %+v", v.Hits)
}

// TestSpeechGoesOn checks that a speech a civil servant opens with a verb
// of saying and a comma goes on into the next sentence, whose call to vote
// for a number is then his, and that a quotation closed between them ends
// it.
func TestSpeechGoesOn(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{article(`Menurut wali murid, "Kepala SD negeri itu bilang, bangku baru ini karena bantuan Pak Dominggus. Jadi tanggal 14 nanti jangan lupa balas budi, coblos nomor 5," tuturnya.`), true},
		{article(`Kepala SD negeri itu bilang, "Bangku baru ini bantuan pemerintah." Ketua tim sukses lalu berteriak agar warga coblos nomor 5.`), false},
	})
}
