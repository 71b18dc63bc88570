package classifier

import (
	"strings"
	"unicode"

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
	return n.finish("", out)
}

// analyze runs the second stage over text and appends hits. field is ""
// for the item's text and "title" for its title. Every rule needs an actor
// and an act in one sentence, so only sentences that pass the first stage
// on their own are tokenised: in a long article that is a handful. The one
// exception is a sentence with an act that opens with an anaphor ("Ia …",
// "Mereka …", "Yang bersangkutan …") within two sentences after one with an
// actor: news often names the civil servant first and the act next, and
// the actor is carried over.
// doc is what the whole item says that a sentence's words refer to.
func (c *Classifier) analyze(text, field string, doc *docContext, hits, sup []netra.Hit) ([]netra.Hit, []netra.Hit) {
	return c.analyzeWith(text, field, doc, hits, sup, nil)
}

// analyzeWith is analyze that also collects near misses into nm (nil: none).
func (c *Classifier) analyzeWith(text, field string, doc *docContext, hits, sup []netra.Hit, nm *nearMisses) ([]netra.Hit, []netra.Hit) {
	startHits := len(hits)
	var sents []span
	if field == "title" {
		sents = []span{{0, len(text)}}
	} else {
		sents = sentences(text)
		if doc != nil && text == doc.text {
			doc.sents = sents
		}
	}
	var occ []occurrence
	// Recent sentences the first stage saw an actor keyword in, newest
	// last, for an anaphor to look back to.
	var back []actorSentence
	// list is the norm cue of a list's lead-in while its items follow.
	var list occurrence
	listOn := false
	// lead is the example cue of a sentence that announces examples,
	// for the sentence right after it (leadAt).
	var lead occurrence
	leadAt := -2
	for i, s := range sents {
		if listOn && !isListItem(text[s.start:s.end]) {
			listOn = false
		}
		if relatedLine(text[s.start:s.end]) {
			continue
		}
		// The raw mask is kept for its staff bit: with no actor keyword
		// the scan ran to the end, so the bit is complete.
		raw := c.first.scan(compatFold(text[s.start:s.end]), 0, maskAll)
		mask := rolesOf(raw)
		if mask == maskAct && raw&maskStaff != 0 && len(doc.statedSet(c)) > 0 {
			// A staff word the item states to be a civil servant
			// (stated.go) may be this sentence's actor.
			mask = maskAll
		}
		actorSeen := mask&maskActor != 0
		var chain occurrence
		chained, linked := false, false
		switch {
		case mask&maskAll == maskAll:
			ts := c.norm.tokensIn(text, s.start, s.end)
			occ = c.dict.find(ts, occ[:0])
			doc.sawElection(c, occ)
			occ = c.resolveRefs(occ, ts, doc)
			if c.opensWithPronoun(text, occ, ts) {
				occ = c.dropObjects(occ)
			}
			if !c.hasActor(occ) {
				// The first stage saw an actor keyword inside a longer word
				// ("camat" in "kecamatan"): there is no actor here, and an
				// anaphor or a name may still bring one from before.
				actorSeen = false
				n := len(occ)
				occ = c.borrow(text, back, i, ts, occ, doc)
				if len(occ) > n {
					chain, chained = asCarried(occ[n], ts), true
				}
			}
			if listOn && len(occ) > 0 {
				occ = append(occ, list)
			}
			occ = c.framed(text, sents, i, ts, occ, lead, leadAt)
			if acted := doc.actedCue(c); acted.carried && field == "" && len(occ) > 0 {
				occ = append(occ, acted)
			}
			if len(occ) > 0 {
				nh, ns := len(hits), len(sup)
				hits, sup = c.evalSentence(text, field, s, ts, occ, hits, sup, nm, len(doc.text) > sideMaxBytes)
				if len(hits) == nh && len(sup) == ns && !c.namesSide(occ) {
					hits = c.evalSideNearby(text, field, sents, i, ts, occ, doc, hits)
					if len(hits) == nh && field == "" && !shortText(text, sents) {
						hits = c.evalTitleSide(text, s, ts, occ, doc, hits)
					} else if len(hits) == nh && field == "title" {
						hits = c.evalLeadSide(text, s, ts, occ, doc, hits)
					}
				}
			}
		case mask == maskAct && (c.mayBorrow(text, s, back, i) || c.mayHaveStatus(text, sents, i) || mayBeIdentified(text, sents, i)):
			ts := c.norm.tokensIn(text, s.start, s.end)
			occ = c.dict.find(ts, occ[:0])
			doc.sawElection(c, occ)
			occ = c.resolveRefs(occ, ts, doc)
			n := len(occ)
			occ = c.borrow(text, back, i, ts, occ, doc)
			status := false
			if len(occ) > n {
				chain, chained = asCarried(occ[n], ts), true
			} else if c.namesSide(occ) {
				// Only an act with its side can take someone from next door.
				if o, ok := c.statusNearby(text, sents, i, doc); ok {
					occ, status = append(occ, o), true
				} else if o, ok := c.identifiedNext(text, sents, i, doc); ok {
					// "… seorang pria berkemeja seragam partai. Pria
					// itu adalah Sekretaris Kecamatan …"
					occ, status = append(occ, o), true
				}
			}
			if len(occ) > n {
				if listOn {
					occ = append(occ, list)
				}
				occ = c.framed(text, sents, i, ts, occ, lead, leadAt)
				if acted := doc.actedCue(c); acted.carried && field == "" {
					occ = append(occ, acted)
				}
				nh, ns := len(hits), len(sup)
				hits, sup = c.evalSentence(text, field, s, ts, occ, hits, sup, nm, len(doc.text) > sideMaxBytes)
				if status {
					scaleWeights(hits[nh:], sideWeight)
				} else if len(hits) == nh && len(sup) == ns && !c.namesSide(occ) {
					// "LH tampak berdiri di panggung …" after the
					// sentence that named the camat LH: the side may
					// be told sentences away.
					hits = c.evalSideNearby(text, field, sents, i, ts, occ, doc, hits)
				}
			}
		case !actorSeen && c.anaphora >= 0 && len(back) > 0 && i-back[len(back)-1].at <= maxCarry && c.mayOpenWithAnaphor(text[s.start:s.end]):
			// "Ia memberi nasihat perkawinan." has no act to judge, but
			// the next "Ia …" still refers to the same person. Whom it
			// refers to is worked out only if a later sentence asks.
			linked = true
		}
		next := ""
		if i+1 < len(sents) {
			next = text[sents[i+1].start:sents[i+1].end]
		}
		if cue, ok := c.exampleLead(text, s, mask); ok {
			lead, leadAt = cue, i
		} else if cue, ok := c.alternativeLead(text, s, next); ok {
			lead, leadAt = cue, i
		}
		if cue, ok := c.leadInCue(text, s, next); ok {
			list, listOn = cue, true
		} else if strings.HasSuffix(strings.TrimSpace(text[s.start:s.end]), ":") && isListItem(next) && doc.headlineCue(c).carried {
			// "Berikut rangkumannya:" under "Inilah 10 Bentuk
			// Pelanggaran Netralitas ASN": the headline says what the
			// list is.
			list, listOn = doc.headlineCue(c), true
		}
		if actorSeen || chained || linked {
			if len(back) == maxNameCarry {
				back = append(back[:0], back[1:]...)
			}
			back = append(back, actorSentence{span: s, at: i, carried: chain, hasCarried: !actorSeen && chained, link: linked})
		}
	}
	if field == "" && len(hits) == startHits && len(sents) > 1 && shortText(text, sents) {
		hits = c.evalWholePost(text, sents, doc, hits, nm)
	}
	return hits, sup
}

