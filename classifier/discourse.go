package classifier

import (
	"slices"
	"strings"

	"github.com/netra-id/netra/rules"
)

// What the sentence does: whether a cue cancels an act (a norm, an
// appeal, a hypothesis, a denial, a rumour), and the clauses that keep it
// from doing so (a concession, a finding, a cited case, a sanction given
// to someone in particular, an instruction that is the pressure itself).
// cancelled reports whether a cancel cue stands before the anchor in the
// sentence ("ASN dilarang berkampanye", "membantah mendukung", "jika ASN
// ikut kampanye") or right after it ("kampanye tidak dibenarkan"), and
// which occurrence it is. In a headline, a question followed by advice
// ("Diajak Atasan Dukung Calon? Bawaslu Minta ASN Berani Melapor") asks
// what if, and a speaker after a colon may deny it ("…, Disdik: Mereka
// Bukan Guru"): a cue after the question mark or colon cancels the act
// before it. Cues of group skip are passed over.
func (cr *compiledRule) cancelled(a occurrence, occ []occurrence, text string, ts []Token, skip ...int32) (int, bool) {
	if keptFrom(a, ts) {
		// "menjaga kampus dari politik praktis": kept away from it.
		return keptFromCue, true
	}
	if otherThan(a, ts) {
		// "saya tidak mau dengar ada yang pilih selain partai …": a
		// vote for anyone else forbidden is a vote for the side.
		return -1, false
	}
	hyp, neg := cr.conditionalRefusal(a, occ)
	demand := cr.conditionalDemand(a, occ, text, ts)
	for k, o := range occ {
		if slices.Contains(skip, o.group) || k == hyp || k == neg || corrected(o, a, text, ts) || o.i >= demand && o.j <= a.i {
			continue
		}
		if o.j < len(ts) && !o.carried && ts[o.j].Norm == "perhatian" {
			// "menyita perhatian", "mencuri perhatian": an idiom.
			continue
		}
		if a.group == cr.say && o.i >= a.j {
			// What was said is weighed by saysSide.
			continue
		}
		if cr.permitsSide(o, occ, ts) {
			// "Kepala SD negeri itu mengizinkan caleg berkampanye di
			// depan siswa": leave given to a side is the act.
			continue
		}
		if appealToVoteFor(o, a, ts) || steersAway(o, a, ts) || cr.asksVote(o, a, occ, ts) {
			// "Lurah mengingatkan warganya agar memilih paslon nomor urut
			// 2": an appeal to vote for a number is the call itself, and
			// so is an order not to vote for one.
			continue
		}
		if cr.promotesSide(o, occ, ts) {
			// "ikut sosialisasikan caleg provinsi": making a candidate
			// known is campaigning, not socialising the rules.
			continue
		}
		if interjection(o, a, text, ts) {
			// "hati2 lur, pns pemkab sini dipanggil panwas …": a warning
			// shouted before the news, not a norm over it.
			continue
		}
		if exemptCue(o, ts) || cr.orderedDuty(o, occ, text, ts) || cr.watchesActor(o, a, occ) || cr.countedCase(o, occ, ts) {
			continue
		}
		if cr.eventSetting(o, occ, text, ts) {
			// "waktu rakor di hotel ada arahan …", "judulnya rakor …":
			// the meeting is where the act took place, not a
			// socialisation of the rules.
			continue
		}
		if inProperName(o, text, ts) {
			// "Balai Penyuluhan Pertanian": an office's name, not counsel.
			continue
		}
		if cr.partOfSide(o, occ) {
			// "jangan" of a coded side ("jangan sampai suara TPS
			// kalah") is what is wanted, not a prohibition.
			continue
		}
		if cr.partOfAct(o, occ) {
			// A cue inside an act's own words ("mengamankan" in
			// "mengamankan suara") is the act, not what cancels it.
			continue
		}
		if cr.negate[o.group] && cr.callsOff(o, a, occ, ts) {
			return k, true
		}
		if cr.negate[o.group] && o.j <= a.i && !apart(o, a, text, ts) && cr.negatesAct(o, a, occ, text, ts) {
			return k, true
		}

		if !cr.cancel[o.group] && !cr.overseerRequest(o, occ) && !cr.requestNot(o, a, occ) {
			continue
		}
		if apart(o, a, text, ts) {
			continue
		}
		if o.group == cr.question && !endsWithQuestion(text, ts) {
			continue
		}
		if obliges(o, a, ts) {
			// "semua pegawai wajib ikut acara kampanye": no rule obliges
			// a partisan act, so the obligation is the pressure.
			continue
		}
		if cr.instructs(o, a, occ) || cr.inSanctionOfSomeone(o, occ, ts) || cr.sanctionRequested(o, a, ts) || thatClause(o, ts) || cr.sentRumour(o, occ, ts) || violated(o, text, ts) {
			continue
		}
		if o.i == a.j || cr.rightAfterActor(o, a, occ) || (o.j <= a.i && !cr.shielded(o, a, occ, ts) && !cr.conceded(o, a, occ, text, ts)) {
			return k, true
		}
		if !o.carried && o.i >= a.j && (turnBetween(text, ts, a.j-1, o.i) || resumedAfter(o, a, ts)) {
			return k, true
		}
	}
	return -1, false
}

