package classifier

import "testing"

// TestAsides checks that a parenthesis and a name put between commas
// after a role are not counted between the one who acts and the act.
func TestAsides(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Kepala Puskesmas Pembantu (Pustu) Borong Lamba, H. Syamsuddin, kerap memanggil bidan", 3},
		{"Camat Sukajadi, Budi, mengajak warga", 1},
		// a clause between commas is no name
		{"Camat itu, kata warga, mengajak mereka", 0},
		// nor is a list of capitalised names longer than a name
		{"Kepala dinas, Adi Budi Cahya Dewi Eka Fajar, mengajak warga", 0},
		// an apposition after "yakni" says what the words before it are
		{"ASN itu mengirim ajakan ke dua grup, yakni grup alumni dan grup keluarga, agar anggotanya memilih", 6},
		// so does a clause between commas that opens with "yang"
		{"Guru itu mengarahkan siswa, yang merupakan pemilih pemula, untuk memilih paslon", 4},
		// unless it runs on past the longest apposition
		{"ASN itu mengirim ajakan ke dua grup, yakni grup alumni sekolah menengah atas negeri satu dan grup keluarga besar dari pihak ibu di kampung, agar anggotanya memilih", 0},
	} {
		ts := c.norm.tokensIn(tc.text, 0, len(tc.text))
		if got := asides(tc.text, ts, 1, len(ts)); got != tc.want {
			t.Errorf("asides(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestObjectDistance checks that a place said with "di" and a clause
// that stands aside do not part an act from its side.
func TestObjectDistance(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct {
		text       string
		act, side  string
		want, full int
	}{
		{"ASN itu mengarahkan siswa di salah satu SMA Negeri di Kabupaten Kubu Raya, yang merupakan pemilih pemula, untuk memilih pasangan calon nomor dua", "mengarahkan", "pasangan", 3, 16},
		// lower-case words after "di" are no place's name
		{"ASN itu mengarahkan siswa di sekolah dan di rumah untuk memilih pasangan calon", "mengarahkan", "pasangan", 8, 8},
	} {
		ts := c.norm.tokensIn(tc.text, 0, len(tc.text))
		a, o := -1, -1
		for k, tok := range ts {
			if tok.Norm == tc.act && a < 0 {
				a = k
			}
			if tok.Norm == tc.side && o < 0 {
				o = k
			}
		}
		act, side := occurrence{i: a, j: a + 1}, occurrence{i: o, j: o + 1}
		if got := distance(act, side); got != tc.full {
			t.Errorf("distance in %q = %d, want %d", tc.text, got, tc.full)
		}
		if got := objectDistance(act, side, tc.text, ts); got != tc.want {
			t.Errorf("objectDistance in %q = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestSubjectDistance checks that an office's name after its head and a
// place said with "di" do not part the one who acts from the act.
func TestSubjectDistance(t *testing.T) {
	c := mustDefault(t)
	text := "Kepala Dinas Pemberdayaan Masyarakat dan Desa di Kabupaten Sukamaju ikut kampanye paslon"
	ts := c.norm.tokensIn(text, 0, len(text))
	actor, act := occurrence{i: 0, j: 2}, occurrence{i: 10, j: 11}
	if ts[act.i].Norm != "kampanye" {
		t.Fatalf("token 10 is %q, want kampanye", ts[act.i].Norm)
	}
	if got := distance(act, actor); got != 8 {
		t.Errorf("distance = %d, want 8", got)
	}
	if got := quotedDistance(act, actor, text, ts); got != 1 {
		t.Errorf("quotedDistance = %d, want 1", got)
	}
}

// TestCarriedAcross checks the ways this session's sentences take their
// person from one told of before: a numbered group further back, a
// record he left, a deed of his judged, and a refusal's threat.
func TestCarriedAcross(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		// "Ketiganya" reaches past two sentences of evidence.
		{article("Petugas menyita tas dari seorang ASN Pemkab Sukamaju berinisial RM dan dua warga. Isinya uang Rp40 juta dalam ratusan amplop. Bersama amplop itu ada kartu nama paslon nomor 3. Ketiganya diduga hendak membagikan amplop itu untuk memenangkan paslon nomor 3."), true},
		// "Ia" does not reach as far.
		{article("Petugas menyita tas dari seorang ASN Pemkab Sukamaju berinisial RM. Isinya uang Rp40 juta dalam ratusan amplop. Bersama amplop itu ada kartu nama paslon nomor 3. Ia diduga hendak membagikan amplop itu untuk memenangkan paslon nomor 3."), false},
		// What the record holds is his.
		{article("Seorang kepala dinas di Kabupaten Sukamaju berinisial RT membantah suara dalam rekaman yang beredar adalah suaranya. Rekaman berdurasi tiga menit itu berisi arahan kepada para bawahan untuk mendukung pasangan calon gubernur nomor 2."), true},
		// A record the sentence before did not tell of is not his.
		{article("Seorang kepala dinas di Kabupaten Sukamaju berinisial RT menghadiri rapat anggaran. Video berdurasi tiga menit itu berisi ajakan kepada warga untuk mendukung pasangan calon gubernur nomor 2."), false},
		// A deed judged is the deed of the one before.
		{article("Camat Sukamaju, Budi, membuka rapat koordinasi kader posyandu di aula kecamatan. Saat itu ia menyebut bantuan akan terus mengalir bila bupati petahana terpilih lagi. Pernyataan tersebut dinilai sebagai kampanye terselubung bagi paslon nomor 1."), true},
	})
}

// TestPassiveAgent checks that whoever reprimands, calls or catches
// someone in the passive ("ditegur camat") is not the one who did the act
// that follows, civil servant or not.
func TestPassiveAgent(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		// the teacher acted; the village head only reprimanded him
		{article("Seorang guru SD negeri di Sukamaju ditegur kepala desa karena membagikan stiker paslon nomor 2."), true},
		// the village head acted; the camat only reprimanded him
		{article("Kepala desa itu ditegur camat karena membagikan stiker paslon nomor 2."), false},
		// "oleh" names who gave the order
		{article("Para guru honorer diarahkan oleh camat untuk memilih paslon nomor 2."), true},
	})
}

// TestSoftBreak checks that in a post written without capitals a full
// stop still bounds what a rule or appeal cancels.
func TestSoftBreak(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		// the rule, then a report after a lower-case full stop
		{"memang nggak boleh lae, asn nge-like postingan calon udah melanggar edaran menpan. yang di kecamatan sukamaju itu pns pemkab dipanggil panwaslu gara-gara like fb cabup", true},
		// the rule with no full stop between: still the rule
		{"memang nggak boleh lae, pns pemkab nge-like fb cabup", false},
		// "apalagi" takes the rule on past the full stop
		{"info bawaslu: jangan libatkan asn dalam kampanye paslon ya. jadi timses apalagi", false},
	})
}

// TestReproach checks that a leave asked back as a reproach ("mana
// boleh") and a sanction feared through a particle ("takut ki
// diberhentikan") state no rule, while a leave granted still does.
func TestReproach(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"dosen negeri itu nulis '10 alasan milih' cagub nomor 1 di koran. dosen itu ASN, mana boleh", true},
		{"kodong bidan honor di pustu dipaksa kepala pustu ikut kampanye paslon nomor 1, takut ki diberhentikan", true},
		{"Memang ASN boleh hadir di kampanye paslon nomor 2, asal pasif.", false},
	})
}

