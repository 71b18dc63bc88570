package classifier

import (
	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// headlineWeight scales the weight of a hit whose side came from the
// headline (evalTitleSide).
const headlineWeight = 0.8

// titleSide returns the side the headline names, worked out on first
// need: none when the headline tells of no civil servant's act, or states
// a norm or has any word that cancels ("Bolehkah ASN …", "Bawaslu Imbau
// …").
func (d *docContext) titleSide(c *Classifier) (occurrence, []Token, bool) {
	if !d.sideDone {
		d.sideDone = true
		if d.title == "" || c.roles(d.title, 0) != maskAll {
			// No actor and act keyword: no act of a civil servant.
			return d.side, nil, false
		}
		ts := c.norm.tokensIn(d.title, 0, len(d.title))
		occ := c.dict.find(ts, nil)
		asn, act := false, false
		for _, o := range occ {
			switch c.dict.groups[o.group].role {
			case rules.RoleCancel:
				return d.side, nil, false
			case rules.RoleActor:
				asn = asn || o.group == c.heads.asn
			case rules.RoleAct:
				act = true
			}
		}
		// Only a headline that itself tells of a civil servant's act
		// ("Kepsek … Diduga Arahkan Guru Pilih Caleg X") lends its side;
		// "KPK Panggil Politisi PAN" is about something else.
		if !asn || !act {
			return d.side, nil, false
		}
		if k := c.sideOf(occ); k >= 0 {
			d.side, d.sideTokens, d.sideOK = occ[k], ts, true
		}
	}
	return d.side, d.sideTokens, d.sideOK
}

// evalTitleSide lends the headline's side to an article's sentence that
// tells someone in particular did an act and names no side of its own
// ("Kepala sekolah itu kemudian mengarahkan guru-guru untuk
// mengamankan suara …" under "… Diduga Arahkan Guru Pilih Caleg X"). The
// actor must be someone, not the class, and no one else may be the
// sentence's agent.
func (c *Classifier) evalTitleSide(text string, s span, ts []Token, occ []occurrence, doc *docContext, hits []netra.Hit) []netra.Hit {
	side, sts, ok := doc.titleSide(c)
	if !ok || namesAgent(ts, nil) {
		return hits
	}
	words := doc.title[sts[side.i].Start:sts[side.j-1].End]
	someone := func(h netra.Hit, with []occurrence) bool { return c.someoneActs(h, ts, with) }
	return c.lendSide(text, s, ts, occ, side.group, words, "", nil, someone, hits)
}

// lendSide applies the rules that take a side to sentence s of text
// (tokens ts, occurrences occ) with a side the item's other field names
// (group g, its words) carried in, as evalTitleSide and evalLeadSide do.
// The side is carried with no bytes: its words stand in the other field,
// and the hit lists them after its spans (lendTerm). skip names rules not
// to try and keep the hits that count; either may be nil.
func (c *Classifier) lendSide(text string, s span, ts []Token, occ []occurrence, g int32, words, field string, skip func(cr *compiledRule) bool, keep func(h netra.Hit, with []occurrence) bool, hits []netra.Hit) []netra.Hit {
	with := append(occ[:len(occ):len(occ)], occurrence{group: g, carried: true})
	mode := c.reportMode(occ)
	for _, cr := range c.rules {
		if len(hits) >= maxHits || countRule(hits, cr.rule.ID) >= maxHitsPerRule || !cr.takes(rules.RoleTarget, g) || cr.negates(occ) || skip != nil && skip(cr) {
			continue
		}
		h, st := cr.eval(text, s, ts, with, c.modes)
		if st != fired || cr.generalActor(h, ts, with) || keep != nil && !keep(h, with) {
			continue
		}
		for k, sp := range h.Spans {
			if sp.Role == rules.RoleTarget && sp.Start == sp.End {
				lendTerm(&h, k, words)
				break
			}
		}
		h.Field, h.Mode, h.Weight = field, mode, h.Weight*headlineWeight
		hits = append(hits, h)
	}
	return hits
}

// politician reports whether occ hold an elected or political office
// holder outside a side ("Bupati Sukamaju berkampanye untuk caleg …"):
// the side is his, not the headline's civil servant's. The office a
// candidate seeks ("calon bupati") is the side's own word.
func (c *Classifier) politician(occ []occurrence) bool {
	for _, o := range occ {
		if !o.carried && c.modes[o.group] == "not_asn" && !c.inSide(o, occ) {
			return true
		}
	}
	return false
}

// lendTerm drops span k of hit h, whose words stand in the other field
// of the item (headline or article), and moves its term, as those words,
// after the terms that have spans: Terms[i] stays the words of Spans[i],
// and the terms past the spans were found in the other field.
func lendTerm(h *netra.Hit, k int, words string) {
	h.Spans = append(h.Spans[:k:k], h.Spans[k+1:]...)
	h.Terms = append(append(h.Terms[:k:k], h.Terms[k+1:]...), words)
}

// someoneActs reports whether the actor of hit h is someone in particular
// (see particular), one told of before ("kepala sekolah tersebut", "ia"),
// not civil servants as a class or a kind of them.
func (c *Classifier) someoneActs(h netra.Hit, ts []Token, occ []occurrence) bool {
	o, ok := c.hitActor(h, ts, occ)
	if !ok {
		// carried from an earlier sentence through "ia", "beliau", a
		// name or initials
		return true
	}
	if classWord(o, ts) {
		return false
	}
	for k := o.j; k < len(ts) && k < o.j+2; k++ {
		switch ts[k].Norm {
		case "itu", "tersebut", "tsb", "bersangkutan":
			// "kepala sekolah tersebut": the one told of before
			return true
		}
	}
	return particular(o, ts, c.norm.vocab)
}

// leadReach is how many of an article's first sentences may lend their
// side to the headline (evalLeadSide).
const leadReach = 4

// evalLeadSide lends the headline the side its article's lead names:
// "Warga Pergoki Sekcam … Kumpulkan Fotokopi KTP" over a lead that says
// for whom ("… untuk caleg DPRD nomor 3"). A headline sums up the article,
// so the side its lead names outright (a candidate, a pair, a ballot
// number: firmSide) is the one the headline's act served — unless the
// lead's sentence has a person of its own, whose act the side belongs to,
// or holds a word that cancels the rule there.
func (c *Classifier) evalLeadSide(title string, s span, ts []Token, occ []occurrence, doc *docContext, hits []netra.Hit) []netra.Hit {
	if doc == nil || doc.text == "" || namesAgent(ts, nil) {
		return hits
	}
	sents := doc.sents
	for j := 0; j < len(sents) && j < leadReach; j++ {
		body := doc.text[sents[j].start:sents[j].end]
		if relatedLine(body) || !doc.mayNameCandidate(c, body) {
			continue
		}
		nts, nocc := c.backSentence(doc.text, sents[j], doc)
		side := c.sideOf(nocc)
		if side < 0 || namesAgent(nts, nil) || !c.firmSide(nocc[side], nts, doc) || c.politician(nocc) {
			continue
		}
		words := doc.text[nts[nocc[side].i].Start:nts[nocc[side].j-1].End]
		// A cue the rule cancels with in the lead's sentence makes its
		// side part of what that sentence states.
		stopped := func(cr *compiledRule) bool { return cr.stoppedIn(nocc, doc.text, nts) }
		return c.lendSide(title, s, ts, occ, nocc[side].group, words, "title", stopped, nil, hits)
	}
	return hits
}
