package classifier

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/netra-id/netra/rules"
)

// group is a set of terms that match as one: a gazetteer, or one inline
// term of a rule.
type group struct {
	name string
	role string
}

// phrase is one term compiled to a word sequence.
type phrase struct {
	words []string
	group int32
}

// regexTerm is a "re:" term, matched against one normalised token.
type regexTerm struct {
	re    *regexp.Regexp
	group int32
}

// dictionary finds every term occurrence in a token sequence.
type dictionary struct {
	groups  []group
	byName  map[string]int32
	exact   map[string][]phrase // keyed by the first word's Norm
	stemmed map[string][]phrase // keyed by the first word's Stem
	// names holds long lists of multi-word names (candidates), keyed by
	// their first two words: thousands of names share a first word
	// ("muhammad"), few share two.
	names   map[[2]string][]phrase
	regexes []regexTerm
	// former is the group of words that make the civil servant after
	// them a former one ("mantan", "pensiunan"), formerTo the group such
	// an actor is moved to (people who are not ASN); -1 when unset.
	former, formerTo int32
	// uniformTo is the group of officials who are not ASN, to which
	// markUniformed moves a title of a police or military unit; -1 when
	// unset.
	uniformTo int32
	// staff and office are the cue groups whose words make a civil
	// servant together ("pegawai" + "di" + "Dinas PMD"), staffTo the
	// group of civil servants; -1 when unset.
	staff, office, staffTo int32
	// aggregate is the cancel group of totals, which countedCases adds
	// to; -1 when unset.
	aggregate int32
}

// occurrence is a term found at tokens [i, j).
type occurrence struct {
	group int32
	i, j  int
	// carried marks an actor carried over from the previous sentence
	// through an anaphor ("Ia", "Mereka"); start and end are its bytes.
	carried    bool
	start, end int
}

func newDictionary() *dictionary {
	return &dictionary{byName: map[string]int32{}, exact: map[string][]phrase{}, stemmed: map[string][]phrase{}, names: map[[2]string][]phrase{}, former: -1, formerTo: -1, uniformTo: -1, staff: -1, office: -1, staffTo: -1, aggregate: -1}
}

func (d *dictionary) addGroup(name, role string) int32 {
	if g, ok := d.byName[name]; ok {
		return g
	}
	d.groups = append(d.groups, group{name: name, role: role})
	g := int32(len(d.groups) - 1)
	d.byName[name] = g
	return g
}

// addTerm compiles one term into group g. mode is the gazetteer's; a
// leading "=" forces exact matching, "re:" makes a regular expression.
func (d *dictionary) addTerm(n *normalizer, g int32, term, mode string) error {
	if expr, ok := strings.CutPrefix(term, "re:"); ok {
		re, err := regexp.Compile(expr)
		if err != nil {
			return fmt.Errorf("bad regular expression %q: %w", expr, err)
		}
		d.regexes = append(d.regexes, regexTerm{re: re, group: g})
		return nil
	}
	if t, ok := strings.CutPrefix(term, "="); ok {
		term, mode = t, rules.ModeExact
	}
	toks := n.termTokens(term)
	if len(toks) == 0 {
		return fmt.Errorf("term %q has no words", term)
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		if mode == rules.ModeExact {
			words[i] = t.Norm
		} else {
			words[i] = t.Stem
		}
	}
	m := d.stemmed
	if mode == rules.ModeExact {
		m = d.exact
	}
	// Inflected forms of one term ("dukung", "mendukung") often share a
	// stem; keep one phrase so an occurrence is reported once.
	for _, q := range m[words[0]] {
		if q.group == g && slices.Equal(q.words, words) {
			return nil
		}
	}
	m[words[0]] = append(m[words[0]], phrase{words: words, group: g})
	return nil
}

