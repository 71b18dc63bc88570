package classifier

import "testing"

// TestCodedSides checks that a side named by what it built, by the
// outcome wanted at the polls or by the loss a threat is made on completes
// pressure on civil servants, and
// that neither shape alone makes a side of ordinary words.
func TestCodedSides(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Direktur RSUD Sukamaju ngumpulin pegawai di aula, kasih arahan pilih yang sudah bangun rumah sakit ini.", true},
		{"Kepala UPT Pendidikan bilang di rapat K3S: tolong guru-gurunya dikondisikan, jangan sampai suara TPS sekitar sekolah kalah.", true},
		{"Direktur RSUD Sukamaju ngumpulin pegawai di aula, kasih arahan soal pasien yang sudah dirawat lama.", false},
		{"Jujur, sy PNS di Pemkot dan tiap malam ku share konten 'bapak kita' di grup RT.", true},
		{"Jujur, sy PNS di Pemkot dan tiap malam ku share konten resep masakan di grup RT.", false},
		{"Habis apel pagi kepala puskesmas ngumpulin kami perawat, bilang \"pilihan kita satu ya, yang merah\". Terus senyum-senyum aja gitu.", true},
		{"Pak Kadis Pertanian di acara panen raya teriak \"Gas terus, Abah!\" semua juga tahu Abah itu siapa.", true},
		{"Habis apel pagi kepala puskesmas ngumpulin kami perawat, bilang jadwal jaga diganti. Terus senyum-senyum aja gitu.", false},
		{"Kepala UPT Pendidikan bilang di rapat K3S: tolong guru-gurunya dikondisikan, jangan sampai tim voli sekolah kalah lagi.", false},
		// A loss at the polls as the condition of a threat, not a
		// hypothesis; a lost match is no side.
		{"Kepala dinas ngancam guru-guru PNS: kalau TPS dekat sekolah sampai kalah, siap-siap mutasi ke pulau.", true},
		{"Kepala dinas ngancam guru-guru PNS: kalau tim voli sekolah sampai kalah, siap-siap mutasi ke pulau.", false},
		// A pair by its names joined with a dash after a side's
		// people; a place of two words is none.
		{"Kabid di BPBD itu jadi admin grup FB relawan 'Sahabat Agus-Rini', NIP-nya kelihatan.", true},
		{"Kabid di BPBD itu jadi admin grup FB relawan Jawa Tengah, NIP-nya kelihatan.", false},
		// A pair after its material; a candidate's people by his name
		// of address; a ballot punched for a number word.
		{"Pegawai pemda Kabupaten Sukamaju disuruh ikut senam bersama, eh panggungnya penuh spanduk Mandala–Yusuf.", true},
		{"Tiap apel kabid kami di Disdukcapil ingetin yang belum gabung grup WA relawan Bunda Ratih segera gabung.", true},
		{"Kabid di Dinas PUPR itu pake mobil dinas masang baliho Pak Haji Darman di bundaran jam 11 malam.", true},
		{"Kepala sekolah itu teriak di depan guru-guru: ayo coblos dua!", true},
		{"Pak kadis pendidikan ikut joget \"Ayo Coblos Dua\" di atas panggung.", true},
		// A chain message from a civil servant, its order after a colon.
		{"Kami guru2 SD negeri se-Kab. Sukamaju minggu lalu dapat pesan berantai dari kepala UPT: tiap sekolah wajib bikin video TikTok \"dukungan guru\" untuk paslon bupati nomor 1, paling lambat Jumat. Yang honorer lebih kasihan lagi.", true},
		// A candidate by his looks; a virtue is any side's appeal.
		{"Bidan puskesmas itu live di tiktok pake seragam dinas, bilang pokoknya coblos yang berkacamata ya.", true},
		{"Bidan puskesmas itu live di tiktok pake seragam dinas, bilang pokoknya coblos yang jujur ya.", false},
	})
}

// TestMoreCodedSides checks one voice for an unnamed side, the incumbent
// thanked by office in campaign material, and that the campaign period
// is no side.
func TestMoreCodedSides(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Sapa se bilang ASN netral? Di kantor dinas pendidikan sini, tiap apel kadis bilang 'torang satu suara deng bupati'.", true},
		{"Dana BOS dipake cetak spanduk 'terima kasih bapak bupati' pas masa kampanye, kepsek yg ngatur.", true},
		{"Sekda Sukamaju meminta seluruh kepala dinas dan camat memperhatikan jadwal kegiatan yang melibatkan masyarakat selama masa kampanye.", false},
		// A side's colour worn, a party by its symbol; not the flag's colours.
		{"Lurah Sukajadi ikut konvoi pake kaos biru tadi sore. HARI KERJA pak #Pilwalkot2024", true},
		{"Lurah Sukajadi ikut konvoi pake kaos merah putih tadi sore. #Pilwalkot2024", false},
		{"ASN pemprov pd pake pin kepala banteng ke kantor, malu dikit lah", true},
		// A side's nickname by colour; a named man a declaration is for; a
		// denied instruction taken back.
		{"yg joget paling depan pas kampanye si biru kemaren itu guru olahraga SMP negeri 3 di tempatku wkwk", true},
		{"Sore ini ada acara 'Deklarasi Guru PNS Sukamaju untuk Bang Jali' di alun-alun.", true},
		{"Sore ini ada acara 'Lomba Guru PNS Sukamaju untuk Bang Jali' di alun-alun.", false},
		{"Tadi apel pagi Pak Kabid ngomong gini: 'Saya nggak nyuruh ya, tapi kita semua tahu siapa yang bikin tunjangan kita naik.'", true},
		{"Tadi apel pagi Pak Kabid ngomong gini: 'Saya nggak nyuruh milih siapa-siapa.'", false},
		// A gift said to come from someone named.
		{"Pegawai Dinas Sosial itu membagikan beras ke warga sambil bilang bantuan itu titipan Bang Jonny.", true},
		{"Pegawai Dinas Sosial itu membagikan beras ke warga sambil bilang bantuan itu titipan pemerintah pusat.", false},
		// A vote for anyone else forbidden is a vote for the side.
		{"Kapus kemarin ngumpulin semua nakes habis apel: 'tanggal 14 saya tidak mau dengar ada yang pilih selain partai yang memperjuangkan insentif kita.'", true},
		{"Kapus kemarin ngumpulin semua nakes habis apel: 'saya tidak mau dengar ada yang pilih partai di kantor.'", false},
		// A movement's hashtag is a side.
		{"2019 dulu camat Sukajadi pasang twibbon #2019GantiPresiden di FB, skrg udh jadi kadis.", true},
		// A candidate named as the relative of the one in office.
		{"Inget gak Pilkada 2020, Sekda Sukamaju yg kedapatan ngumpulin kades di rumah jabatan buat menangin adik bupati?", true},
		{"Sekda Sukamaju ngumpulin kades di rumah jabatan bareng istri bupati buat lomba PKK.", false},
	})
}
