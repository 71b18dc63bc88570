package classifier

import "testing"

// TestListsInSentences: a sentence that announces examples makes the next
// one a list of examples, and a list of acts taken up by what they all are
// ("Semua itu dilarang.", "…, semuanya akan ada konsekuensinya") states a
// norm; the same acts told of someone in particular stay a case.
func TestListsInSentences(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		// Examples announced, then listed.
		{"Ia lalu menyebut contoh lain yang sering disepelekan. Menghadiri deklarasi calon bupati sebagai peserta, memasang stiker pasangan calon di kendaraan dinas.", false},
		{"Kemarin sore Camat Sukamaju menghadiri deklarasi calon bupati sebagai peserta, lalu memasang stiker pasangan calon di kendaraan dinas.", true},
		// An example dated to a past election about someone in particular
		// is still the case it cites.
		{"Ia memberi contoh kasus yang pernah terjadi. Pada Pilkada 2020, Camat Sukamaju menghadiri deklarasi pasangan calon bupati.", true},
		// A list taken up by the next sentence.
		{"Guru yang diminta menjemput calon di bandara, kepala sekolah yang memfasilitasi pertemuan calon bupati dengan wali murid. Semua itu dilarang.", false},
		{"Kepala SD Negeri 3 Sukamaju memfasilitasi pertemuan calon bupati dengan wali murid. Pertemuan berlangsung sampai malam.", true},
		// A list taken up in the same sentence.
		{"Foto bareng calon bupati, mengantar tim sukses pakai kendaraan dinas, semuanya akan ada konsekuensinya.", false},
		{"Mobil dinas camat dipakai mengantar tim sukses calon bupati ke pasar.", true},
	})
}

// TestNotACase: a retired teacher, a volunteer group with "guru" in its
// name, a vote cast, a poll and a complaint channel are no case.
func TestNotACase(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Pak guru pensiunan di kampung sebelah sekarang jadi koordinator timses caleg nomor 4.", false},
		{"Pak guru SD negeri di kampung sebelah sekarang jadi koordinator timses caleg nomor 4.", true},
		{"Relawan Guru Sukamaju resmi deklarasi dukung paslon 02 di GOR kota.", false},
		{"Udah nyoblos, jari ungu ✔️ lanjut piket di kantor dinas #PNSLife", false},
		{"Polling di grup alumni diklat PNS: 43% masih bingung pilih capres.", false},
		{"Warga kini bisa melaporkan dugaan pelanggaran netralitas ASN dengan memindai kode QR di kantor kelurahan.", false},
	})
}

// TestMoreActs: a place on a party's list of candidates, hosting a side's
// event, a side's jersey, and a department's car carrying a side's banner
// ("paslon gubernur" names the office sought, not a governor).
func TestMoreActs(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Pak Kadis Pariwisata Sukamaju masih ngantor padahal namanya udah ada di DCS caleg DPRD dari partai.", true},
		{"Yang bikin heran, kepala puskesmas kecamatan yang jadi MC di acara kampanye caleg DPRD itu.", true},
		{"Dokter di Puskesmas Sukamaju itu PNS kan? Kok pose pakai jersey paslon gubernur nomor 2.", true},
		{"Mobil plat merah Dinas PUPR Sukamaju ngangkut spanduk paslon gubernur, parkir depan posko pula.", true},
	})
}

// TestRegionalAndColloquial: Sundanese school heads and verbs of saying,
// "sebagai" saying what the writer is, rallying staff with "ngerahin".
func TestRegionalAndColloquial(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Kapala sakola SMPN 4 pas upacara nitip ka murid-murid: \"bejakeun ka kolot, ulah hilap nomer 2 nya\".", true},
		{"Dukung penuh Ibu Hj. Siti Maryam nomor 1 untuk DPRD Kab. Sukamaju! Sebagai perawat PNS di puskesmas, saya tahu beliau peduli nakes.", true},
		{"Lurah Margasari ngerahin pegawai kelurahan buat bawa warga ke kampanye akbar paslon nomor 2.", true},
		{"Dulu ASN datang ke kampanye, sekarang cukup like dan share, ujarnya.", false},
	})
}

// TestOfficersAndLists: an officer who leaves another side's banners
// standing, one said not to be honorary who puts a banner up, and a
// civil servant listed with village officials ("Pak Sekcam sama dua
// kadus").
func TestOfficersAndLists(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Anggota Satpol PP cabut semua baliho paslon 01 dan 03 di sepanjang jalan, tapi baliho 02 yang nempel di pohon dibiarkan.", true},
		{"Anggota Satpol PP cabut semua baliho paslon yang nempel di pohon sepanjang jalan.", false},
		{"Oknum Satpol PP (PNS, bukan THL) di Kab. Sukamaju malah masang baliho caleg partainya di depan kantor kecamatan.", true},
		{"Kades Tanjung Sari, Pak Sekcam sama dua kadus kompak hadir di deklarasi relawan paslon bupati kemarin sore.", true},
	})
}

// TestInstructedTask: a task someone was told to do that serves a side is
// pressure; one that asks that nothing be done is an appeal.
func TestInstructedTask(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Bapak/Ibu Kepala Sekolah diminta mendata guru dan wali murid yang siap mendukung paslon bupati nomor urut 2.", true},
		{"Guru dan kepala sekolah diminta tidak memanfaatkan kegiatan sekolah untuk mendukung paslon mana pun.", false},
	})
}

// TestAlternativeGoesOnWithExamples checks that a sentence opening with
// "Atau" after an example goes on with the examples, and that a fronted
// topic ("Untuk pelanggaran netralitas ASN, …") in an article names a kind
// of case, not one.
func TestAlternativeGoesOnWithExamples(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{article("Ia mengajukan beberapa skenario. Misalnya, seorang lurah yang mengumpulkan ketua RT lalu menyelipkan nama caleg. Atau kepala sekolah yang meminta guru mengisi daftar hadir dalam acara yang ternyata dihadiri calon."), false},
		{article("Kemarin kepala sekolah SMP Negeri 2 Sukamaju meminta guru mengisi daftar hadir dalam acara yang dihadiri calon."), true},
		{article("Untuk pelanggaran netralitas ASN, rekomendasi dikirimkan ke BKN dan ditembuskan kepada pejabat pembina kepegawaian."), false},
	})
}

// TestEnumeratedKinds checks that kinds of case listed as "ada X yang …,
// ada Y yang …" in an article are examples, and one "ada" is a finding.
func TestEnumeratedKinds(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{article("\"Ada guru yang ikut foto bareng lalu pamer jari dua, ada pejabat yang meminjamkan mobil dinas untuk antar logistik tim.\""), false},
		{article("Bawaslu menemukan ada guru SD Negeri 4 Sukamaju yang ikut foto bareng paslon nomor 2 lalu pamer jari dua."), true},
	})
}
