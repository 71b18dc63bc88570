package classifier

import (
	"strings"

	"github.com/netra-id/netra/rules"
)

// Regulations and socialisation articles enumerate what is forbidden:
// "Larangan itu antara lain:" and then one item per line ("2. menjadi
// peserta kampanye dengan menggunakan atribut partai;"). Each item reads
// like a report on its own; the norm stands in the lead-in. leadInCue and
// isListItem let the items inherit the lead-in's discourse.

// leadInCue returns the first norm cue (a rule, permission, appeal,
// hypothesis or denial) of sentence s when s introduces a list (ends with
// a colon), as a carried occurrence that cancels the items after it.
//
// A list may also be spelt out in sentences ("Ada beberapa hal yang tidak
// boleh dilakukan ASN. Pertama, …. Kedua, …"): a sentence whose next one
// opens with "Pertama," introduces it as a colon would.
func (c *Classifier) leadInCue(text string, s span, next string) (occurrence, bool) {
	if !strings.HasSuffix(strings.TrimSpace(text[s.start:s.end]), ":") && ordinalOpener(next) != 1 {
		return occurrence{}, false
	}
	ts := c.norm.tokensIn(text, s.start, s.end)
	for _, o := range c.dict.find(ts, nil) {
		if c.titleNorm[o.group] && c.dict.groups[o.group].role == rules.RoleCancel {
			return occurrence{group: o.group, carried: true, start: ts[o.i].Start, end: ts[o.j-1].End}, true
		}
	}
	return occurrence{}, false
}

// isListItem reports whether sentence s looks like an item of an
// enumeration: it opens with a number or letter and a dot or parenthesis,
// or a bullet, or it ends with a semicolon.
func isListItem(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.HasSuffix(s, ";") || ordinalOpener(s) > 0 {
		return true
	}
	switch {
	case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "•"), strings.HasPrefix(s, "*"), strings.HasPrefix(s, "–"):
		return true
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 && len(s) > 1 && s[0] >= 'a' && s[0] <= 'z' {
		i = 1
	}
	return i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ')
}

// ordinalOpener returns the place of sentence s in a list spelt out in
// sentences when it opens with an ordinal and a comma ("Kedua, ASN …"),
// else 0; "terakhir" closes a list of any length.
func ordinalOpener(s string) int {
	w, _, ok := strings.Cut(strings.TrimSpace(s), ",")
	if !ok || len(w) > len("kesembilan") {
		return 0
	}
	switch strings.ToLower(w) {
	case "pertama":
		return 1
	case "kedua":
		return 2
	case "ketiga":
		return 3
	case "keempat":
		return 4
	case "kelima":
		return 5
	case "keenam", "ketujuh", "kedelapan", "kesembilan", "kesepuluh":
		return 6
	case "terakhir":
		return 99
	}
	return 0
}

// Socialisation articles also list forbidden acts in plain sentences: a
// sentence announces examples ("Ia lalu merinci contoh lain yang kerap
// dianggap remeh.") and the next one runs through them ("Berpose dengan
// jari …, menghadiri deklarasi …, memasang stiker …"); or a list of acts is
// followed by what they all are ("… Semua itu dilarang.", "…, semuanya
// akan ada konsekuensinya").

// exampleLead returns, as a carried occurrence, the example cue of
// sentence s when s announces examples and names no act of its own (mask
// is its first-stage mask), so the sentence after it is the examples.
func (c *Classifier) exampleLead(text string, s span, mask uint32) (occurrence, bool) {
	if mask&maskAct != 0 {
		return occurrence{}, false
	}
	if sent := text[s.start:s.end]; !containsFold(sent, "contoh") && !containsFold(sent, "misal") {
		return occurrence{}, false
	}
	return c.cancelCueIn(text, s, func(g int32) bool { return c.modes[g] == "example" })
}

