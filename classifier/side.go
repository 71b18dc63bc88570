package classifier

import (
	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// A post or a report often tells a civil servant's act in one sentence
// and whose side it served in the sentence next to it: "Seorang kepala
// seksi dinas itu hadir memimpin pembagian." after "Karung berasnya
// ditempeli stiker pasangan calon bupati.", or "Kepsek ngumpulin guru2
// abis rapat." before "Katanya pilih paslon 2 biar aman.". When a
// sentence has an actor and an act but names no side at all, and nothing
// in it was cancelled, the side of the sentence right before or after it
// completes the act — unless that sentence states a norm, an appeal, a
// denial or anything else the rule's discourse cancels, which makes its
// side part of that statement, not of the act.

// sideGazetteers name the gazetteers whose terms are a side (candidates,
// pairs, parties, national figures) that can complete an act from the
// sentence next to it. The election itself ("pemilu") is no side.
func sideGazetteers() []string {
	return []string{TargetGazetteer, PartyGazetteer, NationalFigureGazetteer, rules.CandidatesGazetteer}
}

// sideWeight scales the weight of a hit whose side came from the next
// sentence: the link between the two sentences is inferred.
const sideWeight = 0.85

// A short post tells one incident; in a longer text the sentence next to
// an act is as likely to be about something else ("… kesejahteraan guru
// dan dosen. …" beside a paragraph on a minister), so only texts this
// short take a side from a neighbour.
const (
	sideMaxSentences = 8
	sideMaxBytes     = 700
)

// namesSide reports whether a side occurs among occ in the sentence itself.
func (c *Classifier) namesSide(occ []occurrence) bool {
	for _, o := range occ {
		if !o.carried && c.dict.groups[o.group].role == rules.RoleTarget {
			return true
		}
	}
	return false
}

// evalSideNearby applies the rules that take a side to sentence number at
// of sents (tokens ts, occurrences occ), with the first side of the
// sentence before it, else of the sentence after it, carried in.
func (c *Classifier) evalSideNearby(text, field string, sents []span, at int, ts []Token, occ []occurrence, doc *docContext, hits []netra.Hit) []netra.Hit {
	short := shortText(text, sents)
	var objects []string
	if !short {
		objects = c.actObjects(ts, occ)
	}
	// Only someone in particular may take a side from sentences away.
	farOK := !short && field == "" && c.oneActs(occ, ts)
	mode := c.reportMode(occ)
	// A short post tells one incident: a side anywhere in it, the nearest
	// first, completes the act. An article looks next door when the next
	// sentence goes on about the act's object ("… membagikan sendiri
	// puluhan kardus sembako kepada pengungsi. Pada sisi kardus tertempel
	// stiker bergambar calon …"), and a few sentences on either side for a
	// candidate named outright, when the act is someone's in particular
	// (distant.go).
	for d := 1; d < len(sents) && (short || d <= distantReach); d++ {
		for _, j := range [2]int{at - d, at + d} {
			if j < 0 || j >= len(sents) || relatedLine(text[sents[j].start:sents[j].end]) {
				continue
			}
			if !short && !(j == at+1 && len(objects) > 0) && (!farOK || !doc.mayNameCandidate(c, text[sents[j].start:sents[j].end])) {
				// Tokenise a distant sentence only when it may name a
				// candidate (the cost of every article's act).
				continue
			}
			nts, nocc := c.backSentence(text, sents[j], doc)
			side := c.sideOf(nocc)
			if side < 0 || namesAgent(nts, nil) {
				continue
			}
			distant := !short && !(j == at+1 && len(objects) > 0 && echoes(nts, objects))
			if distant && (!farOK || !c.firmSide(nocc[side], nts, doc) || !sharesWord(ts, nts) && !pointsBack(ts, nts, j > at)) {
				continue
			}
			with := append(occ, carriedFrom(nocc[side], nts))
			for _, cr := range c.rules {
				if len(hits) >= maxHits || countRule(hits, cr.rule.ID) >= maxHitsPerRule || !cr.takes(rules.RoleTarget, nocc[side].group) || cr.stoppedIn(nocc, text, nts) || cr.negates(occ) {
					continue
				}
				h, st := cr.eval(text, sents[at], ts, with, c.modes)
				if st != fired || cr.generalActor(h, ts, with) || !short && mode == "report" && c.genericActor(h, ts, with, false) {
					continue
				}
				weight := sideWeight
				if distant {
					if !c.particularActor(h, ts, with) || cr.stoppedBy(occ) || c.titleStops(cr, doc) {
						continue
					}
					weight *= distantWeight
				}
				h.Field, h.Mode, h.Weight = field, mode, h.Weight*weight
				hits = append(hits, h)
			}
			return hits
		}
	}
	return hits
}

// objectReach is how many tokens after an act its object may stand.
const objectReach = 4

// actObjects returns the words that may be the object of an act in a
// sentence (tokens ts, occurrences occ): nouns of four letters or more in
// the objectReach tokens after an act, not themselves a term of the
// rules.
func (c *Classifier) actObjects(ts []Token, occ []occurrence) []string {
	var out []string
	for _, o := range occ {
		if o.carried || c.dict.groups[o.group].role != rules.RoleAct {
			continue
		}
		for k := o.j; k < len(ts) && k < o.j+objectReach; k++ {
			w := ts[k].Norm
			if len(w) < 4 || c.norm.vocab[w] || objectFiller(w) {
				continue
			}
			out = append(out, w)
		}
	}
	return out
}

// objectFiller reports common words after an act that are not its object
// ("kepada", "sendiri", "warga").
func objectFiller(w string) bool {
	switch w {
	case "kepada", "untuk", "dengan", "sendiri", "secara", "dalam", "pada", "yang", "juga", "warga", "masyarakat", "tersebut", "bersama", "puluhan", "ratusan", "ribuan", "sejumlah", "beberapa":
		return true
	}
	return false
}

// echoes reports whether any of words stands among the tokens ts.
func echoes(ts []Token, words []string) bool {
	for _, t := range ts {
		for _, w := range words {
			if t.Norm == w {
				return true
			}
		}
	}
	return false
}

// sideOf returns the first side among a neighbour sentence's occurrences,
// or -1 when there is none or the sentence has a person of its own (not
// the candidate the side names: the "bupati" of "calon bupati"), whose act
// the side belongs to.
func (c *Classifier) sideOf(occ []occurrence) int {
	side := -1
	for k, o := range occ {
		if c.sides[o.group] && side < 0 {
			side = k
		}
	}
	if side < 0 {
		return -1
	}
	for _, o := range occ {
		if c.dict.groups[o.group].role == rules.RoleActor && !c.inSide(o, occ) {
			return -1
		}
	}
	return side
}

// inSide reports whether person o stands within one of the sides among
// occ (the "bupati" of "calon bupati"), as its own word.
func (c *Classifier) inSide(o occurrence, occ []occurrence) bool {
	for _, t := range occ {
		if c.sides[t.group] && t.i <= o.i && o.j <= t.j+1 {
			return true
		}
	}
	return false
}

// namesAgent reports whether a sentence names who did its act with
// "oleh" ("warga diajak memilih paslon nomor 2 oleh relawan") or says
// someone else did it ("ada yang …", "seseorang …"): the side there is
// the agent's, not the civil servant's next door. Someone who only
// reacts or knows ("ada yg ngerasa juga gk?", "ada yang tahu") or the
// side itself by what it did for people ("karena ada yang perjuangkan")
// is no agent; nor is a civil servant named after "oleh" (asnAt, which
// may be nil).
func namesAgent(ts []Token, asnAt func(k int) bool) bool {
	for k, t := range ts {
		// "ada yang bagi-bagi stiker paslon": someone else did it.
		if t.Norm == "seseorang" {
			return true
		}
		if t.Norm == "ada" && k+1 < len(ts) && ts[k+1].Norm == "yang" {
			// "ada yang dipasang ulang": some of the things were, by
			// whoever the post is about.
			if k+2 < len(ts) && (reactsOnly(ts[k+2].Norm) || passive(ts[k+2].Norm)) {
				continue
			}
			return true
		}
		if t.Norm != "oleh" || k+1 == len(ts) {
			continue
		}
		// "oleh karena itu", "oleh sebab itu" give a reason.
		if n := ts[k+1].Norm; n == "karena" || n == "sebab" {
			continue
		}
		if asnAt != nil && (asnAt(k+1) || k+3 < len(ts) && ts[k+1].Norm == "salah" && ts[k+2].Norm == "satu" && asnAt(k+3) || k+2 < len(ts) && counts(ts[k+1].Norm) && asnAt(k+2)) {
			// "oleh salah satu kepala bidang", "oleh dua pegawai Dinas
			// Sosial": the civil servants did it.
			continue
		}
		return true
	}
	return false
}

// counts reports words that count people before who they are ("dua
// pegawai", "para guru").
func counts(w string) bool {
	switch w {
	case "dua", "tiga", "empat", "lima", "beberapa", "sejumlah", "para", "seorang", "puluhan", "belasan":
		return true
	}
	_, ok := numberWord(w)
	return ok || isDigits(w)
}

// reactsOnly reports verbs after "ada yang" of someone who reacts, asks
// or knows, or of the side by what it did for people: no agent of an act.
func reactsOnly(w string) bool {
	switch w {
	case "tahu", "tau", "merasa", "ngerasa", "rasa", "tanya", "nanya", "bertanya", "berani", "beda", "berbeda",
		"protes", "lapor", "melapor", "nolak", "menolak", "perjuangkan", "memperjuangkan", "peduli",
		// someone who saw or heard it ("ada yg liat video kadis …")
		"lihat", "liat", "melihat", "nonton", "menonton", "dengar", "denger", "mendengar":
		return true
	}
	return false
}

// takes reports whether the rule takes group g in role.
func (cr *compiledRule) takes(role string, g int32) bool {
	for _, rq := range cr.roles {
		if rq.role == role && rq.groups[g] {
			return true
		}
	}
	return false
}

// negates reports whether a negation the rule reads stands anywhere
// among occ: in "berfoto sambil mengacungkan jempol, bukan tanda nomor
// urut" it is the side nearby that is denied.
func (cr *compiledRule) negates(occ []occurrence) bool {
	return anyMarked(occ, cr.negate)
}

// stoppedBy reports whether any occurrence among occ is one the rule's
// discourse cancels, excludes or negates with.
func (cr *compiledRule) stoppedBy(occ []occurrence) bool {
	for _, o := range occ {
		if cr.cancel[o.group] || cr.exclude[o.group] || cr.negate[o.group] {
			return true
		}
	}
	return false
}

// stoppedIn is stoppedBy for a neighbour sentence (tokens ts), read as
// the act's own sentence would be: a meeting that is the setting of an
// act ("isinya 'sosialisasi' paslon petahana") or a cue exempt
// everywhere stops nothing.
func (cr *compiledRule) stoppedIn(occ []occurrence, text string, ts []Token) bool {
	for _, o := range occ {
		if (cr.cancel[o.group] || cr.exclude[o.group] || cr.negate[o.group]) && !exemptCue(o, ts) && !cr.eventSetting(o, occ, text, ts) {
			return true
		}
	}
	return false
}

// generalActor reports whether the actor of hit h is the class of all
// civil servants in a sentence that says how things usually go: "sering
// diikuti ASN sebagai pendukung" is no case, and a side nearby does not
// make it one.
func (cr *compiledRule) generalActor(h netra.Hit, ts []Token, occ []occurrence) bool {
	habitual := false
	for _, t := range ts {
		switch t.Norm {
		case "sering", "kerap", "acap", "biasanya", "umumnya", "selalu", "rawan", "cenderung":
			habitual = true
		}
	}
	if !habitual {
		return false
	}
	for _, sp := range h.Spans {
		if sp.Role != rules.RoleActor {
			continue
		}
		for _, o := range occ {
			if st, en := occBytes(ts, o); st == sp.Start && en == sp.End && cr.roleIs(o, rules.RoleActor) {
				return !o.carried && classWord(o, ts)
			}
		}
	}
	return false
}

// shortText reports whether text (split into sents) is short enough for
// its sentences to complete one another (sideMaxSentences, sideMaxBytes).
func shortText(text string, sents []span) bool {
	return len(sents) <= sideMaxSentences && len(text) <= sideMaxBytes
}

// mayHaveStatus is the cheap check, before sentence at is tokenised, that
// statusNearby may find someone for it: the text is short and a sentence
// next to it has an actor keyword and no act keyword.
func (c *Classifier) mayHaveStatus(text string, sents []span, at int) bool {
	if !shortText(text, sents) {
		return false
	}
	for _, j := range statusReachOrder(at) {
		if j >= 0 && j < len(sents) && c.roles(text[sents[j].start:sents[j].end], 0) == maskActor {
			return true
		}
	}
	return false
}

// statusReachOrder lists the sentences, nearest first, that may say what
// the person of sentence at is: a post often tells the act, then a detail,
// then who they are ("Disuruh bos ikut apel siaga relawan biru. Katanya
// absen dihitung. Saya staf dinas, …").
func statusReachOrder(at int) [4]int {
	return [4]int{at + 1, at - 1, at + 2, at - 2}
}

// maxStatusTokens is the longest a sentence that only says what someone
// is may be.
const maxStatusTokens = 15

// statusNearby returns, carried, the civil servant a short sentence at
// most two before or after sentence at only says someone is — "Ibu kan dokter PNS
// di Puskesmas Sungai Ulin", "Pj itu ASN loh" — for an act told with its
// side but without its person: "itu foto profil WA ibu kok pake twibbon
// paslon?". The status sentence has no act, no side and no other person
// ("… anis guru jokowi" compares, it says what no one is).
func (c *Classifier) statusNearby(text string, sents []span, at int, doc *docContext) (occurrence, bool) {
	if c.heads.asn < 0 || !shortText(text, sents) {
		return occurrence{}, false
	}
	for _, j := range statusReachOrder(at) {
		if j < 0 || j >= len(sents) {
			continue
		}
		ts, occ := c.backSentence(text, sents[j], doc)
		if len(ts) > maxStatusTokens {
			continue
		}
		found, ok := -1, true
		for k, o := range occ {
			switch role := c.dict.groups[o.group].role; {
			case role == rules.RoleAct, role == rules.RoleTarget, role == rules.RoleActor && o.group != c.heads.asn:
				ok = false
			case o.group == c.heads.asn && found < 0 && !o.carried && c.statusOf(ts, occ, o):
				found = k
			}
		}
		if ok && found >= 0 {
			return carriedFrom(occ[found], ts), true
		}
	}
	return occurrence{}, false
}

// statusOf reports whether actor o stands right after a word that says
// what someone is, or right before "loh" ("Ibu kan bidan PNS", "Pj itu
// ASN loh", "Istriku perawat PNS di RSUD", "Bro, lu ASN"), rather than in
// a sentence that tells what someone did ("Camat Sukajadi membuka
// rapat") or where ("Saya tinggal dekat kantor camat"). The writer is
// the pack's "self" gazetteer.
func (c *Classifier) statusOf(ts []Token, occ []occurrence, o occurrence) bool {
	if o.i > 0 && negationWord(ts[o.i-1].Norm) {
		// "Aku bukan PNS" says what the writer is not.
		return false
	}
	for k := max(o.i-statusReach, 0); k < o.i; k++ {
		if statusWord(ts[k].Norm) || c.isSelf(occ, k) {
			return true
		}
	}
	for k := o.j; k < len(ts) && k < o.j+2; k++ {
		// "Pj itu ASN loh", "Dokter itu PNS kan?"
		if ts[k].Norm == "loh" || ts[k].Norm == "lho" || ts[k].Norm == "kan" {
			return true
		}
	}
	return false
}

// deniedSide reports whether target o is denied by the words right before
// it ("hadir sebagai istri, bukan sebagai jurkam", "tanpa menyebut
// pasangan calon tertentu"): the side is what the act was not.
func deniedSide(o occurrence, ts []Token) bool {
	if o.carried {
		return false
	}
	k := o.i - 1
	for k >= 0 && ts[k].Start == ts[o.i].Start {
		// a word the lexicon spelled out ("jurkam" → "juru kampanye")
		k--
	}
	if k >= 0 {
		switch ts[k].Norm {
		case "sebagai", "jadi", "menjadi", "untuk", "dengan", "pakai", "menyebut", "menyebutkan", "sebut", "nyebut":
			k--
		}
	}
	return k >= 0 && (negationWord(ts[k].Norm) || ts[k].Norm == "tanpa")
}

// negationWord reports words that deny what follows ("bukan PNS", "gak
// ASN").
func negationWord(w string) bool {
	switch w {
	case "bukan", "bkn", "tidak", "tak", "gak", "ga", "nggak", "ngga", "enggak", "kagak", "ndak", "non", "belum", "blm":
		return true
	}
	return false
}

// statusReach is how many tokens may stand between a word that says what
// someone is and the role ("Istriku ini perawat PNS").
const statusReach = 3

// statusWord reports words after which a role says what someone is: a
// copula, the one addressed, or a relative.
func statusWord(w string) bool {
	switch w {
	case "kan", "adalah", "merupakan", "berstatus", "padahal", "sebagai",
		"lu", "lo", "elu", "kamu", "anda", "dia", "beliau",
		"istri", "istriku", "suami", "suamiku", "kakak", "kakakku", "kaka", "kak", "adik", "adikku",
		"abang", "sepupu", "sepupuku", "om", "tante", "paman", "bibi", "pakde", "bude", "bapakku",
		"ibuku", "ayah", "ayahku", "mamak", "mama", "papa", "bokap", "nyokap", "mertua", "ipar",
		"keponakan", "ponakan", "saudara", "sodara", "tetangga", "tetanggaku", "temen", "teman", "temenku":
		return true
	}
	return false
}

// scaleWeights multiplies the weight of every hit by f.
func scaleWeights(hits []netra.Hit, f float64) {
	for i := range hits {
		hits[i].Weight *= f
	}
}

// coAttendee reports whether side o is only someone else who also came to
// an event ("acara warga yang juga dihadiri calon", "turut dihadiri
// caleg"): the event was not theirs, and a civil servant there met no
// side.
func coAttendee(o occurrence, ts []Token) bool {
	if o.carried || o.i < 2 {
		return false
	}
	w1, w2 := ts[o.i-1].Norm, ts[o.i-2].Norm
	if w1 == "oleh" && o.i >= 3 {
		w1, w2 = w2, ts[o.i-3].Norm
	}
	return w1 == "dihadiri" && (w2 == "juga" || w2 == "turut") || w1 == "juga" && w2 == "dihadiri"
}
