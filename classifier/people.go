package classifier

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// Who acts: which person a rule's act belongs to when the sentence does
// not put them side by side (the subject of a long sentence, a speaker, a
// figure named with their office, people listed as one subject, someone
// in particular rather than a class).
// subjectReach is how far into a sentence its subject may stand for
// linkedSubject, and subjectWindow how many times the rule's window it may
// stand from the act.
const (
	subjectReach  = 3
	subjectWindow = 2
)

// linkedSubject finds, for an act beyond the rule's window from every
// actor, the actor that opens the sentence as its subject when a word that
// reports the act links the two ("Seorang lurah di Kecamatan …, Kota …,
// dijatuhi sanksi … setelah terbukti memfasilitasi rapat tim pemenangan
// …"). It returns -1 when there is none.
func (cr *compiledRule) linkedSubject(a occurrence, occ []occurrence, text string, ts []Token) (int, int) {
	win := cr.rule.Window
	for k, o := range occ {
		if o.carried || o.i > subjectReach || o.j > a.i || !cr.roleIs(o, rules.RoleActor) || speaker(o, a, text, ts) || cr.enforcer(o, occ) {
			continue
		}
		if d := distance(a, o); win > 0 && d <= subjectWindow*win && linksAct(ts, o.j, a.i) && !reportsSpeech(text, ts, o.j, a.i) {
			return k, d
		}
		return -1, 0
	}
	return -1, 0
}

// reportsSpeech reports whether a verb of saying and a comma stand between
// tokens from and to ("Penjabat Gubernur … mengatakan, …"): what follows
// is what the subject says, not what they did.
func reportsSpeech(text string, ts []Token, from, to int) bool {
	for k := from; k+1 < to && k+1 < len(ts); k++ {
		if speaks(ts[k].Norm) && clauseBreak(text, ts, k, k+1) {
			return true
		}
	}
	return false
}

// linksAct reports whether a word between tokens from and to reports the
// act that follows as done or alleged ("terbukti", "diduga", "karena").
func linksAct(ts []Token, from, to int) bool {
	for k := from; k < to && k < len(ts); k++ {
		switch ts[k].Norm {
		case "terbukti", "diduga", "karena", "kedapatan", "ketahuan", "tertangkap", "terekam", "kepergok":
			return true
		}
	}
	return false
}

// speakerReach is how far into a sentence a speaker may stand, and how
// many words of the speaker's name may follow the role, before the colon
// that opens what they say ("Pj Bupati Jayawijaya: Ketahuan Ikut Kampanye,
// Langsung Saya Nonjobkan").
const speakerReach = 3

// speaker reports whether actor o is the speaker a colon introduces,
// standing before it while the act a stands after it: what a speaker says
// is about others (or a denial), not an act of theirs.
func speaker(o, a occurrence, text string, ts []Token) bool {
	if o.carried || a.carried || o.j > a.i {
		return false
	}
	if opensSpeech(o, a, text, ts) || knowsThat(o, a, ts) || asksAbout(o, a, ts) {
		return true
	}
	if o.i > speakerReach {
		return false
	}
	for k := o.j; k <= a.i && k <= o.j+speakerReach; k++ {
		if strings.Contains(between(text, ts, k-1, k), ":") {
			// "Camat itu bilang: pilih nomor urut dua" — a call to vote
			// for a number that opens what the speaker says is their own
			// act ("Kadis: Pilih Paslon Itu Hak Warga" is not).
			return !(directiveOpening(ts, k, a.i) && callsToVote(ts[a.i].Norm) && numberAfter(ts, a.j))
		}
	}
	return false
}

// directiveOpening reports whether the words from k to the act at i open
// an order to those addressed ("semua staf wajib …", "kalian harus …",
// "tolong …"): at most four of them, each an addressee, a word of
// obligation or a softener.
func directiveOpening(ts []Token, k, i int) bool {
	if i-k > 4 {
		return false
	}
	for j := k; j < i; j++ {
		switch ts[j].Norm {
		case "semua", "seluruh", "para", "staf", "pegawai", "guru", "kalian", "bapak", "ibu", "sekalian", "rekan", "teman",
			"wajib", "harus", "tolong", "pokoknya", "mohon", "ayo", "mari":
		default:
			return false
		}
	}
	return true
}

// callsToVote reports the words a call to vote opens with: the verbs of
// voting (votes) and their imperatives ("pilihlah", "coblosin").
func callsToVote(w string) bool {
	return votes(w) || w == "pilihlah" || w == "coblosin"
}