// TestEventCarriedCampaign checks that an official event said to have
// carried a campaign is where the act took place, not a socialisation of
// the rules, and that a refusal's threat needs no "if" the lexicon knows.
func TestEventCarriedCampaign(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"ada video di smk kota sukamaju, oknum asn pemprov bikin sosialisasi ke siswa tapi isinya kampanye paslon pilkada nomor 2", true},
		{"Bawaslu menggelar sosialisasi netralitas ASN agar tidak ada yang ikut kampanye paslon.", false},
		{"kepsek di kecamatan sukamaju disuruh bawa 20 pemilih buat caleg pdip, lek gak mau diancam dimutasi", true},
	})
}

// TestSingleQuotes checks that words in single quotation marks, as posts
// write speech, are not counted between a person and his act, while an
// apostrophe inside a word ("ta' olle") opens no quotation.
func TestSingleQuotes(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct {
		text      string
		actor     string
		act       string
		discounts bool
	}{
		{"guru itu nanya murid 'mamak kau pilih siapa nanti' terus suruh", "guru", "suruh", true},
		{"guru itu ta' olle ngakeh ajiah terus suruh", "guru", "suruh", false},
	} {
		ts := c.norm.tokensIn(tc.text, 0, len(tc.text))
		find := func(w string) int {
			for k, tk := range ts {
				if tk.Norm == w {
					return k
				}
			}
			t.Fatalf("%q: no token %q", tc.text, w)
			return -1
		}
		o := occurrence{i: find(tc.actor), j: find(tc.actor) + 1}
		a := occurrence{i: find(tc.act), j: find(tc.act) + 1}
		got := quotedDistance(a, o, tc.text, ts) < distance(a, o)
		if got != tc.discounts {
			t.Errorf("%q: quoted words discounted = %v, want %v", tc.text, got, tc.discounts)
		}
	}
}

