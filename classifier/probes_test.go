package classifier

import "testing"

// TestProbePhrasings holds sentences written in session 25 to probe the
// cue words and the common ways a case or a non-case is told (own text,
// each labelled by GUIDE.md when it was written): meetings, orders,
// state resources, colloquial posts, and the officials, former officials
// and totals that are no case. The probes the pack still gets wrong are
// not here (classifier/TUNING.md, session 25).
func TestProbePhrasings(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Bawaslu menegaskan bahwa Kepala Dinas Pendidikan Sukamaju terbukti mengarahkan kepala sekolah memilih paslon nomor 2.", true},
		{"Camat Sukajadi, Budiman, meminta para lurah mengamankan suara paslon nomor 2 di wilayahnya.", true},
		{"Camat Sukajadi, Budiman, diminta Bawaslu menjelaskan kehadirannya di kampanye paslon nomor 2.", true},
		{"Lurah yang enggan mendukung paslon nomor 2 dimutasi oleh Camat Sukajadi, Budiman.", true},
		{"Kepala Dinas Pendidikan Sukamaju akan dilaporkan ke Bawaslu karena hadir di kampanye paslon nomor 2 kemarin.", true},
		{"Bawaslu Sukamaju menangani kasus Camat Sukajadi, Budiman, yang hadir di kampanye paslon nomor 2.", true},
		{"Bawaslu memanggil Camat Sukajadi, Budiman, untuk dimintai klarifikasi soal kehadirannya di kampanye paslon nomor 2.", true},
		{"Camat Sukajadi, Budiman, tertangkap kamera hadir di kampanye paslon nomor 2 meski sudah dilarang atasannya.", true},
		{"Meski sudah ada larangan, Camat Sukajadi, Budiman, tetap hadir di kampanye paslon nomor 2.", true},
		{"Camat Sukajadi, Budiman, hadir di kampanye paslon nomor 2, padahal ASN dilarang berkampanye.", true},
		{"Video Camat Sukajadi, Budiman, yang mengajak warga memilih paslon nomor 2 viral di media sosial.", true},
		{"Kepala SDN 3 Sukamaju kedapatan memasang stiker paslon nomor 2 di mobil dinasnya.", true},
		{"Guru PNS di SDN 3 Sukamaju diduga mengarahkan murid agar orang tuanya memilih paslon nomor 2.", true},
		{"Pj Bupati Sukamaju mengumpulkan para camat di pendopo dan meminta mereka memenangkan paslon nomor 2.", true},
		{"Sejumlah kepala sekolah di Sukamaju mengaku diminta kepala dinas mengumpulkan KTP guru untuk mendukung paslon nomor 2.", true},
		{"Camat Sukajadi, Budiman, terlihat berdiri di panggung saat calon bupati nomor 2 berorasi di lapangan kecamatan.", true},
		{"Kepala Dinas Kesehatan Sukamaju menggelar pertemuan tertutup dengan tim sukses paslon nomor 1 di rumah dinasnya.", true},
		{"Para kepala sekolah dikumpulkan Kepala Dinas Pendidikan di sebuah hotel untuk mendengarkan arahan memenangkan calon petahana.", true},
		{"Sekretaris Camat Sukajadi tercatat sebagai koordinator relawan paslon nomor 3 di tingkat kecamatan.", true},
		{"Seorang bidan PNS di Puskesmas Sukajadi membagikan kalender bergambar caleg Partai Sukamaju kepada ibu hamil.", true},
		{"Penyuluh pertanian di Kecamatan Sukajadi mengumpulkan kelompok tani dan meminta mereka mencoblos caleg nomor 5.", true},
		{"Kepala UPT Dinas Perhubungan Sukamaju meminjamkan bus dinas untuk mengangkut massa kampanye paslon nomor 2.", true},
		{"Dosen PNS Universitas Negeri Sukamaju menjadi juru kampanye calon gubernur dalam kampanye terbuka di alun-alun.", true},
		{"Guru SD negeri di Sukajadi meminta murid-muridnya menyampaikan pesan kepada orang tua agar memilih paslon nomor 1.", true},
		{"Pj Wali Kota Sukamaju hadir dalam acara silaturahmi tim pemenangan calon gubernur nomor 2 di sebuah rumah makan.", true},
		{"Kepala Desa dan Camat Sukajadi sama-sama hadir di posko pemenangan paslon nomor 2; camat bahkan memberikan sambutan.", true},
		{"Staf Dinas Sosial Sukamaju menyelipkan stiker paslon nomor 2 di dalam paket bansos yang dibagikan kepada warga.", true},
		{"Kepala Kantor Kemenag Sukamaju mengimbau para penyuluh agama agar mengarahkan jemaah memilih paslon nomor 2.", true},
		{"Melalui grup WhatsApp dinas, Kabid Pendidikan Dasar Sukamaju mengirim pesan ajakan memilih paslon nomor 1 kepada para kepala sekolah.", true},
		{"Bawaslu Sukamaju mengingatkan camat dan lurah agar tidak hadir dalam kampanye paslon mana pun.", false},
		{"Camat Sukajadi menghadiri rapat koordinasi pengamanan kampanye bersama Polres dan KPU Sukamaju.", false},
		{"Dalam sosialisasi netralitas, Sekda Sukamaju menjelaskan bahwa ASN dilarang berfoto dengan calon sambil berpose jari.", false},
		{"Kepala Dinas Pendidikan Sukamaju membantah kabar bahwa ia mengumpulkan kepala sekolah untuk mendukung paslon nomor 2.", false},
		{"Calon bupati nomor 2 berkampanye di Kecamatan Sukajadi dan berjanji menaikkan tunjangan guru honorer.", false},
		{"Kepala desa Sukajadi diperiksa Bawaslu karena hadir di kampanye paslon nomor 2.", false},
		{"Bawaslu mencatat 45 ASN di Provinsi Sukamaju dilaporkan melanggar netralitas selama pilkada.", false},
		{"Satpol PP Kecamatan Sukajadi menertibkan baliho paslon nomor 2 yang dipasang di pagar sekolah.", false},
		{"Guru ngaji di Desa Sukajadi mengajak santri mendoakan kelancaran pilkada.", false},
		{"Menteri Dalam Negeri menegaskan ASN harus netral dan tidak boleh ikut kampanye paslon mana pun.", false},
		{"pak camat kita td pagi ikut konvoi paslon 2 pake mobil dinas, plat merahnya keliatan jelas wkwk", true},
		{"kepsek sd negeri 1 sukajadi nyuruh guru2 honorer pasang twibbon caleg partai biru, katanya biar aman kontraknya", true},
		{"lurah sukajadi bagi2 sembako ada stiker paslon 1 nya, di depan kantor kelurahan lagi", true},
		{"bu bidan puskesmas (pns) nitip pesen ke ibu2 posyandu: jgn lupa coblos no 3 ya", true},
		{"tadi apel pagi pak kadis bilang semua pegawai wajib dukung petahana, yg gak mau siap2 dimutasi", true},
		{"camat sukajadi ikut nyanyi di panggung kampanye cabup no 2 kemarin malem, videonya udah nyebar", true},
		{"ingat ya teman2 ASN, jangan like atau share postingan paslon mana pun, netral itu wajib", false},
		{"pak lurah (jokowi) emang jago bikin kejutan politik wkwk", false},
		{"guru ngaji di kampung dukung paslon 2 semua, ya bebas lah mereka bukan pns", false},
		{"kades kami ikut kampanye paslon 1, katanya kades boleh asal cuti", false},
		{"katanya ada pns yg ikut kampanye ya? semoga bawaslu cepat tanggap", false},
		{"capres 02 janji naikin gaji pns dan guru honorer kalo menang", false},
		{"Akun Facebook milik seorang guru PNS di SMP Negeri 2 Sukajadi membagikan video kampanye capres nomor 1 disertai ajakan memilih.", true},
		{"Kabag Umum Setda Sukamaju menggunakan gedung serbaguna milik pemda untuk rapat relawan caleg Partai Sukamaju secara gratis.", true},
		{"Di hadapan ratusan guru, Kepala Dinas Pendidikan Sukamaju menyebut calon petahana sebagai sosok yang wajib didukung.", true},
		{"Seorang pegawai kecamatan Sukajadi ketahuan merekap data pemilih untuk tim pemenangan paslon nomor 3.", true},
		{"Oknum lurah di Kota Sukamaju terekam kamera membagikan amplop berisi uang kepada warga sambil menyebut nama calon wali kota.", true},
		{"Mantan Camat Sukajadi yang kini maju sebagai caleg Partai Sukamaju berkampanye di kampung halamannya.", false},
		{"Pensiunan guru di Sukajadi aktif menjadi relawan paslon nomor 2.", false},
		{"Bupati Sukamaju yang juga calon petahana meresmikan jembatan sambil menyapa warga.", false},
		{"Ribuan ASN Kabupaten Sukamaju mengikuti apel dan ikrar netralitas menjelang pilkada.", false},
		{"Seorang warga melaporkan dugaan politik uang oleh tim sukses paslon nomor 2 ke Bawaslu.", false},
		{"Anggota DPRD Sukamaju dari Partai Sukamaju membagikan sembako kepada warga saat reses.", false},
		{"KPU Sukamaju merekrut guru honorer dan pegawai kelurahan sebagai anggota KPPS.", false},
		{"Bawaslu menyatakan laporan terhadap Camat Sukajadi tidak terbukti karena camat hanya hadir sebagai undangan resmi.", false},
	})
}

