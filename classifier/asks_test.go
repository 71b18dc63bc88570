package classifier

import "testing"

// TestAsksVote covers a civil servant's own request to vote for or against
// a side named outright (session 23, pw-tune): the request is the act, not
// an appeal to stay neutral. The same request made of the class by an
// overseer, a "tidak" that negates the asking, and an unnamed side stay
// unflagged.
func TestAsksVote(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Guru honorer itu? Bukan. Guru SMP negeri yang berinisial RS itu kemudian meminta murid-muridnya tidak memilih Prabowo pada pilpres nanti.", true},
		{"Kepala puskesmas yang baru dilantik itu mengajak para bidan memilih Anies Baswedan.", true},
		{"Bawaslu meminta ASN tidak memilih Prabowo di depan umum dan menjaga netralitas.", false},
		{"Kepala puskesmas itu tidak meminta para bidan memilih Anies Baswedan.", false},
		{"Guru itu kemudian meminta murid-muridnya tidak memilih pemimpin yang korup.", false},
	})
}

// TestStatusBeforePost covers a civil servant's status written before his
// village post ("bertugas sebagai ASN sekretaris desa"), carried to the
// next sentence, and a full title of an assistant to the regional
// secretary (session 23).
func TestStatusBeforePost(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Rahmat bertugas sebagai ASN sekretaris Desa Sukamaju. Ia mengunggah status di Facebook yang ditengarai mendukung salah satu paslon capres.", true},
		{"Rahmat bertugas sebagai sekretaris Desa Sukamaju. Ia mengunggah status di Facebook yang ditengarai mendukung salah satu paslon capres.", false},
		{"Panwascam memergoki Asisten Sekretariat Daerah Bidang Pemerintahan Kabupaten Sukamaju memperkenalkan salah satu calon bupati dalam sebuah acara.", true},
	})
}

// TestNotTheActor covers people beside an act who did not do it (session
// 23, pw-tune and pv-tune): contract staff described by where they serve,
// civil servants in front of whom someone else campaigned, and a team
// that an official addresses. Each has a report beside it that must stay
// flagged.
func TestNotTheActor(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Bawaslu melaporkan Rudi, TKSK yang bertugas di Kecamatan Sukamaju, yang terindikasi berkampanye untuk paslon nomor 2.", false},
		{"Bawaslu melaporkan Rudi, pegawai yang bertugas di Kecamatan Sukamaju, yang terindikasi berkampanye untuk paslon nomor 2.", true},
		{"Video bupati Sukamaju yang kampanye di depan sosok ASN itu viral di media sosial.", false},
		{"Video camat Sukamaju yang kampanye untuk paslon nomor 2 di depan warga itu viral di media sosial.", true},
		{"Kepala Kesbangpol meminta para kandidat dan tim sukses pasangan calon memahami tugas petugas di lapangan.", false},
		{"Kepala Kesbangpol Sukamaju diketahui menjadi tim sukses pasangan calon nomor 2.", true},
		// gathering or leading a team is working with it
		{"Camat Sukamaju mengumpulkan tim sukses paslon nomor 2 di rumah dinasnya.", true},
		{"Kepala dinas itu mengarahkan tim sukses paslon nomor 2 di kantornya.", true},
	})
}

// TestReprimand covers an overseer's reprimand of a civil servant in
// particular, active and passive (session 23, pw-tune); a reprimand of the
// class and one by a superior over work stay unflagged.
func TestReprimand(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Selain menegur bakal calon, Panwaslu Kota Sukamaju juga menegur Kepala SMKN 2 Sukamaju dan panitia acara itu.", true},
		{"Kepala SD Negeri 4 Sukamaju mendapat teguran dari Bawaslu setelah sekolahnya dipakai acara relawan.", true},
		{"Bawaslu menegur para ASN agar menjaga netralitas menjelang pilkada.", false},
		{"Kepala SD Negeri 4 Sukamaju ditegur kepala dinas karena terlambat menyerahkan laporan.", false},
	})
}

// TestDeniedByPronoun covers a denial by the accused carried by a
// singular pronoun from the sentence before (session 23, pw-tune): the
// act the accused denies is still their case (GUIDE.md). A blanket denial
// by an overseer stays unflagged.
func TestDeniedByPronoun(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Guru SMP negeri berinisial RN kini dinonaktifkan sementara. Dia sudah membantah tuduhan mendoktrin siswa anti-Prabowo.", true},
		{"Ketua Bawaslu Sukamaju datang ke sekolah itu. Dia membantah ada ASN yang mendukung paslon.", false},
	})
}