// officeNameReach is how many words of an office's and a person's name
// may follow a title as part of it (officeName): before a verb of saying,
// or between the one who acts and the act.
const officeNameReach = 9

// opensSpeech reports whether actor o is the subject of a verb of
// saying that opens a clause with a comma or "bahwa" before act a:
// "Penjabat Gubernur mengatakan, … birokrasi kerap melibatkan diri pada
// politik praktis" says what others do. ("Camat menyatakan dukungan …"
// has no such clause: the declaration is the act.)
func opensSpeech(o, a occurrence, text string, ts []Token) bool {
	// the name after the title: "Penjabat Gubernur Sukamaju mengatakan",
	// and an office's name joined by "dan" ("Kepala Dinas Pemberdayaan
	// Masyarakat dan Desa (PMD) Sukamaju Budi menuturkan").
	k := o.j + officeName(ts, o.j, a.i)
	if k < a.i && (ts[k].Norm == "juga" || ts[k].Norm == "pun") {
		k++
	}
	if k >= a.i || !speaks(ts[k].Norm) {
		return false
	}
	// k < a.i, so token k+1 exists.
	return strings.Contains(between(text, ts, k, k+1), ",") || ts[k+1].Norm == "bahwa"
}

// knowsThat reports whether actor o says or knows "bahwa" act a, a verb
// of saying or knowing standing right before the "bahwa": "kepala sekolah
// … mengaku baru tahu bahwa sekadar mengikuti akun calon bisa
// dipersoalkan" is what the head teacher learnt, not what they did.
func knowsThat(o, a occurrence, ts []Token) bool {
	for k := o.j + 1; k < a.i && k <= o.j+thatReach; k++ {
		if ts[k].Norm != "bahwa" {
			continue
		}
		for m := k - 1; m >= o.j && m >= k-2; m-- {
			if speaks(ts[m].Norm) || knows(ts[m].Norm) {
				return true
			}
		}
	}
	return false
}

// asksAbout reports whether actor o asks about act a, a verb of asking
// right after it ("Seorang Pj kades … sempat menanyakan soal undangan
// pesta pernikahan yang juga dihadiri calon bupati").
func asksAbout(o, a occurrence, ts []Token) bool {
	for k := o.j; k < a.i && k <= o.j+askReach; k++ {
		switch ts[k].Norm {
		case "menanyakan", "bertanya", "nanya", "tanya", "mempertanyakan", "menanya":
			return true
		}
	}
	return false
}

// askReach is how many tokens after the actor a verb of asking may stand
// (past a place: "Seorang Pj kades dari Kecamatan Karossa sempat …").
const askReach = 6

// thatReach is how many tokens after the actor a "bahwa" of what they say
// or know may stand.
const thatReach = 14

// knows reports verbs of knowing and learning.
func knows(w string) bool {
	switch w {
	case "tahu", "tau", "mengetahui", "paham", "memahami", "sadar", "menyadari", "mengerti", "belajar", "diingatkan", "diberi", "mendengar":
		return true
	}
	return false
}

// inOfficeReach is how many tokens may stand between an office and the
// name of its holder ("Gubernur Jawa Tengah Ganjar Pranowo").
const inOfficeReach = 3

// inOfficeFigure reports whether target o is a national figure (or a listed
// candidate) named with
// an office they hold, in a sentence that names no election: "Sekda …
// mendukung Gubernur Jawa Tengah Ganjar Pranowo yang akan menjadikan …
// mobil dinas" backs a governor's policy, not a candidate.
func (cr *compiledRule) inOfficeFigure(o occurrence, occ []occurrence) bool {
	if cr.inOffice < 0 || (o.group != cr.figure && o.group != cr.candidates) || o.group < 0 {
		return false
	}
	office := false
	for _, t := range occ {
		if t.group == cr.election {
			return false
		}
		if t.group == cr.inOffice && !t.carried && t.j <= o.i && o.i-t.j <= inOfficeReach {
			office = true
		}
	}
	return office
}