// TestPostProbePhrasings holds posts written for session 26 in the voice of
// comments and tweets, on the traps the issue names (nicknames, teachers' groups
// that are not ASN, candidates courting teachers, slang accusations); all
// sentences are our own.
func TestPostProbePhrasings(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"camat2 di kabupaten ini udah pada deklarasi dukung 02, netral apaan", true},
		{"pak camat kemarin ikut joget di panggung kampanye paslon 01, videonya udah nyebar di grup wa", true},
		{"guru PNS anak gw nyuruh murid2 bilang ke ortunya coblos nomor 3. parah sih", true},
		{"kepsek SD deket rumah pasang stiker caleg di gerbang sekolah, katanya disuruh dinas", true},
		{"Pj bupati kita terang2an ngumpulin kades buat menangin paslon 2, bawaslu tidur?", true},
		{"lurah di sini bagi2 sembako pake kaos paslon 01 wkwk ga ada malunya", true},
		{"pejabat pemkot pada pake pin caleg partai biru pas apel senin, ini gimana netralitasnya", true},
		{"ASN dinas PU posting foto bareng cagub sambil salam 2 jari di IG, udah dilaporin belum?", true},
		{"sekcam kami jadi admin grup relawan paslon 3, bikin konten tiap hari", true},
		{"bidan puskesmas ngasih kalender caleg ke pasien, emang boleh?", true},
		{"dosen PNS kampus negeri jadi jurkam capres di alun2 kemarin, foto2nya masih ada", true},
		{"kepala dinas pendidikan ngumpulin kepsek di hotel, arahannya jelas: menangkan petahana", true},
		{"oknum camat ketahuan ikut rapat tim pemenangan paslon 1 di rumah ketua partai tadi malam", true},
		{"penyuluh KB muter2 kampung bawa brosur caleg nomor 5 pake motor dinas", true},
		{"staf kelurahan ikut bagiin amplop serangan fajar buat paslon 2, ada videonya", true},
		{"pak lurah pengen anaknya jadi wapres, rakyat cuma bisa nonton", false},
		{"Pak Lurah cawe2 lagi di pilpres, dasar raja jawa", false},
		{"Pergunu resmi dukung paslon 01, guru2 NU siap menangkan", false},
		{"guru ngaji di kampung kami semua pilih nomor 2, insyaallah amanah", false},
		{"guru madin se-kabupaten deklarasi dukung calon bupati petahana", false},
		{"capres 03 janji naikin gaji guru honorer kalau menang, semoga ditepati", false},
		{"ASN harus netral ya, jangan sampai ikut2an kampanye, sanksinya berat", false},
		{"ingat bapak ibu ASN, like dan share postingan caleg aja bisa kena sanksi disiplin", false},
		{"kalau ada camat yg ikut kampanye laporin aja ke bawaslu, jangan diem", false},
		{"kades se-kecamatan deklarasi dukung paslon 02, kades kan bukan ASN ya", false},
		{"Satpol PP nurunin baliho paslon yang dipasang di pohon, mantap", false},
		{"menteri ikut kampanye pakai fasilitas negara, bawaslu diam aja", false},
		{"mantan camat sekarang jadi caleg partai kuning, udah pensiun sih", false},
		{"relawan guru penggerak dukung nomor 1, itu nama komunitas aja bukan ASN", false},
		{"ASN boleh datang ke kampanye asal pasif ya, ga boleh pake atribut", false},
		{"survei: mayoritas ASN di kota ini belum menentukan pilihan capres", false},
		{"bu guru cantik banget pas nyanyi di acara perpisahan sekolah, pemilu masih lama", false},
		{"gak ada bukti camat kita ikut kampanye, itu hoaks yg disebar lawan politik", false},
		// session 27: Betawi-style verbs ("-in", "ng-") and shorthand; 39 of 40
		// such posts were right before any change, these are the forms the
		// list above lacks
		{"kepsek SMPN 4 ikutan kampanyein caleg partai kuning di grup wa wali murid", true},
		{"asn provinsi dikerahin jadi saksi paslon gubernur, gila sih", true},
		{"penyuluh pertanian ngedata petani buat dukungan paslon 2, pake hp dinas", true},
		{"pj bupati ngundang timses paslon 02 ke pendopo, rapat tertutup katanya", true},
		{"kabid di dinas PU nyaleg dari partai biru tapi belum mundur dari PNS", true},
		{"pegawai kecamatan disuruh dateng ke acara kampanye calon bupati petahana, yg gak dateng diancam dimutasi", true},
		{"guru2 PNS disuruh kepsek like & share postingan caleg kuning, kalo gak entar dipanggil", true},
		{"polisi ketauan pake kaos paslon, propam harus turun", false},
		{"pensiunan PNS jadi timses paslon 3, gak masalah kan udah pensiun", false},
		{"kepsek ngingetin guru2 jgn posting soal capres di grup sekolah", false},
		{"katanya ada asn yg ikut kampanye, tp gak jelas siapa", false},
		{"pegawai bumn ikut deklarasi dukung capres", false},
		// a pair named only in a hashtag (missed before the pairs became
		// target terms)
		{"lurah ikut joget di panggung #GanjarMahfud2024, netral katanya", true},
		{"pak camat kita ikut deklarasi kemarin #PrabowoGibran2024", true},
		{"rame #PrabowoGibran2024 di timeline, bawaslu harus awasi ASN", false},
		// slang accusations against Pj heads, officials and bureaucrats
		// ("main mata ama paslon", "pj gub"), and their look-alikes
		{"pj gub kita keliatan banget main mata ama paslon 2, tiap acara pemprov selalu ada tim mereka", true},
		{"pejabat pemprov pada all in buat paslon 01, rapat dinas isinya konsolidasi pemenangan", true},
		{"oknum kadis cawe2 di pilkada, nyuruh bawahannya pasang baliho petahana", true},
		{"birokrat di pemkab ini udah jadi mesin politik petahana, camat2 disuruh cari suara", true},
		{"kepsek di sini jadi makelar suara caleg PKS, guru2 disuruh setor KTP keluarga", true},
		{"pj gub kita netral kok, udah ngingetin ASN jangan main mata ama paslon mana pun", false},
		{"katanya pejabat pemprov all in buat paslon 01, tapi ga ada bukti sama sekali", false},
		{"pak kades sini main mata sama paslon 2, ya wajar kades bukan ASN", false},
	})
}

