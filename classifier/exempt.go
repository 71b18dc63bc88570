package classifier

import "slices"

// Cue words that mean something else where they stand: whatever the rule
// and however the cue is read (cancel or exclude), these occurrences state
// no norm, appeal, hypothesis or finding.

// exemptCue reports whether cue o's words mean something else where they
// stand, whatever the rule and however the cue is read (cancel or
// exclude): "dosen mata kuliah wajib" is a required course, no rule;
// "kominfo yg harusnya ngawasin hoaks" names what an office fights, no
// verdict on the story; "takut diberhentiin" is a sanction feared.
func exemptCue(o occurrence, ts []Token) bool {
	return askedToAccount(o, ts) || compulsoryThing(o, ts) || hoaxAsObject(o, ts) || fearedSanction(o, ts) || shareOfPay(o, ts) || oneAmong(o, ts) || sidePledge(o, ts) || refusalThreat(o, ts) || rhetoricalLeave(o, ts) || malayPasal(o, ts) || specimenBallot(o, ts) || criminalOnly(o, ts) || amongThings(o, ts) || leaveToVote(o, ts) || everyOccasion(o, ts) || instructsEach(o, ts) || assertedFinding(o, ts) || deploysPeople(o, ts)
}

// deploysPeople reports whether cue o is "menurunkan" (taking down) with
// people for its object ("menurunkan puluhan pegawai untuk memasang
// baliho"): sending staff out, not taking material down.
func deploysPeople(o occurrence, ts []Token) bool {
	if _, ok := oneWordCue(o, ts, "menurunkan", "diturunkan", "nurunin", "turunin"); !ok {
		return false
	}
	k := o.j
	switch ts[k].Norm {
	case "puluhan", "ratusan", "ribuan", "para", "sejumlah", "seluruh", "semua", "beberapa":
		k++
	default:
		if isDigits(ts[k].Norm) {
			k++
		}
	}
	if k < len(ts) && ts[k].Norm == "orang" {
		k++
	}
	if k >= len(ts) {
		return false
	}
	switch ts[k].Norm {
	case "pegawai", "staf", "staff", "asn", "pns", "personel", "anggota", "tim", "petugas", "guru", "honorer", "karyawan":
		return true
	}
	return false
}

// oneWordCue returns the word after cue o when the cue is one of words;
// ok is false for a carried cue, a cue of several words, one that ends the
// sentence or any other word.
func oneWordCue(o occurrence, ts []Token, words ...string) (next string, ok bool) {
	if o.carried || o.j != o.i+1 || o.j >= len(ts) || !slices.Contains(words, ts[o.i].Norm) {
		return "", false
	}
	return ts[o.j].Norm, true
}

// askedToAccount reports whether cue o is a request for an account
// ("Bawaslu meminta klarifikasi camat itu soal …"): a step in handling
// someone's case, as "dimintai klarifikasi" is, not an appeal.
func askedToAccount(o occurrence, ts []Token) bool {
	next, ok := oneWordCue(o, ts, "meminta", "minta", "diminta")
	if !ok {
		return false
	}
	switch next {
	case "klarifikasi", "keterangan", "penjelasan", "pertanggungjawaban":
		return true
	}
	return false
}

// everyOccasion reports whether cue o is "setiap" or "tiap" before an
// occasion ("Setiap apel pagi, kepala dinas mengajak …"): a habit told,
// not anyone at all supposed.
func everyOccasion(o occurrence, ts []Token) bool {
	next, ok := oneWordCue(o, ts, "setiap", "tiap")
	if !ok {
		return false
	}
	switch next {
	case "hari", "pagi", "siang", "sore", "malam", "minggu", "pekan", "bulan", "kali", "apel", "rapat", "upacara", "pertemuan", "acara", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu":
		return true
	}
	return false
}

// instructsEach reports whether cue o is "setiap" or "tiap" right after a
// verb of instructing ("menargetkan setiap kepala sekolah mengumpulkan 100
// suara"): the order's addressees, each of them, not anyone supposed.
func instructsEach(o occurrence, ts []Token) bool {
	if _, ok := oneWordCue(o, ts, "setiap", "tiap"); !ok || o.i == 0 {
		return false
	}
	switch ts[o.i-1].Norm {
	case "menargetkan", "memerintahkan", "menginstruksikan", "mewajibkan", "menyuruh", "mengarahkan", "menugaskan", "meminta", "mengajak", "memaksa", "menekan":
		return true
	}
	return false
}

// assertedFinding reports whether cue o is a verb of asserting
// ("menegaskan") whose content is a finding told as done ("Bawaslu
// menegaskan camat itu terbukti hadir …"): a report, not an appeal. A
// word that makes the content a norm before the finding ("harus",
// "agar", "jangan") leaves it an appeal.
func assertedFinding(o occurrence, ts []Token) bool {
	if o.carried || o.j >= len(ts) {
		return false
	}
	if w := ts[o.i].Norm; w != "menegaskan" && w != "ditegaskan" {
		return false
	}
	for k := o.j; k < len(ts) && k < o.j+assertReach; k++ {
		switch ts[k].Norm {
		case "terbukti", "telah", "sudah":
			return true
		case "harus", "wajib", "agar", "supaya", "jangan", "dilarang", "boleh", "tidak", "tak", "bukan", "akan", "jika", "kalau", "apabila", "bila":
			return false
		}
	}
	return false
}

