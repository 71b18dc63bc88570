package classifier

import (
	"slices"
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// TestQuoted checks which words stand inside a quotation: double quotes,
// curly quotes and single quotes used as quotation marks count, an
// apostrophe inside a word does not, and a quotation ends with its line.
func TestQuoted(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{`Kadis bilang "jangan lupa coblos nomor 2" ke staf.`, "jangan", true},
		{`Kadis bilang “jangan lupa coblos nomor 2” ke staf.`, "jangan", true},
		{`Kadis bilang 'jangan lupa coblos nomor 2' ke staf.`, "jangan", true},
		{`Kadis bilang ‘jangan lupa coblos nomor 2’ ke staf.`, "jangan", true},
		{`Kadis bilang 'jangan lupa coblos nomor 2' ke staf, jangan ditiru.`, "ditiru", false},
		{`Habis salat Jum'at pak camat bilang jangan pilih nomor 1.`, "jangan", false},
		{`Guru ngaji baca Qur'an, lalu jangan lupa tanggal 14.`, "jangan", false},
		{"Kadis bilang 'jangan lupa\ncoblos nomor 2' ke staf.", "coblos", false},
		{`Dia bilang: 'tgl 14 jangan lupa ya'`, "jangan", true},
	} {
		at := strings.Index(tc.text, tc.word)
		if at < 0 {
			t.Fatalf("%q not in %q", tc.word, tc.text)
		}
		if got := quoted(tc.text, at); got != tc.want {
			t.Errorf("quoted(%q, %q) = %v, want %v", tc.text, tc.word, got, tc.want)
		}
	}
}

// TestQuotedCallInPost checks that a civil servant's call to vote, quoted
// in single quotes in a post read whole, is the act and not a prohibition.
func TestQuotedCallInPost(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Bu perawat PNS di Desa Sukamaju orangnya ramah. Cuma waktu posyandu kemarin dia bagiin gula sambil bisik 'titipan pak caleg, jangan lupa tanggal 14 ya'.", true},
		{"Bu perawat PNS di Desa Sukamaju orangnya ramah. Cuma waktu posyandu kemarin dia bilang ASN jangan bagiin titipan caleg.", false},
	})
}

// TestStyledLettersKeepOffsets checks that a post written in mathematical
// bold letters is classified like plain text, with the evidence's spans
// pointing at the styled words in the original text.
func TestStyledLettersKeepOffsets(t *testing.T) {
	c := mustDefault(t)
	text := "Kemarin 𝗖𝗮𝗺𝗮𝘁 Sukajadi ikut 𝗸𝗮𝗺𝗽𝗮𝗻𝘆𝗲 paslon nomor 2."
	v := c.Classify(netra.Item{Text: text})
	if !v.Flagged {
		t.Fatalf("not flagged: %+v", v)
	}
	var words []string
	for _, h := range v.Hits {
		for _, sp := range h.Spans {
			words = append(words, text[sp.Start:sp.End])
		}
	}
	if !slices.Contains(words, "𝗖𝗮𝗺𝗮𝘁") {
		t.Errorf("spans %q do not point at the styled actor", words)
	}
}

// TestStatusOfPerson checks that a civil-service word said of one person
// as their status ("udah PNS 8 tahun") lets a post read whole tie them to
// the act, while the same word naming whoever works as one stays a class.
func TestStatusOfPerson(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Yg posting foto salam dua jari di depan baliho capres itu tetangga sy. Dia kerja di dinas perkim, udah PNS 8 tahun.", true},
		{"Yg posting foto salam dua jari di depan baliho capres itu tetangga sy. Warga yg kerja jadi PNS jangan ditiru ya.", false},
		{"Namanya Bu Rina, ASN di Disdukcapil Kab. Sukamaju, dulu kami satu kos. FB-nya isinya poster caleg partai biru, dibagi hampir tiap jam, tulisannya 'wajib pilih ini, keluarga besar!'", true},
	})
}

// TestUniformWearer checks that a civil servant's uniform names its
// wearer when nobody else is there, and is someone else's when a person
// who is not ASN stands before the act.
func TestUniformWearer(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Jam kerja kok nongkrong di posko pemenangan, seragam khaki lengkap. Gaji dari kami loh.", true},
		{"Kades Sukamaju berpose dua jari mendukung paslon 2 dengan memakai seragam Korpri.", false},
		{"Foto kades bersama perangkat desa berpose dua jari untuk paslon 2, semuanya memakai seragam Korpri.", false},
	})
}

// TestQuestionInItsOwnSentence checks that a question in a post read whole
// stops the reading only in its own sentence: a parent who asks whether
// what the teacher did is allowed still tells what the teacher did, while
// a question that holds the act asks about the rule.
func TestQuestionInItsOwnSentence(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Bapak ibu, beta mau tanya sa. Anak beta kelas 4 di SD Inpres Sukamaju pulang bawa kertas kecil ada gambar paslon nomor 3. Dia bilang ibu wali kelas yang kasi, trus pesan 'bilang bapa mama pilih ini e'. Ini boleh ko?? Guru kan PNS", true},
		{"Mau tanya, kalau guru PNS kasih kertas bergambar paslon ke murid itu boleh?", false},
	})
}

// TestCueAskedAndDenied checks that a cue asked about and answered no
// ("Cuti? Kayaknya enggak deh") does not stop a post read whole, while the
// same cue stated does.
func TestCueAskedAndDenied(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Istri calon bupati itu kan kabid di Dinas Sosial Sukamaju. Tiap hari ikut kampanye suaminya pas jam kerja. Cuti? Kayaknya enggak deh.", true},
		{"Istri calon bupati itu kan kabid di Dinas Sosial Sukamaju. Tiap hari ikut kampanye suaminya. Katanya udah cuti di luar tanggungan negara.", false},
		{"Istri calon bupati itu kan kabid di Dinas Sosial Sukamaju. Tiap hari ikut kampanye suaminya di jam kerja. Cuti gak tuh?", true},
	})
}

// TestAgentNamed checks that a post read whole stops at someone else named
// as the agent ("ada yang bagi-bagi …"), but not at a civil servant named
// after "oleh".
func TestAgentNamed(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Kemarin di lapangan kecamatan bagi-bagi kaos gambarnya paslon nomor 2. Pembagiannya oleh salah satu kasi kecamatan.", true},
		{"Kemarin di lapangan kecamatan ada yang bagi-bagi kaos gambarnya paslon nomor 2. Camatnya diam saja.", false},
	})
}

// TestMessageSent checks that a civil servant's message sent to a chat
// group ("Pesan pak lurah di grup RT/RW …") is their act, while a saying
// remembered ("Pesan guruku dulu: …") is no act of anyone's.
func TestMessageSent(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Pesan pak lurah di grup RT/RW Kel. Sukamaju (ss di bawah):\n\"Yg berhalangan hadir silaturahmi dgn Bapak calon hari Minggu, mohon dicatat. Ini berkaitan dgn program kelurahan.\"\nBahasanya halus tp maksudnya jelas kan", true},
		{"Pesan guruku dulu: jangan pilih calon yang suka bagi-bagi amplop.", false},
	})
}