// obliges reports whether cue o is a single word of obligation ("wajib",
// "harus", "diharapkan") with the act right after it, at most two words
// between ("wajib setor 20 fotokopi KTP").
func obliges(o, a occurrence, ts []Token) bool {
	if o.carried || a.carried || o.j != o.i+1 || o.j > a.i || a.i-o.j > 2 {
		return false
	}
	for k := o.j; k < a.i; k++ {
		if clauseWord(ts[k].Norm) {
			// "Wajib Cuti Saat Ikut Kampanye": the obligation is the
			// leave, and the act is when it applies.
			return false
		}
	}
	switch ts[o.i].Norm {
	case "wajib", "harus", "diwajibkan", "mesti", "kudu", "wajibkan",
		// An office's circular asks staff to be there: "seluruh pegawai
		// Dinas Perikanan diharapkan hadir di kampanye akbar".
		"diharapkan", "diharap", "harap", "dimohon":
		return true
	}
	return false
}

// notToDo reports whether negation n opens a purpose clause ("untuk
// tidak", "agar tidak", "supaya jangan") that goes on, with no comma, to
// the act: "mendorong partai untuk tidak menarik-narik ASN ke dalam
// kegiatan kampanye" asks that nobody does it.
func notToDo(n, a occurrence, text string, ts []Token) bool {
	if n.carried || a.carried || n.i == 0 || a.i-n.j > 10 {
		return false
	}
	switch ts[n.i-1].Norm {
	case "untuk", "agar", "supaya", "biar", "hendaknya":
		return !clauseBreak(text, ts, n.j-1, a.i)
	}
	return false
}

// keptFromCue is what cancelled returns for an act kept away from ("dari"
// after a verb of keeping), which has no occurrence of its own.
const keptFromCue = -2

// requestNot reports whether o is a request that asks someone not to do
// the act ("meminta kepala OPD untuk tidak mengadakan …"): whoever asks,
// asking not to is an appeal, never pressure.
func (cr *compiledRule) requestNot(o, a occurrence, occ []occurrence) bool {
	if cr.request < 0 || o.group != cr.request || o.carried || o.j > a.i {
		return false
	}
	for _, n := range occ {
		if cr.negate[n.group] && !n.carried && n.i >= o.j && n.j <= a.i {
			return true
		}
	}
	return false
}

// endsWithQuestion reports whether the sentence of tokens ts ends with a
// question mark.
func endsWithQuestion(text string, ts []Token) bool {
	if len(ts) == 0 {
		return false
	}
	rest := text[ts[len(ts)-1].End:]
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '?':
			return true
		case '.', '!', '\n':
			return false
		}
	}
	return false
}

// keptFrom reports whether act a stands right after "dari" (at most one
// word between) that a verb of keeping or freeing governs a few words
// before: "menjaga kampus dari kegiatan politik praktis", "steril dari
// kampanye". Kept from the act, nobody did it.
func keptFrom(a occurrence, ts []Token) bool {
	if a.carried {
		return false
	}
	for d := a.i - 1; d >= 0 && d >= a.i-2; d-- {
		if ts[d].Norm != "dari" {
			continue
		}
		for k := d - 1; k >= 0 && k >= d-8; k-- {
			switch ts[k].Norm {
			case "jaga", "menjaga", "dijaga", "jauhkan", "menjauhkan", "dijauhkan", "steril", "bebas", "bersih",
				"terhindar", "hindarkan", "menghindarkan", "melindungi", "lindungi", "dilindungi", "membentengi",
				"netral", "menjauh", "menjauhi", "lepas", "terlepas", "membebaskan", "dibebaskan":
				return true
			}
		}
	}
	return false
}

