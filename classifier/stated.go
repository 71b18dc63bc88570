package classifier

import (
	"regexp"
	"strings"

	"github.com/netra-id/netra/rules"
)

// Who is ASN, from what the item states: a staff word that alone names no
// civil servant ("dosen", "pegawai", "mantri") does when the item says so
// elsewhere ("dosen merupakan Aparatur Sipil Negara", "pegawai itu
// berstatus PNS"). GUIDE counts such a person as ASN; the statement is
// often paragraphs away from the act.

// statusClaimRE finds a statement that someone is a civil servant.
var statusClaimRE = regexp.MustCompile(`\b(?:merupakan|adalah|berstatus|statusnya|yang juga|juga)\s+(?:seorang\s+|sebagai\s+)?(?:asn|pns|pppk|aparatur sipil negara|pegawai negeri sipil|pegawai negeri)\b`)

// statedReach is how many words before such a statement its subject may
// stand ("dosen Universitas Bengkulu itu merupakan ASN").
const statedReach = 6

// staffWords returns the one-word terms of the pack's staff gazetteer.
func staffWords(p *rules.Pack) map[string]bool {
	g := p.Gazetteers[StaffGazetteer]
	if g == nil {
		return nil
	}
	out := map[string]bool{}
	for _, t := range g.Terms {
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
		for _, loc := range statusClaimRE.FindAllStringIndex(s, -1) {
			before := s[max(0, loc[0]-200):loc[0]]
			if cut := strings.LastIndexAny(before, ".!?\n"); cut >= 0 {
				before = before[cut+1:]
			}
			words := strings.FieldsFunc(before, func(r rune) bool { return !isWordRune(r) })
		back:
			for k := len(words) - 1; k >= 0 && k >= len(words)-statedReach; k-- {
				switch w := words[k]; {
				case notStatus(w):
					break back
				case staff[w]:
					if wished(words[max(0, k-2):k]) {
						// "DPR ingin pegawai KPK berstatus ASN"
						break back
					}
					if out == nil {
						out = map[string]bool{}
					}
					out[w] = true
					break back
				}
			}
		}
	}
	return out
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
		if o.carried || o.group != c.dict.staff || o.j != o.i+1 {
			continue
		}
		if doc.statedSet(c)[ts[o.i].Norm] {
			occ[k].group = c.heads.asn
		}
	}
}

// hasStatedStaff is the cheap check, before sentence s is tokenised, that
// a staff word in it may be a civil servant the item says is one.
func (c *Classifier) hasStatedStaff(s string, doc *docContext) bool {
	return c.first.scan(s, 0, maskStaff)&maskStaff != 0 && len(doc.statedSet(c)) > 0
}
