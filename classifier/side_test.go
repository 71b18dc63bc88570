package classifier

import (
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// TestSideNearby: in a short post, a civil servant's act whose side is
// named only in the sentence before or after it is the case; a side that
// belongs to another person, to a norm, to a denial, or that stands next
// to a general statement is not, nor is a side in a long article.
func TestSideNearby(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct {
		text string
		want bool
		rule string
	}{
		// The act, then its side.
		{"Tadi sore kepala puskesmas kami ngumpulin bidan2 di aula. Ternyata yg datang calon bupati nomor 3 sama timnya.", true, "asn-event"},
		// The side, then the act.
		{"Beras bantuan di desa kami ditempeli stiker paslon petahana. Yg bagi pegawai dinsos pake rompi dinas.", true, ""},
		// The side two sentences away in a short post: one incident.
		{"Pak camat tadi pagi ngumpulin para kades di aula kantor. Katanya cuma silaturahmi biasa. Ujung2nya disuruh menangkan paslon nomor 2.", true, "asn-event"},
		// The side belongs to the village head who acts in its sentence.
		{"Kepala desa mengumpulkan ketua RT untuk memenangkan calon bupati nomor 1. Rapat itu dihadiri sekretaris camat yang bicara soal jalan desa.", false, ""},
		// The side is named in a prohibition.
		{"Kepala sekolah mengumpulkan para guru di ruang rapat. Ia mengingatkan guru dilarang mendukung paslon mana pun.", false, ""},
		// The act is negated, so the side nearby is denied with it.
		{"Usai apel, para camat berfoto bersama bukan dengan tanda nomor urut. Caleg dari dapil itu tidak ikut acara.", false, ""},
		// A general statement about civil servants.
		{"Tahapan pendaftaran sering diikuti ASN sebagai pendukung. Pasangan calon biasanya datang dengan ribuan massa.", false, ""},
	} {
		v := c.Classify(netra.Item{Text: tc.text})
		if v.Flagged != tc.want {
			t.Errorf("%q: flagged %v, want %v (hits %+v)", tc.text, v.Flagged, tc.want, v.Hits)
			continue
		}
		if tc.rule == "" || !tc.want {
			continue
		}
		found := false
		for _, h := range v.Hits {
			if h.Rule != tc.rule {
				continue
			}
			found = true
			// The side's span points into the other sentence, and the
			// inferred link weighs less than the rule's own weight.
			var side string
			for _, sp := range h.Spans {
				if sp.Role == "target" {
					side = tc.text[sp.Start:sp.End]
				}
			}
			if side == "" || strings.Contains(h.Sentence, side) {
				t.Errorf("%q: %s side %q should come from the neighbouring sentence", tc.text, h.Rule, side)
			}
		}
		if !found {
			t.Errorf("%q: no %s hit among %+v", tc.text, tc.rule, v.Hits)
		}
	}
}

// TestSideNearbyOnlyInShortTexts: a long article's neighbouring sentence
// often turns to something else, so its side completes nothing, unless it
// goes on about the act's object.
func TestSideNearbyOnlyInShortTexts(t *testing.T) {
	c := mustDefault(t)
	post := "Tadi sore kepala puskesmas kami ngumpulin bidan2 di aula. Ternyata yg datang calon bupati nomor 3 sama timnya."
	if v := c.Classify(netra.Item{Text: post}); !v.Flagged {
		t.Fatalf("the short post was not flagged: %+v", v)
	}
	filler := strings.Repeat("Cuaca di kota itu cerah sepanjang hari dan jalanan ramai oleh warga yang berbelanja. ", 8)
	if v := c.Classify(netra.Item{Text: filler + post}); v.Flagged {
		t.Errorf("a long text took a side from the neighbouring sentence: %+v", v.Hits)
	}
	// In an article the next sentence lends its side only when it goes
	// on about the act's object.
	echo := "Seorang kepala bidang di BPBD Sukamaju membagikan sendiri puluhan kardus sembako kepada pengungsi. Pada sisi kardus tertempel stiker bergambar calon anggota DPRD nomor urut 3."
	if v := c.Classify(netra.Item{Text: filler + echo}); !v.Flagged {
		t.Errorf("the act's object taken up in the next sentence did not lend its side: %+v", v.Suppressed)
	}
	other := "Seorang kepala bidang di BPBD Sukamaju membagikan sendiri puluhan kardus sembako kepada pengungsi. Di jalan lain terpasang baliho bergambar calon anggota DPRD nomor urut 3."
	if v := c.Classify(netra.Item{Text: filler + other}); v.Flagged {
		t.Errorf("a long text took a side from an unrelated next sentence: %+v", v.Hits)
	}
}

// TestStatusNearby: in a short post, an act told with its side but
// without its person takes the civil servant a sentence next to it only
// says someone is; a sentence that compares ("guru jokowi"), that has an
// act or another person of its own, or that says what someone is not
// ("gue bukan PNS") lends no one.
func TestStatusNearby(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Bu, itu foto profil WA ibu kok pake twibbon paslon nomor 2? Ibu kan bidan PNS di Puskesmas Sukajadi.", true},
		{"Dia PNS loh di kantor kecamatan. Tiap malam bagi-bagi stiker paslon nomor 1 ke warga.", true},
		// Who they are two sentences on.
		{"Disuruh bos ikut apel siaga relawan biru Minggu besok. Katanya absen dihitung buat penilaian. Saya staf dinas, bisa nolak gak?", true},
		{"Ada gerakan tekanan agar calon itu mundur. Ibarat murid lawan guru jokowi.", false},
		{"Tiap malam ada yang bagi-bagi stiker paslon nomor 1 ke warga. Kepala desa kami juga PNS dulu.", false},
		{"Tiap malam ada yang bagi-bagi stiker paslon nomor 1 ke warga. Camat kami hadir di rapat dinas.", false},
		// Saying what one is not.
		{"Gue bukan PNS, cuma tukang parkir. Jadi bebas dong gue pasang stiker paslon nomor 2 di motor.", false},
	})
}

