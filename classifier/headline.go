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
	lent := carriedFrom(side, sts)
	with := append(occ[:len(occ):len(occ)], lent)
	mode := c.reportMode(occ)
	for _, cr := range c.rules {
		if len(hits) >= maxHits || countRule(hits, cr.rule.ID) >= maxHitsPerRule || !cr.takes(rules.RoleTarget, side.group) || cr.negates(occ) {
			continue
		}
		h, st := cr.eval(text, s, ts, with, c.modes)
		if st != fired || cr.generalActor(h, ts, with) || !c.someoneActs(h, ts, with) {
			continue
		}
		// The side's words are the headline's, not this text's.
		for k, sp := range h.Spans {
			if sp.Role == rules.RoleTarget && sp.Start == lent.start && sp.End == lent.end {
				h.Terms[k] = doc.title[lent.start:lent.end]
				h.Spans = append(h.Spans[:k:k], h.Spans[k+1:]...)
				break
			}
		}
		h.Mode, h.Weight = mode, h.Weight*headlineWeight
		hits = append(hits, h)
	}
	return hits
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
