package classifier

import (
	"strings"

	"github.com/netra-id/netra"
)

// termTokens normalises a rule or gazetteer term the way text is
// normalised, without prose (terms are short and already word-split).
func (n *normalizer) termTokens(term string) []Token {
	var out []Token
	for _, f := range strings.Fields(term) {
		out = n.appendToken(out, f, 0, len(f))
	}
	out = canonicalize(out)
	for i := range out {
		out[i].Stem = n.stemOf(out[i].Norm)
	}
	return out
}

// analyze runs the second stage over text and appends hits. field is ""
// for the item's text and "title" for its title. Every rule needs an actor
// and an act in one sentence, so only sentences that pass the first stage
// on their own are tokenised: in a long article that is a handful.
func (c *Classifier) analyze(text, field string, hits []netra.Hit) []netra.Hit {
	var sents []span
	if field == "title" {
		sents = []span{{0, len(text)}}
	} else {
		sents = sentences(text)
	}
	var occ []occurrence
	for _, s := range sents {
		if c.first.scan(text[s.start:s.end], 0, maskAll)&maskAll != maskAll {
			continue
		}
		ts := c.norm.tokensIn(text, s.start, s.end)
		if len(ts) == 0 {
			continue
		}
		occ = c.dict.find(ts, occ[:0])
		if len(occ) > 0 {
			hits = c.evalSentence(text, field, s, ts, occ, hits)
		}
	}
	return hits
}

// evalSentence applies every rule to one sentence.
func (c *Classifier) evalSentence(text, field string, s span, ts []Token, occ []occurrence, hits []netra.Hit) []netra.Hit {
	for _, cr := range c.rules {
		if h, ok := cr.eval(text, s, ts, occ); ok {
			h.Field = field
			hits = append(hits, h)
		}
	}
	return hits
}

// eval finds the first anchor occurrence with every other required role
// within the window and no cancel cue in scope.
func (cr *compiledRule) eval(text string, s span, ts []Token, occ []occurrence) (netra.Hit, bool) {
	for _, o := range occ {
		if cr.exclude[o.group] {
			return netra.Hit{}, false
		}
	}
	anchor := cr.roles[0]
	win := cr.rule.Window
	for _, a := range occ {
		if !anchor.groups[a.group] {
			continue
		}
		if cr.cancelled(a, occ) {
			continue
		}
		chosen := []occurrence{a}
		ok := true
		for _, rq := range cr.roles[1:] {
			best, bestDist := -1, 1<<30
			for k, o := range occ {
				if !rq.groups[o.group] || (o.i == a.i && o.j == a.j) {
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
			if best < 0 {
				ok = false
				break
			}
			chosen = append(chosen, occ[best])
		}
		if !ok {
			continue
		}
		return cr.hit(text, s, ts, chosen), true
	}
	return netra.Hit{}, false
}

// cancelled reports whether a cancel cue stands before the anchor in the
// sentence ("ASN dilarang berkampanye", "membantah mendukung", "jika ASN
// ikut kampanye") or right after it ("kampanye tidak dibenarkan").
func (cr *compiledRule) cancelled(a occurrence, occ []occurrence) bool {
	for _, o := range occ {
		if cr.negate[o.group] && o.j <= a.i && a.i-o.j <= 3 {
			return true
		}
		if !cr.cancel[o.group] {
			continue
		}
		if o.j <= a.i || o.i == a.j {
			return true
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
		st, en := ts[o.i].Start, ts[o.j-1].End
		h.Terms = append(h.Terms, text[st:en])
		h.Spans = append(h.Spans, netra.Span{Start: st, End: en, Role: cr.roles[k].role})
	}
	return h
}