// conditionalRefusal finds a condition on not doing the act right before
// it — "kalau nggak pilih 01, siap-siap pindah", "jika tidak mendukung
// petahana …": the threat that makes it pressure, not a hypothesis or a
// denial. It returns the indices in occ of the condition and the negation,
// or -1, -1.
func (cr *compiledRule) conditionalRefusal(a occurrence, occ []occurrence) (int, int) {
	// Only a vote or support is demanded on pain of something; "jika ASN
	// tidak ikut kampanye?" asks about a campaign.
	if cr.hypothetical < 0 || a.carried || a.group != cr.support {
		return -1, -1
	}
	for n, o := range occ {
		if !cr.negate[o.group] || o.j != a.i {
			continue
		}
		for h, p := range occ {
			if p.group == cr.hypothetical && p.j <= o.i && o.i-p.j <= 3 {
				return h, n
			}
		}
	}
	return -1, -1
}

// turnBetween reports whether a question mark or a colon stands between
// the end of token from and the start of token to: in a headline the part
// after it answers the part before ("…? Bawaslu Minta ASN Berani Melapor",
// "… Dukung Paslon, Disdik: Mereka Bukan Guru").
func turnBetween(text string, ts []Token, from, to int) bool {
	for k := max(from, 0); k < to; k++ {
		if strings.ContainsAny(between(text, ts, k, k+1), "?:") {
			return true
		}
	}
	return false
}

// sanctionRequested reports whether request o asks for a sanction on
// those who did act a ("KASN meminta bupati menegur tujuh ASN yang
// berkampanye …", "Bawaslu minta KASN pecat ASN yg ikut kampanye paslon no
// 3"): the request is the handling of a case, and the act is reported.
func (cr *compiledRule) sanctionRequested(o, a occurrence, ts []Token) bool {
	if cr.request < 0 || o.group != cr.request || o.carried || o.j > a.i {
		return false
	}
	for k := o.j; k < a.i && k <= o.j+requestReach; k++ {
		switch ts[k].Norm {
		case "pecat", "memecat", "tegur", "menegur", "sanksi", "menyanksi", "menindak", "tindak", "memberhentikan",
			"berhentikan", "mencopot", "copot", "menonaktifkan", "nonaktifkan", "menjatuhkan", "memeriksa", "periksa":
			return true
		}
	}
	return false
}

// requestReach is how many tokens after a request its sanction verb may
// stand ("meminta Bupati Sumba Timur menegur …").
const requestReach = 5

// overseerReach is how many tokens may stand between an overseer and its
// request ("Bawaslu Kota Baubau meminta").
const overseerReach = 4

// overseerRequest reports whether o is a request made by an overseer (see
// OverseerGazetteer), which cancels like an appeal.
func (cr *compiledRule) overseerRequest(o occurrence, occ []occurrence) bool {
	if cr.request < 0 || o.group != cr.request || o.carried {
		return false
	}
	for _, b := range occ {
		if b.group == cr.overseer && !b.carried && b.j <= o.i && o.i-b.j <= overseerReach {
			return true
		}
	}
	return false
}

// instructReach is how far after a passive instruction ("diminta") the act
// may start and still be what was instructed: right after it, or after the
// one who instructed ("diminta kepala sekolah mengisi formulir dukungan").
const (
	instructReach      = 2
	instructAgentReach = 6
)

// instructs reports whether cancel cue o is a passive instruction (see
// InstructedGazetteer) whose content is the act a itself: someone was told
// to do the partisan act, which is pressure, not an appeal.
func (cr *compiledRule) instructs(o, a occurrence, occ []occurrence) bool {
	if cr.instructed < 0 || o.carried || a.i < o.j {
		return false
	}
	same, agent := false, false
	for _, x := range occ {
		if x.carried {
			continue
		}
		if x.group == cr.instructed && x.i == o.i {
			same = true
		}
		if x.i == o.j && cr.roleIs(x, rules.RoleActor) {
			agent = true
		}
	}
	return same && (a.i-o.j <= instructReach || agent && a.i-o.j <= instructAgentReach || a.i-o.j <= instructTaskReach && cr.taskClause(o, a, occ))
}

// instructTaskReach is how far after a passive instruction the act may
// stand inside the task it names ("diminta mendata guru dan wali murid
// yang siap mendukung paslon …").
const instructTaskReach = 8