// coordinated reports whether two people are joined as one subject ("kepala
// desa dan seorang guru", "camat bersama kades", "bupati, camat & kepala
// desa"): a conjunction, comma or ampersand between them, at most
// coordinationGap tokens apart.
func coordinated(x, y occurrence, text string, ts []Token) bool {
	if x.carried || y.carried {
		return false
	}
	if y.i < x.i {
		x, y = y, x
	}
	if x.j > y.i {
		return false
	}
	if gap := y.i - x.j; gap > coordinationGap {
		// The first may carry its office and place before the
		// conjunction ("pejabat ASN pemprov Seram Raya dan satu
		// komisaris BUMD"): those words belong to him, not to the gap.
		k := x.j
		for k < y.i && k-x.j < coordinationGap && (ts[k].Upper || officeWord(ts[k].Norm)) {
			k++
		}
		if k == x.j || y.i-k > coordinationGap || strings.ContainsAny(between(text, ts, x.j-1, k), ",.;:()\"") {
			return false
		}
	}
	if strings.ContainsAny(between(text, ts, x.j-1, y.i), ",&/+") {
		return true
	}
	for _, t := range ts[x.j:y.i] {
		switch t.Norm {
		case "dan", "serta", "bersama", "beserta", "dengan", "maupun", "atau", "hingga", "sampai", "sama", "bareng":
			return true
		}
	}
	return false
}

// officeWord reports words that attach an office or a place to the title
// before them ("ASN pemprov Seram Raya", "camat di Kecamatan Bumi").
func officeWord(w string) bool {
	switch w {
	case "pemprov", "pemkab", "pemkot", "pemda", "dinas", "kecamatan", "kabupaten", "kab", "kota", "provinsi", "desa", "kelurahan", "di", "dari":
		return true
	}
	return false
}

// coordinationGap is how many tokens may stand between two people joined
// by a conjunction ("kepala desa dan seorang guru SD negeri").
const coordinationGap = 4

// objectOf reports whether person o, who is not ASN, stands right after
// act a while the civil servant stands before it: the object of the act
// ("camat itu mengumpulkan kades se-kecamatan untuk paslon"), not the one
// who acts. Only right after: further on, o may begin a clause of its own.
func objectOf(o, a, actor occurrence) bool {
	before := actor.carried || actor.j <= a.i
	return before && o.i >= a.j && o.i-a.j <= 1
}

// quoteReach is how many tokens may stand between a verb of saying and
// the quotation it opens ("bilang ke staf pas apel pagi: "…"").
const quoteReach = 6

// saysSide reports, for an act that is a verb of saying (SayGazetteer),
// whether a quotation opens at most quoteReach tokens after it, every
// chosen side stands inside it, and no cue the rule cancels, excludes or
// negates with stands inside it before the side. Any other act passes.
func (cr *compiledRule) saysSide(chosen []occurrence, occ []occurrence, text string, ts []Token) bool {
	a := chosen[0]
	if cr.say < 0 || a.group != cr.say {
		return true
	}
	if a.carried {
		return false
	}
	open, end := -1, len(ts)
	for k := a.j; k < len(ts) && k <= a.j+quoteReach && open < 0; k++ {
		if strings.ContainsAny(between(text, ts, k-1, k), "\"“'‘") {
			open = k
		}
	}
	if open < 0 {
		return false
	}
	for k := open + 1; k < len(ts); k++ {
		if strings.ContainsAny(between(text, ts, k-1, k), "\"”'’") {
			end = k
			break
		}
	}
	inside := func(o occurrence) bool { return !o.carried && o.i >= open && o.j <= end }
	side := end
	for k, rq := range cr.roles {
		if rq.role != rules.RoleTarget {
			continue
		}
		if !inside(chosen[k]) {
			return false
		}
		side = min(side, chosen[k].i)
	}
	// What stands after the side is said about it ("nomor 1 ya, jangan
	// ada yang belok").
	for _, o := range occ {
		if inside(o) && o.i < side && (cr.cancel[o.group] || cr.exclude[o.group] || cr.negate[o.group]) {
			return false
		}
	}
	return true
}

// deniedPerson reports whether actor o is said not to be there: "tidak
// ada ASN aktif … di dalamnya", "tanpa pegawai dinas".
func deniedPerson(o occurrence, ts []Token) bool {
	if o.carried || o.i == 0 {
		return false
	}
	if ts[o.i-1].Norm == "tanpa" {
		return true
	}
	return o.i >= 2 && ts[o.i-1].Norm == "ada" && negationWord(ts[o.i-2].Norm)
}

// enforcer reports whether actor o holds office in a body that oversees
// civil servants' neutrality ("Kepala BKPSDM", "Inspektur", "pegawai
// Inspektorat"), for a rule about violations: the head of the civil
// service agency speaking of "laporan dugaan pelanggaran netralitas"
// handles the cases, and is not one.
func (cr *compiledRule) enforcer(o occurrence, occ []occurrence) bool {
	if o.carried || cr.rule.Category != violationCategory || cr.cueGroups.overseer < 0 {
		return false
	}
	for _, t := range occ {
		if t.group == cr.cueGroups.overseer && !t.carried && o.i <= t.i && t.j <= o.j {
			return true
		}
	}
	return false
}