// assertReach is how many words after a verb of asserting its finding may
// stand ("menegaskan bahwa Kepala Dinas Pendidikan Kabupaten Sukamaju
// terbukti …").
const assertReach = 10

// leaveToVote reports whether cue o is "silakan" right before a call to
// vote ("silakan pilih paslon nomor 2"): a polite call, no leave given.
func leaveToVote(o occurrence, ts []Token) bool {
	next, ok := oneWordCue(o, ts, "silakan", "silahkan", "dipersilakan", "dipersilahkan")
	return ok && callsToVote(next)
}

// amongThings reports whether cue o is "di antara" of a place among
// things just told of ("Di antara amplop itu ditemukan …"), not examples.
func amongThings(o occurrence, ts []Token) bool {
	if o.carried || o.j-o.i != 2 || ts[o.i].Norm != "di" || ts[o.i+1].Norm != "antara" {
		return false
	}
	for k := o.j + 1; k < len(ts) && k <= o.j+2; k++ {
		if ts[k].Norm == "itu" || ts[k].Norm == "tersebut" {
			return true
		}
	}
	return false
}

// criminalOnly reports whether cue o finds no case only for an election
// crime ("tidak ada unsur pidana", "ga ada unsur pidana"): the breach of
// neutrality, an administrative matter, stands.
func criminalOnly(o occurrence, ts []Token) bool {
	return !o.carried && wordWithin(ts, o.j, 3, "pidana")
}

// specimenBallot reports whether cue o is the "contoh" of "contoh surat
// suara" (a specimen ballot, what vote buyers hand out with the money),
// a thing, not an example being given.
func specimenBallot(o occurrence, ts []Token) bool {
	if o.carried || o.j != o.i+1 || o.j+1 >= len(ts) || ts[o.i].Norm != "contoh" {
		return false
	}
	return (ts[o.j].Norm == "surat" || ts[o.j].Norm == "kertas") && ts[o.j+1].Norm == "suara"
}

// malayPasal reports whether cue o is Malay "pasal" (because, about:
// "pasal pns kat desa tu ikut politik praktis"), not an article of law,
// which a number or a reference follows ("Pasal 280", "pasal tersebut").
func malayPasal(o occurrence, ts []Token) bool {
	next, ok := oneWordCue(o, ts, "pasal")
	if !ok || next == "" || next[0] >= '0' && next[0] <= '9' {
		return false
	}
	switch next {
	case "tersebut", "itu", "ini", "yang", "dalam", "di", "ayat", "uu", "undang", "nomor", "no", "demi", "per", "karet":
		return false
	}
	return o.i == 0 || !ts[o.i].Upper
}

// refusalThreat reports whether cue o is "if" before a refusal ("kalo
// nolak takut diberhentiin", "yang tidak mau ikut …"): the threat that
// comes with an order, told as it was made, not a hypothesis.
func refusalThreat(o occurrence, ts []Token) bool {
	if o.carried || o.j != o.i+1 || o.j >= len(ts) {
		return false
	}
	// The lexicon has already written "kalo", "klo" as "kalau" and "gak",
	// "nggak", "tak" … as "tidak".
	switch ts[o.i].Norm {
	case "kalau", "jika", "jka", "bila", "apabila":
	case "tidak":
		// "… gawe caleg pdip, lek gak gelem diancam dimutasi": the
		// "if" may be a regional word the lexicon leaves alone.
		return o.j+1 < len(ts) && ts[o.j].Norm == "mau" && threatWord(ts[o.j+1].Norm)
	default:
		return false
	}
	switch ts[o.j].Norm {
	case "nolak", "menolak", "tolak", "membangkang", "mbalelo":
		return true
	case "tidak":
		if o.j+1 < len(ts) {
			switch ts[o.j+1].Norm {
			case "mau", "nurut", "patuh", "ikut", "datang", "hadir":
				return true
			}
		}
	}
	return false
}

// sidePledge reports whether cue o is a pledge of support for a side
// ("membacakan ikrar dukungan untuk calon wali kota nomor urut 3"), not
// the neutrality pledge the word usually names.
func sidePledge(o occurrence, ts []Token) bool {
	if o.carried || ts[o.i].Norm != "ikrar" || o.j >= len(ts) {
		return false
	}
	switch ts[o.j].Norm {
	case "dukungan", "mendukung", "setia", "kesetiaan", "pemenangan", "memenangkan", "kemenangan":
		return true
	}
	return false
}

