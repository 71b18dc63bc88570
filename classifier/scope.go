package classifier

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// What a cue or a negation applies to. A cue word in the sentence does not
// always bear on the act: "kalau" after a verb of telling is "that", a
// negation may take the work left undone or a judgement of the act, and a
// rule named as what someone broke reports the breach. A verb of choosing
// may choose a way, not a side.

// negatesAct reports whether negation o, before act a and not part of the
// act's own words (cancelled checks that first), bears on the act: not
// when it denies a hesitation or a lapse, the work left undone or another
// status, stands before a step still to come against someone definite, or
// is taken back ("nggak nyuruh ya, tapi …"); and only within
// negationReach or through a chain of acts.
func (cr *compiledRule) negatesAct(o, a occurrence, occ []occurrence, text string, ts []Token) bool {
	if litotes(o, ts) || skipsDuty(o, a, ts) || deniesOtherStatus(o, ts) || cr.stepAgainstSomeone(o, a, occ, ts) || apophasis(o, a, ts) || notYetWho(o, ts) {
		return false
	}
	return a.i-o.j <= negationReach || cr.negatedChain(o, a, occ) || notToDo(o, a, text, ts)
}

// thatClause reports whether cue o is "kalau" (or "jika", "bila") after a
// verb of telling or finding out: in speech "cerita kalau atasannya minta
// …", "baru tahu kalau …" it means "that" and opens what was told, not a
// condition.
func thatClause(o occurrence, ts []Token) bool {
	if o.carried || o.j != o.i+1 || o.i == 0 {
		return false
	}
	switch ts[o.i].Norm {
	case "kalau", "kalo", "klo", "jika", "bila":
	default:
		return false
	}
	switch ts[o.i-1].Norm {
	case "cerita", "bercerita", "crita", "ngomong", "bilang", "blg", "ngaku", "mengaku", "tahu", "tau",
		"dengar", "denger", "mendengar", "ketahuan", "katanya", "kabarnya", "mengeluh", "ngeluh",
		"curhat", "nyebut", "menyebut", "sadar", "menyadari", "ngabarin", "mengabarkan", "ngakunya",
		"ternyata", "rupanya":
		// Not "lapor"/"lihat"/"info": "laporkan jika ada …", "lihat
		// kalau …" ask for what may come.
		return true
	}
	return false
}

// violated reports whether cue o is what someone broke: the object of
// "melanggar" earlier in its clause ("dinilai melanggar asas netralitas
// serta larangan keikutsertaan ASN dalam tim kampanye") tells of the
// breach, it does not state the rule.
func violated(o occurrence, text string, ts []Token) bool {
	if o.carried {
		return false
	}
	switch ts[o.i].Norm {
	case "larangan", "aturan", "ketentuan", "asas", "prinsip", "kode", "pasal", "peraturan":
	default:
		return false
	}
	for k := o.i - 1; k >= 0 && k >= o.i-violationReach; k-- {
		if strings.ContainsAny(between(text, ts, k, k+1), ",;:.\"“”") {
			return false
		}
		switch ts[k].Norm {
		case "melanggar", "dilanggar", "melabrak", "menabrak", "menerabas", "langgar", "ngelanggar", "nabrak":
			return true
		}
	}
	return false
}

// apophasis reports whether negation o denies an instruction only to
// make it: "Saya nggak nyuruh ya, tapi kita semua tahu siapa yang bikin
// tunjangan kita naik" — a particle and "tapi" right after the act take
// the denial back.
func apophasis(o, a occurrence, ts []Token) bool {
	if o.carried || a.carried || a.j+1 >= len(ts) {
		return false
	}
	switch ts[a.i].Norm {
	case "nyuruh", "menyuruh", "suruh", "minta", "meminta", "maksa", "memaksa", "mengarahkan", "ngarahin", "mengajak", "ngajak":
	default:
		return false
	}
	switch ts[a.j].Norm {
	case "ya", "yah", "lho", "loh", "sih", "kok":
	default:
		return false
	}
	switch ts[a.j+1].Norm {
	case "tapi", "tetapi", "namun", "tp":
		return true
	}
	return false
}