// violationCategory is the category of the rules about violations
// reported or sanctioned.
const violationCategory = "asn_violation"

// attributed reports whether actor o is named as the one who said a
// quotation that holds act a ("'… begitu MC bilang mari kita foto bersama
// calon, bapak-ibu harus cepat-cepat ke belakang,' ujar Kepala BKPSDM"):
// the speaker, not the one who does what the quotation tells of. Calls to
// vote and pressure are the exception: there the words are the act
// ("'Pilih nomor 2,' kata kepsek").
func (cr *compiledRule) attributed(o, a occurrence, text string, ts []Token) bool {
	if o.carried || a.carried || a.j > o.i || o.i == 0 {
		return false
	}
	switch cr.rule.Category {
	case "asn_support", "asn_mobilisation":
		return false
	}
	if !attributes(ts[o.i-1].Norm) {
		return false
	}
	return strings.ContainsAny(text[ts[a.j-1].End:ts[o.i].Start], "\"”'")
}

// attendeeSpeaks reports whether act a is "hadir" only naming someone
// among the audience who then speaks ("Seorang lurah yang hadir mengaku
// pertemuan itu membantu …"): attending the event the article is about,
// with nothing saying whose event it was.
func attendeeSpeaks(a occurrence, text string, ts []Token) bool {
	if a.carried || a.j != a.i+1 || a.i == 0 || a.j >= len(ts) || ts[a.i].Norm != "hadir" {
		return false
	}
	if w := ts[a.i-1].Norm; w != "yang" && w != "yg" {
		return false
	}
	if strings.ContainsAny(between(text, ts, a.i, a.j), ",") {
		return true
	}
	switch ts[a.j].Norm {
	case "mengaku", "mengatakan", "menyebut", "berkata", "menilai", "menyampaikan", "menuturkan", "bercerita", "mengungkapkan", "menjelaskan", "bertanya", "menanyakan", "berharap", "meminta", "mengusulkan", "mengeluhkan":
		return true
	}
	return false
}

// witness reports whether the chosen actor only sees the act: "yang" and
// a verb of seeing or finding out stand right after them, before act a
// ("ASN yang melihat kerumunan kampanye … dapat melapor").
func (cr *compiledRule) witness(a occurrence, chosen []occurrence, ts []Token) bool {
	for _, x := range chosen {
		if x.carried || !cr.roleIs(x, rules.RoleActor) {
			continue
		}
		if x.j+1 >= len(ts) || x.j+1 >= a.i || ts[x.j].Norm != "yang" {
			return false
		}
		switch ts[x.j+1].Norm {
		case "melihat", "lihat", "liat", "menyaksikan", "mengetahui", "tahu", "tau", "mendengar", "menemukan", "mendapati":
			return true
		}
		return false
	}
	return false
}

// ownsPlace reports whether person o only names whose place or event it
// was ("di panggung acara PGRI", "di rumah kepala desa"): someone there is
// not the one who acted.
func ownsPlace(o occurrence, ts []Token) bool {
	if o.carried || o.i == 0 {
		return false
	}
	switch ts[o.i-1].Norm {
	case "acara", "panggung", "rumah", "kantor", "posko", "gedung", "aula", "balai", "halaman", "grup", "akun", "rapat", "pertemuan", "gudang":
		return true
	}
	return false
}

// placeAfter reports whether civil servant o, after act a, only names
// where something stood ("balihonya lebih gede dari kantor lurahnya"):
// the act has no subject there. A passive act done at an office
// ("beras berstiker calon dibagikan di kantor lurah") is the office's.
func placeAfter(o, a occurrence, text string, ts []Token) bool {
	if a.carried || o.i < a.j || !ownsPlace(o, ts) || strings.IndexFunc(between(text, ts, o.i-1, o.i), isBreakRune) >= 0 {
		return false
	}
	return !passive(ts[a.i].Norm)
}

// passive reports whether w reads as a passive verb ("dibagikan",
// "dipasang"): longer than the short words that also start with "di"
// ("dia", "diam", "dinas").
func passive(w string) bool {
	return strings.HasPrefix(w, "di") && len(w) > 5
}