// TestMeetingWithoutTeamWord holds meetings with a candidate whose sentence
// names no team word (session 27). Until pack 2026.12.26 meeting words were
// not first-stage keywords, so such a sentence was never read by the rules
// and five of the six cases below scored 0. The negatives are meetings with
// no side, or a side met by someone who is no civil servant.
func TestMeetingWithoutTeamWord(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Camat Sukamaju menggelar pertemuan tertutup dengan calon bupati Andi di rumah dinasnya, Senin malam.", true},
		{"Kepala Dinas Pendidikan Kabupaten Sukamaju bersilaturahmi ke kediaman calon bupati nomor urut 2 bersama para kepala sekolah.", true},
		{"Lurah Sukamaju menjamu rombongan calon wali kota nomor urut 1 di kantor kelurahan pada jam kerja.", true},
		{"Sekda Kabupaten Sukamaju terlihat bertemu paslon nomor urut 3 di sebuah rumah makan, Sabtu malam.", true},
		{"Kepala puskesmas itu mengundang cagub petahana ke acara internal pegawai dan memberi sambutan dukungan.", true},
		{"Para guru PNS SMPN 2 Sukamaju diundang kepala sekolah untuk rapat bersama caleg Partai Golkar di ruang guru.", true},
		{"Camat Sukamaju menggelar rapat tertutup dengan para lurah membahas penanganan banjir.", false},
		{"Kepala Dinas Kesehatan bertemu calon jemaah haji di asrama haji untuk pemeriksaan kesehatan.", false},
		{"Lurah Sukamaju menjamu rombongan studi banding dari kabupaten tetangga di kantor kelurahan.", false},
		{"Kepala sekolah mengundang orang tua calon siswa baru ke sekolah untuk sosialisasi PPDB.", false},
		{"Bupati Sukamaju bertemu calon investor di pendopo untuk membahas kawasan industri.", false},
		{"Camat Sukamaju menemui warga yang rumahnya terdampak longsor di Desa Sukarame.", false},
		{"ASN dilarang menghadiri pertemuan dengan calon kepala daerah, kata Ketua Bawaslu Sukamaju.", false},
		{"Kepala desa Sukamaju bertemu calon bupati nomor urut 2 di balai desa, Minggu.", false},
	})
}