// skipsDuty reports whether negation o negates a duty said right after it,
// before act a: "udah dua minggu ga ngajar, ikut safari kampanye" tells
// the work was left for the act, which was done.
func skipsDuty(o, a occurrence, ts []Token) bool {
	if o.carried || a.carried || o.j >= a.i {
		return false
	}
	switch ts[o.j].Norm {
	case "mengajar", "ngajar", "masuk", "ngantor", "berkantor", "bekerja", "kerja", "piket", "melayani", "praktik", "praktek":
		return true
	}
	return false
}

// litotes reports whether negation o denies a hesitation or a lapse
// ("kagak malu-malu lagi", "tak segan", "tidak lupa"), saying the act was done
// openly, or judges it ("teu pantes", "tidak etis"): either way it does
// not say the act was not done.
func litotes(o occurrence, ts []Token) bool {
	if o.carried || o.j >= len(ts) {
		return false
	}
	switch ts[o.j].Norm {
	case "malu", "segan", "ragu", "sungkan", "canggung", "takut",
		// "tak lupa menunjuk baliho petahana": not forgetting is doing
		"lupa",
		// a judgement of the act: "teu pantes, pa sekdis ngajak …"
		"pantas", "pantes", "patut", "etis", "elok", "layak", "wajar":
		return true
	}
	return false
}

// deniesOtherStatus reports whether negation o denies that someone is
// staff who are not civil servants ("Bidan di pustu kami (PNS, bukan
// honor) selipkan stiker paslon", "yg PNS loh, bukan yang honor"): it
// says who acted, not that the act was not done.
func deniesOtherStatus(o occurrence, ts []Token) bool {
	k := o.j
	if o.carried || k >= len(ts) {
		return false
	}
	if ts[k].Norm == "yang" || ts[k].Norm == "yg" {
		k++
	}
	if k >= len(ts) {
		return false
	}
	switch ts[k].Norm {
	case "honor", "honorer", "swasta", "kontrak", "outsourcing", "ptt", "magang", "thl", "tkk", "tks":
		return true
	}
	return false
}

// violationReach is how many tokens may stand between "melanggar" and
// the rule broken.
const violationReach = 14

// choosesThing reports whether act a is a verb of choosing whose object is
// a way or a thing, not a side: "memilih opsi keempat", "memilih diam",
// "metode itu dipilih karena …".
func choosesThing(a occurrence, ts []Token) bool {
	if a.carried || a.j != a.i+1 || a.j >= len(ts) {
		return false
	}
	switch ts[a.i].Norm {
	case "memilih", "pilih", "milih", "dipilih":
	default:
		return false
	}
	switch ts[a.j].Norm {
	case "opsi", "jalan", "cara", "diam", "metode", "jurusan", "menu", "lokasi", "tempat", "waktu", "langkah", "sikap", "karena":
		return true
	}
	return false
}

// duringCue reports whether cue o stands right after a word of time or a
// negation, so it says when the act happened or what did not happen, not
// what the sentence is about: "masang
// stiker caleg di kaca angkot waktu razia kemarin" is no removal of
// campaign material. (Totals are another matter: "ketika ratusan laporan
// masuk" still counts cases.)
func duringCue(o occurrence, ts []Token) bool {
	if o.carried || o.i == 0 {
		return false
	}
	switch w := ts[o.i-1].Norm; {
	case timeWord(w),
		// "Biasanya nyopot, ini masang": what they usually do
		w == "biasanya", w == "biasa",
		// "menjaga agar spanduk itu tidak dicopot": kept up, not
		// taken down
		w == "tidak", w == "tak", w == "jangan", w == "gak", w == "nggak", w == "ga", w == "bukan", w == "bukannya":
		return true
	}
	return false
}

// timeWord reports words that say when something happened ("waktu",
// "saat", "ketika" …).
func timeWord(w string) bool {
	switch w {
	case "waktu", "saat", "pas", "ketika", "sewaktu", "selama":
		return true
	}
	return false
}

