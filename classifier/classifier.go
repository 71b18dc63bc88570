// Package classifier finds possible partisan activity by Indonesian civil
// servants (ASN) in text and explains why. It works in two stages: one
// Aho–Corasick automaton over the raw bytes rejects texts that lack an
// actor keyword or an act keyword, cheaply and without allocating; only the
// remaining candidates are tokenised (prose), normalised with byte offsets
// kept, stemmed, split into sentences, and matched against the rules of a
// pack. The Classifier is immutable after construction and safe for
// concurrent use; it does no I/O except when loading a pack.
package classifier

import (
	"fmt"
	"maps"
	"math"
	"sort"
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// First-stage roles, as bits of the automaton's masks.
const (
	maskActor uint32 = 1 << iota
	maskAct
	maskStaff
	maskOffice
	maskAll = maskActor | maskAct
	// maskStaffOffice stands in for an actor keyword: a staff word and a
	// government office compose a civil servant (see composeStaff).
	maskStaffOffice = maskStaff | maskOffice
)

// Classifier applies one rule pack.
type Classifier struct {
	pack  *rules.Pack
	norm  *normalizer
	dict  *dictionary
	rules []*compiledRule
	// targetGroup is the group of the pack's "target" gazetteer, or -1,
	// for names taken as a side (votedNames).
	targetGroup int32
	// joined are the flagging rules with no window, for a short post read
	// as one incident (evalWholePost).
	joined []*compiledRule
	first  *automaton
	// electionScan finds, in raw text, the keywords of the words by which
	// an item names an election (namesElection): an item with none names
	// none. Nil when those gazetteers hold names or patterns.
	electionScan *automaton
	// clauseCancel marks, by group, the cancel gazetteers a short post
	// read whole weighs per clause (see clauseCancelGazetteers).
	clauseCancel []bool
	// pressureCue marks, by group, the cancel gazetteers a post read
	// whole passes over even in the act's own sentence (see
	// pressureCueGazetteers).
	pressureCue []bool
	// facility is the group of state property (FacilityGazetteer), an
	// "actor" of the rules on state facilities but nobody who acts; -1
	// when unset.
	facility int32
	// nonASN is the group of officials who are not ASN by title
	// (NonASNGazetteer), -1 when unset; an item may state some of them
	// to be civil servants (stated.go).
	nonASN   int32
	version  string
	maxTitle int
	// anaphora is the group of the pack's "anaphora" gazetteer, or -1;
	// anaphorWords holds the first words of its terms.
	anaphora     int32
	anaphorWords map[string]bool
	// continuation is the group of the pack's "continuation" gazetteer
	// (sentence-opening "lalu", "terus" with no subject of their own), or -1.
	continuation int32
	// self is the group of the pack's "self" gazetteer (first-person
	// pronouns), or -1.
	self int32
	// refs reads bare "deklarasi" as the official event the item names.
	refs eventRefs
	// heads reads "guru tersebut" as the honorary teacher the item named.
	heads headRefs
	// staffWords are the one-word staff terms an item may state to be
	// civil servants (see statedStaff).
	staffWords map[string]bool
	// flagging holds the IDs of the rules that decide Flagged.
	flagging map[string]bool
	// modes holds, by group, the discourse a cancel group stands for
	// (from its gazetteer's discourse field, else its name).
	modes []string
	// incident is the group of the "incident" gazetteer, or -1: a hit in a
	// sentence with one of its terms is an allegation, not a plain report.
	incident int32
	// simulation is the group of the pack's "simulation" gazetteer and
	// hypothetical that of its "hypothetical" one, or -1: a headline that
	// frames the article as acted gives every sentence a hypothesis.
	simulation, hypothetical int32
	// titleNorm marks, by group, the cancel groups whose discourse makes a
	// title a statement of norms (rule, permission, appeal …).
	titleNorm []bool
	// electionGroup marks the groups whose words name an election
	// (namesElection): the gazetteers target, election and election_body.
	electionGroup []bool
	// sides marks, by group, the gazetteers whose terms can complete an
	// act from the sentence next to it (see side.go).
	sides []bool
}

// Option configures a Classifier.
type Option func(*config)

type config struct {
	stem func(string) string
}

// WithStemmer replaces the stemmer (a lower-case word in, its stem out).
func WithStemmer(f func(string) string) Option {
	return func(c *config) { c.stem = f }
}

// Default returns a classifier with the built-in rule pack.
func Default(opts ...Option) (*Classifier, error) {
	p, err := rules.Default()
	if err != nil {
		return nil, fmt.Errorf("built-in rule pack: %w", err)
	}
	return New(p, opts...)
}

// Load returns a classifier with the rule pack in dir.
func Load(dir string, opts ...Option) (*Classifier, error) {
	p, err := rules.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	return New(p, opts...)
}

// New compiles a loaded pack.
func New(p *rules.Pack, opts ...Option) (*Classifier, error) {
	cfg := config{}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.stem == nil {
		cfg.stem = newDefaultStem()
	}
	n := &normalizer{lexicon: p.Lexicon, stem: cfg.stem}
	c := &Classifier{pack: p, norm: n, dict: newDictionary(), version: p.Name + "@" + p.Version, maxTitle: 1000}

	// Vocabulary for splitting lower-case hashtags: gazetteer words.
	n.vocab = map[string]bool{}
	var kws, elect []keyword
	noElectionScan := false
	names := make([]string, 0, len(p.Gazetteers))
	for name := range p.Gazetteers {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		g := p.Gazetteers[name]
		gid := c.dict.addGroup("@"+name, g.Role)
		for _, t := range g.Terms {
			if err := c.dict.addTerm(n, gid, t, g.Mode); err != nil {
				return nil, fmt.Errorf("%s:%d: gazetteer %q: %w", g.File, g.Line, name, err)
			}
			n.addVocab(t)
			if g.Keywords {
				kws = append(kws, termKeywords(t, g, n)...)
			}
			if electionWords(name) {
				elect = append(elect, electionKeywords(t, g.Mode, n)...)
			}
		}
		if electionWords(name) && (len(g.Candidates) > 0 || hasRegexp(g.Terms)) {
			// Names and patterns have no keywords: every item may name
			// an election.
			noElectionScan = true
		}
		for _, cand := range g.Candidates {
			c.addCandidate(gid, cand.Name)
		}
	}
	kws = append(kws, lexiconKeywords(p.Lexicon, kws)...)
	kws = append(kws, inKeywords(kws)...)
	c.anaphora, c.continuation, c.self = -1, -1, -1
	if g, ok := c.dict.byName["@"+AnaphoraGazetteer]; ok {
		c.anaphora = g
		c.anaphorWords = map[string]bool{}
		c.addAnaphorWords(p.Gazetteers[AnaphoraGazetteer])
		if g, ok := c.dict.byName["@"+ContinuationGazetteer]; ok {
			c.continuation = g
			c.addAnaphorWords(p.Gazetteers[ContinuationGazetteer])
		}
		if g, ok := c.dict.byName["@"+SelfGazetteer]; ok {
			c.self = g
			c.addAnaphorWords(p.Gazetteers[SelfGazetteer])
		}
	}
	c.first = newAutomaton(kws)
	if !noElectionScan {
		elect = append(elect, lexiconKeywords(p.Lexicon, elect)...)
		c.electionScan = newAutomaton(elect)
	}

	for _, r := range p.Rules {
		cr, err := c.compileRule(r)
		if err != nil {
			return nil, fmt.Errorf("%s: rule %q: %w", r.Where(), r.ID, err)
		}
		c.rules = append(c.rules, cr)
	}
	named := c.dict.namedGroups()
	acts := make([]bool, len(c.dict.groups))
	for g, grp := range c.dict.groups {
		acts[g] = grp.role == rules.RoleAct
	}
	c.refs = newEventRefs(p, c.dict.byName)
	c.heads = newHeadRefs(p, c.dict.byName)
	c.staffWords = staffWords(p)
	c.incident = -1
	if g, ok := c.dict.byName["@"+IncidentGazetteer]; ok {
		c.incident = g
	}
	c.electionGroup = c.dict.electionGroups()
	c.modes = make([]string, len(c.dict.groups))
	c.titleNorm = make([]bool, len(c.dict.groups))
	for g, grp := range c.dict.groups {
		c.modes[g] = "cancel"
		if name, ok := strings.CutPrefix(grp.name, "@"); ok {
			c.modes[g] = name
			if gz := p.Gazetteers[name]; gz != nil && gz.Discourse != "" {
				c.modes[g] = gz.Discourse
			}
		}
		switch c.modes[g] {
		case "rule", "permission", "appeal", "hypothetical", "denial":
			c.titleNorm[g] = grp.role == rules.RoleCancel
		}
	}
	if g, ok := c.dict.byName["@"+FormerGazetteer]; ok && named.otherActor >= 0 {
		c.dict.former, c.dict.formerTo = g, named.otherActor
	}
	c.facility = c.dict.named(FacilityGazetteer)
	c.nonASN = c.dict.named(NonASNGazetteer)
	c.dict.uniformTo = c.nonASN
	c.simulation, c.hypothetical = c.dict.named(SimulationGazetteer), named.hypothetical
	c.clauseCancel = c.dict.marked(clauseCancelGazetteers)
	c.pressureCue = c.dict.marked(pressureCueGazetteers)
	c.dict.aggregate = c.dict.named(AggregateGazetteer)
	// composeStaff needs all three; one missing leaves it off.
	c.dict.staff, c.dict.office, c.dict.staffTo = c.dict.named(StaffGazetteer), c.dict.named(OfficeGazetteer), c.dict.named(ASNGazetteer)
	if named.request >= 0 {
		// A request is an appeal only from an overseer (see cancelled);
		// it never makes a list's lead-in or a title a norm.
		c.titleNorm[named.request] = false
	}
	if named.conseq >= 0 {
		// A sanction announced for a whole class states the rule; the
		// gazetteer is a cue (it cancels only with a class as actor), so
		// it names no discourse of its own.
		c.modes[named.conseq] = "rule"
	}
	c.sides = c.dict.marked(sideGazetteers())
	c.targetGroup = c.dict.named(TargetGazetteer)
	c.flagging = map[string]bool{}
	for _, cr := range c.rules {
		cr.finish(len(c.dict.groups))
		cr.acts = acts
		cr.vocab = n.vocab
		cr.cueGroups = named
		if cr.rule.Flag {
			c.flagging[cr.rule.ID] = true
			r := *cr.rule
			r.Window = 0
			j := *cr
			j.rule = &r
			c.joined = append(c.joined, &j)
		}
	}
	return c, nil
}

// addAnaphorWords adds the first words of g's terms to the cheap check
// that a sentence may open with an anaphor.
func (c *Classifier) addAnaphorWords(g *rules.Gazetteer) {
	if g == nil {
		return
	}
	for _, t := range g.Terms {
		if f := strings.Fields(plainTerm(t)); len(f) > 0 {
			c.anaphorWords[f[0]] = true
		}
	}
}

// isHonorific reports titles dropped from candidate names before matching,
// as ballots print them ("H. IRMAWAN, S.Sos., M.M." is matched as
// "irmawan …").
func isHonorific(w string) bool {
	switch w {
	case "h", "hj", "dr", "drs", "dra", "ir", "prof", "kh", "tgk", "teungku", "haji", "hajjah", "ust", "ustadz", "rm", "raden", "gusti":
		return true
	}
	return false
}

// addCandidate adds a candidate's name as an exact phrase. Academic
// degrees after the first comma and leading honorifics are dropped; names
// of one word are skipped because they collide with ordinary words.
func (c *Classifier) addCandidate(gid int32, name string) {
	if i := strings.IndexByte(name, ','); i > 0 {
		name = name[:i]
	}
	toks := c.norm.termTokens(name)
	for len(toks) > 0 && isHonorific(toks[0].Norm) {
		toks = toks[1:]
	}
	if len(toks) < 2 {
		return
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Norm
	}
	key := [2]string{words[0], words[1]}
	c.dict.names[key] = append(c.dict.names[key], phrase{words: words, group: gid})
}

// termKeywords derives first-stage keywords from a gazetteer term. Stem
// terms drop an initial k/p/s/t that Indonesian prefixes absorb
// ("pilih" → "memilih", "kampanye" → "mengampanyekan").
func termKeywords(term string, g *rules.Gazetteer, n *normalizer) []keyword {
	var mask uint32
	switch g.Role {
	case rules.RoleActor:
		mask = maskActor
	case rules.RoleAct:
		mask = maskAct
	case rules.RoleCue:
		switch g.Name {
		case StaffGazetteer:
			mask = maskStaff
		case OfficeGazetteer:
			mask = maskOffice
		default:
			return nil
		}
	default:
		return nil
	}
	return surfaceKeywords(term, g.Mode, mask)
}

// surfaceKeywords derives the keywords of a gazetteer term of the given
// mode, each with mask: none for a regular expression.
func surfaceKeywords(term, mode string, mask uint32) []keyword {
	if strings.HasPrefix(term, "re:") {
		return nil
	}
	if t, ok := strings.CutPrefix(term, "="); ok {
		term, mode = t, rules.ModeExact
	}
	if alts, ok := canonicalSurface(strings.ToLower(term)); ok {
		out := make([]keyword, 0, len(alts))
		for _, a := range alts {
			out = append(out, keyword{text: a, mask: mask, bounded: len(a) <= 3 && isASCII(a)})
		}
		return out
	}
	text := strings.ToLower(term)
	if mode == rules.ModeStem {
		first, rest, _ := strings.Cut(text, " ")
		if len(first) >= 5 && strings.IndexByte("kpst", first[0]) >= 0 {
			first = first[1:]
		}
		text = first
		if rest != "" {
			text += " " + rest
		}
	}
	return []keyword{{text: text, mask: mask, bounded: len(text) <= 3}}
}

// canonicalSurface lists raw spellings of a canonical gesture token, so the
// first stage sees them before normalisation has run; emoji spellings come
// from the lexicon ("✌ jari2") through lexiconKeywords.
func canonicalSurface(term string) ([]string, bool) {
	switch term {
	case "jari1", "jari2", "jari3", "jari5":
		return []string{"jari", term}, true
	case "jari":
		return []string{"jari"}, true
	}
	return nil, false
}

// lexiconKeywords adds colloquial spellings of keywords ("dkung" for
// "dukung") so the first stage does not miss them.
func lexiconKeywords(lex map[string][]string, kws []keyword) []keyword {
	byText := map[string]uint32{}
	for _, k := range kws {
		byText[k.text] |= k.mask
	}
	var out []keyword
	// slangOf lists, for a standard word, the one-word spellings the
	// lexicon maps to it alone ("kpl" for "kepala").
	slangOf := map[string][]string{}
	for slang, std := range lex {
		for _, w := range std {
			m, ok := byText[w]
			if !ok && len(w) >= 5 && strings.IndexByte("kpst", w[0]) >= 0 {
				// a stem keyword lost its first letter ("romosikan" for
				// "promosikan", see termKeywords)
				m, ok = byText[w[1:]]
			}
			if ok {
				out = append(out, keyword{text: slang, mask: m, bounded: len(slang) <= 3 && isASCII(slang)})
			}
		}
		if len(std) == 1 && !strings.Contains(slang, " ") {
			slangOf[std[0]] = append(slangOf[std[0]], slang)
		}
	}
	for _, forms := range slangOf {
		sort.Strings(forms) // the same keywords on every start
	}
	// A stem keyword that lost its first letter ("idak" of "tidak", see
	// termKeywords) is spelt like the whole word ("gak netral"); the
	// first letter in "kpst" order that gives a word with spellings wins.
	cut := map[string][]string{}
	for _, c := range "kpst" {
		for w, forms := range slangOf {
			if len(w) >= 5 && rune(w[0]) == c && len(slangOf[w[1:]]) == 0 && cut[w[1:]] == nil {
				cut[w[1:]] = forms
			}
		}
	}
	maps.Copy(slangOf, cut)
	// Phrases with a colloquial word in them ("kpl sekolah" for "kepala
	// sekolah"), every combination up to maxSpellings per phrase, and a
	// doubled word written the informal way ("bagi2" for "bagi bagi").
	for _, k := range kws {
		if !strings.Contains(k.text, " ") {
			continue
		}
		if r, ok := informalDouble(k.text); ok {
			out = append(out, keyword{text: r, mask: k.mask})
		}
		for _, v := range spellings(strings.Fields(k.text), slangOf) {
			out = append(out, keyword{text: v, mask: k.mask})
		}
	}
	return out
}

// inKeywords adds the colloquial "-in" form of one-word act keywords in
// "-kan" ("bagiin" for "bagikan", "menangin" for "menangkan"); the
// normaliser reads them back (inToKan).
func inKeywords(kws []keyword) []keyword {
	var out []keyword
	for _, k := range kws {
		if k.mask&maskAct != 0 && len(k.text) > 5 && strings.HasSuffix(k.text, "kan") && !strings.Contains(k.text, " ") {
			out = append(out, keyword{text: k.text[:len(k.text)-3] + "in", mask: maskAct})
		}
	}
	return out
}

// maxSpellings caps the colloquial spellings of one keyword phrase.
const maxSpellings = 16

// spellings returns the spellings of the phrase words with one or more of
// its words replaced by a colloquial form from slangOf, the phrase itself
// left out: every one-word spelling first, then two words at once, up to
// maxSpellings.
func spellings(words []string, slangOf map[string][]string) []string {
	seen := map[string]bool{strings.Join(words, " "): true}
	var out []string
	add := func(ws []string) {
		v := strings.Join(ws, " ")
		if !seen[v] && len(out) < maxSpellings {
			seen[v] = true
			out = append(out, v)
		}
	}
	// One word spelt colloquially first ("kpl sekolah", "kepala sklh"):
	// the common case, kept whatever the cap, so that a spelling added
	// to the lexicon for one word never pushes out another's.
	ws := append([]string(nil), words...)
	for i, w := range words {
		for _, f := range slangOf[w] {
			ws[i] = f
			add(ws)
		}
		ws[i] = w
	}
	// Then two words at once, while the cap allows.
	for i := range words {
		for j := i + 1; j < len(words); j++ {
			for _, f := range slangOf[words[i]] {
				for _, g := range slangOf[words[j]] {
					ws[i], ws[j] = f, g
					add(ws)
					ws[i], ws[j] = words[i], words[j]
				}
			}
		}
	}
	return out
}

func (c *Classifier) compileRule(r *rules.Rule) (*compiledRule, error) {
	cr := &compiledRule{rule: r}
	resolve := func(terms []string, role string) ([]int32, error) {
		var out []int32
		for _, t := range terms {
			if name, ok := strings.CutPrefix(t, "@"); ok {
				g, found := c.dict.byName["@"+name]
				if !found {
					return nil, fmt.Errorf("unknown gazetteer %q", name)
				}
				out = append(out, g)
				continue
			}
			key := role + ":" + t
			g, found := c.dict.byName[key]
			if !found {
				g = c.dict.addGroup(key, role)
				if err := c.dict.addTerm(c.norm, g, t, rules.ModeStem); err != nil {
					return nil, err
				}
			}
			out = append(out, g)
		}
		return out, nil
	}
	var reqGroups [][]int32
	for _, role := range roleOrder() {
		terms, ok := r.Require[role]
		if !ok {
			continue
		}
		gs, err := resolve(terms, role)
		if err != nil {
			return nil, err
		}
		cr.roles = append(cr.roles, roleReq{role: role})
		reqGroups = append(reqGroups, gs)
	}
	if len(cr.roles) == 0 {
		return nil, fmt.Errorf("require names no known role")
	}
	cancel, err := resolve(r.Cancel, rules.RoleCancel)
	if err != nil {
		return nil, err
	}
	exclude, err := resolve(r.Exclude, rules.RoleCancel)
	if err != nil {
		return nil, err
	}
	// Bitmaps are sized after every group exists; later rules may add
	// groups, so they are (re)built lazily in finish().
	negate, err := resolve(r.Negate, rules.RoleCancel)
	if err != nil {
		return nil, err
	}
	cr.pending = pendingGroups{req: reqGroups, cancel: cancel, exclude: exclude, negate: negate}
	return cr, nil
}

// pendingGroups holds group ids until every rule is compiled and the number
// of groups is final.
type pendingGroups struct {
	req                     [][]int32
	cancel, exclude, negate []int32
}

func bitmap(n int, ids []int32) []bool {
	b := make([]bool, n)
	for _, id := range ids {
		b[id] = true
	}
	return b
}

// RulesVersion names the pack and its version, e.g. "netra-id@2024.1".
func (c *Classifier) RulesVersion() string { return c.version }

// Pack returns the rule pack the classifier was built from.
func (c *Classifier) Pack() *rules.Pack { return c.pack }

// Keywords returns the first-stage keyword list, sorted: a text that
// contains no actor keyword or no act keyword is rejected without further
// analysis.
func (c *Classifier) Keywords() []string {
	return append([]string(nil), c.first.keywords...)
}

// Candidate reports whether text passes the first stage.
func (c *Classifier) Candidate(title, text string) bool {
	return c.roles(text, c.roles(title, 0)) == maskAll
}

// roles returns the first-stage roles (maskActor, maskAct) of s together
// with those already found: a staff word and a government office found
// together count as an actor keyword (see composeStaff).
func (c *Classifier) roles(s string, found uint32) uint32 {
	return rolesOf(c.first.scan(compatFold(s), found, maskAll))
}

// rolesOf reduces the automaton's mask to the first-stage roles.
func rolesOf(found uint32) uint32 {
	if found&maskStaffOffice == maskStaffOffice {
		found |= maskActor
	}
	return found & maskAll
}

// Analyze returns the normalised, stemmed terms of text, in order: the
// same analysis the rules see, for indexing and for query words.
//
// Indexing runs over every item, not just candidates, so Analyze splits at
// white space itself instead of calling prose (several times faster); the
// per-token normalisation is the same, and query words go through this
// same function, so index and query always agree.
func (c *Classifier) Analyze(text string) []string { return c.norm.analyze(text) }

// Tokens returns the normalised tokens of text with their byte offsets;
// exported for tools that explain a verdict.
func (c *Classifier) Tokens(text string) []Token { return c.norm.tokens(text) }

// Classify gives one item its verdict. Hit offsets are byte offsets into
// it.Text (or it.Title for hits whose Field is "title").
func (c *Classifier) Classify(it netra.Item) netra.Verdict {
	v, _, _ := c.classify(it, false)
	return v
}

// classify is Classify that also returns the document signals it scored
// with (every one of them with all, for fitting) and whether the item
// passed the first stage.
func (c *Classifier) classify(it netra.Item, all bool) (netra.Verdict, docSignals, bool) {
	v := netra.Verdict{ID: it.ID, Categories: []string{}, Hits: []netra.Hit{}, RulesVersion: c.version}
	title, text, ok := c.prepare(it)
	if !ok {
		return v, docSignals{}, false
	}
	var hits, sup []netra.Hit
	doc := c.context(title, text)
	var near *nearMisses
	if c.readsNear(all) && ArticleLike(title, text) {
		// The near misses of the text are the evidence near_model may
		// flag on; collected in the same pass, they cost no second one.
		near = &nearMisses{withHits: true}
	}
	hits, sup = c.analyzeWith(text, "", doc, hits, sup, near)
	if title != "" && !titleRepeated(title, text) {
		hits, sup = c.analyze(title, "title", doc, hits, sup)
	}
	v.Suppressed = sup
	sig := c.signals(title, text, doc, hits, sup, near, all)
	c.score(&v, hits, sig)
	// Features for fitting (all) are read before the overrule, so they do
	// not depend on the calibration in use.
	if !all && v.Flagged && sig.model != "" {
		switch sig.model {
		case "cancelled_model":
			c.overrule(&v)
		case "near_model":
			// The near misses are the evidence: no rule matched.
			v.Hits = append(v.Hits, sig.near...)
			v.Categories = categories(v.Categories, v.Hits)
		}
		c.modelWords(&v, sig.model, sig.doc)
	}
	return v, sig, true
}

// asnHit reports whether one of hits is an ASN rule's; with inText, one
// found in the text, not the title.
func (c *Classifier) asnHit(hits []netra.Hit, inText bool) bool {
	for _, h := range hits {
		if c.flagging[h.Rule] && (!inText || h.Field != "title") {
			return true
		}
	}
	return false
}

// prepare returns the title and text of it as they are analysed (capped)
// and whether they pass the first stage.
func (c *Classifier) prepare(it netra.Item) (title, text string, ok bool) {
	title = it.Title
	if len(title) > c.maxTitle {
		title = title[:c.maxTitle]
	}
	if !c.Candidate(title, it.Text) {
		return "", "", false
	}
	text = it.Text
	if len(text) > maxTextBytes {
		text = text[:maxTextBytes]
	}
	return title, text, true
}

// titleRepeated reports whether the text starts by repeating the title, so
// its evidence would be counted twice.
func titleRepeated(title, text string) bool {
	head := text
	if n := 2*len(title) + 200; len(head) > n {
		head = head[:n]
	}
	return strings.Contains(foldKeyword(head), foldKeyword(title))
}

// titleStatesNorm reports whether the title (the headline says what the
// news is) states a norm: a rule, permission, appeal, hypothesis or denial.
func (c *Classifier) titleStatesNorm(title string) bool {
	if title == "" {
		return false
	}
	ts := c.norm.tokensIn(title, 0, len(title))
	for _, o := range c.dict.find(ts, nil) {
		if c.titleNorm[o.group] {
			return true
		}
	}
	return false
}

// score combines hits into the verdict. Without a calibration the score
// is 1 − Π(1 − w), each rule counted once with its weight, and Flagged
// needs the ASN rules' part of it to reach the pack's threshold. With one,
// the score is the calibrated probability that a reviewer confirms the
// item, Flagged needs an ASN hit and that probability to reach the
// threshold, and ScoreParts say what each feature added.
func (c *Classifier) score(v *netra.Verdict, hits []netra.Hit, sig docSignals) {
	if hits == nil {
		// The verdict contract has a list, never null, even when a
		// candidate text produced no evidence.
		hits = []netra.Hit{}
	}
	v.Hits = hits
	best, all, asn := c.ruleWeights(hits)
	v.Score = round3(all)
	v.Flagged = asn >= c.pack.Threshold
	v.Categories = categories(v.Categories, hits)
	if cal := c.pack.Calibration; cal != nil {
		f := c.features(v, best, asn, sig)
		z := cal.Bias
		v.ScoreParts = append(v.ScoreParts[:0], netra.ScorePart{Feature: "bias", Value: 1, Contribution: round3(cal.Bias)})
		for _, name := range featureOrder {
			w, ok := cal.Weights[name]
			if !ok || f[name] == 0 {
				continue
			}
			z += w * f[name]
			v.ScoreParts = append(v.ScoreParts, netra.ScorePart{Feature: name, Value: round3(f[name]), Contribution: round3(w * f[name])})
		}
		v.Score = round3(1 / (1 + math.Exp(-z)))
		v.Flagged = (f["rules"] > 0 || sig.model == "cancelled_model" || sig.model == "near_model") && v.Score >= c.pack.Threshold
	}
}

// ruleWeights counts each rule that fired once, with its largest weight,
// and returns those weights with 1 − Π(1 − w) over all of them and over
// the ASN rules alone.
func (c *Classifier) ruleWeights(hits []netra.Hit) (best map[string]float64, all, asn float64) {
	best = map[string]float64{}
	for _, h := range hits {
		if h.Weight > best[h.Rule] {
			best[h.Rule] = h.Weight
		}
	}
	notAll, notASN := 1.0, 1.0
	for id, w := range best {
		notAll *= 1 - w
		if c.flagging[id] {
			notASN *= 1 - w
		}
	}
	return best, 1 - notAll, 1 - notASN
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// informalDouble writes a phrase's first doubled word the informal way:
// "bagi bagi uang" → "bagi2 uang".
func informalDouble(text string) (string, bool) {
	f := strings.Fields(text)
	for i := 0; i+1 < len(f); i++ {
		if f[i] == f[i+1] && len(f[i]) >= 3 {
			g := append(append(append([]string{}, f[:i]...), f[i]+"2"), f[i+2:]...)
			return strings.Join(g, " "), true
		}
	}
	return "", false
}
