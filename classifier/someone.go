package classifier

import (
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// Someone in particular or a class: GUIDE.md makes a case of an act by
// someone identifiable, and of a rumour, denial or question about them,
// but not of what civil servants as a class do or may do.

// particularOnly reports whether cue group g cancels an act only when the
// act is civil servants' in general: a rumour, a denial, a procedure.
func (cr *compiledRule) particularOnly(g int32) bool {
	return g >= 0 && (g == cr.rumour || g == cr.accusedDenial || g == cr.question || g == cr.handling)
}

// mayNameCase reports whether cue o cancels only an act by civil servants
// in general, so that about someone in particular it still reports a
// case: a rumour, a denial by the accused, a question, an example dated
// to a past election (see ExplanationGazetteer), and a condition
// put as a question of law ("bagaimana hukumnya kalau kepala puskesmas
// kami … pasang foto profil bareng paslon?" asks about what was done).
// A blanket denial ("membantah ada arahan") names no case; a rumour that
// there are people ("beredar kabar ada dua PNS …, yakni …") still may.
func (cr *compiledRule) mayNameCase(o occurrence, ts []Token) bool {
	if cr.particularOnly(o.group) {
		return o.group == cr.rumour || !deniesExistence(o, ts)
	}
	if o.group >= 0 && o.group == cr.explanation {
		return pastElection(ts) || shownEvent(ts)
	}
	return o.group >= 0 && o.group == cr.hypothetical && lawQuestion(o, ts)
}

// pastElection reports whether a sentence dates what it tells to an
// election year or to the past ("pada Pilkada 2020", "pemilu lalu"), as
// a concrete case is told and a kind of violation is not.
func pastElection(ts []Token) bool {
	for _, t := range ts {
		switch n := t.Norm; {
		case n == "lalu" || n == "silam":
			return true
		case len(n) == 4 && (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20")) && strings.Trim(n, "0123456789") == "":
			return true
		}
	}
	return false
}

// shownEvent reports whether a sentence tells what a record shows or who
// was caught ("sebuah video memperlihatkan Camat …", "kedapatan …"): an
// example told that way is a case that happened, not a kind of violation.
func shownEvent(ts []Token) bool {
	for _, t := range ts {
		if t.Norm == "memperlihatkan" || caught(t.Norm) {
			return true
		}
	}
	return false
}

// lawQuestion reports whether cue o is "kalau" (or "jika", "bila") right
// after "hukumnya" or "aturannya": what follows is what the writer asks
// the law about.
func lawQuestion(o occurrence, ts []Token) bool {
	if o.carried || o.j != o.i+1 || o.i == 0 {
		return false
	}
	switch ts[o.i].Norm {
	case "kalau", "kalo", "klo", "jika", "bila", "apabila":
	default:
		return false
	}
	switch ts[o.i-1].Norm {
	case "hukumnya", "aturannya":
		return true
	}
	return false
}

// deniesExistence reports whether cue o denies that there is anything at
// all ("membantah ada arahan …", "membantah kabar bahwa …"): a blanket
// denial, whoever makes it, names no case.
func deniesExistence(o occurrence, ts []Token) bool {
	if o.carried || o.j >= len(ts) {
		return false
	}
	switch ts[o.j].Norm {
	case "ada", "adanya", "kabar", "isu", "informasi", "berita":
		return true
	}
	return false
}

// namesSomeone reports whether the actor among chosen is someone in
// particular: a role, not the class of all civil servants, and particular
// (see particular) — "Camat Sukajadi", not "ada ASN" — or people the
// sentence goes on to name ("ada dua PNS … mengisi bursa calon wali kota,
// yakni Ahmad … dan Irwan …").
func (cr *compiledRule) namesSomeone(chosen []occurrence, ts []Token) bool {
	for _, x := range chosen {
		if x.carried || !cr.roleIs(x, rules.RoleActor) {
			continue
		}
		return !classWord(x, ts) && particular(x, ts, cr.vocab) || namedLater(x, ts, cr.vocab)
	}
	return false
}

// carriedActor reports whether the chosen actor was carried from the
// sentence before.
func (cr *compiledRule) carriedActor(chosen []occurrence) bool {
	for _, x := range chosen {
		if cr.roleIs(x, rules.RoleActor) {
			return x.carried
		}
	}
	return false
}

// singularSubject reports whether a sentence's subject is a singular
// personal pronoun ("Ia", "Dia", "Beliau"), not one opening a relative
// clause ("Dia yang …").
func singularSubject(ts []Token) bool {
	if len(ts) < 2 || ts[1].Norm == "yang" {
		return false
	}
	switch ts[0].Norm {
	case "ia", "dia", "beliau":
		return true
	}
	return false
}

// namedLaterReach is how far after the people a sentence may name them.
const namedLaterReach = 25

// namedLater reports whether "yakni" or "yaitu" after actor x opens a
// name: a capitalised word the pack does not know.
func namedLater(x occurrence, ts []Token, vocab map[string]bool) bool {
	for k := x.j; k+1 < len(ts) && k <= x.j+namedLaterReach; k++ {
		if n := ts[k].Norm; n != "yakni" && n != "yaitu" {
			continue
		}
		if t := ts[k+1]; t.Upper && !vocab[t.Norm] {
			return true
		}
	}
	return false
}

// caseNamed reports whether a cue that cancels only acts of civil servants
// in general (see mayNameCase) meets someone in particular: the act's
// actor, or for a procedure any actor in the sentence, as handling
// "pelanggaran netralitas ASN oleh camat Sukajadi" handles the camat's.
func (cr *compiledRule) caseNamed(cue occurrence, chosen, occ []occurrence, ts []Token) bool {
	if cr.namesSomeone(chosen, ts) || cr.kindInPlace(chosen, ts) {
		return true
	}
	if cue.group == cr.accusedDenial && cr.carriedActor(chosen) && singularSubject(ts) {
		// "Dia sudah membantah tuduhan …": one person, carried from
		// the sentence before by a singular pronoun, denies the act.
		return true
	}
	if cue.group != cr.handling {
		return false
	}
	if handledOfSome(cue, ts) {
		return true
	}
	for _, x := range occ {
		if !x.carried && cr.roleIs(x, rules.RoleActor) && !classWord(x, ts) && particular(x, ts, cr.vocab) {
			return true
		}
	}
	return false
}

// handledOfSome reports whether handling cue cue is of a violation by or
// against people counted or already told of ("penanganan dugaan
// pelanggaran netralitas oleh tiga pejabat ASN", "… oleh yang
// bersangkutan"): the handling of a case.
func handledOfSome(cue occurrence, ts []Token) bool {
	if cue.carried {
		return false
	}
	for k := cue.j; k+1 < len(ts) && k <= cue.j+handledReach; k++ {
		if n := ts[k].Norm; n != "oleh" && n != "terhadap" {
			continue
		}
		for m := k + 1; m < len(ts) && m <= k+3; m++ {
			w := ts[m].Norm
			if _, ok := numberWord(w); ok || isDigits(w) || w == "seorang" || w == "bersangkutan" {
				return true
			}
		}
	}
	return false
}

// handledReach is how many tokens after a handling cue the ones handled
// may be named.
const handledReach = 10

// kindInPlace reports whether the chosen actor is a kind of civil servant
// (not the class itself) and the sentence names a village, district or
// regency after it ("pak penyuluh pertanian yg biasa ngurus poktan di Desa
// Bungku"): GUIDE makes a kind of ASN in a named region with a concrete
// act a case, whatever is asked or rumoured about it.
func (cr *compiledRule) kindInPlace(chosen []occurrence, ts []Token) bool {
	for _, x := range chosen {
		if x.carried || !cr.roleIs(x, rules.RoleActor) {
			continue
		}
		if classWord(x, ts) {
			return false
		}
		for k := x.j; k+1 < len(ts); k++ {
			switch ts[k].Norm {
			case "desa", "kelurahan", "kecamatan", "kec", "kabupaten", "kab", "kota", "dusun", "kampung", "nagari", "distrik":
				if n := ts[k+1]; n.Upper && !cr.vocab[n.Norm] {
					return true
				}
			}
		}
		return false
	}
	return false
}

// classWord reports whether actor x is only words for civil servants in
// general ("ASN", "pegawai negeri sipil"), not a kind of them.
func classWord(x occurrence, ts []Token) bool {
	for k := x.i; k < x.j && k < len(ts); k++ {
		if !classToken(ts[k].Norm) {
			return false
		}
	}
	return true
}

// particular reports whether actor x names someone in particular rather
// than a class: a capitalised word in the role or just after it ("Kepala
// SMP Negeri 2 Nita", "camat Sukajadi"), other than the class words
// themselves ("ASN", "PNS") and the first word of the sentence. vocab
// holds the words the pack knows.
func particular(x occurrence, ts []Token, vocab map[string]bool) bool {
	// In a headline in title case every word has a capital, so there
	// only a capitalised word no gazetteer knows, the first after the
	// title, names someone or somewhere ("Perawat RSUD Undata …", "Lurah
	// di Palembang …", not "Camat Diarahkan Dukung Paslon" or "… Camat
	// Dukung Calon Tertentu").
	title := titleCase(ts)
	// A capital that opens the sentence says nothing.
	for k := max(x.i, 1); k < len(ts) && k < x.j+3; k++ {
		switch ts[k].Norm {
		case "asn", "pns", "pppk", "aparatur", "sipil", "negara":
			continue
		}
		if !ts[k].Upper {
			continue
		}
		if !title {
			return true
		}
		if k >= x.j {
			// The first capitalised word after the title decides.
			return !vocab[ts[k].Norm]
		}
	}
	return false
}

// genericClass reports whether actor o is civil servants as a class ("ASN
// punya hak pilih."), not someone told of: an anaphor after it ("Untuk
// memilih, ia perlu tahu visi misi calon") speaks of any of them. A count,
// "seorang", "oknum", a demonstrative, an initial or a capitalised name
// after the words makes them someone ("Seorang ASN …", "ASN berinisial
// AS", "ASN Dinas Sosial"), and so does saying someone is one ("Sekdes
// kami itu PNS", "diangkat sebagai PPPK"). In a headline (title) every
// word has a capital, so a capital there names no one.
func genericClass(o occurrence, ts []Token, title bool) bool {
	if !classWord(o, ts) {
		return false
	}
	// Look past the class's other names, its full form and a classifier:
	// "satu ASN atau PNS", "Sejumlah Aparatur Sipil Negara (ASN)",
	// "delapan orang ASN", "tiga pejabat ASN", "sejumlah orang dari unsur
	// ASN".
	b := o.i - 1
	for b >= 0 && classFiller(ts, b) {
		b--
	}
	if b >= 0 {
		switch w := ts[b].Norm; w {
		case "ada", "terdapat", "ditemukan", "temukan", "menemukan", "mendapati", "memergoki", "kedapatan":
			// "ada ASN yang tampak terlibat": there were some.
			return false
		case "seorang", "oknum", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sejumlah", "beberapa", "belasan", "puluhan", "ratusan", "si", "sang",
			// said of someone: "Sekdes di desa kami itu PNS", "diangkat
			// sebagai PPPK"
			"itu", "sebagai", "jadi", "menjadi", "juga", "masih":
			return false
		default:
			if isDigits(w) || statusWord(w) {
				return false
			}
		}
	}
	for k := o.j; k < len(ts) && k < o.j+3; k++ {
		if pointsToOne(ts[k].Norm) {
			return false
		}
		if ts[k].Upper && !title && !classToken(ts[k].Norm) {
			return false
		}
	}
	return true
}

// classFiller reports whether token b belongs to the name of the class
// before it, not to what picks someone out: another of its names, a
// conjunction, a classifier ("orang", "pejabat") or "(dari) unsur".
func classFiller(ts []Token, b int) bool {
	switch w := ts[b].Norm; w {
	case "atau", "dan", "orang", "pejabat", "unsur":
		return true
	case "dari":
		return b+1 < len(ts) && ts[b+1].Norm == "unsur"
	default:
		return classToken(w)
	}
}

// pointsToOne reports words after a role that make it one person: a
// demonstrative or initials and a name to come ("guru itu", "ASN
// berinisial AS", "staf bernama Rudi").
func pointsToOne(w string) bool {
	switch w {
	case "itu", "tersebut", "tsb", "berinisial", "bernama", "inisial":
		return true
	}
	return false
}

// classToken reports the words of the names of civil servants as a class.
func classToken(w string) bool {
	switch w {
	case "asn", "pns", "pppk", "aparatur", "sipil", "negara", "negeri", "pegawai":
		return true
	}
	return false
}

// frontedTopic reports whether hit h's act and actor stand in a phrase put
// before the sentence's first comma and opened by a word that names a
// topic ("Untuk pelanggaran netralitas ASN, rekomendasi dikirimkan ke
// BKN"): a kind of case the sentence goes on to say something about.
func frontedTopic(text string, h netra.Hit, ts []Token) bool {
	if len(ts) == 0 {
		return false
	}
	switch ts[0].Norm {
	case "untuk", "terkait", "soal", "mengenai", "tentang", "perihal", "bagi":
	default:
		return false
	}
	comma := -1
	for k := 1; k < len(ts); k++ {
		if strings.Contains(between(text, ts, k-1, k), ",") {
			comma = ts[k].Start
			break
		}
	}
	if comma < 0 {
		return false
	}
	for _, sp := range h.Spans {
		if (sp.Role == rules.RoleAct || sp.Role == rules.RoleActor) && sp.Start >= comma {
			return false
		}
	}
	return true
}

// enumeratedKinds reports whether the actor of hit h opens one of two or
// more "ada <someone> yang …" in its sentence ("Ada guru yang ikut foto
// bareng lalu pamer jari dua, ada pejabat yang meminjamkan mobil dinas
// …"): a list of the kinds of case there are, with no one in it.
func (c *Classifier) enumeratedKinds(h netra.Hit, ts []Token, occ []occurrence) bool {
	o, ok := c.hitActor(h, ts, occ)
	if !ok || !thereIsKind(o, ts) {
		return false
	}
	n := 0
	for k := range ts {
		if ts[k].Norm != "ada" {
			continue
		}
		for j := k + 2; j < len(ts) && j <= k+4; j++ {
			if ts[j].Norm == "yang" {
				n++
				break
			}
		}
	}
	return n >= 2
}

// thereIsKind reports whether actor x stands as "ada x yang": "ada" (or
// "ada juga") right before it and "yang" right after.
func thereIsKind(x occurrence, ts []Token) bool {
	if x.j >= len(ts) || ts[x.j].Norm != "yang" || x.i == 0 {
		return false
	}
	k := x.i - 1
	if ts[k].Norm == "juga" && k > 0 {
		k--
	}
	return ts[k].Norm == "ada"
}

// stepAgainstSomeone reports whether future cue o stands before an
// overseer's step a (see CaseActiveGazetteer) taken against people picked
// out by what they did, or as the ones told of or as witnesses: "akan
// memanggil lurah … yang terlihat
// membantu dalam foto", "akan memeriksa kepala OPD yang hadir di rumah
// jabatan sebagai saksi". The case is being handled; only the step is to
// come.
func (cr *compiledRule) stepAgainstSomeone(o, a occurrence, occ []occurrence, ts []Token) bool {
	if o.carried || a.carried || cr.future < 0 || o.group != cr.future || a.group != cr.caseActive {
		return false
	}
	for _, x := range occ {
		if x.carried || x.i < a.j || x.i > a.j+2 || !cr.roleIs(x, rules.RoleActor) {
			continue
		}
		for k := x.j; k < len(ts) && k <= x.j+6; k++ {
			switch ts[k].Norm {
			case "tersebut", "bersangkutan", "saksi":
				return true
			case "yang":
				if k+1 < len(ts) {
					switch ts[k+1].Norm {
					case "hadir", "terlihat", "terekam", "tertangkap", "kedapatan", "ketahuan", "tampak", "ikut", "membantu", "menghadiri":
						return true
					}
				}
			}
		}
		return false
	}
	return false
}

// sentRumour reports whether rumour cue o is a chain message someone sent
// ("ketahuan mengirim pesan berantai berisi ajakan …"): the message is the
// act's medium, its sender known, not hearsay about unnamed others.
func (cr *compiledRule) sentRumour(o occurrence, occ []occurrence, ts []Token) bool {
	if o.group != cr.rumour || o.carried || o.i == 0 || ts[o.j-1].Norm != "berantai" {
		return false
	}
	if chainFrom(o, occ, ts, func(x occurrence) bool { return cr.roleIs(x, rules.RoleActor) }) {
		return true
	}
	switch ts[o.i-1].Norm {
	case "mengirim", "mengirimkan", "kirim", "ngirim", "ngirimin", "menyebar", "menyebarkan", "nyebar", "nyebarin",
		"sebar", "membagikan", "meneruskan", "menerusin", "memforward", "forward", "menulis", "membuat", "bikin":
		return true
	}
	return false
}

// chainFrom reports whether chain message o ("pesan berantai") is said
// to come from someone the rule takes as an actor ("dapat pesan berantai
// dari kepala UPT"): its sender is known.
func chainFrom(o occurrence, occ []occurrence, ts []Token, actor func(occurrence) bool) bool {
	if o.carried || o.j >= len(ts) || ts[o.j-1].Norm != "berantai" || ts[o.j].Norm != "dari" {
		return false
	}
	for _, x := range occ {
		if !x.carried && x.i == o.j+1 && actor(x) {
			return true
		}
	}
	return false
}