// TestActsPlainlyTold holds plain news sentences for each kind of act
// GUIDE.md lists, and a few look-alikes that are none, written in session
// 27 to look for acts the first stage or the gazetteers do not reach. Of
// the first 27 the pack missed one (staff recruiting witnesses for a side:
// the "saksi untuk …" terms); of the next 25 one (an order to "setiap"
// head teacher, read as a hypothetical: instructsEach); of the last 13 one
// (a puskesmas head letting a campaign team in, read as a permission stated
// for him: normSubject now passes permitsSide over).
func TestActsPlainlyTold(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Camat Sukamaju menjadi anggota tim pemenangan pasangan calon bupati nomor urut 2.", true},
		{"Seorang guru PNS di SDN 3 Sukamaju tercatat sebagai pengurus DPC Partai Gerindra.", true},
		{"Kepala Bidang Perizinan Kabupaten Sukamaju mendaftar sebagai bakal calon legislatif dari Partai NasDem tanpa mengundurkan diri.", true},
		{"Lurah Sukamaju memasang baliho calon wali kota nomor urut 1 di depan kantor kelurahan.", true},
		{"Sekretaris Camat Sukamaju kedapatan berfoto dengan pose dua jari bersama calon gubernur.", true},
		{"Kepala Dinas Sosial Sukamaju membagikan bantuan sosial yang ditempeli stiker pasangan calon petahana.", true},
		{"Mobil dinas Kecamatan Sukamaju dipakai untuk mengangkut massa kampanye calon bupati.", true},
		{"Kepala sekolah SMAN 1 Sukamaju meminta para guru memilih pasangan calon nomor urut 3.", true},
		{"Seorang penyuluh pertanian di Sukamaju mengunggah video ajakan memilih caleg Partai Demokrat di akun Facebook-nya.", true},
		{"Kepala Puskesmas Sukamaju hadir dalam deklarasi relawan pemenangan calon bupati.", true},
		{"Camat Sukamaju mengumpulkan kepala desa dan menginstruksikan mereka memenangkan calon petahana.", true},
		{"Seorang ASN Pemkab Sukamaju menjadi juru kampanye pasangan calon nomor urut 1.", true},
		{"Dosen PNS Universitas Sukamaju berorasi di panggung kampanye akbar calon presiden.", true},
		{"Kepala Dinas Pendidikan Sukamaju menggunakan anggaran dinas untuk mencetak kalender bergambar calon bupati.", true},
		{"Pj Bupati Sukamaju mengarahkan para camat agar mengamankan suara pasangan calon nomor urut 2.", true},
		{"Seorang bidan PNS di Sukamaju ikut membagikan uang kepada warga atas nama caleg Partai Golkar.", true},
		{"Guru PPPK di Sukamaju mengenakan kaus bergambar calon wali kota saat mengajar.", true},
		{"Lurah Sukamaju menyebarkan undangan kampanye calon bupati melalui grup WhatsApp RT.", true},
		{"Kepala Satpol PP Sukamaju menghadiri konsolidasi pemenangan partai di sebuah hotel.", true},
		{"Staf Kecamatan Sukamaju dilaporkan merekrut saksi untuk pasangan calon nomor urut 2.", true},
		{"Camat Sukamaju menyumbangkan dana untuk posko pemenangan calon gubernur.", true},
		{"Kepala Dinas PU Sukamaju mempromosikan program calon bupati petahana dalam rapat dengan warga.", true},
		{"Sekda Sukamaju menyatakan dukungan kepada pasangan calon nomor urut 1 dalam pidatonya.", true},
		{"Sejumlah guru honorer dan guru PNS di Sukamaju diwajibkan mengikuti kampanye calon bupati oleh kepala dinas.", true},
		{"Camat Sukamaju membuka lomba kebersihan antar kelurahan, Senin.", false},
		{"Bawaslu Sukamaju mengingatkan ASN agar tidak memasang baliho calon.", false},
		{"Kepala desa Sukamaju memasang baliho calon bupati di depan balai desa.", false},
		{"Seorang guru PNS di Sukamaju menyukai dan membagikan unggahan kampanye calon bupati nomor urut 2 di Instagram.", true},
		{"Lurah Sukamaju memasang twibbon dukungan untuk calon wali kota nomor urut 1 sebagai foto profil Facebook-nya.", true},
		{"Status WhatsApp Kepala Puskesmas Sukamaju berisi ajakan memilih caleg Partai Gerindra.", true},
		{"Seorang ASN Dinas Perhubungan Sukamaju berkomentar mendukung calon gubernur nomor urut 3 di unggahan akun resmi tim kampanye.", true},
		{"Kepala Seksi di Kecamatan Sukamaju mengikuti akun media sosial tim pemenangan calon bupati dan aktif membagikan kontennya.", true},
		{"Pegawai Dinas Kesehatan Sukamaju membuat video TikTok berjoget dengan lagu kampanye calon bupati nomor urut 2.", true},
		{"Seorang guru PPPK di Sukamaju berfoto sambil mengacungkan tiga jari di depan baliho calon bupati nomor urut 3.", true},
		{"Kepala Dinas Pertanian Sukamaju memakai mobil dinas berpelat merah untuk menghadiri kampanye calon bupati.", true},
		{"Aula kantor Kecamatan Sukamaju dipinjamkan camat untuk pertemuan relawan calon bupati nomor urut 2.", true},
		{"Program bantuan bibit dari Dinas Pertanian Sukamaju dibagikan dengan stiker calon bupati petahana oleh kepala bidangnya.", true},
		{"Seorang lurah di Sukamaju membagikan amplop berisi uang kepada warga sambil meminta mereka memilih calon bupati nomor urut 2.", true},
		{"Camat Sukamaju diketahui memiliki kartu tanda anggota Partai Demokrat.", true},
		{"Seorang guru PNS di Sukamaju tercatat dalam Sipol KPU sebagai anggota Partai Perindo.", true},
		{"Kepala Bidang di Dinas PUPR Sukamaju mendaftar ke KPU sebagai calon bupati tanpa mengundurkan diri dari jabatannya.", true},
		{"Sekda Sukamaju mengambil formulir pendaftaran bakal calon bupati di kantor DPC PDI Perjuangan.", true},
		{"Camat Sukamaju mengancam akan memutasi lurah yang tidak mendukung calon bupati nomor urut 2.", true},
		{"Kepala Dinas Pendidikan Sukamaju menargetkan setiap kepala sekolah mengumpulkan 100 suara untuk calon bupati petahana.", true},
		{"Para kepala sekolah di Sukamaju diminta kepala dinas menyetor data guru yang siap memilih calon bupati nomor urut 1.", true},
		{"Camat Sukamaju memerintahkan para lurah mendata warga pendukung calon bupati nomor urut 2.", true},
		{"Seorang kepala sekolah di Sukamaju menyuruh guru-guru menghadiri kampanye akbar calon bupati nomor urut 2 pada jam mengajar.", true},
		{"Seorang guru PNS di Sukamaju membagikan unggahan KPU tentang jadwal pencoblosan di Instagram.", false},
		{"Lurah Sukamaju memasang twibbon Hari Kemerdekaan sebagai foto profil Facebook-nya.", false},
		{"Camat Sukamaju memakai mobil dinas untuk meninjau lokasi banjir di Desa Sukarame.", false},
		{"Kepala Dinas Pendidikan Sukamaju menargetkan angka partisipasi sekolah naik lima persen tahun ini.", false},
		{"Camat Sukamaju memerintahkan para lurah mendata warga yang belum memiliki KTP elektronik menjelang pilkada.", false},
		// state facilities, gifts, party cards, leave given to a side
		{"Ruang rapat Dinas Pertanian Sukamaju dipakai untuk rapat relawan calon bupati nomor urut 2 atas izin kepala dinasnya.", true},
		{"Seorang guru PNS di Sukamaju memakai laptop sekolah untuk mendesain poster kampanye caleg Partai Golkar.", true},
		{"Camat Sukamaju mengenakan seragam dinas saat menghadiri deklarasi dukungan untuk calon bupati petahana.", true},
		{"Di jam dinas, Kepala Seksi di Kecamatan Sukamaju terlihat membagikan brosur calon bupati nomor urut 1 di pasar.", true},
		{"Paket beras bantuan Dinas Sosial Sukamaju ditempeli foto calon bupati petahana oleh petugas dinas.", true},
		{"Lurah Sukamaju menyelipkan kartu nama caleg Partai Demokrat dalam amplop BLT yang dibagikan kepada warga.", true},
		{"Seorang guru PPPK di Sukamaju tercatat sebagai pengurus ranting Partai Gerindra.", true},
		{"Sekretaris Dinas Kesehatan Sukamaju memegang kartu tanda anggota PDI Perjuangan.", true},
		{"Seorang penyuluh KB di Sukamaju menjadi ketua relawan calon bupati nomor urut 3 di kecamatannya.", true},
		{"Kepala Puskesmas Sukamaju mengizinkan tim kampanye calon bupati nomor urut 2 memasang baliho di halaman puskesmas.", true},
		{"Kepala Puskesmas Sukamaju menolak permintaan tim kampanye calon bupati memasang baliho di halaman puskesmas.", false},
		{"Ruang rapat Dinas Pertanian Sukamaju dipakai untuk rapat koordinasi pengamanan pilkada bersama Bawaslu.", false},
		{"Dana desa Sukarame dipakai kepala desa untuk membeli kaos calon bupati.", false},
	})
}