// eventSetting reports whether cue o is a meeting of officials (rakor,
// bimtek, seminar …) or a socialisation named as the time, the place or
// the cover of what happened, not a socialisation of the rules:
//   - a word of time ("waktu rakor", "saat bimtek"), of disguise
//     ("judulnya rakor", "berkedok bimtek") or of a recording of it
//     ("rekaman rakor", "berasal dari rapat") stands right before a
//     meeting;
//   - it is put in quotation marks ("rapat 'koordinasi program'", "buat
//     \"sosialisasi program\", ujung2nya …"): the writer does not believe
//     it, unless the rules are what it is about;
//   - a side's own ("sosialisasi caleg Ibu N", "rapat koordinasi tim
//     pemenangan") or a programme's ("Bimtek UMKM", "penyuluhan gizi").
func (cr *compiledRule) eventSetting(o occurrence, occ []occurrence, text string, ts []Token) bool {
	if o.carried {
		return false
	}
	meeting := false
	switch ts[o.i].Norm {
	case "rakor", "rapat", "bimtek", "bimbingan", "seminar", "webinar", "lokakarya", "workshop", "penyuluhan":
		meeting = true
	case "sosialisasi", "pembinaan", "pengarahan", "silaturahmi", "silaturahim", "edukasi", "koordinasi":
	default:
		return false
	}
	quotedCue := o.i > 0 && strings.ContainsAny(between(text, ts, o.i-1, o.i), quoteMarks) ||
		o.j-o.i > 1 && strings.ContainsAny(text[ts[o.i].End:ts[o.j-1].Start], quoteMarks)
	if quotedCue && !aboutRules(ts, o.j) {
		return true
	}
	if o.j < len(ts) && programmeTopic(ts[o.j].Norm) {
		return true
	}
	for _, t := range occ {
		if !t.carried && t.i == o.j && cr.roleIs(t, rules.RoleTarget) {
			return true
		}
	}
	if !aboutRules(ts, o.j) {
		// "bekeng sosialisasi ka siswa mar isinya kampanye paslon",
		// "sosialisasi … yang disusupi kampanye": the event carried a
		// campaign.
		for k := o.j; k < len(ts) && k < o.j+8; k++ {
			switch ts[k].Norm {
			case "isinya", "disusupi", "diselipkan", "diselipi", "disisipi", "menyisipkan", "nyisipke", "berbau", "bermuatan", "ternyata":
				return true
			}
		}
	}
	if !meeting && o.i >= 2 && (ts[o.i-1].Norm == "kegiatan" || ts[o.i-1].Norm == "acara") &&
		(ts[o.i-2].Norm == "dalam" || o.i >= 3 && ts[o.i-2].Norm == "sebuah" && ts[o.i-3].Norm == "dalam") {
		// "kampanye terselubung dalam sebuah kegiatan sosialisasi":
		// the event the act was hidden in.
		return true
	}
	if !meeting || o.i == 0 {
		return false
	}
	w := ts[o.i-1].Norm
	if timeWord(w) || w == "dalam" {
		return true
	}
	switch w {
	case "judulnya", "judul", "namanya", "bertajuk", "berkedok", "kedok", "dalih", "berdalih", "bungkus", "dibungkus",
		// what came out of it ("Rekaman Rakor Beredar", "rekaman …
		// berasal dari rapat koordinasi camat"), or what went on there
		"rekaman", "video", "dari", "isi", "usai", "seusai", "sela":
		return true
	}
	return false
}

// quoteMarks are the quotation marks a cover name is put in.
const quoteMarks = "\"“”'‘’"

// aboutRules reports whether one of the three words from k names the
// rules or their oversight ("sosialisasi netralitas ASN", "'rakor
// pengawasan pemilu'").
func aboutRules(ts []Token, k int) bool {
	for j := k; j < len(ts) && j < k+3; j++ {
		switch ts[j].Norm {
		case "netralitas", "netral", "pengawasan", "pemilu", "pilkada", "pemilihan", "asn", "pns", "larangan", "aturan",
			"peraturan", "regulasi", "kode", "etik", "undang", "hukum", "partisipatif", "bawaslu", "kpu", "panwaslu":
			return true
		}
	}
	return false
}

