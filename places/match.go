package places

import (
	"sort"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

const (
	fieldTitle = "title"
	fieldText  = "text"
)

// token is one word of a text: its lower-cased form (ASCII letters folded,
// so byte offsets stay those of the original) and where it is.
type token struct {
	low        string
	start, end int
	upper      bool // first letter is upper case
	allUpper   bool // every letter is upper case
}

// scan splits s into word tokens (letters and digits), appending to buf.
func scan(s string, buf []token) []token {
	low := []byte(s)
	for i, c := range low {
		if 'A' <= c && c <= 'Z' {
			low[i] = c + 32
		}
	}
	// low is never written again, so it can back a string without a copy.
	ls := unsafe.String(unsafe.SliceData(low), len(low))
	toks := buf[:0]
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isWordASCII(c) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(s[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		start := i
		up, all := false, true
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !isWordASCII(c) {
					break
				}
				if i == start {
					up = 'A' <= c && c <= 'Z'
				}
				if 'a' <= c && c <= 'z' {
					all = false
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			if i == start {
				up = unicode.IsUpper(r)
			}
			if unicode.IsLower(r) {
				all = false
			}
			i += n
		}
		toks = append(toks, token{low: ls[start:i], start: start, end: i, upper: up, allUpper: all && up})
	}
	return toks
}

func isWordASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// hint is the level a prefix word asks for.
type hint uint8

const (
	hintNone hint = iota
	hintKab
	hintKota
	hintProv
)

var prefixWords = map[string]hint{
	"kabupaten": hintKab, "kab": hintKab, "pemkab": hintKab, "bupati": hintKab,
	"wabup": hintKab, "pilbup": hintKab, "kabupatennya": hintKab,
	"kota": hintKota, "pemkot": hintKota, "walikota": hintKota, "walkot": hintKota,
	"wawali": hintKota, "pilwalkot": hintKota, "pilwali": hintKota, "kotamadya": hintKota,
	"kodya": hintKota, "pemkob": hintKota,
	"provinsi": hintProv, "propinsi": hintProv, "prov": hintProv, "prop": hintProv,
	"pemprov": hintProv, "gubernur": hintProv, "wagub": hintProv, "pilgub": hintProv,
	"pemprop": hintProv, "provinsinya": hintProv,
	"cabup": hintKab, "cawabup": hintKab, "cawalkot": hintKota, "cawawalkot": hintKota,
	"cagub": hintProv, "cawagub": hintProv,
}

// cueWords anywhere in a text hint at the level of its ambiguous names.
var cueWords = map[string]hint{
	"pemkab": hintKab, "bupati": hintKab, "wabup": hintKab, "pilbup": hintKab,
	"pemkot": hintKota, "walikota": hintKota, "walkot": hintKota, "wawali": hintKota,
	"pilwalkot": hintKota, "pilwali": hintKota,
}

// mention is one match of a name in the title or text.
type mention struct {
	key        string // the matched phrase, normalised
	field      string
	start, end int
	units      []int // candidates after the prefix filter
	hinted     bool
}

// mentions finds the names in one field. ctx, when not nil, collects the
// cue words of the text.
func (m *Matcher) mentions(ctx *docContext, s string, toks []token, field string, titleCase bool) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		t := toks[i]
		if !m.mayStart(t.low) {
			i++
			continue
		}
		if ctx != nil {
			if h, ok := cueWords[t.low]; ok {
				ctx.cue[h]++
			} else if t.low == "wali" && i+1 < len(toks) && toks[i+1].low == "kota" {
				ctx.cue[hintKota]++
			}
		}
		ps := m.phrases[t.low]
		n := 0
		for pi := range ps {
			p := &ps[pi]
			if !matchAt(s, toks, i, p.toks) {
				continue
			}
			n = len(p.toks)
			if p.block {
				break
			}
			h := prefixHint(s, toks, i)
			if h == hintNone && !m.bareOK(s, toks, i, n, p, titleCase) {
				break
			}
			x := mention{key: joinKey(p.toks), field: field, start: t.start, end: toks[i+n-1].end, hinted: h != hintNone}
			x.units = m.filter(p.units, h)
			out = append(out, x)
			break
		}
		if n == 0 {
			n = 1
		}
		i += n
	}
	return out
}

// mayStart is a cheap filter on the first two bytes of a token: false means
// the token starts no phrase and is no prefix or cue word.
func (m *Matcher) mayStart(w string) bool {
	k := bigram(w)
	return m.start2[k>>6]&(1<<(k&63)) != 0
}

func bigram(w string) uint16 {
	if len(w) == 1 {
		return uint16(w[0]) << 8
	}
	return uint16(w[0])<<8 | uint16(w[1])
}

func (m *Matcher) addStart(w string) {
	if w == "" {
		return
	}
	k := bigram(w)
	m.start2[k>>6] |= 1 << (k & 63)
}

func joinKey(toks []string) string {
	if len(toks) == 1 {
		return toks[0]
	}
	k := toks[0]
	for _, t := range toks[1:] {
		k += " " + t
	}
	return k
}

