package classifier

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// A consequence still to come ("… akan dipanggil inspektorat", "… dapat
// berujung pidana") said of whoever does an act states the rule; said of
// someone in particular it leaves the case standing.

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
		if c.carried || !cr.roleIs(c, rules.RoleActor) {
			continue
		}
		j := c.j
		if j < len(ts) && rankNumber(ts[j].Norm) {
			// "Eselon II yang …"
			j++
		}
		if j >= len(ts) || ts[j].Norm != "yang" {
			if k, ok := cr.consequenceOfAct(text, chosen, occ, ts); ok {
				return k, true
			}
			continue
		}
		start := cr.coordinatedStart(c, occ, ts)
		if start > 0 && ts[start-1].Norm == "bagi" && j+1 < len(ts) && feelsOrIntends(ts[j+1].Norm) {
			// "pendampingan hukum bagi guru yang merasa ditekan …":
			// whoever feels or means to, no one who did.
			return whoeverCue, true
		}
		if start > 0 && sanctionNoun(ts[start-1].Norm) {
			// "Alur Sanksi ASN yang Tak Netral", "hukuman bagi …":
			// the sanction of whoever does it.
			return sanctionNounCue, true
		}
		if start > 0 && !isGenericBefore(ts[start-1].Norm) && !opensClause(text, ts, start) {
			continue
		}
		for k, o := range occ {
			if o.group == cr.conseq && !o.carried && o.i > j {
				return k, true
			}
		}
	}
	return -1, false
}

// rankNumber reports a grade or echelon number after a rank ("Eselon II",
// "golongan III").
func rankNumber(w string) bool {
	switch w {
	case "i", "ii", "iii", "iv", "v", "1", "2", "3", "4":
		return true
	}
	return false
}