// programmeTopic reports words that name a government programme's topic
// right after a meeting word ("Bimtek UMKM", "penyuluhan gizi"): the
// meeting is where an act took place, not a socialisation of the rules.
func programmeTopic(w string) bool {
	switch w {
	case "umkm", "gizi", "stunting", "posyandu", "pertanian", "administrasi", "pengelolaan", "keuangan", "kesehatan",
		"pajak", "aplikasi", "operator", "perikanan", "koperasi", "pariwisata", "kependudukan", "program":
		return true
	}
	return false
}

// captionLabel reports whether act a is the label of a photo caption or
// an illustration ("Foto: Personel Satpol PP menurunkan baliho …"): the
// first word of the sentence, closed by a colon, says what follows is a
// picture, not that anyone posed for one.
func captionLabel(a occurrence, text string, ts []Token) bool {
	if a.carried || a.i != 0 || a.j >= len(ts) {
		return false
	}
	return strings.HasPrefix(strings.TrimSpace(between(text, ts, a.j-1, a.j)), ":")
}

// findingAfter reports whether a clause that opens with "setelah" (or
// "usai", "sesudah") and a verb of finding stands between cue o and act a:
// "Peringatan ini disampaikan setelah pengawas menemukan akun Facebook
// milik seorang guru PPPK …" warns because of a case, which the clause
// reports.
func findingAfter(o, a occurrence, ts []Token) bool {
	if o.carried || a.carried {
		return false
	}
	for k := o.j; k < a.i; k++ {
		switch ts[k].Norm {
		case "setelah", "sesudah", "usai", "seusai", "menyusul":
		default:
			continue
		}
		for j := k + 1; j < a.i && j <= k+4; j++ {
			switch ts[j].Norm {
			case "menemukan", "mendapati", "memergoki", "menerima", "ditemukan", "didapati", "viral", "beredar":
				return true
			}
		}
	}
	return false
}

// notYet reports whether what excludes a rule is said not to have
// happened yet: "SK berhentinya belum ada", "belum pensiun", "belum
// melampirkan berkas pengunduran diri" — a resignation still missing
// leaves a civil servant in service ("belum lama ini", lately, does not).
func notYet(o occurrence, ts []Token) bool {
	if o.carried {
		return false
	}
	for k := o.i - 1; k >= 0 && k >= o.i-notYetReach; k-- {
		switch ts[k].Norm {
		case "belum", "tanpa":
			return ts[k+1].Norm != "lama"
		}
	}
	return wordWithin(ts, o.j, 2, "belum")
}

// notYetReach is how many words before an exclusion "belum" may stand.
const notYetReach = 3

// wordWithin reports whether word w stands among the n tokens of ts from
// from on.
func wordWithin(ts []Token, from, n int, w string) bool {
	for k := max(from, 0); k < len(ts) && k < from+n; k++ {
		if ts[k].Norm == w {
			return true
		}
	}
	return false
}

// otherThan reports whether act a, a vote or support, is for anyone
// other than someone ("pilih selain partai yang memperjuangkan insentif
// kita"): whatever forbids or threatens it demands the vote for that side.
func otherThan(a occurrence, ts []Token) bool {
	if a.carried || a.j >= len(ts) || ts[a.j].Norm != "selain" {
		return false
	}
	switch ts[a.i].Norm {
	case "pilih", "memilih", "milih", "coblos", "mencoblos", "nyoblos", "dukung", "mendukung", "contreng":
		return true
	}
	return false
}

// notYetWho reports whether negation o is "belum" in a relative clause
// that picks out whom a call is for ("bagi teman2 puskesmas yg belum
// dapat stiker no. 3 bisa ambil di ruang Kabid", "yang belum punya
// pilihan, ikut saya aja"): those not yet reached are told to act, which
// is no denial of the act.
func notYetWho(o occurrence, ts []Token) bool {
	return !o.carried && o.i > 0 && ts[o.i].Norm == "belum" && (ts[o.i-1].Norm == "yang" || ts[o.i-1].Norm == "yg")
}

