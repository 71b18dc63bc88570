package classifier

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// Whether an item names an election (near_model's condition): its words
// are those of the gazetteers target, election and election_body. A
// keyword automaton (electionScan) finds the sentences that may hold one,
// and only those are tokenised.

// electionWords reports whether gazetteer name holds words by which an
// item names an election (namesElection).
func electionWords(name string) bool {
	return name == TargetGazetteer || name == ElectionGazetteer || name == ElectionBodyGazetteer
}

// electionMask is the one mask of electionScan's keywords.
const electionMask uint32 = 1

// electionKeywords derives from a gazetteer term the keywords of
// electionScan, which must find every item whose tokens match the term. A
// stem term matches any word with the stem of its first word, so that stem
// is the keyword, without an initial consonant a prefix may absorb
// ("pemilihan" matches "memilih" by the stem "pilih"); the first stage's
// keywords need no stemming, since its stem terms are written as stems.
func electionKeywords(term, mode string, n *normalizer) []keyword {
	if d, ok := strings.CutPrefix(term, "nourut"); ok && len(d) == 1 {
		// A canonical ballot number: written with its digit ("02",
		// "nomor urut 2") or a number word ("nomer telu").
		out := []keyword{{text: d, mask: electionMask}}
		for _, w := range numberWords(d) {
			out = append(out, keyword{text: w, mask: electionMask})
		}
		return out
	}
	if mode != rules.ModeStem || strings.HasPrefix(term, "=") {
		return surfaceKeywords(term, mode, electionMask)
	}
	toks := n.termTokens(term)
	if len(toks) == 0 {
		return nil
	}
	w := toks[0].Stem
	if w == "" {
		w = toks[0].Norm
	}
	if len(w) > 1 && strings.IndexByte("aeiou", w[0]) < 0 {
		// Standard prefixes absorb k/p/s/t, colloquial ones c too
		// ("nyaleg" of "caleg"): any initial consonant may be gone.
		w = w[1:]
	}
	return []keyword{{text: w, mask: electionMask}}
}

// electionGroups marks, by group, the gazetteers whose words name an
// election (electionWords).
func (d *dictionary) electionGroups() []bool {
	out := make([]bool, len(d.groups))
	for g, grp := range d.groups {
		name, ok := strings.CutPrefix(grp.name, "@")
		out[g] = ok && electionWords(name)
	}
	return out
}

// hasRegexp reports whether one of terms is a regular expression.
func hasRegexp(terms []string) bool {
	for _, t := range terms {
		if strings.HasPrefix(t, "re:") {
			return true
		}
	}
	return false
}

// namesElection reports whether the item names an election anywhere: a
// word of a side (candidate, pair, ballot number, winning team), of the
// election (pemilu, pilkada …) or of its overseers (Bawaslu, KPU …), the
// gazetteers target, election and election_body. A near miss on news with
// none (a school's food poisoning, a civil servant's photo scandal) is no
// election case however much the word model reads civil servants into it.
//
// The sentences the analysis tokenised have told doc already
// (sawElection); of the others, only those in which electionScan finds a
// keyword are tokenised.
func (c *Classifier) namesElection(title, text string, doc *docContext) bool {
	if doc != nil && doc.election {
		return true
	}
	var sents []span
	if doc != nil && doc.text == text {
		sents = doc.sents
	}
	if sents == nil {
		sents = sentences(text)
	}
	return c.electionAt(title, []span{{0, len(title)}}) || c.electionAt(text, sents)
}

// electionAt reports whether one of the sentences sents of s names an
// election (namesElection).
func (c *Classifier) electionAt(s string, sents []span) bool {
	for _, sp := range sents {
		if a := c.electionScan; a != nil && a.scan(compatFold(s[sp.start:sp.end]), 0, electionMask) == 0 {
			continue
		}
		if c.electionIn(c.dict.find(c.norm.tokensIn(s, sp.start, sp.end), nil)) {
			return true
		}
	}
	return false
}

// electionIn reports whether one of occ is a word of a side, of an
// election or of its overseers: not party names ("PKB" is also a vehicle
// tax), public figures or a rule's own words ("DPRD").
func (c *Classifier) electionIn(occ []occurrence) bool {
	return anyMarked(occ, c.electionGroup)
}

// sawElection notes in doc that a sentence the analysis tokenised names an
// election (occ are its dictionary matches), so namesElection need not read
// the item again.
func (doc *docContext) sawElection(c *Classifier, occ []occurrence) {
	if doc != nil && !doc.election && c.electionIn(occ) {
		doc.election = true
	}
}