// worksAt reports whether the civil servant b only names the office where
// the other person o works ("Honorer kantor camat di Pangkep jd timses",
// "tenaga honorer di kantor lurah"): b stands in a place phrase right
// after o.
func worksAt(o, b occurrence, ts []Token) bool {
	if o.j <= b.i && b.i-o.j <= 1 && b.i < len(ts) && (ts[b.i].Norm == "bertugas" || ts[b.i].Norm == "berdinas") && (b.i == o.j || ts[o.j].Norm == "yang") {
		// "TKSK yang bertugas di Kecamatan …": where the other person
		// serves, not a civil servant of that office.
		return true
	}
	if o.j > b.i || !ownsPlace(b, ts) {
		return false
	}
	gap := b.i - 1 - o.j
	if gap == 0 {
		return true
	}
	if gap > 3 || ts[b.i-2].Norm != "di" {
		return false
	}
	// "honorer Satpol PP di kantor camat": a unit between the person and
	// "di" is still where they work; "Honorer sama PNS di kantor camat"
	// names two people.
	for k := o.j; k < b.i-2; k++ {
		switch w := ts[k].Norm; {
		case classToken(w), w == "dan", w == "sama", w == "serta", w == "bersama", w == "dengan", w == "atau":
			return false
		}
	}
	return true
}

// uniform reports whether civil servant b is only a uniform ("seragam
// Korpri", "seragam khaki"): with someone who is not ASN before the act
// ("kades bersama perangkat desa … memakai seragam Korpri"), the uniform
// is theirs.
func uniform(b occurrence, ts []Token) bool {
	if b.carried {
		return false
	}
	switch ts[b.i].Norm {
	case "seragam", "baju", "batik":
		return true
	}
	return false
}

// officerIdle reports whether o names enforcement officers (Satpol PP)
// in a sentence that puts material up and takes none down: "Kepala Satpol
// PP menjatuhkan sanksi kepada anggotanya yang terbukti memasang spanduk
// caleg" tells what an officer did for a side, not their duty; so does a
// sentence with no campaign material at all ("Kasatpol PP bersama seorang
// Kabid hadir pada pendaftaran bapaslon"). With material and no
// installing verb ("Satpol PP diam saja", a scrape that lost the verb) the
// officers stay a sign of enforcement.
func (cr *compiledRule) officerIdle(o occurrence, occ []occurrence, ts []Token) bool {
	if cr.officer < 0 || o.group != cr.officer || cr.enforcement < 0 || ownsPlace(o, ts) {
		// "dikumpulkan di gudang Satpol PP": the material taken down.
		return false
	}
	installs, material := false, false
	for _, x := range occ {
		if x.group == cr.enforcement {
			return false
		}
		installs = installs || x.group == cr.install && !cr.sideInstalls(x, occ)
		material = material || x.group == cr.material
	}
	return installs || cr.material >= 0 && !material
}

// sideInstalls reports whether a side's people stand right before install
// verb x as its subject ("saat tim kampanye memasang baliho").
func (cr *compiledRule) sideInstalls(x occurrence, occ []occurrence) bool {
	for _, t := range occ {
		if !t.carried && !x.carried && t.j == x.i && cr.roleIs(t, rules.RoleTarget) {
			return true
		}
	}
	return false
}

// numberAfter reports whether a ballot number stands within the three
// tokens from k ("pilih nomor urut dua", "coblos paslon 02").
func numberAfter(ts []Token, k int) bool {
	for j := k; j < len(ts) && j < k+3; j++ {
		if strings.HasPrefix(ts[j].Norm, "nourut") {
			return true
		}
	}
	return false
}

// addressee reports whether person o, who is not ASN, is whom the civil
// servant b asks or orders to act: a verb of asking or ordering stands
// between them, right before o ("Camat meminta para kepala desa
// memenangkan paslon nomor 2"). The act is b's order.
func addressee(o, b occurrence, ts []Token) bool {
	if o.carried || b.carried || b.j > o.i || o.i-b.j > addresseeReach {
		return false
	}
	for k := b.j; k < o.i; k++ {
		switch ts[k].Norm {
		case "meminta", "minta", "menyuruh", "nyuruh", "suruh", "memerintahkan", "perintahkan", "menginstruksikan",
			"instruksikan", "mengarahkan", "arahkan", "mengajak", "ngajak", "mewajibkan", "wajibkan", "menekan",
			"menggerakkan", "mengerahkan", "memobilisasi", "menggiring", "mengumpulkan", "ngumpulin":
			return true
		}
	}
	return false
}

