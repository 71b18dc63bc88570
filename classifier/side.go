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
	return []string{"target", "party", "national_figure", "candidates"}
}

// sideWeight scales the weight of a hit whose side came from the next
// sentence: the link between the two sentences is inferred.
const sideWeight = 0.85

// A short post tells one incident; in a longer text the sentence next to
// an act is as likely to be about something else ("… kesejahteraan guru
// dan dosen. …" beside a paragraph on a minister), so only texts this
// short take a side from a neighbour.
const (
	sideMaxSentences = 6
	sideMaxBytes     = 700
)

// sideGroups marks, by group, the gazetteers of sideGazetteers.
func sideGroups(byName map[string]int32, n int) []bool {
	out := make([]bool, n)
	for _, name := range sideGazetteers() {
		if g, ok := byName["@"+name]; ok {
			out[g] = true
		}
	}
	return out
}

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
	if len(sents) > sideMaxSentences || len(text) > sideMaxBytes {
		return hits
	}
	for _, j := range [2]int{at - 1, at + 1} {
		if j < 0 || j >= len(sents) || relatedLine(text[sents[j].start:sents[j].end]) {
			continue
		}
		nts, nocc := c.backSentence(text, sents[j], doc)
		side := c.sideOf(nocc)
		if side < 0 || namesAgent(nts) {
			continue
		}
		with := append(occ, carriedFrom(nocc[side], nts))
		for _, cr := range c.rules {
			if len(hits) >= maxHits || countRule(hits, cr.rule.ID) >= maxHitsPerRule || !cr.takes(rules.RoleTarget, nocc[side].group) || cr.stoppedBy(nocc) || cr.negates(occ) {
				continue
			}
			h, st := cr.eval(text, sents[at], ts, with, c.modes)
			if st != fired || cr.generalActor(h, ts, with) {
				continue
			}
			h.Field, h.Mode = field, "report"
			if c.hasGroup(occ, c.incident) {
				h.Mode = "allegation"
			}
			h.Weight *= sideWeight
			hits = append(hits, h)
		}
		return hits
	}
	return hits
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
		if c.dict.groups[o.group].role != rules.RoleActor {
			continue
		}
		inSide := false
		for _, t := range occ {
			if c.sides[t.group] && t.i <= o.i && o.j <= t.j+1 {
				inSide = true
				break
			}
		}
		if !inSide {
			return -1
		}
	}
	return side
}

// namesAgent reports whether a sentence names who did its act with
// "oleh" ("warga diajak memilih paslon nomor 2 oleh relawan"): the side
// there is the agent's, not the civil servant's next door.
func namesAgent(ts []Token) bool {
	for k, t := range ts {
		if t.Norm != "oleh" || k+1 == len(ts) {
			continue
		}
		// "oleh karena itu", "oleh sebab itu" give a reason.
		if n := ts[k+1].Norm; n != "karena" && n != "sebab" {
			return true
		}
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
	for _, o := range occ {
		if cr.negate[o.group] {
			return true
		}
	}
	return false
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