// TestRolesInOneSentence puts civil-service positions, and people who are no
// civil servants, into one sentence of attending a campaign (session 27).
// The positions were found missing from the asn gazetteer this way; the
// others must stay unflagged (a police rank, village and contract staff,
// the retired).
func TestRolesInOneSentence(t *testing.T) {
	var cases []flagCase
	for _, r := range []struct {
		role string
		asn  bool
	}{
		{"Kepala Pelaksana BPBD", true},
		{"Asisten I Setda", true},
		{"Kepala Rutan", true},
		{"Inspektur Daerah", true},
		{"Penilik PAUD", true},
		{"Pranata humas Diskominfo", true},
		{"Analis kebijakan Bappeda", true},
		{"Kepala Lapas", true},
		{"Pamong belajar SKB", true},
		{"Kepala Cabang Dinas Pendidikan", true},
		{"Kepala Sub Bagian Keuangan", true},
		{"Direktur Jenderal Otonomi Daerah", true},
		{"Kepala KPP Pratama", true},
		{"Pegawai pajak", true},
		{"Kepala Perpustakaan Daerah", true},
		{"PLKB", true},
		{"Pengawas ketenagakerjaan", true},
		{"Inspektur Polisi Dua", false},
		{"Pendamping PKH", false},
		{"Pendamping desa", false},
		{"Ketua RT", false},
		{"Anggota BPD", false},
		{"Tenaga honorer", false},
		{"Pensiunan kepala lapas", false},
		{"Mantan Inspektur Daerah", false},
	} {
		cases = append(cases, flagCase{r.role + " Kabupaten Sukamaju hadir di kampanye calon bupati nomor urut 2.", r.asn})
	}
	checkFlags(t, mustDefault(t), cases)
}