// addresseeReach is how many words may stand between a civil servant and
// the one they address ("Camat Sukamaju kemarin meminta para kepala desa").
const addresseeReach = 5

// passiveAgent reports whether person o is the agent of a handling verb
// in the passive just before it ("PNS pemkab … dipanggil Panwaslu gara2
// ngelike postingan calon", "ditegur camat"): the one who called or
// caught someone, not the one who did what follows. ("oleh" is left out:
// "diarahkan oleh camat" names who gave the order.)
func passiveAgent(o occurrence, ts []Token) bool {
	if o.carried {
		return false
	}
	switch wordBefore(o, ts) {
	case "dipanggil", "diperiksa", "dilaporkan", "ditegur", "disanksi", "diklarifikasi", "ditangkap", "diamankan", "dipergoki", "didatangi", "diciduk":
		return true
	}
	return false
}

// paidTo reports whether person o only owns the pay or benefit named just
// before it ("menaikkan gaji PNS", "tunjangan guru PPPK"): what is done to
// their pay is someone else's doing.
func paidTo(o occurrence, ts []Token) bool {
	if o.carried {
		return false
	}
	k := o.i - 1
	if k > 0 && (ts[k].Norm == "para" || ts[k].Norm == "seluruh") {
		// "kesejahteraan para guru"
		k--
	}
	if k < 0 {
		return false
	}
	switch ts[k].Norm {
	case "gaji", "tunjangan", "thr", "honor", "honorarium", "insentif", "upah", "kesejahteraan", "tukin":
		return true
	}
	return false
}

// supposedAfter reports whether person o stands after act a in a clause
// that supposes ("… ngajak warga pilih Ganjar …, kalo ASN yg gitu udh
// disanksi"): someone compared with the one who acted, not the actor.
func supposedAfter(o, a occurrence, ts []Token) bool {
	if o.carried || a.carried || o.i < a.j {
		return false
	}
	for k := a.j; k < o.i; k++ {
		switch ts[k].Norm {
		case "kalau", "jika", "bila", "apabila", "andai", "seandainya", "andaikan":
			return true
		}
	}
	return false
}

// secondHat reports whether person o, who is not ASN, is a post the civil
// servant before holds as well ("guru PNS yang merangkap anggota PPS",
// "merangkap sebagai ketua KPPS", "sekaligus duduk sebagai anggota PPS"):
// the same person, not another nearer the act.
func secondHat(o occurrence, ts []Token) bool {
	if o.carried || o.i == 0 {
		return false
	}
	// "merangkap (sebagai)", "sekaligus (duduk) sebagai", "sekaligus
	// menjadi"
	for k := o.i - 1; k >= 0 && k >= o.i-3; k-- {
		switch ts[k].Norm {
		case "merangkap", "rangkap", "sekaligus":
			return true
		case "sebagai", "jadi", "menjadi", "duduk", "juga":
			continue
		}
		return false
	}
	return false
}

// recruited reports whether person o stands as what a recruitment takes
// in ("program pengangkatan CPNS", "seleksi PPPK"): a kind of post on
// offer, not someone who acts.
func recruited(o occurrence, ts []Token) bool {
	if o.carried {
		return false
	}
	switch wordBefore(o, ts) {
	case "pengangkatan", "penerimaan", "rekrutmen", "seleksi", "formasi", "tes", "kuota", "lowongan":
		return true
	}
	return false
}

// audienceAfter reports whether actor o, after act a, is whom the act was
// done before ("video bupati yang kampanye di depan sosok ASN", "berorasi
// di hadapan para guru"): the audience, not the one who acted.
func audienceAfter(o, a occurrence, ts []Token) bool {
	if o.carried || a.carried || o.i < a.j || o.i-a.j > audienceReach {
		return false
	}
	k := o.i - 1
	for k >= a.j && audienceFiller(ts[k].Norm) {
		k--
	}
	if k < a.j {
		return false
	}
	switch ts[k].Norm {
	case "depan", "hadapan":
		return k > 0 && ts[k-1].Norm == "di"
	case "dihadapan", "didepan":
		return true
	}
	return false
}

// audienceReach is how many words may stand between an act and the
// audience it was done before ("kampanye di depan sosok ASN").
const audienceReach = 5

// audienceFiller reports the words that may stand between "di depan" and
// the people in front ("para", "sosok", "ratusan").
func audienceFiller(w string) bool {
	switch w {
	case "para", "sosok", "seluruh", "semua", "sejumlah", "ratusan", "puluhan", "ribuan", "beberapa":
		return true
	}
	return false
}
