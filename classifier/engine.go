package classifier

import (
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// termTokens normalises a rule or gazetteer term the way text is
// normalised, without prose (terms are short and already word-split).
func (n *normalizer) termTokens(term string) []Token {
	var out []Token
	for _, f := range strings.Fields(term) {
		out = n.appendToken(out, f, 0, len(f))
	}
	return n.finish(out)
}

// analyze runs the second stage over text and appends hits. field is ""
// for the item's text and "title" for its title. Every rule needs an actor
// and an act in one sentence, so only sentences that pass the first stage
// on their own are tokenised: in a long article that is a handful. The one
// exception is a sentence with an act that opens with an anaphor ("Ia …",
// "Mereka …", "Yang bersangkutan …") within two sentences after one with an
// actor: news often names the civil servant first and the act next, and
// the actor is carried over.
func (c *Classifier) analyze(text, field string, hits, sup []netra.Hit) ([]netra.Hit, []netra.Hit) {
	var sents []span
	if field == "title" {
		sents = []span{{0, len(text)}}
	} else {
		sents = sentences(text)
	}
	var occ []occurrence
	// Recent sentences the first stage saw an actor keyword in, newest
	// last, for an anaphor to look back to.
	var back []actorSentence
	// list is the norm cue of a list's lead-in while its items follow.
	var list occurrence
	listOn := false
	for i, s := range sents {
		if listOn && !isListItem(text[s.start:s.end]) {
			listOn = false
		}
		mask := c.first.scan(text[s.start:s.end], 0, maskAll)
		actorSeen := mask&maskActor != 0
		switch {
		case mask&maskAll == maskAll:
			ts := c.norm.tokensIn(text, s.start, s.end)
			occ = c.dict.find(ts, occ[:0])
			if !c.hasActor(occ) {
				// The first stage saw an actor keyword inside a longer word
				// ("camat" in "kecamatan"): there is no actor here, and an
				// anaphor or a name may still bring one from before.
				actorSeen = false
				occ = c.borrow(text, back, i, ts, occ)
			}
			if listOn && len(occ) > 0 {
				occ = append(occ, list)
			}
			if len(occ) > 0 {
				hits, sup = c.evalSentence(text, field, s, ts, occ, hits, sup)
			}
		case mask == maskAct && c.mayBorrow(text, s, back, i):
			ts := c.norm.tokensIn(text, s.start, s.end)
			occ = c.dict.find(ts, occ[:0])
			n := len(occ)
			occ = c.borrow(text, back, i, ts, occ)
			if len(occ) > n {
				if listOn {
					occ = append(occ, list)
				}
				hits, sup = c.evalSentence(text, field, s, ts, occ, hits, sup)
			}
		}
		next := ""
		if i+1 < len(sents) {
			next = text[sents[i+1].start:sents[i+1].end]
		}
		if cue, ok := c.leadInCue(text, s, next); ok {
			list, listOn = cue, true
		}
		if actorSeen {
			if len(back) == maxNameCarry {
				back = append(back[:0], back[1:]...)
			}
			back = append(back, actorSentence{span: s, at: i})
		}
	}
	return hits, sup
}

// actorSentence is a sentence with an actor keyword and its index.
type actorSentence struct {
	span
	at int
	// names holds the names the sentence introduces with a title, once
	// read is set (read lazily: most sentences are never looked back to).
	names map[string]int32
	read  bool
}

// hasActor reports whether an actor term occurs among occ.
func (c *Classifier) hasActor(occ []occurrence) bool {
	for _, o := range occ {
		if c.dict.groups[o.group].role == rules.RoleActor {
			return true
		}
	}
	return false
}

// mayBorrow is the cheap check, before sentence s (number at) is
// tokenised, that borrow may find an actor for it in back.
func (c *Classifier) mayBorrow(text string, s span, back []actorSentence, at int) bool {
	if len(back) == 0 {
		return false
	}
	since := at - back[len(back)-1].at
	if c.anaphora >= 0 && since <= maxCarry && c.mayOpenWithAnaphor(text[s.start:s.end]) {
		return true
	}
	return since <= maxNameCarry && mayName(text, s, back, at)
}

// borrow brings an actor from an earlier sentence into one that has none:
// through an anaphor that opens it ("Ia …"), else through the name of a
// person an earlier sentence introduced with a title ("Rahmat …").
func (c *Classifier) borrow(text string, back []actorSentence, at int, ts []Token, occ []occurrence) []occurrence {
	n := len(occ)
	if occ = c.carry(text, back, at, ts, occ); len(occ) > n {
		return occ
	}
	if o, ok := c.namedActor(text, back, at, ts); ok {
		occ = append(occ, o)
	}
	return occ
}

// carry appends to occ the last actor of the newest sentence in back, at
// most maxCarry sentences before sentence at, that has one, when the
// current sentence opens with an anaphor; otherwise occ comes back
// unchanged. A sentence in back may hold only a lookalike ("kecamatan"),
// so an older one is tried next.
func (c *Classifier) carry(text string, back []actorSentence, at int, ts []Token, occ []occurrence) []occurrence {
	if c.anaphora < 0 || !opensWithAnaphor(text, occ, ts, c.anaphora) {
		return occ
	}
	for j := len(back) - 1; j >= 0 && at-back[j].at <= maxCarry; j-- {
		if a, ok := c.lastActor(text, back[j].span); ok {
			return append(occ, a)
		}
	}
	return occ
}

// Evidence caps: a reviewer needs a few sentences per rule, and hostile
// text must not make a verdict of megabytes.
const (
	maxHits        = 50
	maxHitsPerRule = 5
)

func countRule(hits []netra.Hit, id string) int {
	n := 0
	for i := range hits {
		if hits[i].Rule == id {
			n++
		}
	}
	return n
}

// maxCarry is how many sentences back an anaphor may refer.
const maxCarry = 2

// mayOpenWithAnaphor is a cheap check on the raw sentence: does one of its
// first three words start an anaphor? Only then is the sentence tokenised.
func (c *Classifier) mayOpenWithAnaphor(sent string) bool {
	for k := 0; k < 3 && sent != ""; k++ {
		i := 0
		for i < len(sent) && !isAlnumByte(sent[i]) {
			i++
		}
		j := i
		for j < len(sent) && isAlnumByte(sent[j]) {
			j++
		}
		if j > i && j-i <= 16 && c.anaphorWords[strings.ToLower(sent[i:j])] {
			return true
		}
		sent = sent[j:]
	}
	return false
}

// opensWithAnaphor reports whether an anaphor stands among the first three
// tokens of the sentence as its subject: "Menurut dia, …" and "kata dia"
// attribute what follows to a speaker, who is not the actor of the
// previous sentence; so does "Dia menjelaskan, …", where the comma opens
// what the speaker reports about others. (Without the comma the content
// often goes on about the actor before: "Dia menjelaskan swafoto bidan dan
// perawat itu terjadi saat …".)
func opensWithAnaphor(text string, occ []occurrence, ts []Token, anaphora int32) bool {
	for _, o := range occ {
		if o.group != anaphora || o.i >= 3 {
			continue
		}
		if o.i > 0 && o.i-1 < len(ts) && attributes(ts[o.i-1].Norm) {
			continue
		}
		if o.j+1 < len(ts) && speaks(ts[o.j].Norm) && clauseBreak(text, ts, o.j, o.j+1) {
			continue
		}
		return true
	}
	return false
}

// speaks reports verbs that introduce what a speaker says.
func speaks(w string) bool {
	switch w {
	case "mengatakan", "menjelaskan", "menambahkan", "menuturkan", "mengungkapkan", "menegaskan", "menerangkan", "berkata", "memaparkan", "menyebutkan", "menyampaikan", "mengingatkan":
		return true
	}
	return false
}

// attributes reports words that make the next pronoun a speaker.
func attributes(w string) bool {
	switch w {
	case "menurut", "kata", "ujar", "ungkap", "jelas", "tutur":
		return true
	}
	return false
}

// lastActor returns the last actor of sentence s as a carried occurrence.
func (c *Classifier) lastActor(text string, s span) (occurrence, bool) {
	ts := c.norm.tokensIn(text, s.start, s.end)
	var best occurrence
	found := false
	for _, o := range c.dict.find(ts, nil) {
		if c.dict.groups[o.group].role == rules.RoleActor && (!found || o.i >= best.i) {
			best = occurrence{group: o.group, carried: true, start: ts[o.i].Start, end: ts[o.j-1].End}
			best.i = o.i
			found = true
		}
	}
	if !found {
		return occurrence{}, false
	}
	best.i, best.j = 0, 0
	return best, true
}

// evalSentence applies every rule to one sentence. A rule whose roles all
// match but whose discourse cancels it is kept apart in sup, with the mode
// that cancelled it, so explanations can say why nothing fired.
func (c *Classifier) evalSentence(text, field string, s span, ts []Token, occ []occurrence, hits, sup []netra.Hit) ([]netra.Hit, []netra.Hit) {
	for _, cr := range c.rules {
		if len(hits) >= maxHits || countRule(hits, cr.rule.ID) >= maxHitsPerRule {
			continue
		}
		h, st := cr.eval(text, s, ts, occ, c.modes)
		h.Field = field
		switch {
		case st == fired:
			h.Mode = "report"
			if c.hasGroup(occ, c.incident) {
				h.Mode = "allegation"
			}
			hits = append(hits, h)
		case st == suppressed && len(sup) < maxSuppressed:
			sup = append(sup, h)
		}
	}
	return hits, sup
}

// maxSuppressed caps the suppressed hits a verdict keeps.
const maxSuppressed = 10

// hasGroup reports whether group g occurs among occ (g < 0: never).
func (c *Classifier) hasGroup(occ []occurrence, g int32) bool {
	if g < 0 {
		return false
	}
	for _, o := range occ {
		if o.group == g {
			return true
		}
	}
	return false
}

// Outcomes of a rule on one sentence.
const (
	none = iota
	fired
	suppressed
)

// eval finds the first anchor occurrence with every other required role
// within the window and no cancel cue in scope. When every anchor that
// matched was cancelled, it returns the first of them as suppressed, with
// the mode and words of the cue that cancelled it.
func (cr *compiledRule) eval(text string, s span, ts []Token, occ []occurrence, modes []string) (netra.Hit, int) {
	excl := -1
	for k, o := range occ {
		if cr.exclude[o.group] && !cr.inCitedCase(o, occ, ts) && !cr.inSanctionOfSomeone(o, occ, ts) {
			excl = k
			break
		}
	}
	var first netra.Hit
	found := false
	for _, a := range occ {
		if !cr.roles[0].groups[a.group] {
			continue
		}
		chosen, ok := cr.complete(a, occ, text, ts)
		if !ok {
			continue
		}
		cue, cancelled := -1, false
		if excl >= 0 {
			cue, cancelled = excl, true
		} else if cue, cancelled = cr.cancelled(a, occ, text, ts, -1); cancelled && occ[cue].group == cr.rumour && cr.namesSomeone(chosen, ts) {
			// A rumour about someone in particular is an allegation.
			cue, cancelled = cr.cancelled(a, occ, text, ts, cr.rumour)
		}
		if !cancelled {
			if cue, cancelled = cr.normSubject(chosen, occ, modes); !cancelled {
				cue, cancelled = cr.genericConsequence(text, chosen, occ, ts)
			}
		}
		if !cancelled {
			return cr.hit(text, s, ts, chosen), fired
		}
		if !found {
			found = true
			first = cr.hit(text, s, ts, chosen)
			o := occ[cue]
			first.Mode = modes[o.group]
			if !o.carried {
				first.Cue = text[ts[o.i].Start:ts[o.j-1].End]
			}
		}
	}
	if found {
		return first, suppressed
	}
	return netra.Hit{}, none
}

// complete picks, for anchor a, the nearest occurrence of every other
// required role within the window.
func (cr *compiledRule) complete(a occurrence, occ []occurrence, text string, ts []Token) ([]occurrence, bool) {
	win := cr.rule.Window
	chosen := []occurrence{a}
	for _, rq := range cr.roles[1:] {
		best, bestDist := -1, 1<<30
		for k, o := range occ {
			if !rq.groups[o.group] || (o.i == a.i && o.j == a.j) {
				continue
			}
			if rq.role == rules.RoleTarget && cr.inOfficeFigure(o, occ) {
				continue
			}
			if rq.role == rules.RoleActor && speaker(o, a, text, ts) {
				continue
			}
			d := distance(a, o)
			if win > 0 && d > win {
				continue
			}
			if d < bestDist {
				best, bestDist = k, d
			}
		}
		if best < 0 && rq.role == rules.RoleActor {
			best, bestDist = cr.linkedSubject(a, occ, text, ts)
		}
		if best < 0 {
			return nil, false
		}
		// The act belongs to the nearest person: when someone who is
		// not ASN ("pegawai honorer", "guru ngaji", "mantan camat", a
		// village head) stands closer to it than the civil servant, the
		// civil servant is only mentioned ("Camat membenarkan ada
		// pegawai honorer yang mendukung paslon", "Camat menegur kepala
		// desa yang ikut berkampanye") — unless the two act together
		// ("kepala desa dan seorang guru SD negeri membagikan …").
		if rq.role == rules.RoleActor {
			for _, o := range occ {
				other := o.group == cr.otherActor || o.group == cr.nonASN && !rq.groups[o.group]
				if other && o.group >= 0 && distance(a, o) < bestDist && !coordinated(o, occ[best], text, ts) {
					return nil, false
				}
			}
		}
		chosen = append(chosen, occ[best])
	}
	if !cr.inOrder(chosen) {
		return nil, false
	}
	return chosen, true
}

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
		if o.carried || o.i > subjectReach || o.j > a.i || !cr.roleIs(o, rules.RoleActor) || speaker(o, a, text, ts) {
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
	if o.carried || a.carried || o.i > speakerReach || o.j > a.i {
		return false
	}
	for k := o.j; k <= a.i && k <= o.j+speakerReach; k++ {
		if ts[k-1].End < ts[k].Start && strings.Contains(text[ts[k-1].End:ts[k].Start], ":") {
			return true
		}
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
	if y.i-x.j > coordinationGap || x.j > y.i {
		return false
	}
	if strings.ContainsAny(text[ts[x.j-1].End:ts[y.i].Start], ",&/") {
		return true
	}
	for _, t := range ts[x.j:y.i] {
		switch t.Norm {
		case "dan", "serta", "bersama", "beserta", "dengan", "maupun", "atau", "hingga", "sampai":
			return true
		}
	}
	return false
}

// coordinationGap is how many tokens may stand between two people joined
// by a conjunction ("kepala desa dan seorang guru SD negeri").
const coordinationGap = 4

// inOrder reports whether the chosen occurrences of the rule's ordered
// roles stand in that order. A carried actor stood in an earlier
// sentence, so it comes first.
func (cr *compiledRule) inOrder(chosen []occurrence) bool {
	if len(cr.rule.Order) < 2 {
		return true
	}
	prev := -2
	for _, role := range cr.rule.Order {
		for k, rq := range cr.roles {
			if rq.role != role {
				continue
			}
			at := chosen[k].i
			if chosen[k].carried {
				at = -1
			}
			if at < prev {
				return false
			}
			prev = at
		}
	}
	return true
}

// cancelled reports whether a cancel cue stands before the anchor in the
// sentence ("ASN dilarang berkampanye", "membantah mendukung", "jika ASN
// ikut kampanye") or right after it ("kampanye tidak dibenarkan"), and
// which occurrence it is. In a headline, a question followed by advice
// ("Diajak Atasan Dukung Calon? Bawaslu Minta ASN Berani Melapor") asks
// what if, and a speaker after a colon may deny it ("…, Disdik: Mereka
// Bukan Guru"): a cue after the question mark or colon cancels the act
// before it. Cues of group skip are passed over.
func (cr *compiledRule) cancelled(a occurrence, occ []occurrence, text string, ts []Token, skip int32) (int, bool) {
	for k, o := range occ {
		if o.group == skip {
			continue
		}
		if cr.negate[o.group] && o.j <= a.i && !cr.partOfAct(o, occ) && (a.i-o.j <= negationReach || cr.negatedChain(o, a, occ)) {
			return k, true
		}
		if !cr.cancel[o.group] && !cr.overseerRequest(o, occ) {
			continue
		}
		if cr.instructs(o, a, occ) || cr.inSanctionOfSomeone(o, occ, ts) {
			continue
		}
		if o.i == a.j || (o.j <= a.i && !cr.shielded(o, a, occ, ts) && !cr.conceded(o, a, occ, text, ts)) {
			return k, true
		}
		if !o.carried && o.i >= a.j && turnBetween(text, ts, a.j-1, o.i) {
			return k, true
		}
	}
	return -1, false
}

// turnBetween reports whether a question mark or a colon stands between
// the end of token from and the start of token to: in a headline the part
// after it answers the part before ("…? Bawaslu Minta ASN Berani Melapor",
// "… Dukung Paslon, Disdik: Mereka Bukan Guru").
func turnBetween(text string, ts []Token, from, to int) bool {
	for k := from; k < to && k+1 < len(ts); k++ {
		if k >= 0 && ts[k].End < ts[k+1].Start && strings.ContainsAny(text[ts[k].End:ts[k+1].Start], "?:") {
			return true
		}
	}
	return false
}

// namesSomeone reports whether the actor among chosen is someone in
// particular: a role, not the class of all civil servants, and particular
// (see particular) — "Camat Sukajadi", not "ada ASN".
func (cr *compiledRule) namesSomeone(chosen []occurrence, ts []Token) bool {
	for _, x := range chosen {
		if x.carried || !cr.roleIs(x, rules.RoleActor) {
			continue
		}
		return !classWord(x, ts) && particular(x, ts)
	}
	return false
}

// classWord reports whether actor x is only words for civil servants in
// general ("ASN", "pegawai negeri sipil"), not a kind of them.
func classWord(x occurrence, ts []Token) bool {
	for k := x.i; k < x.j && k < len(ts); k++ {
		switch ts[k].Norm {
		case "asn", "pns", "pppk", "aparatur", "sipil", "negara", "negeri", "pegawai", "aparatur sipil negara":
		default:
			return false
		}
	}
	return true
}

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
	return same && (a.i-o.j <= instructReach || agent && a.i-o.j <= instructAgentReach)
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

// clauseBreak reports whether a comma or semicolon stands between the end
// of token from and the start of token to.
func clauseBreak(text string, ts []Token, from, to int) bool {
	if from < 0 || to >= len(ts) || from >= to || ts[from].End >= ts[to].Start {
		return false
	}
	return strings.ContainsAny(text[ts[from].End:ts[to].Start], ",;")
}

// normSubject reports whether a chosen actor is the subject of a norm:
// a rule or permission cue right after it ("ASN harus netral", "PNS
// dilarang …", "ASN boleh hadir") makes the sentence state the rule for
// that actor, even when an act stands elsewhere in it ("deklarasi kades
// itu didukung, padahal ASN harus netral").
func (cr *compiledRule) normSubject(chosen, occ []occurrence, modes []string) (int, bool) {
	for _, c := range chosen {
		if c.carried || !cr.roleIs(c, rules.RoleActor) {
			continue
		}
		for k, o := range occ {
			if !cr.cancel[o.group] || o.i < c.j || o.i > c.j+1 {
				continue
			}
			if m := modes[o.group]; m == "rule" || m == "permission" {
				return k, true
			}
		}
	}
	return -1, false
}

// genericConsequence reports whether a chosen actor is a whole class
// defined by a relative clause ("ASN yang ketahuan mengikuti kampanye …")
// and the sentence goes on to what will happen to it ("… akan dipanggil
// inspektorat"): a sanction announced for anyone who acts, which states
// the rule, not a case.
func (cr *compiledRule) genericConsequence(text string, chosen, occ []occurrence, ts []Token) (int, bool) {
	if cr.conseq < 0 {
		return -1, false
	}
	for _, c := range chosen {
		if c.carried || !cr.roleIs(c, rules.RoleActor) || c.j >= len(ts) || ts[c.j].Norm != "yang" {
			continue
		}
		if c.i > 0 && !isGenericBefore(ts[c.i-1].Norm) && !opensClause(text, ts, c.i) {
			continue
		}
		for k, o := range occ {
			if o.group == cr.conseq && !o.carried && o.i > c.j {
				return k, true
			}
		}
	}
	return -1, false
}

// opensClause reports whether token k starts what a speaker says: a colon
// or an opening quote stands right before it ("Sekda: ASN yang …").
func opensClause(text string, ts []Token, k int) bool {
	// Tokens of one lexicon expansion share their bytes: no gap.
	if k < 1 || k >= len(ts) || ts[k-1].End >= ts[k].Start {
		return false
	}
	return strings.ContainsAny(text[ts[k-1].End:ts[k].Start], ":\"“")
}

// isGenericBefore reports the words that may stand before a class of
// people ("bagi ASN yang …", "setiap PNS yang …"), unlike the ones that
// pick someone out ("seorang camat yang …", "Camat Sukajadi yang …").
func isGenericBefore(w string) bool {
	switch w {
	case "bagi", "setiap", "tiap", "semua", "seluruh", "para", "bahwa", "untuk", "kepada", "terhadap", "jika", "bila", "apabila", "kalau":
		return true
	}
	return false
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
	return cr.inCitedCase(o, occ, ts)
}

// sanctionOfSomeone reports whether o is a sanction (see SanctionGazetteer)
// given to someone in particular: its subject, an actor right before it or
// opening the sentence, names someone (see namesSomeone), no class word
// stands before that actor, and no modal before the sanction ("bisa
// dijatuhi sanksi" is a threat).
func (cr *compiledRule) sanctionOfSomeone(o occurrence, occ []occurrence, ts []Token) bool {
	if cr.sanction < 0 || o.group != cr.sanction || o.carried {
		return false
	}
	for k := o.i - 1; k >= 0 && k >= o.i-2; k-- {
		switch ts[k].Norm {
		case "bisa", "dapat", "akan", "bakal", "terancam", "harus", "wajib", "yang":
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
		after := x.i >= o.j && x.i-o.j <= sanctionReach && recipientBefore(ts, o.j, x.i)
		if !before && !after {
			continue
		}
		generic := x.i > 0 && isGenericBefore(ts[x.i-1].Norm) && !after || x.i > 0 && ts[x.i-1].Norm == "ada"
		return !generic && !classWord(x, ts) && particular(x, ts)
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
			return particular(x, ts)
		}
	}
	// Before it: the actor as the subject ("seorang camat di Kabupaten
	// Gowa dijatuhi sanksi karena …") or through "yang".
	rel := -1
	for k := p.i - 1; k >= 0 && k >= p.i-precedentReach && rel < 0; k-- {
		switch ts[k].Norm {
		case "yang":
			rel = k
		case "bisa", "dapat", "akan", "bakal", "terancam", "harus", "wajib":
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
			return particular(x, ts) && (x.i == 0 || !(isGenericBefore(ts[x.i-1].Norm) || ts[x.i-1].Norm == "ada"))
		}
	}
	return false
}

// particular reports whether actor x names someone in particular rather
// than a class: a capitalised word in the role or just after it ("Kepala
// SMP Negeri 2 Nita", "camat Sukajadi"), other than the class words
// themselves ("ASN", "PNS") and the first word of the sentence.
func particular(x occurrence, ts []Token) bool {
	// A capital that opens the sentence says nothing.
	for k := max(x.i, 1); k < len(ts) && k < x.j+3; k++ {
		switch ts[k].Norm {
		case "asn", "pns", "pppk", "aparatur", "sipil", "negara", "aparatur sipil negara":
			continue
		}
		if ts[k].Upper {
			return true
		}
	}
	return false
}

// partOfAct reports whether negation n is a word of an act phrase ("tidak
// netral", "tanpa mengundurkan diri"): it names the act, it does not
// negate the next one ("terbukti tidak netral karena menghadiri …").
func (cr *compiledRule) partOfAct(n occurrence, occ []occurrence) bool {
	for _, o := range occ {
		if !o.carried && cr.acts[o.group] && o.i <= n.i && n.j <= o.j && o.j-o.i > n.j-n.i {
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

func distance(a, b occurrence) int {
	switch {
	case b.j <= a.i:
		return a.i - b.j
	case a.j <= b.i:
		return b.i - a.j
	}
	return 0
}

func (cr *compiledRule) hit(text string, s span, ts []Token, chosen []occurrence) netra.Hit {
	r := cr.rule
	h := netra.Hit{
		Rule:       r.ID,
		Category:   r.Category,
		Sentence:   text[s.start:s.end],
		Start:      s.start,
		End:        s.end,
		Title:      r.Title,
		Regulation: r.Regulation,
		Weight:     r.Weight,
	}
	for k, o := range chosen {
		var st, en int
		if o.carried {
			st, en = o.start, o.end
		} else {
			st, en = ts[o.i].Start, ts[o.j-1].End
		}
		h.Terms = append(h.Terms, text[st:en])
		h.Spans = append(h.Spans, netra.Span{Start: st, End: en, Role: cr.roles[k].role})
	}
	return h
}