// TestOpeningQuote checks that a word after an opening apostrophe is kept
// (prose took "'m…" and "'s…" for English contractions and dropped the
// word), and that an apostrophe inside a word is left alone.
func TestOpeningQuote(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct{ text, want string }{
		{"kata dia 'mamak kau pilih siapa'", "mamak"},
		{"kata dia 'semua harus datang' ya", "semua"},
		{"kata dia 'mari dukung paslon' ya", "mari"},
		{"ASN ta' olle ngakeh", "olle"},
	} {
		found := false
		for _, tk := range c.norm.tokensIn(tc.text, 0, len(tc.text)) {
			found = found || tk.Norm == tc.want
		}
		if !found {
			t.Errorf("%q: no token %q", tc.text, tc.want)
		}
	}
	if got := blankOpeningQuotes("ta' olle"); got != "ta' olle" {
		t.Errorf("apostrophe in a word blanked: %q", got)
	}
	if got := blankOpeningQuotes("bilang 'mari'"); got != "bilang  mari'" {
		t.Errorf("opening quote not blanked: %q", got)
	}
}

// TestScareQuotes checks that a cue put in quotes of a word or two is
// irony, while a cue in plain words still states the norm.
func TestScareQuotes(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Tiap apel pagi kepsek kami 'mengingatkan' siapa yg bayar tunjangan kita, ujung2nya nyebut nama cabup petahana nomor 2.", true},
		{"Tiap apel pagi kepsek kami mengingatkan agar guru tidak mendukung cabup petahana nomor 2.", false},
		// someone's excuse in quotes
		{"alesan klasik: 'kaga tau aturan' 😂 empat asn di kecamatan sukamaju ngepost konten capres-cawapres di medsos, ditegur bawaslu", true},
		// Malay "pasal" (about) is no article of law; "Pasal 280" is
		{"menteri cakap baru satu aduan masuk, pasal pns kat kecamatan sukamaju ikut kampanye paslon nomor 2, tengah disiasat", true},
		{"Pasal 280 melarang pns ikut kampanye paslon nomor 2.", false},
	})
}

