package classifier

import (
	"slices"
	"strings"

	"github.com/netra-id/netra/rules"
)

// Who is ASN, from what the item states: a staff word that alone names no
// civil servant ("dosen", "pegawai", "mantri") does when the item says so
// elsewhere ("dosen merupakan Aparatur Sipil Negara", "pegawai itu
// berstatus PNS"). GUIDE counts such a person as ASN; the statement is
// often paragraphs away from the act.

// statusNouns name the civil service in a statement of what someone is.
var statusNouns = [...]string{"asn", "pns", "pppk", "aparatur sipil negara", "pegawai negeri"}

// statedReach is how many words before such a statement its subject may
// stand ("dosen Universitas Bengkulu itu merupakan ASN").
const statedReach = 6

// staffWords returns the one-word terms of the pack's staff gazetteer,
// and the village officials a statement may make civil servants
// (villageStatus).
func staffWords(p *rules.Pack) map[string]bool {
	g := p.Gazetteers[StaffGazetteer]
	if g == nil {
		return nil
	}
	out := oneWordTerms(g.Terms)
	for w := range villageStatus {
		out[w] = true
	}
	return out
}

// villageStatus maps the words of village officials an item may state to
// be civil servants ("dua di antara lima sekdes yang hadir berstatus
// PNS": GUIDE counts a sekdes who is PNS) to the phrases that name them
// in an act.
var villageStatus = map[string][]string{
	"sekdes": {"sekdes", "sekretaris desa"},
	"kades":  {"kades"},
}

// oneWordTerms returns the terms of one word, as plain lower-case words.
func oneWordTerms(terms []string) map[string]bool {
	out := map[string]bool{}
	for _, t := range terms {
		if t = plainTerm(t); !strings.Contains(t, " ") {
			out[t] = true
		}
	}
	return out
}

// statedStaff returns the staff words that low (the item's title and text
// in lower case) states to be civil servants, or nil. A word that denies
// or qualifies the status between the two ("bukan", "honorer", "mantan")
// voids the statement.
func statedStaff(low []string, staff map[string]bool) map[string]bool {
	var out map[string]bool
	for _, s := range low {
		for _, noun := range statusNouns {
			for from := 0; ; {
				k := strings.Index(s[from:], noun)
				if k < 0 {
					break
				}
				at := from + k
				from = at + len(noun)
				if at > 0 && isAlnumByte(s[at-1]) || from < len(s) && isAlnumByte(s[from]) {
					continue
				}
				if w, ok := claimSubject(s[max(0, at-200):at], staff); ok {
					if out == nil {
						out = map[string]bool{}
					}
					out[w] = true
				}
			}
		}
	}
	return out
}

// claimSubject reads the words before a civil-service noun: when they
// end in a statement of status ("… merupakan", "… berstatus", "… adalah
// seorang"), it returns the staff word standing at most statedReach words
// before the verb in the same sentence, if nothing between denies,
// qualifies or wishes it.
func claimSubject(before string, staff map[string]bool) (string, bool) {
	if cut := strings.LastIndexAny(before, ".!?\n"); cut >= 0 {
		before = before[cut+1:]
	}
	words := strings.FieldsFunc(before, func(r rune) bool { return !isWordRune(r) })
	n := len(words)
	if n > 0 && (words[n-1] == "seorang" || words[n-1] == "sebagai") {
		n--
	}
	if n == 0 || !claimVerb(words[n-1]) {
		return "", false
	}
	for k := n - 2; k >= 0 && k >= n-1-statedReach; k-- {
		switch w := words[k]; {
		case notStatus(w):
			return "", false
		case staff[w]:
			if wished(words[max(0, k-2):k]) {
				// "DPR ingin pegawai KPK berstatus ASN"
				return "", false
			}
			return w, true
		}
	}
	return "", false
}

// claimVerb reports words that state what someone is.
func claimVerb(w string) bool {
	switch w {
	case "merupakan", "adalah", "berstatus", "statusnya", "juga":
		return true
	}
	return false
}

// notStatus reports words that deny or qualify a civil servant's status.
func notStatus(w string) bool {
	switch w {
	case "bukan", "tidak", "tak", "non", "honorer", "swasta", "kontrak", "mantan", "pensiunan", "bekas", "calon":
		return true
	}
	return false
}

// wished reports whether words (those right before a status statement's
// subject) make it a wish, a demand or a condition rather than a fact.
func wished(words []string) bool {
	for _, w := range words {
		switch w {
		case "ingin", "mau", "akan", "agar", "supaya", "harus", "wajib", "jika", "kalau", "bila", "apabila", "usul", "mengusulkan", "diusulkan", "menginginkan", "meminta", "minta":
			return true
		}
	}
	return false
}

// resolveStated turns a staff word the item states to be a civil servant
// into one.
func (c *Classifier) resolveStated(occ []occurrence, ts []Token, doc *docContext) {
	if c.dict.staff < 0 || c.heads.asn < 0 {
		return
	}
	for k, o := range occ {
		if o.carried {
			continue
		}
		if o.group == c.dict.staff && o.j == o.i+1 && doc.statedSet(c)[ts[o.i].Norm] {
			occ[k].group = c.heads.asn
		}
		if o.group == c.nonASN && c.statedVillager(o, ts, doc) {
			occ[k].group = c.heads.asn
		}
	}
}

// statedVillager reports whether official o (not ASN by his title) is one
// of the village officials the item states to be civil servants.
func (c *Classifier) statedVillager(o occurrence, ts []Token, doc *docContext) bool {
	if o.j-o.i > 2 || o.j > len(ts) {
		return false
	}
	phrase := ts[o.i].Norm
	if o.j-o.i == 2 {
		phrase += " " + ts[o.i+1].Norm
	}
	// The cheap check first: most officials are no village official the
	// item could state to be PNS, and reading the statements costs a pass
	// over the item.
	for w, phrases := range villageStatus {
		if slices.Contains(phrases, phrase) && doc.statedSet(c)[w] {
			return true
		}
	}
	return false
}