// TestPostWindow: in a post, the one who did the act may stand further
// before it than in an article; someone after the act may not.
func TestPostWindow(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"bu guru yang ngajar di SMPN 4 Sukamaju itu kok live tiktok tiap malam bawa2 nama caleg terus suruh penonton pilih nomor 5", true},
		{"lembaga survei bayaran sudah memenangkan pasangan nomor 2 sejak bulan lalu dan mungkin sebentar lagi sujud syukur karena yakin menang semua lembaga dan aparatur negara", false},
	})
}

// TestWholePost: a short post no sentence completes is read as one
// incident told in pieces, but only when it names civil servants and
// nobody else and states no norm, question or denial anywhere.
func TestWholePost(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Pj kades kami itu PNS dari kantor camat. Tapi kelakuannya: bagi-bagi kalender caleg nomor 4 ke tiap rumah pas penyaluran BLT.", true},
		{"Pj kades kami itu PNS dari kantor camat. Tapi kepala dusun bagi-bagi kalender caleg nomor 4 ke tiap rumah pas penyaluran BLT.", false},
		{"Pj kades kami itu PNS dari kantor camat. Boleh gak sih bagi-bagi kalender caleg nomor 4 pas penyaluran BLT?", false},
		{"Pj kades kami itu PNS dari kantor camat. Tapi ada yang bagi-bagi kalender caleg nomor 4 ke tiap rumah pas penyaluran BLT.", false},
		{"Kantor kami pasang spanduk 'ASN Netral, Pemilu Damai' gede banget di depan. Kalah sama baliho caleg di seberangnya.", false},
		// A politician or a negation elsewhere in the post is weighed in
		// its own clause.
		{"Pj bupati kita ini katanya netral. Tapi tiap acara penyerahan bantuan, yang diajak naik panggung cuma caleg partai merah. Sudah 4 kali lho, fotonya ada di IG pemkab.", true},
		{"Petahana bagi-bagi sembako di pasar. Camat cuma lewat, tidak ikut apa-apa. Fotonya ada kalender caleg nomor 4.", false},
		// Whose teacher, and quoted words, are no one's act.
		{"Kata guruku dulu tangan kanan memberi tanpa tangan kiri harus tahu. Ini bagi bantuan pakai label nama sendiri, pasti ngarep dicoblos. Bantuan Wapres Gibran untuk korban banjir.", false},
		{"Di balik layar selalu ada tekanan agar anis tidak mencalonkan diri. Ibarat prabowo murid jokowi, anis guru jokowi.", false},
	})
}

// TestWholePostFacility checks that state property named in a post read
// whole ("mobil dinas") is not someone else who acts.
func TestWholePostFacility(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Ingat waktu Pilkada 2020, lurah-lurah se-Kota Sukamaju dipanggil ke rumah jabatan, disuruh 'sosialisasi program' petahana ke warga pakai mobil dinas. Saya salah satu sopirnya, jadi tau persis isinya ajakan pilih siapa.", true},
	})
}

// TestDeniedSide checks that a side denied by the words right before it
// is no side of the act.
func TestDeniedSide(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Camat Sukamaju hadir sebagai undangan, bukan sebagai jurkam.", false},
		{"Camat Sukamaju hadir sebagai jurkam paslon nomor 2.", true},
	})
}