// TestSidesNamedOtherwise names the side of one act in the ways news and
// posts do: pairs by acronym or names, parties, ballot numbers, the
// shortened "bakal calon", the incumbent and the empty column (session 27;
// "pasangan AMIN", "kotak kosong" and "balon wali kota" were missed
// before). A regional candidate named only by name is not among them: the
// pack has no list of regional candidates (rules/packs/id/candidates).
func TestSidesNamedOtherwise(t *testing.T) {
	var cases []flagCase
	for _, side := range []string{
		"pasangan AMIN", "Prabowo-Gibran", "pasangan Ganjar-Mahfud", "kotak kosong",
		"calon petahana", "caleg DPR RI dari Partai Golkar", "jagoan PDIP",
		"kandidat nomor urut 3", "calon anggota DPD", "bacalon bupati dari PKB",
		"pasangan Ridwan Kamil-Suswono", "calon tunggal", "pasangan Andi-Budi",
		"cabup nomor 1", "balon wali kota", "calon kepala daerah", "Khofifah-Emil",
	} {
		cases = append(cases, flagCase{"Camat Sukamaju ikut memasang spanduk bergambar " + side + " di depan kantornya.", true})
	}
	cases = append(cases,
		flagCase{"Camat Sukamaju ikut memasang spanduk bergambar pahlawan nasional di depan kantornya.", false},
		flagCase{"Camat Sukamaju ikut memasang spanduk imbauan agar warga tidak golput di depan kantornya.", false},
	)
	checkFlags(t, mustDefault(t), cases)
}