// asCarried is occurrence o of a sentence (tokens ts) as a later sentence
// may carry it: a person found by name in this sentence indexes its tokens,
// which mean nothing in the sentence an anaphor carries it to.
func asCarried(o occurrence, ts []Token) occurrence {
	if o.carried {
		return o
	}
	return carriedFrom(o, ts)
}

// resolveRefs applies what the item says to a sentence's occurrences:
// references to an official event and to people introduced as not ASN.
// The item is looked through only when a sentence has such a reference.
func (c *Classifier) resolveRefs(occ []occurrence, ts []Token, doc *docContext) []occurrence {
	if c.hasGroup(occ, c.refs.ref) && doc.eventNamed(c) {
		occ = c.resolveEventRefs(occ)
	}
	c.resolveHeadRefs(occ, ts, doc)
	c.resolveStated(occ, ts, doc)
	occ = c.codedSides(c.votedNames(occ, ts), ts)
	if !c.namesSide(occ) {
		occ = c.namedSides(occ, ts, doc)
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

// evalSentence applies every rule to one sentence. A rule whose roles all
// match but whose discourse cancels it is kept apart in sup, with the mode
// that cancelled it, so explanations can say why nothing fired. long says
// the item's text is longer than a post (see genericActor).
func (c *Classifier) evalSentence(text, field string, s span, ts []Token, occ []occurrence, hits, sup []netra.Hit, nm *nearMisses, long bool) ([]netra.Hit, []netra.Hit) {
	mode := c.reportMode(occ)
	// generic reports whether hit h's actor is civil servants as a class
	// in an article that reports no incident (see genericActor).
	generic := func(h netra.Hit) bool {
		return long && (mode == "report" || frontedTopic(text, h, ts) || c.allegedClass(h, ts, occ)) && (field != "title" || c.statesNorm(occ)) && c.genericActor(h, ts, occ, field == "title")
	}
	for _, cr := range c.rules {
		if len(hits) >= maxHits || countRule(hits, cr.rule.ID) >= maxHitsPerRule {
			continue
		}
		h, st := cr.eval(text, s, ts, occ, c.modes)
		h.Field = field
		if st == fired && generic(h) {
			if h2, ok := c.specificActor(cr, text, s, ts, occ, h); ok {
				// "ASN juga hadir …, acara yang dihadiri calon dan
				// Kepala Dinas Pertanian": the class may stand beside
				// someone told of, who is the case.
				h = h2
			} else {
				// An article that says what civil servants as a class do
				// or may do, with no word that reports an incident,
				// describes no case (see genericClass); a post's "ASN di
				// sini …" is an accusation (GUIDE), so only longer texts.
				// A headline is the news itself ("ASN Pemprov Maluku Utara
				// Tercatat sebagai Pengurus Partai") unless it states a
				// norm too.
				st, h.Mode, h.Cue = suppressed, "generic", spanText(text, h, rules.RoleActor)
			}
		}
		if st == fired && long && c.enumeratedKinds(h, ts, occ) {
			// "Ada guru yang …, ada pejabat yang …": kinds of case
			// listed, none of them told.
			st, h.Mode, h.Cue = suppressed, "example", "ada"
		}
		switch {
		case st == fired:
			h.Mode = mode
			hits = append(hits, h)
		case st == suppressed && len(sup) < maxSuppressed:
			sup = append(sup, h)
		case st == none && nm != nil:
			nm.add(cr, text, field, s, ts, occ)
		}
	}
	return hits, sup
}

// spanText returns the text of hit h's first span in role.
func spanText(text string, h netra.Hit, role string) string {
	for _, sp := range h.Spans {
		if sp.Role == role && sp.Start >= 0 && sp.End <= len(text) && sp.Start <= sp.End {
			return text[sp.Start:sp.End]
		}
	}
	return ""
}

// statesNorm reports whether a cue that states a norm (a rule,
// permission, appeal, hypothesis or denial) stands among occ.
func (c *Classifier) statesNorm(occ []occurrence) bool {
	return anyMarked(occ, c.titleNorm)
}

// genericActor reports whether the actor of hit h is civil servants as a
// class (genericClass) rather than someone told of.
func (c *Classifier) genericActor(h netra.Hit, ts []Token, occ []occurrence, title bool) bool {
	o, ok := c.hitActor(h, ts, occ)
	return ok && genericClass(o, ts, title)
}

// allegedClass reports whether the actor of hit h is followed by "yang"
// and an incident word ("ASN yang dilaporkan tetap memiliki hak membela
// diri"): whoever is alleged, a class defined by the allegation, which
// makes the sentence's incident word no report of a case.
func (c *Classifier) allegedClass(h netra.Hit, ts []Token, occ []occurrence) bool {
	o, ok := c.hitActor(h, ts, occ)
	if !ok || o.j+1 >= len(ts) || ts[o.j].Norm != "yang" {
		return false
	}
	for _, x := range occ {
		if !x.carried && x.group == c.incident && x.i == o.j+1 {
			return true
		}
	}
	return false
}

// hitActor returns the occurrence among occ (not carried) whose words are
// hit h's actor span.
func (c *Classifier) hitActor(h netra.Hit, ts []Token, occ []occurrence) (occurrence, bool) {
	for _, sp := range h.Spans {
		if sp.Role != rules.RoleActor {
			continue
		}
		for _, o := range occ {
			if o.carried || c.dict.groups[o.group].role != rules.RoleActor {
				continue
			}
			if st, en := occBytes(ts, o); st == sp.Start && en == sp.End {
				return o, true
			}
		}
	}
	return occurrence{}, false
}

// specificActor evaluates rule cr again without the actor of hit h, so
// another actor of the sentence, named by role, may take its place; such
// an actor is never the class, so the hit it gives is no generic one.
func (c *Classifier) specificActor(cr *compiledRule, text string, s span, ts []Token, occ []occurrence, h netra.Hit) (netra.Hit, bool) {
	o, ok := c.hitActor(h, ts, occ)
	if !ok {
		return h, false
	}
	rest := make([]occurrence, 0, len(occ)-1)
	for _, x := range occ {
		if x != o {
			rest = append(rest, x)
		}
	}
	h2, st := cr.eval(text, s, ts, rest, c.modes)
	h2.Field = h.Field
	if st != fired {
		return h, false
	}
	// Only someone named by role may stand in for the class, and not the
	// one who explains ("menurut Plt Sekda, ASN terikat aturan").
	o2, ok := c.hitActor(h2, ts, rest)
	return h2, ok && !classWord(o2, ts) && !c.quotedSource(h2, ts, rest)
}

// reportMode is the mode of a hit that counts in a sentence with
// occurrences occ: an allegation when an incident cue ("diduga",
// "dilaporkan") stands there, else a report.
func (c *Classifier) reportMode(occ []occurrence) string {
	if c.hasGroup(occ, c.incident) {
		return "allegation"
	}
	return "report"
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
		if cr.exclude[o.group] && cr.excludes(o, occ, ts) {
			excl = k
			break
		}
	}
	var first netra.Hit
	found := false
	for _, a := range occ {
		if !cr.roles[0].groups[a.group] || attendeeSpeaks(a, text, ts) || choosesThing(a, ts) || captionLabel(a, text, ts) || fingerIdiom(a, ts) || addressedTeam(a, ts) {
			continue
		}
		chosen, ok := cr.complete(a, occ, text, ts)
		if !ok || cr.witness(a, chosen, ts) {
			continue
		}
		cue, cancelled := -1, false
		if excl >= 0 {
			cue, cancelled = excl, true
		} else if cue, cancelled = cr.cancelled(a, occ, text, ts); cancelled && cue >= 0 && cr.mayNameCase(occ[cue], ts) && cr.caseNamed(occ[cue], chosen, occ, ts) {
			// A rumour about someone in particular is an allegation, and
			// an act the accused denies is still their case (GUIDE.md);
			// so is one asked about ("hukumnya kalau …?", a question too).
			first := occ[cue].group
			cue, cancelled = cr.cancelled(a, occ, text, ts, first)
			if cancelled && cue >= 0 && occ[cue].group != first && cr.mayNameCase(occ[cue], ts) {
				cue, cancelled = cr.cancelled(a, occ, text, ts, first, occ[cue].group)
			}
		}
		if !cancelled {
			cue, cancelled = cr.statesNorm(text, a, chosen, occ, ts, modes)
		}
		if !cancelled {
			return cr.hit(text, s, ts, chosen), fired
		}
		if !found {
			found = true
			first = cr.hit(text, s, ts, chosen)
			if cue == keptFromCue {
				first.Mode, first.Cue = "negated", "dari"
			} else if cue == sanctionNounCue {
				first.Mode, first.Cue = "rule", "sanksi"
			} else if cue == whoeverCue {
				first.Mode, first.Cue = "hypothetical", "bagi"
			} else {
				o := occ[cue]
				first.Mode = modes[o.group]
				if !o.carried {
					first.Cue = text[ts[o.i].Start:ts[o.j-1].End]
				}
			}
		}
	}
	if found {
		return first, suppressed
	}
	return netra.Hit{}, none
}

// excludes reports whether exclude cue o, found in the sentence, rules
// the sentence out: not when its words are a side's, cite or sanction
// someone's case, tell officers putting material up or taking one side's
// down, say when or that no removal happened, count one dated event, or
// are exempt everywhere (exemptCue).
func (cr *compiledRule) excludes(o occurrence, occ []occurrence, ts []Token) bool {
	switch {
	case cr.partOfSide(o, occ), cr.inCitedCase(o, occ, ts), cr.inSanctionOfSomeone(o, occ, ts), cr.sanctionOfSomeone(o, occ, ts):
		return false
	case cr.officerInstalls(o, occ, ts), cr.officerIdle(o, occ, ts), cr.selective(o, occ, ts):
		return false
	case o.group == cr.enforcement && (duringCue(o, ts) || carriedToCampaign(o, ts) || caughtDoing(o, ts)):
		return false
	case cr.countedCase(o, occ, ts):
		return false
	case notYet(o, ts), exemptCue(o, ts), countedEvent(o, ts):
		return false
	}
	return true
}

// laterClause reports whether person o stands after act a beyond a break
// in the sentence (a comma, a dash, an emoji): "… trs bagiin kalender
// caleg 😑 aq honorer cm bs diem" — the writer who speaks up after the act
// did not do it.
func laterClause(o, a occurrence, text string, ts []Token) bool {
	if o.carried || a.carried || o.i < a.j || o.i >= len(ts) {
		return false
	}
	for k := a.j; k <= o.i; k++ {
		if strings.IndexFunc(between(text, ts, k-1, k), isBreakRune) >= 0 {
			return true
		}
	}
	return false
}

// isBreakRune reports runes that break a clause: punctuation other than
// quotes and brackets, and symbols such as emoji.
func isBreakRune(r rune) bool {
	switch r {
	case ',', ';', ':', '-', '–', '—', '!', '?', '.':
		return true
	}
	return unicode.Is(unicode.So, r)
}

// officerInstalls reports whether o is an enforcement officer who puts
// material up ("anggota Satpol PP … terekam memasang baliho paslon"),
// which is no duty of theirs: a verb of installing follows the officer
// within installReach tokens, with no side or other person between them
// to be its subject ("Satpol PP berjaga saat tim kampanye memasang …").
func (cr *compiledRule) officerInstalls(o occurrence, occ []occurrence, ts []Token) bool {
	if cr.officer < 0 || o.group != cr.officer || cr.install < 0 || o.carried {
		return false
	}
	for _, x := range occ {
		if x.group != cr.install || x.carried || x.i < o.j || x.i-o.j > installReach {
			continue
		}
		between := false
		for _, y := range occ {
			if !y.carried && y.i >= o.j && y.j <= x.i && (cr.roleIs(y, rules.RoleTarget) || y.group == cr.otherActor || y.group == cr.nonASN) && !(y.i > 0 && negationWord(ts[y.i-1].Norm)) {
				between = true
				break
			}
		}
		if !between {
			return true
		}
	}
	return false
}

// selective reports whether o, an enforcement verb or an officer with one
// after it (within installReach), removes only one side's material: "cuma"
// or "hanya" right before the verb and a side right after it ("Satpol PP
// cuma nurunin baliho paslon 1"). That is no duty but taking a side.
func (cr *compiledRule) selective(o occurrence, occ []occurrence, ts []Token) bool {
	if cr.enforcement < 0 || o.carried {
		return false
	}
	if o.group == cr.enforcement {
		return onlyThenSide(cr, o, occ, ts)
	}
	if o.group != cr.officer {
		return false
	}
	for _, x := range occ {
		if x.group == cr.enforcement && !x.carried && x.i >= o.j && x.i-o.j <= installReach && onlyThenSide(cr, x, occ, ts) {
			return true
		}
	}
	return false
}

// onlyThenSide reports whether a side stands at most selectiveReach tokens
// after verb v, with "cuma" or "hanya" between them or at most two tokens
// before the verb ("cuma copot baliho paslon 1", "nurunin baliho cuma
// punya paslon 1"), or with another side's material left standing later
// in the sentence ("…, tapi baliho 02 … dibiarkan").
func onlyThenSide(cr *compiledRule, v occurrence, occ []occurrence, ts []Token) bool {
	spared := false
	for k := v.j; k < len(ts); k++ {
		switch ts[k].Norm {
		case "dibiarkan", "dibiarin", "dibiarain", "dibiarken":
			spared = true
		}
	}
	for _, t := range occ {
		if t.carried || !cr.roleIs(t, rules.RoleTarget) || t.i < v.j || t.i-v.j > selectiveReach {
			continue
		}
		if spared {
			// "cabut semua baliho paslon 01 & 03 …, tapi baliho 02 …
			// dibiarkan"
			return true
		}
		for k := max(v.i-2, 0); k < t.i; k++ {
			switch ts[k].Norm {
			case "cuma", "cuman", "hanya", "cm", "cma":
				return true
			}
		}
	}
	return false
}

// postWindow is how many tokens further from the act the actor may stand
// in a text no longer than a post (sideMaxBytes).
const postWindow = 5

// selectiveReach is how many tokens may stand between a removal and the
// side whose material alone is removed ("menurunkan baliho milik paslon 1").
const selectiveReach = 4

// installReach is how many tokens may stand between an officer and the
// verb of their putting material up.
const installReach = 12

// complete picks, for anchor a, the nearest occurrence of every other
// required role within the window.
func (cr *compiledRule) complete(a occurrence, occ []occurrence, text string, ts []Token) ([]occurrence, bool) {
	win := cr.rule.Window
	actorWin := win
	if win > 0 && len(text) <= sideMaxBytes {
		// A post runs its clauses together with no full stop ("bu guru
		// ini ngajar di SMPN 2 kan? kok live tiktok bawa2 nama caleg
		// terus suruh penonton pilih nomor 5"): one incident, and the
		// one who did it may stand further from the act.
		actorWin += postWindow
	}
	chosen := []occurrence{a}
	for _, rq := range cr.roles[1:] {
		best, bestDist := -1, 1<<30
		for k, o := range occ {
			// A role whose words hold the anchor's is not another role: the
			// "kampanye" of "video kampanye" is not the act and its side.
			if !rq.groups[o.group] || (!o.carried && !a.carried && o.i <= a.i && a.j <= o.j) {
				continue
			}
			if rq.role == rules.RoleTarget && (cr.inOfficeFigure(o, occ) || deniedSide(o, ts) || coAttendee(o, ts)) {
				continue
			}
			if rq.role == rules.RoleActor && (speaker(o, a, text, ts) || deniedPerson(o, ts) || cr.enforcer(o, occ) || cr.attributed(o, a, text, ts) || placeAfter(o, a, text, ts) || passiveAgent(o, ts) || paidTo(o, ts) || supposedAfter(o, a, ts) || audienceAfter(o, a, ts)) {
				continue
			}
			d := distance(a, o)
			if rq.role == rules.RoleActor {
				d = quotedDistance(a, o, text, ts)
			}
			if rq.role == rules.RoleTarget && !o.carried && !a.carried && a.j <= o.i {
				d = objectDistance(a, o, text, ts)
			}
			if o.carried && rq.role == rules.RoleTarget {
				// A side from the sentence next to the act (side.go).
				d = 0
			}
			reach := win
			if rq.role == rules.RoleActor && (o.carried || o.j <= a.i) {
				// Only a subject before the act reaches further.
				reach = actorWin
			}
			if win > 0 && d > reach {
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
				if !other || o.group < 0 {
					continue
				}
				if b := occ[best]; !o.carried && !b.carried && o.i <= b.i && b.j <= o.j {
					// The civil servant's words are part of someone
					// else's title ("Relawan Guru Nusantara").
					return nil, false
				}
				if b := occ[best]; !o.carried && !b.carried && (worksAt(o, b, ts) || o.j <= a.i && uniform(b, ts)) {
					return nil, false
				}
				if distance(a, o) < bestDist && !coordinated(o, occ[best], text, ts) && !objectOf(o, a, occ[best]) && !laterClause(o, a, text, ts) && !ownsPlace(o, ts) && !addressee(o, occ[best], ts) && !passiveAgent(o, ts) && !recruited(o, ts) && !secondHat(o, ts) {
					return nil, false
				}
				// "Guru Honorer … Jadi Jurkam Caleg, Kepala Sekolah Mengaku
				// …", "Guru honorer … bagi-bagi stiker caleg 😤 kepseknya
				// ga tau apa": with a person who is not ASN before the act
				// and the civil servant only past a break after it, the
				// act is the first one's.
				if b := occ[best]; !b.carried && !o.carried && o.j <= a.i && b.i >= a.j && laterClause(b, a, text, ts) {
					return nil, false
				}
			}
		}
		chosen = append(chosen, occ[best])
	}
	if !cr.inOrder(chosen) || !cr.saysSide(chosen, occ, text, ts) {
		return nil, false
	}
	return chosen, true
}

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
				if rq.role == rules.RoleTarget {
					continue
				}
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

func (cr *compiledRule) hit(text string, s span, ts []Token, chosen []occurrence) netra.Hit {
	roles := make([]string, len(chosen))
	for k := range chosen {
		roles[k] = cr.roles[k].role
	}
	return cr.hitOf(text, s, ts, chosen, roles)
}

// hitOf is rule cr's hit on sentence s with the words of chosen, each in
// the role of the same index: all the rule's roles for a match (hit), the
// ones found for a near miss (nearEvidence).
func (cr *compiledRule) hitOf(text string, s span, ts []Token, chosen []occurrence, roles []string) netra.Hit {
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
		st, en := occBytes(ts, o)
		h.Terms = append(h.Terms, text[st:en])
		h.Spans = append(h.Spans, netra.Span{Start: st, End: en, Role: roles[k]})
	}
	return h
}