// TestWholePostLocalCues checks that a norm, a hypothesis or a total in a
// sentence of a post that holds none of the act's roles does not stop the
// post being read whole, and that a meeting's name is not the act's
// subject.
func TestWholePostLocalCues(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Kepala Bidang di BKD Kab. Sukamaju. Yg tiap malam komen \"lanjutkan paket 3\" di FB calon bupati. Screenshot ada kalau mau.", true},
		{"Rapat K3S di Bajawa kemarin malah jadi ajang bagi kaos caleg. Yang bagi kepala UPT pendidikan kecamatan sendiri, katanya buat olahraga.", true},
		{"Kepala Bidang di BKD Kab. Sukamaju. Kalau tiap malam komen \"lanjutkan paket 3\" di FB calon bupati, bisa kena sanksi.", false},
	})
}

// TestWholePostPressureWords checks that the words of pressure in a post
// read whole — a request, "akan", a prohibition inside the boss's
// quotation — do not stop the reading, while a prohibition in the
// narration still states the rule.
func TestWholePostPressureWords(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"[grup WA \"KELUARGA BESAR DISDIK\"] Kadis: \"Mohon bpk/ibu kepsek memastikan seluruh dewan guru hadir di lap. Merdeka jam 14.00, pakai baju putih. Absen akan dicek.\" lapangan merdeka sore ini kan kampanye akbar cagub nomor 1", true},
		{"Panduan bermedia sosial bagi pegawai pemerintah dibagikan BKPSDM Kabupaten Sukamaju. Dalam panduan itu dijelaskan bahwa ASN tidak boleh memberi tanda suka atau komentar dukungan pada akun calon.", false},
	})
}

// TestWholePostBystanders checks that the writer saying what they are
// ("Kami guru honorer") does not stop a post being read whole, while
// someone who is not ASN doing the act still does.
func TestWholePostBystanders(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Kami guru honorer dikasih tugas sama kepsek: tiap orang wajib setor 20 fotokopi KTP warga buat data relawan paslon. Kalau ga nyampe target, SK honor thn depan ga diperpanjang.", true},
		{"Kepala desa bagi kaos paslon nomor 2 di balai desa. Aku guru PNS cuma lewat.", false},
	})
}

// TestWholePostEightSentences checks that a chat screenshot of eight short
// lines is still read as one post.
func TestWholePostEightSentences(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"ss grup WA 'Keluarga Besar Dinkes':\n[Kadis]: Rekan-rekan, Sabtu ada jalan sehat bersama.\n[Kadis]: Seragam pakai kaos yang dibagikan bendahara.\n[Staf]: Izin pak, kaos yang ada gambar pak calon itu?\n[Kadis]: Iya. Hadir semua ya. Absen pakai foto.\nMau dibawa ke mana ASN kita #Sukamaju", true},
	})
}

// TestNamesAgent checks which words name someone else as the agent of an
// act: "ada yang" with an act and "oleh" with someone do; "ada yang" with
// a reaction or a passive verb ("ada yang dipasang ulang": some of the
// things were), "oleh karena itu" and the side by what it did do not.
func TestNamesAgent(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"ada yang bagi-bagi stiker paslon di kantor", true},
		{"warga diajak memilih paslon nomor 2 oleh relawan", true},
		{"ada yg ngerasa juga gk?", false},
		{"kok ga ada yang nanya", false},
		{"bantuan ini lancar karena ada yang perjuangkan", false},
		{"oleh karena itu ASN harus netral", false},
		{"yang kuning malah ada yang dipasang ulang pakai truk dinas", false},
		{"ada yang diam-diam bagi stiker paslon", true},
	} {
		ts := c.norm.tokensIn(tc.text, 0, len(tc.text))
		if got := namesAgent(ts, nil); got != tc.want {
			t.Errorf("namesAgent(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestNeighbourMeetingIsSetting checks that a quoted socialisation in the
// sentence that lends a side is where the act took place, as it would be
// in the act's own sentence, and does not stop the side.
func TestNeighbourMeetingIsSetting(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		// "oleh" and a count of civil servants: they did it.
		{"Beras itu diantar oleh dua pegawai Dinas Sosial. Di sisi karung tertempel stiker bergambar pasangan calon bupati nomor urut 2.", true},
		{"Kepala Puskesmas Sukamaju ngumpulin semua kader posyandu di aula, katanya pelatihan gizi. Ternyata isinya \"sosialisasi\" paslon petahana, dibagiin masker.", true},
	})
}