// TestOrdersToKeepOut holds orders passed down to keep out of campaigns
// (session 27): no side is named, so the order is the norm, not pressure;
// with a side named outright an order not to vote for it still steers the
// vote. Until callsOff the six orders below were flagged as calls to vote.
func TestOrdersToKeepOut(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Kepala BKD menginstruksikan para kepala dinas agar tidak terlibat kampanye calon bupati.", false},
		{"Sekda menginstruksikan seluruh ASN agar netral dan tidak mendukung calon mana pun.", false},
		{"Sekda menginstruksikan seluruh ASN untuk tidak ikut kampanye calon bupati.", false},
		{"Kepala Dinas Pendidikan menginstruksikan kepala sekolah agar tidak menggunakan fasilitas sekolah untuk kampanye calon.", false},
		{"Camat memerintahkan para lurah agar tidak memasang atribut calon bupati di kantor kelurahan.", false},
		{"Kepala sekolah mengarahkan guru-guru agar tidak ikut kampanye calon mana pun.", false},
		{"Camat menyuruh lurah untuk tidak memilih calon bupati nomor urut 1.", true},
		{"Camat menginstruksikan lurah agar tidak memilih paslon nomor urut 1.", true},
		{"Camat menginstruksikan lurah agar tidak memilih Prabowo.", true},
		{"Kepala Dinas Pendidikan Sukamaju menargetkan setiap kepala sekolah mengumpulkan 100 suara untuk calon bupati petahana.", true},
	})
}

// TestCountsOfOneAct holds an overseer's counts (session 27). GUIDE: one
// regency's count of one described act is a case, totals over several
// places are not. "mencatat" was read as totals even of one teacher.
func TestCountsOfOneAct(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Bawaslu Kabupaten Sukamaju mencatat 40 guru PNS kedapatan menyukai unggahan caleg Partai Golkar di Facebook.", true},
		{"Bawaslu Sukamaju mencatat seorang guru PNS menyukai unggahan caleg Partai Golkar.", true},
		{"Bawaslu Kota Sukamaju menemukan 9 lurah memasang spanduk calon wali kota nomor urut 1 di kantor kelurahan.", true},
		{"Bawaslu Kabupaten Sukamaju mencatat 40 guru PNS menyukai unggahan caleg Partai Amanat Nasional.", true},
		{"Bawaslu mencatat 300 ASN se-Indonesia mendukung caleg Partai Golkar.", false},
		{"Bawaslu RI mencatat 300 ASN melanggar netralitas di 50 daerah selama masa kampanye pilkada.", false},
		{"Bawaslu mencatat ratusan ASN di berbagai daerah terlibat kampanye, sebagian mendukung paslon nomor urut 2.", false},
		{"Sepanjang 2024, Bawaslu Jawa Tengah mencatat 120 ASN terlibat politik praktis, mulai dari kampanye hingga unggahan media sosial.", false},
	})
}

// TestNormsStayUnflagged holds norms told the ways socialisation news tells
// them (session 27): permissions, pledges, examples, warnings, sanctions,
// surveys, hypotheses and a finding of none. The pack got one wrong: what
// does not count as a breach by itself ("tidak otomatis melanggar").
func TestNormsStayUnflagged(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"ASN boleh menghadiri kampanye calon bupati asalkan hanya mendengarkan dan tidak memakai atribut.", false},
		{"Menurut Bawaslu, ASN yang berfoto dengan calon bupati tanpa pose jari tidak otomatis melanggar.", false},
		{"Ratusan ASN Pemkab Sukamaju menandatangani ikrar netralitas menjelang pilkada.", false},
		{"Contoh pelanggaran antara lain memasang spanduk calon, ikut kampanye, atau mengunggah dukungan di media sosial.", false},
		{"Misalnya, seorang guru PNS yang menyukai unggahan calon bupati bisa dikenai sanksi.", false},
		{"Kepala BKD Sukamaju mengingatkan bahwa like dan share unggahan kampanye termasuk pelanggaran netralitas.", false},
		{"Bupati Sukamaju melarang camat dan lurah menggunakan fasilitas kantor untuk kegiatan kampanye.", false},
		{"ASN tetap punya hak pilih dan boleh mencoblos calon mana pun di bilik suara.", false},
		{"Pemkab Sukamaju membentuk satgas untuk memantau netralitas ASN selama masa kampanye.", false},
		{"Warga diminta melapor jika melihat camat atau lurah ikut berkampanye untuk calon bupati.", false},
		{"Survei LSI menyebut 30 persen ASN di Jawa Tengah mengaku pernah diajak atasannya mendukung calon tertentu.", false},
		{"Dalam diskusi publik, pengamat menilai mobilisasi ASN kerap terjadi menjelang pilkada.", false},
		{"Sanksi bagi ASN yang terbukti menjadi tim sukses berupa penurunan pangkat hingga pemberhentian.", false},
		{"Seandainya camat hadir di kampanye calon bupati, ia wajib mengambil cuti terlebih dahulu.", false},
		{"Bawaslu Sukamaju belum menemukan adanya ASN yang terlibat kampanye calon bupati sejauh ini.", false},
	})
}