// alternativeLead returns the example, hypothesis, prohibition or appeal
// cue of sentence s when the next sentence opens with "Atau": "Misalnya,
// seorang lurah yang … . Atau kepala sekolah yang meminta guru …" goes on
// with the examples, "Jangan sampai balai RW jadi posko. Atau staf
// kelurahan ikut membagikan kupon …" with what must not happen.
func (c *Classifier) alternativeLead(text string, s span, next string) (occurrence, bool) {
	if !hasPrefixFold(strings.TrimLeft(next, " \t\"'“"), "atau ") {
		return occurrence{}, false
	}
	return c.cancelCueIn(text, s, func(g int32) bool {
		switch c.modes[g] {
		case "example", "hypothetical", "rule", "appeal":
			return true
		}
		return false
	})
}

// cancelCueIn returns, carried, the first cancel cue in span s of text
// whose group want takes.
func (c *Classifier) cancelCueIn(text string, s span, want func(g int32) bool) (occurrence, bool) {
	ts := c.norm.tokensIn(text, s.start, s.end)
	for _, o := range c.dict.find(ts, nil) {
		if c.dict.groups[o.group].role == rules.RoleCancel && want(o.group) {
			return carriedFrom(o, ts), true
		}
	}
	return occurrence{}, false
}

// resumptive returns how many tokens from k on take up everything said
// before them ("semua itu", "semuanya", "itu semua", "hal hal itu"), or 0.
func resumptive(ts []Token, k int) int {
	if k >= len(ts) {
		return 0
	}
	next := func(d int) string {
		if k+d < len(ts) {
			return ts[k+d].Norm
		}
		return ""
	}
	switch w := ts[k].Norm; w {
	case "semuanya", "kesemuanya":
		return 1
	case "semua", "itu":
		if n := next(1); w == "semua" && (n == "itu" || n == "tersebut" || n == "ini") || w == "itu" && n == "semua" {
			return 2
		}
	case "hal", "perbuatan", "tindakan", "contoh":
		for d := 1; d <= 2; d++ {
			if n := next(d); n == "itu" || n == "tersebut" {
				return d + 1
			}
		}
	}
	return 0
}

// resumedAsNorm returns, carried, the cancel cue of sentence s when s
// opens by taking up what came before and states its norm ("Semua itu
// dilarang."): the sentence before it was a list of what is forbidden.
func (c *Classifier) resumedAsNorm(s string) (occurrence, bool) {
	// A cheap look at the opening words before the sentence is tokenised.
	head := strings.TrimLeft(s, " \"'“‘")
	ok := false
	for _, p := range [...]string{"semua", "itu semua", "hal", "perbuatan", "tindakan", "contoh", "kesemuanya"} {
		if len(head) >= len(p) && strings.EqualFold(head[:len(p)], p) {
			ok = true
			break
		}
	}
	if !ok {
		return occurrence{}, false
	}
	ts := c.norm.tokensIn(s, 0, len(s))
	n := resumptive(ts, 0)
	if n == 0 {
		return occurrence{}, false
	}
	for _, o := range c.dict.find(ts, nil) {
		if o.i >= n && o.i <= n+resumedReach && c.dict.groups[o.group].role == rules.RoleCancel {
			return occurrence{group: o.group, carried: true}, true
		}
	}
	return occurrence{}, false
}

// resumedReach is how many tokens may stand between the words that take
// up what came before and the cue that says what it is ("Semua itu
// jelas dilarang").
const resumedReach = 3

// resumedAfter reports whether cue o, after act a, follows words that take
// up the acts before them ("…, semuanya akan ada konsekuensinya").
func resumedAfter(o, a occurrence, ts []Token) bool {
	if o.carried || a.carried || o.i < a.j {
		return false
	}
	for k := max(a.j, o.i-resumedReach-2); k < o.i; k++ {
		if n := resumptive(ts, k); n > 0 && k+n <= o.i && o.i-(k+n) <= resumedReach {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains the lower-case ASCII word part
// sub in any case, without allocating: most sentences are looked at only
// to be passed over.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 == sub[0] && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