// opensClause reports whether token k starts what a speaker says: a colon
// or an opening quote stands right before it ("Sekda: ASN yang …"); or
// the sentence itself, after a dateline in capitals and a dash
// ("IPOL.ID-Camat dan lurah yang …", "JAKARTA – ASN yang …").
func opensClause(text string, ts []Token, k int) bool {
	gap := between(text, ts, k-1, k)
	if strings.ContainsAny(gap, ":\"“") {
		return true
	}
	return ts[k-1].Caps && strings.ContainsAny(gap, "-–—")
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

// consequenceOfAct finds a consequence still to come said of the act
// itself, in its own clause after it ("keterlibatan guru ASN dalam
// kampanye dapat berujung pidana"), when no one in particular did it: a
// statement of what any such act brings.
func (cr *compiledRule) consequenceOfAct(text string, chosen, occ []occurrence, ts []Token) (int, bool) {
	a := chosen[0]
	if a.carried || cr.namesSomeone(chosen, ts) {
		return -1, false
	}
	for k, o := range occ {
		// A noun alone ("mana sanksinya?") may ask for the sanction of a
		// case; only a modal with its verb says what is still to come.
		if o.group != cr.conseq || o.carried || o.j-o.i < 2 || o.i < a.j || o.i-a.j > consequenceReach {
			continue
		}
		if strings.ContainsAny(text[ts[a.j-1].End:ts[o.i].Start], ";") {
			continue
		}
		return k, true
	}
	return -1, false
}

// consequenceReach is how many tokens may stand between an act and the
// consequence said of it.
const consequenceReach = 12

// coordinatedStart returns where the people joined with actor c by "atau"
// or "dan" start ("Camat atau Lurah yang …"), or c's own start.
func (cr *compiledRule) coordinatedStart(c occurrence, occ []occurrence, ts []Token) int {
	start := c.i
	for start >= 2 && (ts[start-1].Norm == "atau" || ts[start-1].Norm == "dan") {
		found := false
		for _, o := range occ {
			if !o.carried && o.j == start-1 && cr.roleIs(o, rules.RoleActor) {
				start, found = o.i, true
				break
			}
		}
		if !found {
			break
		}
	}
	return start
}

// sanctionNounCue is what genericConsequence returns for a class defined
// by the act right after a word for its sanction, which has no cue
// occurrence of its own.
const sanctionNounCue = -3

// sanctionNoun reports words for a sanction that, right before a class
// defined by a relative clause, state what befalls whoever does the act
// ("Sanksi ASN yang Tak Netral").
func sanctionNoun(w string) bool {
	switch w {
	case "sanksi", "hukuman", "ancaman", "jerat", "nasib":
		return true
	}
	return false
}

// whoeverCue is what genericConsequence returns for a class defined by
// what its members feel or intend ("bagi guru yang merasa ditekan"), which
// has no cue occurrence of its own.
const whoeverCue = -4

// feelsOrIntends reports words that, opening a relative clause, define a
// class by a feeling or an intention rather than by a deed.
func feelsOrIntends(w string) bool {
	switch w {
	case "merasa", "ingin", "hendak", "berniat", "berencana", "mau", "akan":
		return true
	}
	return false
}

// statesNorm reports whether a hit otherwise complete only states a norm:
// its subject is a norm's (normSubject), a sanction to come is said of a
// whole class (genericConsequence), the act is what anyone who feels it
// might meet (whoeverFeels), or the side is what a prohibition
// between it and the act forbids (prohibitedSide). It returns the cue.
func (cr *compiledRule) statesNorm(text string, a occurrence, chosen, occ []occurrence, ts []Token, modes []string) (int, bool) {
	if k, ok := cr.normSubject(text, chosen, occ, ts, modes); ok {
		return k, true
	}
	if k, ok := cr.genericConsequence(text, chosen, occ, ts); ok {
		return k, true
	}
	if whoeverFeels(a, text, ts) {
		return whoeverCue, true
	}
	return cr.prohibitedSide(a, chosen, occ, text, ts, modes)
}

// whoeverFeels reports whether act a is what anyone who feels or means to
// might meet ("layanan konsultasi bagi anggota yang merasa ditekan atasan
// … untuk mendukung calon", "ASN yang merasa ditekan … dapat melapor"):
// "bagi" and at most three words, or a class word ("ASN"), then "yang" and
// a verb of feeling or intent stand before the act.
func whoeverFeels(a occurrence, text string, ts []Token) bool {
	if a.carried {
		return false
	}
	for k := 0; k+2 < a.i; k++ {
		if classToken(ts[k].Norm) && ts[k+1].Norm == "yang" && feelsOrIntends(ts[k+2].Norm) && (k == 0 || !particularBefore(ts[k-1].Norm)) && between(text, ts, k, k+1) == " " {
			// "ASN yang merasa ditekan oleh atasan untuk mendukung
			// calon tertentu dapat melapor"
			return true
		}
		if ts[k].Norm != "bagi" {
			continue
		}
		for y := k + 2; y <= k+4 && y+1 <= a.i; y++ {
			if ts[y].Norm == "yang" && feelsOrIntends(ts[y+1].Norm) {
				return true
			}
		}
	}
	return false
}

// prohibitedSide reports whether a cancel cue of a rule stands after act a
// and before the hit's side, in the side's clause and at most
// prohibitedReach words from it ("Camat ngumpulin kades se-kecamatan,
// ngingetin kades dilarang ikut kampanye"): what the act was about is the
// prohibition, and the side is only what it forbids.
func (cr *compiledRule) prohibitedSide(a occurrence, chosen, occ []occurrence, text string, ts []Token, modes []string) (int, bool) {
	for _, t := range chosen {
		if t.carried || a.carried || t.i < a.j || !cr.roleIs(t, rules.RoleTarget) {
			continue
		}
		for k, o := range occ {
			if o.carried || !cr.cancel[o.group] || modes[o.group] != "rule" || o.i < a.j || o.j > t.i || t.i-o.j > prohibitedReach {
				continue
			}
			if strings.ContainsAny(text[ts[a.j-1].End:ts[o.i].Start], ".!?") {
				// A post read whole (evalWholePost) weighs cues in
				// other sentences itself.
				continue
			}
			if strings.IndexFunc(text[ts[o.j-1].End:ts[t.i].Start], isBreakRune) < 0 {
				return k, true
			}
		}
	}
	return -1, false
}

// prohibitedReach is how many words may stand between a prohibition and
// the side it forbids ("dilarang ikut kampanye calon").
const prohibitedReach = 4

// particularBefore reports words before a class word that pick out someone
// in particular ("seorang ASN yang merasa …", "ASN itu").
func particularBefore(w string) bool {
	switch w {
	case "seorang", "sang", "si", "oknum", "salah":
		return true
	}
	return false
}