// find appends every occurrence in ts to out. When phrases of the same
// role overlap, the longer one wins, so "pj kepala desa" (an ASN) hides
// "kepala desa" (a non-ASN official).
func (d *dictionary) find(ts []Token, out []occurrence) []occurrence {
	base := len(out)
	for i := range ts {
		for _, p := range d.exact[ts[i].Norm] {
			j, ok := matchWords(ts, i, p.words, false)
			if !ok && len(p.words) > 1 && d.groups[p.group].role == rules.RoleActor {
				j, ok = matchPossessive(ts, i, p.words)
			}
			if ok {
				out = append(out, occurrence{group: p.group, i: i, j: j})
			}
		}
		if base, ok := withoutPossessive(ts[i].Norm); ok {
			// "lurahnya", "guruku": a one-word title with a possessive.
			for _, p := range d.exact[base] {
				if len(p.words) == 1 && d.groups[p.group].role == rules.RoleActor {
					out = append(out, occurrence{group: p.group, i: i, j: i + 1})
				}
			}
		}
		for _, p := range d.stemmed[ts[i].Stem] {
			if j, ok := matchWords(ts, i, p.words, true); ok {
				out = append(out, occurrence{group: p.group, i: i, j: j})
			}
		}
		if i+1 < len(ts) && len(d.names) > 0 {
			for _, p := range d.names[[2]string{ts[i].Norm, ts[i+1].Norm}] {
				// A capitalised word right after means a longer name.
				if j, ok := matchWords(ts, i, p.words, false); ok && (j >= len(ts) || !ts[j].Upper) {
					out = append(out, occurrence{group: p.group, i: i, j: j})
				}
			}
		}
		for _, r := range d.regexes {
			if r.re.MatchString(ts[i].Norm) {
				out = append(out, occurrence{group: r.group, i: i, j: i + 1})
			}
		}
	}
	out = d.composeStaff(ts, out, base)
	out = d.countedCases(ts, out)
	// Drop occurrences strictly inside a longer one of the same role.
	found := out[base:]
	keep := found[:0]
	for a, oa := range found {
		inside := false
		for b, ob := range found {
			if a == b || d.groups[oa.group].role != d.groups[ob.group].role {
				continue
			}
			if ob.i <= oa.i && oa.j <= ob.j && (ob.j-ob.i) > (oa.j-oa.i) || copyInside(ts, oa, ob) {
				inside = true
				break
			}
		}
		if !inside {
			keep = append(keep, oa)
		}
	}
	keep = d.markFormer(ts, keep)
	d.markUniformed(ts, keep)
	return out[:base+len(keep)]
}

// copyInside reports whether occurrence a stands on the first copy of a
// word written doubled the informal way ("guru2", read "guru guru") and b,
// starting on the second copy, reaches further ("guru2 honorer"): the
// doubled word is one word of b's phrase, which hides a as it would hide
// a part of itself.
func copyInside(ts []Token, a, b occurrence) bool {
	if a.carried || b.carried || a.j != a.i+1 || b.i != a.j || b.j <= b.i+1 || a.j >= len(ts) {
		return false
	}
	return ts[a.i].Start == ts[b.i].Start && ts[a.i].End == ts[b.i].End && ts[a.i].Norm == ts[b.i].Norm
}

// uniformedUnits are the police and military units whose heads of section
// are officers, not civil servants ("Kabid Humas Polda", "Kasi Ops Kodim").
var uniformedUnits = map[string]bool{
	"polda": true, "polres": true, "polresta": true, "polrestabes": true, "polsek": true, "polri": true, "mabes": true,
	"brimob": true, "kodim": true, "korem": true, "kodam": true, "koramil": true, "lanud": true, "lanal": true, "lantamal": true,
}

// statusWords name a civil servant's status: "PNS Polda" and "pegawai
// Polres" work for the police as civil servants.
var statusWords = map[string]bool{"pns": true, "asn": true, "pppk": true, "pegawai": true, "p3k": true}