// fingerIdiom reports whether act a is a bare "jari" in an idiom or in
// the inked finger of a voter ("cuma bisa gigit jari", "sidik jari", "jari
// kelingking bertinta"): no hand sign.
func fingerIdiom(a occurrence, ts []Token) bool {
	if a.carried || a.j != a.i+1 || ts[a.i].Norm != "jari" {
		return false
	}
	if a.i > 0 {
		switch ts[a.i-1].Norm {
		case "gigit", "menggigit", "sidik", "celup", "mencelupkan", "tinta", "ujung", "hitungan":
			return true
		}
	}
	if a.j < len(ts) {
		switch ts[a.j].Norm {
		case "kelingking", "jemari", "ungu", "bertinta", "peace":
			return true
		}
	}
	return false
}

// caughtDoing reports whether enforcement cue o is what someone was
// caught doing ("Camat Talang Jaya kedapatan mengangkut APK pasangan calon
// di mobilnya"): the act reported, not officers clearing material.
func caughtDoing(o occurrence, ts []Token) bool {
	return !o.carried && o.i > 0 && caught(ts[o.i-1].Norm)
}

// caught reports the words that tell someone was caught at an act or
// recorded doing it ("kedapatan", "ketahuan", "terekam" …).
func caught(w string) bool {
	switch w {
	case "kedapatan", "ketahuan", "tertangkap", "kepergok", "tepergok", "terekam":
		return true
	}
	return false
}

// carriedToCampaign reports whether cue o is a verb of carrying whose
// load goes to a side's post or event ("memakai mobil dinas untuk
// mengangkut kaus dan kalender caleg ke posko pemenangannya"): campaign
// material taken there, not taken down.
func carriedToCampaign(o occurrence, ts []Token) bool {
	if o.carried {
		return false
	}
	switch ts[o.i].Norm {
	case "mengangkut", "diangkut", "angkut", "ngangkut":
	default:
		return false
	}
	for k := o.j; k+1 < len(ts) && k < o.j+carryReach; k++ {
		if ts[k].Norm != "ke" {
			continue
		}
		switch ts[k+1].Norm {
		case "posko", "panggung", "acara":
			return true
		case "lokasi", "lapangan", "rumah", "tempat":
			// "ke lokasi kampanye", not "ke lokasi penampungan"
			if k+2 < len(ts) {
				switch ts[k+2].Norm {
				case "kampanye", "deklarasi", "pemenangan", "relawan":
					return true
				}
			}
		}
	}
	return false
}

// carryReach is how many words after a verb of carrying its destination
// may stand.
const carryReach = 12

// appealToVoteFor reports whether cue o is a verb of appeal, reminding or
// forbidding whose content is a vote for a ballot number: act a, a verb of voting,
// follows it within appealReach words with no negation between, and a
// ballot number follows the act ("mengimbau ASN … dengan memilih paslon
// nomor 1"). "mengimbau warga memilih pemimpin yang jujur" names no side.
func appealToVoteFor(o, a occurrence, ts []Token) bool {
	if o.carried || a.carried || a.i < o.j || a.i-o.j > appealReach || !votes(ts[a.i].Norm) || !numberAfter(ts, a.j) {
		return false
	}
	switch ts[o.i].Norm {
	case "mengingatkan", "ingatkan", "diingatkan", "mengimbau", "imbau", "diimbau", "menghimbau", "dihimbau", "himbau",
		"meminta", "diminta", "minta", "berpesan", "pesan", "mendesak", "desak",
		// hoping a vote for one number asks for it ("Sekda berharap para
		// camat memenangkan paslon nomor 2")
		"berharap", "mengharapkan", "harap",
		// forbidding a vote for one number steers it as much
		// ("Camat itu melarang warganya memilih paslon nomor 1")
		"melarang", "larang":
	default:
		return false
	}
	forbids := ts[o.i].Norm == "melarang" || ts[o.i].Norm == "larang"
	for k := o.j; k < a.i; k++ {
		if negationWord(ts[k].Norm) || ts[k].Norm == "jangan" || forbids && classToken(ts[k].Norm) {
			// "Bawaslu melarang ASN mendukung …" states the rule.
			return false
		}
	}
	// "paslon nomor 1 maupun nomor 2": every side, which is no side.
	for k := a.j; k+1 < len(ts) && k < a.j+6; k++ {
		switch ts[k].Norm {
		case "maupun", "ataupun", "atau", "dan":
			if numberAfter(ts, k+1) {
				return false
			}
		}
	}
	return true
}