// taskClause reports whether the words from instruction o to act a are one
// task with no cue of the rule's discourse between them: "diminta tidak
// memanfaatkan … untuk politik praktis" asks that nothing be done.
func (cr *compiledRule) taskClause(o, a occurrence, occ []occurrence) bool {
	for _, x := range occ {
		if !x.carried && x.i >= o.j && x.i < a.i && (cr.cancel[x.group] || cr.negate[x.group]) {
			return false
		}
	}
	return true
}

// conceded reports whether cancel cue o stands in a concessive clause
// ("Meski sudah ada surat edaran bupati, …") or an opening setting
// ("Dalam sosialisasi itu, …") that a comma closes before
// the anchor a, or in a clause that a comma and a contrast word ("…, tapi
// …") set against the anchor's: the one clause grants the norm, the other
// reports what happened in spite of it.
func (cr *compiledRule) conceded(o, a occurrence, occ []occurrence, text string, ts []Token) bool {
	if o.carried || a.carried || o.j > a.i {
		return false
	}
	for _, c := range occ {
		if c.carried {
			continue
		}
		switch c.group {
		case cr.concession, cr.setting:
			// A cue right after a word of time is when the act happened,
			// not what the sentence does: "pas sosialisasi KB malah ikut
			// bagi-bagi amplop caleg". Unless the act is the cue's own
			// object: "saat mengawasi jalannya kampanye" watches it.
			if c.group == cr.setting && c.j == o.i && o.j < a.i {
				return true
			}
			// A setting ("Dalam sosialisasi itu, …") frames the sentence
			// only from its start.
			if c.group == cr.setting && c.i != 0 {
				continue
			}
			if c.j <= o.i && !clauseBreak(text, ts, c.j-1, o.i) && clauseBreak(text, ts, o.j-1, a.i) {
				return true
			}
		case cr.contrast:
			// "ASN harus netral, tapi camat itu ikut konvoi": the
			// clause after the comma and "tapi" reports what happened.
			if o.j <= c.i && c.j <= a.i && clauseBreak(text, ts, o.j-1, c.i) && !clauseBreak(text, ts, c.j-1, a.i) {
				return true
			}
		}
	}
	return false
}

// between returns the text between the end of token from and the start of
// token to; "" when there is none, as between the tokens of one lexicon
// expansion ("rame2" → "rame rame"), which share their bytes.
func between(text string, ts []Token, from, to int) string {
	if from < 0 || to >= len(ts) || from >= to || ts[from].End >= ts[to].Start {
		return ""
	}
	return text[ts[from].End:ts[to].Start]
}

// clauseBreak reports whether a comma or semicolon stands between the end
// of token from and the start of token to.
func clauseBreak(text string, ts []Token, from, to int) bool {
	return strings.ContainsAny(between(text, ts, from, to), ",;")
}

// normSubject reports whether a chosen actor is the subject of a norm:
// a rule or permission cue right after it ("ASN harus netral", "PNS
// dilarang …", "ASN boleh hadir") makes the sentence state the rule for
// that actor, even when an act stands elsewhere in it ("deklarasi kades
// itu didukung, padahal ASN harus netral"). Leave given to a side ("Kepala
// Puskesmas mengizinkan tim kampanye …") is the act, as in cancelled.
func (cr *compiledRule) normSubject(text string, chosen, occ []occurrence, ts []Token, modes []string) (int, bool) {
	for _, c := range chosen {
		if c.carried || !cr.roleIs(c, rules.RoleActor) {
			continue
		}
		for k, o := range occ {
			if !cr.cancel[o.group] || o.i < c.j || o.i > c.j+1 || obliges(o, chosen[0], ts) || cr.partOfAct(o, occ) || cr.partOfSide(o, occ) || appealToVoteFor(o, chosen[0], ts) || cr.orderedDuty(o, occ, text, ts) || exemptCue(o, ts) || cr.permitsSide(o, occ, ts) {
				continue
			}
			if m := modes[o.group]; m == "rule" || m == "permission" {
				return k, true
			}
		}
	}
	return -1, false
}

// roleIs reports whether occurrence o fills role in this rule.
func (cr *compiledRule) roleIs(o occurrence, role string) bool {
	for _, rq := range cr.roles {
		if rq.role == role && rq.groups[o.group] {
			return true
		}
	}
	return false
}