// TestSchoolsAndReligiousOffices holds acts and look-alikes in schools,
// madrasahs, the religious affairs office, universities and puskesmas
// (session 27; all right before any change, kept as a guard).
func TestSchoolsAndReligiousOffices(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Seorang guru SDN 4 Sukamaju mengajari murid-muridnya menyanyikan jingle kampanye calon bupati nomor urut 2 di kelas.", true},
		{"Siswa SMPN 1 Sukamaju diminta gurunya mengajak orang tua mereka datang ke kampanye akbar calon bupati petahana.", true},
		{"Kepala SMAN 2 Sukamaju memajang foto calon bupati petahana di setiap ruang kelas menjelang pencoblosan.", true},
		{"Seorang guru PNS di Sukamaju meminta siswanya mengikuti akun Instagram pasangan calon nomor urut 1.", true},
		{"Gedung SDN 3 Sukamaju dijadikan posko pemenangan calon bupati atas persetujuan kepala sekolahnya.", true},
		{"Guru-guru SMKN 1 Sukamaju diwajibkan kepala sekolah memakai pin bergambar calon gubernur petahana.", true},
		{"Guru SDN 4 Sukamaju mengajarkan cara mencoblos yang benar kepada siswa dalam simulasi pemilihan ketua OSIS.", false},
		{"SMAN 2 Sukamaju menggelar pendidikan pemilih pemula bersama KPU untuk siswa kelas XII.", false},
		{"Kepala SMAN 2 Sukamaju menurunkan stiker calon bupati yang ditempel orang tak dikenal di gerbang sekolah.", false},
		{"Guru honorer di sebuah sekolah swasta di Sukamaju menjadi relawan calon bupati nomor urut 2.", false},
		{"Seorang penghulu KUA Kecamatan Sukamaju mengajak jamaah pengajian memilih calon bupati nomor urut 2.", true},
		{"Guru MAN 1 Sukamaju yang berstatus PNS ikut membagikan kaos caleg Partai Kebangkitan Bangsa kepada warga.", true},
		{"Penyuluh agama Kemenag Sukamaju menyisipkan ajakan memilih caleg PPP dalam ceramahnya.", true},
		{"Rektor Universitas Negeri Sukamaju mengerahkan dosen untuk menghadiri deklarasi dukungan calon gubernur.", true},
		{"Seorang dosen ASN di politeknik negeri Sukamaju menjadi juru bicara tim pemenangan calon wali kota.", true},
		{"Perawat Puskesmas Sukarame yang berstatus PPPK memasang stiker calon bupati nomor urut 3 di ambulans puskesmas.", true},
		{"Kepala KUA Sukamaju hadir mengenakan atribut partai dalam kampanye terbuka caleg Partai Golkar.", true},
		{"Rektor Universitas Negeri Sukamaju mengimbau dosen dan mahasiswa menjaga netralitas menjelang pilkada.", false},
		{"Penyuluh agama Kemenag Sukamaju mengajak umat datang ke TPS dan tidak golput.", false},
		{"Dosen ilmu politik Universitas Sukamaju menjadi narasumber diskusi tentang netralitas ASN.", false},
	})
}

// TestActsAcrossSentences holds short reports whose act is told across
// sentences, and two whose neighbours deny or explain (session 27; all
// right before any change, kept as a guard).
func TestActsAcrossSentences(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Calon bupati nomor urut 2 menggelar kampanye terbuka di Lapangan Sukamaju, Minggu. Saat sang calon berorasi, Camat Sukamaju tampak berdiri di panggung. Ia sesekali mengangkat tangan mengikuti yel-yel pendukung.", true},
		{"Bawaslu Sukamaju menerima laporan warga soal seorang kepala sekolah. Kepala SDN 5 Sukamaju itu diduga mengumpulkan para guru di rumahnya. Dalam pertemuan itu, ia meminta para guru mengarahkan wali murid memilih petahana.", true},
		{"Video berdurasi dua menit beredar di grup WhatsApp warga Sukamaju. Dalam video itu, seorang pria berseragam dinas kecamatan membagikan kalender. Kalender tersebut bergambar calon bupati nomor urut 1. Camat Sukamaju membenarkan pria itu stafnya.", true},
		{"Rumah dinas Camat Sukamaju ramai didatangi tamu pada Sabtu malam. Mereka ternyata tim pemenangan calon bupati nomor urut 2. Camat menjamu mereka hingga larut malam, kata seorang warga.", true},
		{"Calon bupati nomor urut 2 menggelar kampanye terbuka di Lapangan Sukamaju, Minggu. Camat Sukamaju mengatakan pihaknya hanya memastikan keamanan dan kebersihan lokasi. Ia menegaskan seluruh staf kecamatan tidak terlibat.", false},
		{"Bawaslu Sukamaju menggelar sosialisasi netralitas ASN di aula kecamatan. Para lurah dan kepala seksi hadir. Ketua Bawaslu menjelaskan bahwa ASN dilarang berfoto dengan pose jari yang menunjukkan dukungan.", false},
	})
}