// appealReach is how many words may stand between an appeal and the vote
// it asks for ("mengimbau ASN mendukung program petahana dengan memilih").
const appealReach = 8

// steersAway reports whether cue o is the "jangan" or "tidak" of an order
// not to vote for a number ("guru itu menyuruh murid-muridnya jangan
// nyoblos 01"): steering votes away from one side steers them, as
// forbidding a vote for it does (appealToVoteFor).
func steersAway(o, a occurrence, ts []Token) bool {
	if o.carried || a.carried || o.j != o.i+1 || a.i < o.j || a.i-o.j > 1 || !votes(ts[a.i].Norm) || !numberAfter(ts, a.j) {
		return false
	}
	if w := ts[o.i].Norm; w != "jangan" && w != "tidak" {
		return false
	}
	for k := o.i - 1; k >= 0 && k >= o.i-steerReach; k-- {
		switch ts[k].Stem {
		case "suruh", "minta", "ajak", "pesan", "perintah", "instruksi", "arah", "titip":
			return true
		}
	}
	return false
}

// steerReach is how many words may stand between an order and its "jangan"
// ("menyuruh murid-muridnya di kelas jangan …").
const steerReach = 4

// interjection reports whether cue o is a warning called out before the
// news ("hati2 lur, pns pemkab sini dipanggil panwas …"): it opens the
// sentence (after at most one word), a comma closes it within two words,
// act a comes after that comma, and what follows tells no rule or prospect
// ("Hati-hati, camat yang mengajak warga … akan diperiksa" warns of one).
// "Bayangkan, …" stays a hypothesis: it as often opens a made-up case.
func interjection(o, a occurrence, text string, ts []Token) bool {
	if o.carried || o.i > 1 || a.i < o.j {
		return false
	}
	switch ts[o.i].Norm {
	case "hati", "awas":
	default:
		return false
	}
	for k := o.j - 1; k < o.j+2 && k+1 < len(ts) && k+1 <= a.i; k++ {
		if !strings.Contains(between(text, ts, k, k+1), ",") {
			continue
		}
		for _, t := range ts[k+1:] {
			if isModal(t.Norm) || t.Norm == "jangan" || t.Norm == "boleh" {
				return false
			}
		}
		return true
	}
	return false
}

// permitsSide reports whether cue o is a verb of permitting whose object,
// right after it, is a side ("mengizinkan caleg berkampanye di depan
// siswa"): someone let a candidate in, which is no rule. A rule permits
// civil servants ("Bawaslu mengizinkan ASN menghadiri kampanye").
func (cr *compiledRule) permitsSide(o occurrence, occ []occurrence, ts []Token) bool {
	if o.carried || o.j != o.i+1 {
		return false
	}
	switch ts[o.i].Norm {
	case "mengizinkan", "izinkan", "diizinkan", "membolehkan", "memperbolehkan", "mempersilakan", "dipersilakan":
	default:
		return false
	}
	for _, t := range occ {
		if !t.carried && t.i == o.j && cr.roleIs(t, rules.RoleTarget) {
			return true
		}
	}
	return false
}