// markUniformed moves a civil servant's title followed, in the same
// phrase and within three words, by a police or military unit ("Kepala
// Bidang Humas Polda Sukamaju") to the officials who are not ASN (GUIDE:
// TNI and Polri), unless a status word says civil servant.
func (d *dictionary) markUniformed(ts []Token, occ []occurrence) {
	if d.uniformTo < 0 || d.staffTo < 0 {
		return
	}
	for k, o := range occ {
		if o.group != d.staffTo || o.carried {
			continue
		}
		civil := false
		for i := o.i; i < o.j; i++ {
			civil = civil || statusWords[ts[i].Norm]
		}
		for i := o.j; !civil && i < len(ts) && i < o.j+3 && spaced(ts, i-1); i++ {
			if uniformedUnits[ts[i].Norm] {
				occ[k].group = d.uniformTo
				break
			}
		}
	}
}

// markFormer moves an actor right after a former-word ("mantan sekretaris
// daerah", "pensiunan sekda"), or right before a one-word one ("Pak guru
// pensiunan"), to the group of people who are not ASN. The two must be
// one phrase: "Video Calon, Kabid Dipanggil" keeps its civil servant. A
// post being contested ("bakal calon kepala sekolah") is no side either,
// so a target ending where such a word ends goes; occ is returned without
// it.
func (d *dictionary) markFormer(ts []Token, occ []occurrence) []occurrence {
	if d.former < 0 || d.formerTo < 0 {
		return occ
	}
	var contested []int // token ends of former-words that moved an actor after them
	for _, f := range occ {
		if f.group != d.former {
			continue
		}
		for k := range occ {
			// "pensiunan guru", and after the role: "Pak guru pensiunan".
			after := occ[k].i == f.j && spaced(ts, f.j-1)
			before := occ[k].j == f.i && f.j == f.i+1 && spaced(ts, f.i-1)
			if (after || before) && d.groups[occ[k].group].role == rules.RoleActor {
				occ[k].group = d.formerTo
				if after {
					contested = append(contested, f.j)
				}
			}
		}
	}
	if len(contested) == 0 {
		return occ
	}
	keep := occ[:0]
	for _, o := range occ {
		if d.groups[o.group].role != rules.RoleTarget || !slices.Contains(contested, o.j) {
			keep = append(keep, o)
		}
	}
	return keep
}

// spaced reports whether token i and the next are written with a single
// space between them, no punctuation.
func spaced(ts []Token, i int) bool {
	return i >= 0 && i+1 < len(ts) && ts[i+1].Start-ts[i].End == 1
}

func matchWords(ts []Token, i int, words []string, stem bool) (int, bool) {
	if i+len(words) > len(ts) {
		return 0, false
	}
	for k, w := range words {
		t := &ts[i+k]
		if stem {
			if t.Stem != w {
				return 0, false
			}
		} else if t.Norm != w {
			return 0, false
		}
	}
	return i + len(words), true
}

// matchPossessive is matchWords for a title of several words whose last
// word carries a possessive ("kepala dinasnya", "wali kelasku").
func matchPossessive(ts []Token, i int, words []string) (int, bool) {
	n := len(words)
	if i+n > len(ts) {
		return 0, false
	}
	for k, w := range words[:n-1] {
		if ts[i+k].Norm != w {
			return 0, false
		}
	}
	last, w := ts[i+n-1].Norm, words[n-1]
	if len(last) <= len(w) || last[:len(w)] != w {
		return 0, false
	}
	switch last[len(w):] {
	case "nya", "ku", "mu":
		return i + n, true
	}
	return 0, false
}

// withoutPossessive returns w without a possessive suffix ("lurahnya" →
// "lurah", "guruku" → "guru"; Makassar "camatta", Bugis "lurahna",
// Javanese "kepseke", "lurahe"), when what is left is a word of at least
// four letters.
func withoutPossessive(w string) (string, bool) {
	for _, suf := range [...]string{"nya", "ku", "mu", "ta", "na", "ne", "e"} {
		if len(w) >= len(suf)+4 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)], true
		}
	}
	return "", false
}