// matchAt reports whether the phrase starts at token i, its words separated
// only by spaces or hyphens.
func matchAt(s string, toks []token, i int, p []string) bool {
	if i+len(p) > len(toks) {
		return false
	}
	for k, w := range p {
		if toks[i+k].low != w {
			return false
		}
		if k > 0 && !gapIs(s[toks[i+k-1].end:toks[i+k].start], " -\t") {
			return false
		}
	}
	return true
}

func gapIs(g, allowed string) bool {
	if len(g) == 0 || len(g) > 3 {
		return len(g) == 0
	}
	for i := 0; i < len(g); i++ {
		ok := false
		for j := 0; j < len(allowed); j++ {
			if g[i] == allowed[j] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// prefixHint returns the level asked for by the word before token i
// ("Kabupaten", "Kab.", "Wali Kota", "Gubernur" ...), skipping "Administrasi".
func prefixHint(s string, toks []token, i int) hint {
	j := i - 1
	if j >= 0 && toks[j].low == "administrasi" && gapIs(s[toks[j].end:toks[i].start], " \t") {
		j--
	}
	if j < 0 {
		return hintNone
	}
	h, ok := prefixWords[toks[j].low]
	if !ok || !gapIs(s[toks[j].end:toks[j+1].start], " .\t") {
		return hintNone
	}
	return h
}

// bareOK decides whether a name without a prefix counts.
func (m *Matcher) bareOK(s string, toks []token, i, n int, p *phrase, titleCase bool) bool {
	t := toks[i]
	if i > 0 && m.cancel[toks[i-1].low] && gapIs(s[toks[i-1].end:t.start], " .\t") {
		return false
	}
	if n == 1 && len(t.low) <= 3 && !t.allUpper { // NTB, DIY, OKU: abbreviations in capitals only
		return false
	}
	if m.minCaps && !t.upper {
		return false
	}
	if !p.stop {
		return true
	}
	if !t.upper || titleCase || sentenceStart(s, t.start) {
		return false
	}
	if end := toks[i+n-1].end; t.start > 0 && end < len(s) && (s[t.start-1] == '(' && s[end] == ')' || s[t.start-1] == '[' && s[end] == ']') {
		return false // "Perwira Tinggi (Pati)", "Kepala Biro (Karo)": an abbreviation
	}
	if i > 0 && isNumber(toks[i-1].low) {
		return false // "31 Pati TNI": a count of people
	}
	if i > 0 && m.properBefore(s, toks, i) {
		return false // "Rustam Malang", "Semen Padang", "Mega Kuningan": part of another name
	}
	if j := i + n; j < len(toks) && toks[j].upper && !toks[j].allUpper && gapIs(s[toks[i+n-1].end:toks[j].start], " ") {
		if _, known := m.phrases[toks[j].low]; !known {
			if _, pre := prefixWords[toks[j].low]; !pre {
				return false // "Bima Arya", "Malang Raya", "Batu Akik"
			}
		}
	}
	return true
}

// properBefore reports whether token i follows, after one space, a
// capitalised word that is neither a prefix, a place, nor a sentence's first
// word.
func (m *Matcher) properBefore(s string, toks []token, i int) bool {
	p := toks[i-1]
	if !p.upper || s[p.end:toks[i].start] != " " || sentenceStart(s, p.start) {
		return false
	}
	if _, pre := prefixWords[p.low]; pre {
		return false
	}
	for _, ph := range m.phrases[p.low] {
		if len(ph.toks) == 1 && !ph.block {
			return false // "Surabaya Malang": a list of places
		}
	}
	return true
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// sentenceStart reports whether offset i begins a sentence.
func sentenceStart(s string, i int) bool {
	for i > 0 {
		c := s[i-1]
		switch c {
		case ' ', '\t', '"', '\'', '(', '[', '*', '-', ',':
			i--
			continue
		case '.', '!', '?', '\n', '\r', ':':
			return true
		}
		return false
	}
	return true
}

// isTitleCase reports whether most longer words of a headline are capitalised,
// so capitals say nothing about names.
func isTitleCase(toks []token) bool {
	up, all := 0, 0
	for _, t := range toks {
		if len(t.low) < 4 {
			continue
		}
		all++
		if t.upper {
			up++
		}
	}
	return all >= 3 && up*10 >= all*7
}

func (m *Matcher) filter(us []int, h hint) []int {
	var want string
	switch h {
	case hintKab:
		want = LevelKabupaten
	case hintKota:
		want = LevelKota
	case hintProv:
		want = LevelProvinsi
	default:
		return us
	}
	var out []int
	for _, u := range us {
		if m.units[u].level == want {
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		return us // "Kota Garut": only the kabupaten exists
	}
	return out
}

// docContext is what the whole text says about its ambiguous names.
type docContext struct {
	cue   [4]int         // cue words per hint
	byKey map[string]int // name settled by a prefix or uniquely elsewhere
	provs map[int]int    // provinces of settled mentions → count
}

// pick settles a mention to one unit and gives the confidence: a single
// candidate; else a province of that name; else the same name settled
// elsewhere in the text; else the provinces of the text's other places; else
// the text's cue words (bupati/pemkab vs wali kota/pemkot); else the prior;
// else the kabupaten, guessed.
func (m *Matcher) pick(x mention, prior int, ctx *docContext) (int, float64) {
	us := x.units
	if len(us) == 1 {
		if x.hinted {
			return us[0], ConfidencePrefix
		}
		return us[0], ConfidenceBare
	}
	for _, u := range us { // "Jambi", "Gorontalo", "Yogyakarta": the province
		if m.units[u].level == LevelProvinsi {
			return u, ConfidenceBare
		}
	}
	if ctx != nil {
		if u, ok := ctx.byKey[x.key]; ok && contains(us, u) {
			return u, ConfidenceContext
		}
		var in []int
		for _, u := range us {
			if ctx.provs[m.units[u].prov] > 0 {
				in = append(in, u)
			}
		}
		if len(in) == 1 {
			return in[0], ConfidenceContext
		}
		if len(in) > 1 {
			us = in
		}
		kab, kota := ctx.cue[hintKab], ctx.cue[hintKota]
		if (kab > 0) != (kota > 0) {
			want := LevelKabupaten
			if kota > 0 {
				want = LevelKota
			}
			for _, u := range us {
				if m.units[u].level == want {
					return u, ConfidenceContext
				}
			}
		}
	}
	if prior >= 0 {
		var in []int
		for _, u := range us {
			if u == prior {
				return u, ConfidencePrior
			}
			if m.units[u].prov == m.units[prior].prov {
				in = append(in, u)
			}
		}
		if len(in) == 1 {
			return in[0], ConfidencePrior
		}
		if len(in) > 1 {
			us = in
		}
	}
	for _, u := range us {
		if m.units[u].level == LevelKabupaten {
			return u, ConfidenceGuess
		}
	}
	return us[0], ConfidenceGuess
}

func contains(us []int, u int) bool {
	for _, x := range us {
		if x == u {
			return true
		}
	}
	return false
}

// Find returns the places title and text mention, in order of first
// mention (title first). prior is the source's region (a province slug such
// as "jawa-tengah", a name, an alias or a code; "" for none); it only breaks
// ties between units of the same name. Offsets are byte offsets into the
// field named by Place.Field.
func (m *Matcher) Find(title, text string, prior string) []Place {
	ctx := &docContext{byKey: map[string]int{}, provs: map[int]int{}}
	buf, _ := m.toks.Get().(*[]token)
	if buf == nil {
		buf = new([]token)
	}
	tt := scan(title, *buf)
	ms := m.mentions(ctx, title, tt, fieldTitle, isTitleCase(tt))
	tt = scan(text, tt)
	ms = append(ms, m.mentions(ctx, text, tt, fieldText, false)...)
	*buf = tt[:0]
	m.toks.Put(buf)
	if len(ms) == 0 {
		return nil
	}
	pu := m.priorUnit(prior)
	// First settle what needs no context, then the rest with it.
	units := make([]int, len(ms))
	confs := make([]float64, len(ms))
	for i, x := range ms {
		units[i] = -1
		if len(x.units) == 1 {
			units[i], confs[i] = m.pick(x, -1, nil)
			u := units[i]
			ctx.provs[m.units[u].prov]++
			if x.hinted {
				ctx.byKey[x.key] = u
			} else if _, ok := ctx.byKey[x.key]; !ok {
				ctx.byKey[x.key] = u
			}
		}
	}
	for i, x := range ms {
		if units[i] < 0 {
			units[i], confs[i] = m.pick(x, pu, ctx)
		}
	}
	return m.collect(ms, units, confs)
}

func (m *Matcher) collect(ms []mention, units []int, confs []float64) []Place {
	byCode := map[string]int{}
	var out []Place
	put := func(u int, x mention, conf float64, implied bool) {
		un := m.units[u]
		if k, ok := byCode[un.code]; ok {
			p := &out[k]
			if !implied {
				p.Mentions++
				if p.Implied {
					p.Implied, p.Field, p.Start, p.End = false, x.field, x.start, x.end
				}
			}
			if conf > p.Confidence {
				p.Confidence = conf
			}
			return
		}
		pv := m.units[un.prov]
		p := Place{Code: un.code, Name: un.name, Level: un.level, ProvinceCode: pv.code, ProvinceName: pv.name,
			Field: x.field, Start: x.start, End: x.end, Implied: implied, Confidence: conf}
		if !implied {
			p.Mentions = 1
		}
		byCode[un.code] = len(out)
		out = append(out, p)
	}
	for i, x := range ms {
		u := units[i]
		if m.units[u].level != LevelProvinsi {
			put(m.units[u].prov, x, confs[i], true)
			if m.provOnly {
				continue
			}
		}
		put(u, x, confs[i], false)
	}
	sort.SliceStable(out, func(a, b int) bool {
		pa, pb := out[a], out[b]
		if pa.Field != pb.Field {
			return pa.Field == fieldTitle
		}
		if pa.Start != pb.Start {
			return pa.Start < pb.Start
		}
		return pa.Level == LevelProvinsi && pb.Level != LevelProvinsi
	})
	return out
}