// TestOneByInitials checks that a class word singled out by initials or a
// name ("seorang ASN berinisial DH") is someone in particular, who may take
// a side named sentences later in an article, and that the "contoh" of a
// specimen ballot there is a thing, not an example given. Civil servants
// as a class do not take such a side.
func TestOneByInitials(t *testing.T) {
	c := mustDefault(t)
	later := " DH tercatat bertugas di kantor kecamatan. Amplop itu diduga hendak dibagikan untuk memenangkan seorang caleg DPRD, sebab di dalamnya terselip contoh surat suara caleg tersebut."
	checkFlags(t, c, []flagCase{
		{article("Polisi menangkap tangan seorang ASN berinisial DH di rumahnya ketika ia tengah menyiapkan amplop berisi uang." + later), true},
		{article("Polisi menangkap tangan seorang ASN bernama Dedi di rumahnya ketika ia tengah menyiapkan amplop berisi uang." + later), true},
		{article("Polisi menyebut ASN di kabupaten itu kerap menyiapkan amplop berisi uang menjelang pemilu." + later), false},
	})
}

// TestNamedExample checks that a case a column gives as its example, with
// the civil servant named, is a case, while an example made up to show
// the rule is not.
func TestNamedExample(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{article("Kasus di Kabupaten Sukamaju menjelang pilkada lalu menjadi contohnya. Seorang ASN pemkab bernama Rizal Hamid mengirim pesan ke grup WhatsApp warga agar mereka memilih bupati petahana."), true},
		{article("Ia lalu merinci contoh lain yang kerap dianggap remeh. Seorang ASN pemkab mengirim pesan ke grup WhatsApp warga agar mereka memilih bupati petahana."), false},
	})
}

// TestPostWitnessAndCrime checks two things a post says around a case
// that do not take it back: someone who saw it ("ada yg liat …") is no
// other agent, and finding no election crime ("ga ada unsur pidana")
// leaves the breach of neutrality standing. Finding nothing at all does
// take it back.
func TestPostWitnessAndCrime(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Ada yg liat video kadis pendidikan pas job fair di SMKN 3? Ujung2nya ngajak nyoblos Golkar 14 Feb 🤦 Bawaslu cuma nerusin ke KASN, katanya ga ada unsur pidana.", true},
		{"Ada yg liat video kadis pendidikan pas job fair di SMKN 3? Ujung2nya ngajak nyoblos Golkar 14 Feb 🤦 Bawaslu bilang ga ada pelanggaran.", false},
	})
}

// TestSanctionRequested checks that a request for a sanction on civil
// servants who did an act reports the act, and that a request to punish
// whoever may do it states the rule.
func TestSanctionRequested(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"KASN meminta Bupati Sukamaju menegur tujuh ASN yang berkampanye untuk paslon nomor 2 di Facebook.", true},
		{"Bawaslu provinsi minta KASN pecat ASN yg ikut kampanye paslon no 3 di Sukamaju.", true},
		{"KASN meminta PPK menindak tegas ASN yang terbukti ikut kampanye paslon.", false},
		{"KASN meminta seluruh ASN tidak ikut kampanye paslon nomor 2.", false},
	})
}

// TestSameBagSide checks that a sentence that goes on about "the same"
// thing ("Di dalam tas yang sama …") lends the side it names to an act
// told two sentences before, and that a candidate for an office named
// "kandidat" is a candidate named outright.
func TestSameBagSide(t *testing.T) {
	c := mustDefault(t)
	act := "Petugas mengamankan seorang ASN Pemkab Sukamaju berinisial RM dan dua warga. Ketiganya diduga tengah membagikan amplop berisi uang kepada warga. Dari tangan mereka, petugas menyita uang tunai Rp131 juta."
	checkFlags(t, c, []flagCase{
		{article(act + " Di dalam tas yang sama ditemukan kartu nama pasangan kandidat bupati dan wakil bupati."), true},
		{article(act + " Di jalan lain terpasang baliho pasangan kandidat bupati dan wakil bupati."), false},
	})
}