// compiledRule is a rule with its terms resolved to groups.
type compiledRule struct {
	rule    *rules.Rule
	roles   []roleReq
	cancel  []bool // by group
	exclude []bool // by group
	negate  []bool // by group
	// acts marks the act groups of the whole pack (by group): a negation
	// reaches through a chain of acts ("tidak pernah mengarahkan warga
	// memilih", "tidak membuat unggahan yang menunjukkan keberpihakan").
	acts []bool
	// vocab holds the words of every gazetteer term (the normaliser's),
	// to tell a name from a known word in a title-case headline.
	vocab map[string]bool
	// cueGroups holds the groups the engine reads by name, shared by
	// every rule.
	cueGroups
	pending pendingGroups
}

// finish builds the group bitmaps once the number of groups is final.
func (cr *compiledRule) finish(n int) {
	for i := range cr.roles {
		cr.roles[i].groups = bitmap(n, cr.pending.req[i])
	}
	cr.cancel = bitmap(n, cr.pending.cancel)
	cr.exclude = bitmap(n, cr.pending.exclude)
	cr.negate = bitmap(n, cr.pending.negate)
	cr.pending = pendingGroups{}
}

type roleReq struct {
	role   string
	groups []bool // by group
}

// roleOrder fixes the order roles are checked in; the act anchors a hit.
func roleOrder() [4]string {
	return [4]string{rules.RoleAct, rules.RoleActor, rules.RoleTarget, rules.RoleCue}
}

// cueGroups are the groups of the gazetteers the engine treats by name
// (see the *Gazetteer constants), each -1 when the pack has none.
type cueGroups struct {
	realis, purpose, otherActor, nonASN    int32
	concession, contrast, setting, conseq  int32
	precedent, figure, inOffice, election  int32
	candidates, overseer, request          int32
	instructed, rumour, sanction, handling int32
	hypothetical, accusedDenial, support   int32
	question, officer, install, material   int32
	explanation, say, enforcement, duty    int32
	future, caseActive, aggregate          int32
	party                                  int32
}

// named returns the group of the pack's gazetteer name, or -1 when the
// pack has none.
func (d *dictionary) named(name string) int32 {
	if g, ok := d.byName["@"+name]; ok {
		return g
	}
	return -1
}

// anyMarked reports whether one of occ is of a group that marks (by
// group) marks.
func anyMarked(occ []occurrence, marks []bool) bool {
	for _, o := range occ {
		if marks[o.group] {
			return true
		}
	}
	return false
}

// marked returns, by group, whether the group is one of the pack's
// gazetteers names.
func (d *dictionary) marked(names []string) []bool {
	out := make([]bool, len(d.groups))
	for _, name := range names {
		if g := d.named(name); g >= 0 {
			out[g] = true
		}
	}
	return out
}

// namedGroups looks the by-name gazetteers up in d.
func (d *dictionary) namedGroups() cueGroups {
	get := d.named
	return cueGroups{
		realis: get(RealisGazetteer), purpose: get(PurposeGazetteer), otherActor: get(OtherActorGazetteer), nonASN: get(NonASNGazetteer),
		concession: get(ConcessionGazetteer), contrast: get(ContrastGazetteer), setting: get(SettingGazetteer),
		conseq: get(ConsequenceGazetteer), precedent: get(PrecedentGazetteer),
		figure: get(NationalFigureGazetteer), inOffice: get(InOfficeGazetteer), election: get(ElectionGazetteer),
		candidates: get(rules.CandidatesGazetteer),
		overseer:   get(OverseerGazetteer), request: get(RequestGazetteer), instructed: get(InstructedGazetteer),
		rumour: get(RumourGazetteer), sanction: get(SanctionGazetteer), handling: get(HandlingGazetteer),
		hypothetical: get(HypotheticalGazetteer), accusedDenial: get(AccusedDenialGazetteer),
		support: get(SupportGazetteer), question: get(QuestionGazetteer),
		officer: get(EnforcementOfficerGazetteer), install: get(InstallGazetteer), material: get(MaterialGazetteer),
		explanation: get(ExplanationGazetteer), say: get(SayGazetteer), enforcement: get(EnforcementGazetteer),
		duty:   get(DutyGazetteer),
		future: get(FutureGazetteer), caseActive: get(CaseActiveGazetteer), aggregate: get(AggregateGazetteer),
		party: get(PartyGazetteer),
	}
}