// shielded reports whether a clause between cancel cue o and the anchor a
// makes o about something else: a realis clause ("yang terbukti") shields
// the act from a purpose cue or an overseer's request, since o is then
// about the finding ("Panwaslu meminta BKD agar memberi sanksi kepada
// sekcam yang terbukti menghadiri …"); a cited
// precedent ("… yang tahun lalu dijatuhi sanksi karena …") shields it from
// every cancel cue, since the sentence uses a real case as its lesson.
func (cr *compiledRule) shielded(o, a occurrence, occ []occurrence, ts []Token) bool {
	for _, r := range occ {
		if r.carried || r.j > a.i {
			continue
		}
		if r.group == cr.realis && (o.group == cr.purpose || o.group == cr.request) && r.i >= o.j {
			return true
		}
		if r.group == cr.precedent && cr.precedent >= 0 && r.i >= o.j && cr.citesCase(r, occ, ts) {
			return true
		}
	}
	return cr.inCitedCase(o, occ, ts) || findingAfter(o, a, ts)
}

// sanctionOfSomeone reports whether o is a sanction (see SanctionGazetteer,
// or a rule statement "sanksi bagi") given to someone in particular: its subject, an actor right before it or
// opening the sentence, names someone (see namesSomeone), no class word
// stands before that actor, and no modal before the sanction ("bisa
// dijatuhi sanksi" is a threat).
func (cr *compiledRule) sanctionOfSomeone(o occurrence, occ []occurrence, ts []Token) bool {
	if o.carried {
		return false
	}
	// A rule statement that opens with the sanction's noun ("sanksi bagi
	// Sekda Sukamaju yang terbukti …") is one too when it names whom.
	if cr.sanction < 0 || o.group != cr.sanction && !(cr.exclude[o.group] && sanctionNoun(ts[o.i].Norm) && o.j-o.i == 2 && recipientBefore(ts, o.i+1, o.j)) {
		return false
	}
	for k := o.i - 1; k >= 0 && k >= o.i-2; k-- {
		if w := ts[k].Norm; isModal(w) || w == "yang" {
			return false
		}
	}
	for _, x := range occ {
		if x.carried || !cr.roleIs(x, rules.RoleActor) {
			continue
		}
		before := x.j <= o.i && (x.i <= subjectReach || o.i-x.j <= 6)
		// "… merekomendasikan hukuman disiplin sedang bagi Kepala Dinas
		// Perhubungan Kabupaten Kampar"
		from := o.j
		if o.group != cr.sanction {
			from = o.i + 1 // the "bagi" of "sanksi bagi"
		}
		after := x.i >= o.j && x.i-o.j <= sanctionReach && recipientBefore(ts, from, x.i)
		if !before && !after {
			continue
		}
		// After a sanction, "bagi" or "kepada" names whom it is for.
		prev := wordBefore(x, ts)
		generic := prev == "ada" || isGenericBefore(prev) && !after
		if !generic && !classWord(x, ts) && particular(x, ts, cr.vocab) {
			return true
		}
		// Another actor may still be the one sanctioned ("Komisi ASN
		// merekomendasikan sanksi … kepada Camat Arut Selatan").
	}
	return false
}

// inSanctionOfSomeone reports whether cue o is, or lies within, a
// sanction given to someone in particular (see sanctionOfSomeone): the
// same words ("hukuman disiplin") also state the rule elsewhere.
func (cr *compiledRule) inSanctionOfSomeone(o occurrence, occ []occurrence, ts []Token) bool {
	if cr.sanction < 0 || o.carried {
		return false
	}
	for _, x := range occ {
		if x.group == cr.sanction && x.i <= o.i && o.j <= x.j && cr.sanctionOfSomeone(x, occ, ts) {
			return true
		}
	}
	return false
}

// sanctionReach is how many words may stand between a sanction and the
// one it is for ("hukuman disiplin sedang bagi Kepala Dinas …").
const sanctionReach = 4

// recipientBefore reports whether a word that names whom a sanction is for
// ("bagi", "kepada", "terhadap", "untuk") stands among tokens [from, to).
func recipientBefore(ts []Token, from, to int) bool {
	for k := from; k < to && k < len(ts); k++ {
		switch ts[k].Norm {
		case "bagi", "kepada", "terhadap", "untuk":
			return true
		}
	}
	return false
}