// TestCountedAmong checks that a count after "di antaranya" says who is
// on a list of candidates, while "di antaranya" before kinds of act lists
// examples.
func TestCountedAmong(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{article("Daftar caleg sementara Pileg 2019 di Kabupaten Sukamaju memuat 468 nama, dan di antaranya ada dua ASN yang masih aktif serta empat kepala desa."), true},
		{article("Pelanggaran yang kerap terjadi di antaranya ASN yang masih aktif mendaftar sebagai caleg partai."), false},
	})
}

// TestSupposedAfter checks that a civil servant named after the act in a
// clause that supposes ("kalo ASN yg gitu …") is compared with the one who
// acted, not the actor.
func TestSupposedAfter(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"wali kota nempel stiker & ngajak warga pilih Ganjar, Bawaslu msh mengkaji 🙃 kalo ASN yg gitu udh disanksi kali", false},
		{"camat nempel stiker & ngajak warga pilih Ganjar, Bawaslu msh mengkaji 🙃", true},
	})
}

// TestHandledOfSome checks that handling a violation by people counted or
// told of reports their case, and that handling violations in general is
// a procedure.
func TestHandledOfSome(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Penanganan dugaan pelanggaran netralitas oleh tiga pejabat ASN Pemprov Sukamaju yang hadir di rumah cagub masih berjalan.", true},
		{"Penanganan dugaan pelanggaran netralitas ASN yang hadir di rumah cagub dilakukan oleh Bawaslu sesuai prosedur.", false},
	})
}

// TestNamedPairSide checks that a pair of candidates named by their names
// joined with a dash, in the sentence before, is the side of an act told
// "there" ("Di sana …") in an article.
func TestNamedPairSide(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{article("Saya jadi teringat kampanye pasangan Fransiskus Lado–Hamzah Nur di Pantai Nanga beberapa waktu sebelumnya. Di sana Sekretaris Kecamatan Pantai Sano, Aloysius Hamun, berdiri di panggung sambil mengacungkan empat jari."), true},
		{article("Saya jadi teringat konser Fransiskus Lado–Hamzah Nur di Pantai Nanga beberapa waktu sebelumnya. Di sana Sekretaris Kecamatan Pantai Sano, Aloysius Hamun, berdiri di panggung sambil mengacungkan empat jari."), false},
	})
}

// TestSettingAndAmong checks a campaign hidden in an event ("dalam sebuah
// kegiatan sosialisasi") as the act's setting, "di antara amplop itu" as a
// place among things, not examples, and a post held "sekaligus" as the
// same person's second hat.
func TestSettingAndAmong(t *testing.T) {
	c := mustDefault(t)
	checkFlags(t, c, []flagCase{
		{"Video itu memperlihatkan kampanye terselubung untuk paslon nomor 2 dalam sebuah kegiatan sosialisasi di SMK Sukamaju yang dipandu oknum ASN pemprov.", true},
		{"Bawaslu menggelar sosialisasi di SMK Sukamaju agar ASN pemprov tidak ikut kampanye paslon.", false},
		{article("Petugas mendapati seorang ASN berinisial RS mengisi amplop dengan uang di rumahnya. Di antara amplop itu ditemukan contoh surat suara seorang caleg DPRD, sehingga uang itu diduga untuk kemenangan sang caleg."), true},
		{"Seorang guru SD negeri yang sekaligus duduk sebagai anggota PPS hadir di kampanye paslon bupati sambil mengacungkan jari.", true},
	})
}

// TestColloquialBreach checks that the rule a post says was broken
// ("langgar aturan") tells of the breach, not the rule.
func TestColloquialBreach(t *testing.T) {
	checkFlags(t, mustDefault(t), []flagCase{
		{"Viral video guru SD negeri di Sukamaju, jam pelajaran nyuruh murid2 angkat tangan bikin simbol jari paslon bupati + nanya 'mamak kamu pilih siapa?' 😤 Panwaslih bilang ini jelas langgar aturan, minta dilaporin.", true},
		{"Guru SD negeri dilarang nyuruh murid bikin simbol jari paslon bupati, itu aturan.", false},
	})
}