// orderedDuty reports whether rule cue o is a duty a civil servant lays on
// others: "mewajibkan" right after him ("Kepala dinas mewajibkan seluruh
// staf hadir di kampanye …"), or "wajib"/"harus" a few words after a word
// of ordering ("kasi perintah semua pegawai wajib datang …") or after the
// colon that opens what he sent or said ("pesan berantai dari kepala UPT:
// tiap sekolah wajib bikin video dukungan …"). That is the order itself,
// the act, not a rule being stated.
func (cr *compiledRule) orderedDuty(o occurrence, occ []occurrence, text string, ts []Token) bool {
	if o.carried || o.j != o.i+1 {
		return false
	}
	switch ts[o.i].Norm {
	case "mewajibkan", "wajibkan":
		subj := o.i
		for subj > 0 && subj >= o.i-2 && subjectFiller(ts[subj-1].Norm) {
			subj--
		}
		for _, t := range occ {
			if !t.carried && t.j == subj && cr.roleIs(t, rules.RoleActor) {
				return true
			}
		}
	case "wajib", "harus":
		colon := false
		for m := o.i - 1; m >= 0 && m >= o.i-orderReach; m-- {
			if orders(ts[m].Norm) {
				return true
			}
			if !colon && strings.Contains(between(text, ts, m, m+1), ":") {
				// Only the nearest colon opens what was sent or said.
				colon = true
				for _, x := range occ {
					if !x.carried && x.j <= m+1 && m+1-x.j <= 1 && cr.roleIs(x, rules.RoleActor) {
						return true
					}
				}
			}
		}
	}
	return false
}

// subjectFiller reports words that may stand between a subject and its
// verb ("Camat itu bahkan mewajibkan …").
func subjectFiller(w string) bool {
	switch w {
	case "itu", "ini", "tersebut", "juga", "pun", "bahkan", "malah", "langsung", "sendiri":
		return true
	}
	return false
}

// orderReach is how far before "wajib" a word of ordering makes it the
// order's content: the word and its addressees ("memerintahkan seluruh
// pegawai kecamatan wajib …").
const orderReach = 5

// orders reports active words of ordering someone.
func orders(w string) bool {
	switch w {
	case "perintah", "memerintahkan", "perintahkan", "instruksi", "menginstruksikan", "instruksikan", "menyuruh", "suruh", "nyuruh":
		return true
	}
	return false
}

// threatWord reports the words of a threat to a civil servant's post.
func threatWord(w string) bool {
	switch w {
	case "diancam", "dimutasi", "dipindah", "dipindahkan", "dicopot", "dipecat", "dinonjobkan":
		return true
	}
	return false
}

// rightAfterActor reports whether cue o follows act a with only the
// act's people between them ("pelanggaran netralitas ASN dapat
// disampaikan melalui …"): as right after the act, it says what the act
// is.
func (cr *compiledRule) rightAfterActor(o, a occurrence, occ []occurrence) bool {
	if o.carried || a.carried {
		return false
	}
	for _, x := range occ {
		if !x.carried && x.i == a.j && x.j == o.i && cr.roleIs(x, rules.RoleActor) {
			return true
		}
	}
	return false
}

// promotesSide reports whether cue o is "sosialisasi" or a verb of it with
// a side right after it ("ikut sosialisasikan caleg provinsi",
// "menyosialisasikan paslon nomor 2"): a candidate made known, which is
// campaigning. An election after it ("sosialisasi pilkada") is no side.
func (cr *compiledRule) promotesSide(o occurrence, occ []occurrence, ts []Token) bool {
	if o.carried || o.j != o.i+1 || ts[o.i].Stem != "sosialisasi" {
		return false
	}
	for _, x := range occ {
		if !x.carried && x.i == o.j && cr.roleIs(x, rules.RoleTarget) && x.group != cr.election {
			return true
		}
	}
	return false
}

// watchReach is how many words may stand between a verb of watching and
// the civil servants watched ("memantau sejumlah orang dari unsur ASN").
const watchReach = 5

// watchesActor reports whether duty cue o ("memantau") has civil servants
// for its object, before act a: "Bawaslu telah memantau sejumlah ASN yang
// ikut mengantar pasangan calon" reports the ASN, whom the overseer
// watched, not an official at work.
func (cr *compiledRule) watchesActor(o, a occurrence, occ []occurrence) bool {
	if cr.duty < 0 || o.group != cr.duty || o.carried || a.carried || o.j > a.i {
		return false
	}
	for _, x := range occ {
		if !x.carried && x.i >= o.j && x.i-o.j <= watchReach && x.j <= a.i && cr.roleIs(x, rules.RoleActor) {
			return true
		}
	}
	return false
}