// inCitedCase reports whether cue o is a word of a precedent said of one
// person ("dijatuhi sanksi" in "yang tahun lalu dijatuhi sanksi karena"):
// there it reports the case, it states no rule.
func (cr *compiledRule) inCitedCase(o occurrence, occ []occurrence, ts []Token) bool {
	if cr.precedent < 0 || o.group == cr.precedent {
		return false
	}
	for _, r := range occ {
		if r.group == cr.precedent && !r.carried && r.i <= o.i && o.j <= r.j && cr.citesCase(r, occ, ts) {
			return true
		}
	}
	return false
}

// precedentReach is how many tokens may stand between "yang" and a
// precedent cue ("yang pada pemilu lalu dijatuhi sanksi karena"), or
// between a cue that cites a case ("tentang kasus") and its actor.
const precedentReach = 4

// citesCase reports whether precedent p cites the case of one person,
// either after it ("belajar dari kasus Kepala Bidang Anggaran BPKAD …")
// or before it through a relative clause with no modal ("… yang tahun lalu
// dijatuhi sanksi karena …"; "yang bisa dijatuhi" is a threat). The actor
// must be someone in particular (see particular).
func (cr *compiledRule) citesCase(p occurrence, occ []occurrence, ts []Token) bool {
	for _, x := range occ {
		if !x.carried && x.i >= p.j && x.i-p.j <= precedentReach && cr.roleIs(x, rules.RoleActor) {
			return particular(x, ts, cr.vocab)
		}
	}
	// Before it: the actor as the subject ("seorang camat di Kabupaten
	// Gowa dijatuhi sanksi karena …") or through "yang".
	rel := -1
	for k := p.i - 1; k >= 0 && k >= p.i-precedentReach && rel < 0; k-- {
		switch w := ts[k].Norm; {
		case w == "yang":
			rel = k
		case isModal(w):
			return false
		}
	}
	reach := 3
	if rel < 0 {
		// The subject may carry its place ("seorang guru PNS di SMP
		// Negeri 3 Manokwari kena hukuman disiplin karena …").
		rel, reach = p.i, 6
	}
	for _, x := range occ {
		if !x.carried && x.j <= rel && rel-x.j <= reach && cr.roleIs(x, rules.RoleActor) {
			prev := wordBefore(x, ts)
			return particular(x, ts, cr.vocab) && !(isGenericBefore(prev) || prev == "ada")
		}
	}
	return false
}

// titleCase reports whether most words of ts (four or more) start with a
// capital, as in a headline written in title case.
func titleCase(ts []Token) bool {
	words, upper := 0, 0
	for _, t := range ts {
		if len(t.Norm) < 3 || t.Norm[0] < 'a' || t.Norm[0] > 'z' {
			continue
		}
		words++
		if t.Upper {
			upper++
		}
	}
	return words >= 4 && upper*10 >= words*7
}

// isModal reports words that make what follows possible or due, not done
// ("bisa dijatuhi sanksi" is a threat, not a sanction given).
func isModal(w string) bool {
	switch w {
	case "bisa", "dapat", "akan", "bakal", "terancam", "harus", "wajib":
		return true
	}
	return false
}

// wordBefore returns the word before occurrence x, or "" at the start.
func wordBefore(x occurrence, ts []Token) string {
	if x.i == 0 || x.i > len(ts) {
		return ""
	}
	return ts[x.i-1].Norm
}

// partOfAct reports whether negation n is a word of an act phrase ("tidak
// netral", "tanpa mengundurkan diri"): it names the act, it does not
// negate the next one ("terbukti tidak netral karena menghadiri …").
func (cr *compiledRule) partOfAct(n occurrence, occ []occurrence) bool {
	if n.carried {
		// A cue carried from another sentence has no words here.
		return false
	}
	for _, o := range occ {
		if !o.carried && cr.acts[o.group] && o.i <= n.i && n.j <= o.j && o.j-o.i > n.j-n.i {
			return true
		}
	}
	return false
}

// partOfSide reports whether cue n stands inside the words of a side that
// the rule takes ("jangan lupa tanggal 14", "jangan sampai TPS kalah").
func (cr *compiledRule) partOfSide(n occurrence, occ []occurrence) bool {
	if n.carried {
		return false
	}
	for _, o := range occ {
		if !o.carried && cr.roleIs(o, rules.RoleTarget) && o.i <= n.i && n.j <= o.j && o.j-o.i > n.j-n.i {
			return true
		}
	}
	return false
}

// negationReach is how many tokens may stand between a negation and the
// act it negates ("tidak pernah lagi ikut").
const negationReach = 3