// oneAmong reports whether cue o is "di antaranya" after "salah seorang"
// or "salah satu" ("Salah seorang di antaranya, Rudi, …"), or before a
// count ("di antaranya ada dua ASN"): who is among those just told of, no
// list of examples.
func oneAmong(o occurrence, ts []Token) bool {
	if o.carried || o.i < 2 || ts[o.i].Norm != "di" || o.j-o.i != 2 || ts[o.i+1].Norm != "antaranya" {
		return false
	}
	if ts[o.i-2].Norm == "salah" && (ts[o.i-1].Norm == "seorang" || ts[o.i-1].Norm == "satu") {
		return true
	}
	// "… memuat 468 nama, dan di antaranya ada dua ASN …": a count of who
	// is among them, not examples.
	k := o.j
	if k < len(ts) && (ts[k].Norm == "ada" || ts[k].Norm == "terdapat") {
		k++
	}
	if k >= len(ts) {
		return false
	}
	_, isNumber := numberWord(ts[k].Norm)
	return isNumber || isDigits(ts[k].Norm) || ts[k].Norm == "seorang"
}

// shareOfPay reports whether cue o is "persen" of a cut in someone's pay
// ("pemotongan tunjangan kinerja 25 persen"): the size of a sanction, no
// figures of many cases.
func shareOfPay(o occurrence, ts []Token) bool {
	if o.carried || ts[o.i].Norm != "persen" {
		return false
	}
	for k := o.i - 1; k >= 0 && k >= o.i-5; k-- {
		switch ts[k].Norm {
		case "pemotongan", "potongan", "potong", "dipotong", "tunjangan", "tpp", "tukin", "gaji":
			return true
		}
	}
	return false
}

// fearedSanction reports whether cue o is a sanction someone fears
// ("mau lapor takut diberhentiin", "khawatir dimutasi"): the pressure
// felt, no rule stated.
func fearedSanction(o occurrence, ts []Token) bool {
	if o.carried || o.i == 0 {
		return false
	}
	k := o.i - 1
	if k > 0 && innerParticle(ts[k].Norm) {
		// "takut ki diberhentikan", "takut juga dipecat"
		k--
	}
	switch ts[k].Norm {
	case "takut", "khawatir", "kuatir", "ngeri", "cemas", "was":
		return true
	}
	return false
}

// innerParticle reports the little words posts put between a verb and
// what it governs ("takut ki diberhentikan", "takut sih dipecat"), as the
// lexicon leaves them ("jg" is "juga" by then, "ntar" "nanti").
func innerParticle(w string) bool {
	switch w {
	case "ki", "mi", "ji", "sih", "si", "deh", "lho", "loh", "juga", "pula", "nanti":
		return true
	}
	return false
}

// rhetoricalLeave reports whether cue o is "boleh" asked as a reproach
// ("mana boleh", "masa camat boleh bagi sembako sambil …?"): the act is
// told as done and condemned, no leave given or asked for. ("Memang
// boleh", which posts write "emang boleh", also grants leave, so it is
// not among them.)
func rhetoricalLeave(o occurrence, ts []Token) bool {
	if o.carried || o.i == 0 {
		return false
	}
	switch ts[o.i].Norm {
	case "boleh", "bole", "dibolehkan", "diperbolehkan":
	default:
		return false
	}
	for k := o.i - 1; k >= 0 && k >= o.i-3; k-- {
		switch ts[k].Norm {
		case "mana", "masa", "masak", "emangnya", "memangnya", "kok":
			return true
		}
	}
	return false
}

// hoaxAsObject reports whether cue o is "hoaks" taken as the object of a
// verb of watching, fighting or spreading ("ngawasin hoaks", "menangkal
// hoaks", "nyebar hoaks"), which says nothing about whether the story is
// true, or a falsehood denied ("bukan hoaks bang", "ini bukan fitnah"),
// which says it is.
func hoaxAsObject(o occurrence, ts []Token) bool {
	if o.carried || o.i == 0 || o.j != o.i+1 {
		return false
	}
	switch ts[o.i].Norm {
	case "hoaks", "hoax", "hoaxs":
	case "fitnah":
		return ts[o.i-1].Norm == "bukan"
	default:
		return false
	}
	switch ts[o.i-1].Norm {
	case "ngawasin", "mengawasi", "awasi", "ngawasi", "menangkal", "tangkal", "nangkal", "memberantas", "berantas",
		"melawan", "lawan", "perangi", "memerangi", "mencegah", "cegah", "penangkal", "pemberantasan", "menyebar",
		"menyebarkan", "nyebar", "nyebarin", "sebar", "bikin", "membuat", "produksi", "memproduksi", "anti", "bukan":
		return true
	}
	return false
}

// compulsoryThing reports whether cue o is "wajib" said of a thing after
// it ("mata kuliah wajib", "buku wajib", "salat wajib"): a required
// course or duty, not an obligation the sentence states.
func compulsoryThing(o occurrence, ts []Token) bool {
	if o.carried || o.i == 0 || ts[o.i].Norm != "wajib" {
		return false
	}
	switch ts[o.i-1].Norm {
	case "kuliah", "matkul", "pelajaran", "mapel", "buku", "bacaan", "salat", "sholat", "shalat", "zakat", "iuran", "menu", "tontonan":
		return true
	}
	return false
}