// chainStart is how many tokens may stand between a negation and the act
// that starts a negated chain.
const chainStart = 2

// chainGap is how many tokens may separate a negated act from a later act
// that continues the same clause ("mengarahkan warga untuk memilih").
const chainGap = 4

// negatedChain reports whether negation n negates an act that leads, act by
// act with at most chainGap tokens between them, up to the anchor a.
func (cr *compiledRule) negatedChain(n, a occurrence, occ []occurrence) bool {
	// The first act of a chain must stand close to the negation ("tidak
	// pernah mengarahkan"); one further away ("tak pernah absen itu
	// mengarahkan") is negated on its own, but starts no chain.
	reach := n.j + chainStart
	for _, o := range occ {
		if o.carried || o.i < n.j || o.j > a.i || !cr.acts[o.group] {
			continue
		}
		if o.i > reach {
			return false
		}
		if o.j+chainGap >= a.i {
			return true
		}
		if e := o.j + chainGap; e > reach {
			reach = e
		}
	}
	return false
}

// corrected reports whether a clause after cue o and before act a sets
// right what the cue denied: "Bukan guru honorer ya, ini guru PNS …
// bagi-bagi jilbab bergambar caleg", "Kepling? Bukan. Lurahnya sendiri
// yang keliling …" — the denial is of someone else, the act stands.
func corrected(o, a occurrence, text string, ts []Token) bool {
	if o.carried || a.carried || o.j > a.i {
		return false
	}
	for k := max(o.j, 1); k <= a.i && k < len(ts); k++ {
		if !strings.ContainsAny(between(text, ts, k-1, k), ",;.?!") {
			continue
		}
		switch ts[k].Norm {
		case "ini", "tapi", "tetapi", "melainkan", "justru":
			return true
		}
	}
	return false
}

// conditionalDemand returns where a condition opens that ends with a
// comma right before a bare call to vote, act a — "kalo mo dapat PMT, pilih
// nomor satu" puts a price on a benefit: a demand, not a hypothesis, and
// what the condition says ("dapat") cancels nothing — or len(ts) when
// there is none.
func (cr *compiledRule) conditionalDemand(a occurrence, occ []occurrence, text string, ts []Token) int {
	none := len(ts)
	if cr.hypothetical < 0 || a.carried || a.group != cr.support || a.i == 0 || !votes(ts[a.i].Norm) {
		return none
	}
	if !strings.Contains(between(text, ts, a.i-1, a.i), ",") {
		return none
	}
	for _, o := range occ {
		if o.group == cr.hypothetical && !o.carried && o.j <= a.i && !clauseBreak(text, ts, o.j-1, a.i-1) {
			return o.i
		}
	}
	return none
}

// inProperName reports whether cue o stands inside a capitalised name,
// the words right on both sides capitalised too ("Balai Penyuluhan
// Pertanian"),
// in a sentence that is not itself written in title case.
func inProperName(o occurrence, text string, ts []Token) bool {
	if o.carried || o.i == 0 || o.j >= len(ts) || !ts[o.i].Upper || !ts[o.i-1].Upper || !ts[o.j].Upper {
		return false
	}
	if strings.TrimSpace(between(text, ts, o.i-1, o.i)) != "" || strings.TrimSpace(between(text, ts, o.j-1, o.j)) != "" {
		// "Dari BKPSDM: Larangan ASN …" is a heading, not a name.
		return false
	}
	upper := 0
	for _, t := range ts {
		if t.Upper {
			upper++
		}
	}
	return 2*upper < len(ts)
}

// clauseWord reports words that open a clause of time or condition.
func clauseWord(w string) bool {
	switch w {
	case "saat", "ketika", "waktu", "jika", "bila", "apabila", "kalau", "sebelum", "sesudah", "setelah", "selama", "sambil":
		return true
	}
	return false
}

// apart reports whether cue o stands apart from act a: past a full stop
// the splitter did not cut at (softBreak: "… edaran menpan. yang di desa
// itu pns pemkab dipanggil …", a post that writes no capitals), or in
// quotes of a word or two (scareQuoted: "kepsek kami 'mengingatkan' siapa
// yg bayar tunjangan", irony, no norm).
func apart(o, a occurrence, text string, ts []Token) bool {
	return !o.carried && !a.carried && softBreak(text, ts, o, a) || scareQuoted(o, text, ts)
}
