package classifier

import (
	"strings"
	"unicode"
	"unicode/utf8"

	prose "github.com/jdkato/prose/v2"
	"golang.org/x/text/unicode/norm"
)

// Token is one normalised word with the byte range it came from in the
// original text. Several tokens may share a range (a lexicon entry that
// expands to two words), and one token may cover several words (a ballot
// number such as "nomor urut dua" becomes "nourut2").
type Token struct {
	Norm  string // normalised form: NFKC, lower case, lexicon applied
	Stem  string // stem of Norm (Norm itself for numbers and canonical tokens)
	Start int    // byte offset into the original text
	End   int
	// Upper is set when the word starts with a capital letter in the text,
	// so a name match can tell "Irvan" from "Irvan Rivai".
	Upper bool
	// Dash is set when a dash joins the word to the one before it
	// ("Hendra-Yusuf"), as a pair's names are written.
	Dash bool
	// Caps is set when the word has two letters or more, all capitals:
	// an acronym, as candidate pairs are named ("pasangan AMAN").
	Caps bool
}

// dashBefore reports whether a hyphen or dash ends text[:i].
func dashBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r == '-' || r == '–' || r == '—'
}

// maxTextBytes caps the text the second stage looks at; crawled text is
// hostile and one giant page must not stall a batch.
const maxTextBytes = 1 << 20

// rawToken is a piece of the original text before normalisation.
type rawToken struct {
	start, end int
}

// proseTokens splits text with prose's tokenizer and maps every token back
// to its byte range in text. prose rewrites curly quotes to ASCII ones, so
// the mapping accepts either.
func proseTokens(text string) (out []rawToken) {
	// prose mis-slices some invalid UTF-8 (its lower-casing changes byte
	// lengths) and panics; hostile text takes the plain path instead.
	if !utf8.ValidString(text) {
		return spaceTokens(text)
	}
	defer func() {
		if recover() != nil {
			out = spaceTokens(text)
		}
	}()
	text = blankOpeningQuotes(text)
	doc, err := prose.NewDocument(text,
		prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	toks := doc.Tokens()
	out = make([]rawToken, 0, len(toks))
	pos := 0
	for _, t := range toks {
		s, e, ok := findToken(text, pos, t.Text)
		if !ok {
			continue
		}
		out = append(out, rawToken{s, e})
		pos = e
	}
	return out
}

// blankOpeningQuotes returns text with every apostrophe that opens a word
// ("kata dia 'saya dukung'") turned into a space. prose reads it as an
// English contraction ("'m", "'s") and drops the word after it ("'mamak
// kau pilih siapa'" lost "mamak", "'semua harus datang'" lost "semua");
// in Indonesian it is a quotation mark. A space has the apostrophe's one
// byte, so offsets into the text stay right. Text with no such
// apostrophe comes back as it is.
func blankOpeningQuotes(text string) string {
	var b []byte
	for i := 0; i+1 < len(text); i++ {
		if text[i] != '\'' || i > 0 && !quoteOpens(text[i-1]) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[i+1:]); !unicode.IsLetter(r) {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		b[i] = ' '
	}
	if b == nil {
		return text
	}
	return string(b)
}

// quoteOpens reports whether byte c before an apostrophe makes it open a
// quotation: white space or an opening bracket, not a letter ("ta'").
func quoteOpens(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '[' || c == '"'
}

// spaceTokens splits text at white space; appendToken splits further.
func spaceTokens(text string) []rawToken {
	var out []rawToken
	start := -1
	for i, r := range text {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, rawToken{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, rawToken{start, len(text)})
	}
	return out
}

// findToken finds tok in text at or after pos, skipping white space, and
// returns its byte range. ASCII quotes in tok match curly ones in text.
func findToken(text string, pos int, tok string) (int, int, bool) {
	for pos < len(text) {
		r, n := utf8.DecodeRuneInString(text[pos:])
		if !unicode.IsSpace(r) {
			break
		}
		pos += n
	}
	if e, ok := matchAt(text, pos, tok); ok {
		return pos, e, true
	}
	// Fall back to a search; prose may have dropped something.
	i := strings.Index(text[pos:], tok)
	if i < 0 {
		return 0, 0, false
	}
	return pos + i, pos + i + len(tok), true
}

func matchAt(text string, pos int, tok string) (int, bool) {
	i := pos
	for j := 0; j < len(tok); {
		if i >= len(text) {
			return 0, false
		}
		if text[i] == tok[j] {
			i++
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case tok[j] == '"' && (r == '\u201c' || r == '\u201d'):
		case tok[j] == '\'' && (r == '\u2018' || r == '\u2019'):
		case tok[j] == '\'' && strings.HasPrefix(text[i:], "&rsquo;"):
			n = len("&rsquo;")
		default:
			return 0, false
		}
		i += n
		j++
	}
	return i, true
}

// normalizer turns text into tokens. It is immutable after construction.
type normalizer struct {
	lexicon map[string][]string
	stem    func(string) string
	// known words, for splitting lower-case hashtags such as #netralasn.
	vocab map[string]bool
	// loadVocab, when set, stands in for vocab and builds it on first use
	// (see DefaultAnalyzer).
	loadVocab func() map[string]bool
}

// known returns the words for splitting hashtags.
func (n *normalizer) known() map[string]bool {
	if n.loadVocab != nil {
		return n.loadVocab()
	}
	return n.vocab
}

// tokens normalises text: prose tokenising, then per token URL and mention
// removal, hashtag splitting, NFKC, case folding, elongation squeezing, the
// colloquial lexicon, and finally multi-word canonical forms (ballot
// numbers, gestures). Offsets point into text.
func (n *normalizer) tokens(text string) []Token {
	if len(text) > maxTextBytes {
		text = text[:maxTextBytes]
	}
	return n.tokensIn(text, 0, len(text))
}

// plainTokens normalises text like tokens, splitting at white space
// instead of with prose.
func (n *normalizer) plainTokens(text string) []Token {
	if len(text) > maxTextBytes {
		text = text[:maxTextBytes]
	}
	raw := spaceTokens(text)
	out := make([]Token, 0, len(raw)+8)
	for _, rt := range raw {
		out = n.appendToken(out, text, rt.start, rt.end)
	}
	return n.finish(text, out)
}

// tokensIn normalises text[start:end]; offsets point into text.
func (n *normalizer) tokensIn(text string, start, end int) []Token {
	raw := proseTokens(text[start:end])
	out := make([]Token, 0, len(raw)+8)
	for _, rt := range raw {
		out = n.appendToken(out, text, start+rt.start, start+rt.end)
	}
	return n.finish(text, out)
}

// finish is the last step every tokeniser shares: multi-word canonical
// forms, then stems. text is what the offsets of out point into, or ""
// for a rule's term.
func (n *normalizer) finish(text string, out []Token) []Token {
	out = canonicalize(out)
	for i := range out {
		out[i].Stem = n.stemOf(out[i].Norm)
	}
	if text == "" {
		return out
	}
	return n.joinSplitPassive(text, out)
}

// joinSplitPassive writes a passive verb that the text split after its
// "di-" prefix as one word: "kasusnya sudah di laporkan ke Bawaslu" is
// "dilaporkan", a report, not the appeal "laporkan ke". Only words the
// pack itself uses are joined, so that a place after "di" ("di pekan
// depan", "di pojokan") stays a place.
func (n *normalizer) joinSplitPassive(text string, ts []Token) []Token {
	var vocab map[string]bool
	out := ts[:0]
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.Norm == "di" && i+1 < len(ts) {
			v := ts[i+1]
			if !v.Upper && v.Start-t.End == 1 && text[t.End] == ' ' && len(v.Norm) >= minSplitPassive && isWordish(v.Norm) {
				if vocab == nil {
					vocab = n.known()
				}
				if joined := "di" + v.Norm; vocab[joined] {
					out = append(out, Token{Norm: joined, Stem: n.stemOf(joined), Start: t.Start, End: v.End, Upper: t.Upper})
					i++
					continue
				}
			}
		}
		out = append(out, t)
	}
	return out
}

// minSplitPassive is the shortest word joinSplitPassive joins to a "di"
// before it: "di duga" is "diduga", but two or three letters after "di"
// are as often a word of their own.
const minSplitPassive = 4

func (n *normalizer) stemOf(w string) string {
	if w == "" || !isWordish(w) || n.stem == nil {
		return w
	}
	return n.stem(w)
}

func isWordish(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// appendToken normalises the raw token text[s:e] and appends the result.
func (n *normalizer) appendToken(out []Token, text string, s, e int) []Token {
	t := text[s:e]
	switch {
	case hasPrefixFold(t, "http://") || hasPrefixFold(t, "https://") || hasPrefixFold(t, "www."):
		return out
	case t[0] == '@' && len(t) > 1:
		return out
	case t[0] == '#' && len(t) > 1:
		return n.appendHashtag(out, text, s+1, e)
	}
	// Split into runs of letters/digits and single symbols (emoji).
	i := s
	for i < e {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			j := i + w
			for j < e {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					break
				}
				j += w2
			}
			m := len(out)
			out = n.appendWord(out, text[i:j], i, j)
			if i > s && m > 0 && out[m-1].Start >= s && dashBefore(text, i) {
				// "Hendra-Yusuf": a word dashed to the one before.
				for k := m; k < len(out); k++ {
					out[k].Dash = true
				}
			}
			i = j
		case isGestureRune(r):
			j := i + w
			// Swallow variation selectors and skin-tone modifiers.
			for j < e {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if r2 != 0xFE0F && r2 != 0x200D && !(r2 >= 0x1F3FB && r2 <= 0x1F3FF) {
					break
				}
				j += w2
			}
			// Which emoji mean a gesture is data: the pack's lexicon
			// ("✌ jari2"); other symbols are dropped.
			for _, g := range n.lexicon[string(r)] {
				out = append(out, Token{Norm: g, Start: i, End: j})
			}
			i = j
		default:
			i += w
		}
	}
	return out
}

// inToKan returns the standard "-kan" form of a colloquial "-in" verb
// ("bagiin" → "bagikan", "menangin" → "menangkan", "masukin" →
// "masukkan") when the pack knows that form and not the word itself.
func (n *normalizer) inToKan(w string) (string, bool) {
	if len(w) < 6 || !strings.HasSuffix(w, "in") {
		return "", false
	}
	vocab := n.known()
	if vocab[w] {
		return "", false
	}
	k := w[:len(w)-2] + "kan"
	return k, vocab[k]
}

// hasPrefixFold reports whether s starts with p, a lower-case ASCII
// prefix, in any ASCII case. It replaces lower-casing every raw token just
// to spot a URL: that allocated for each capitalised word.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isGestureRune(r rune) bool {
	return r >= 0x2600 && r <= 0x27BF || r >= 0x1F300 && r <= 0x1FAFF
}

// appendWord normalises one word: NFKC, lower case, elongations, lexicon.
func (n *normalizer) appendWord(out []Token, w string, s, e int) []Token {
	r, _ := utf8.DecodeRuneInString(w)
	upper := unicode.IsUpper(r)
	out = n.appendNorm(out, w, s, e)
	if upper {
		caps := allCaps(w)
		for k := len(out) - 1; k >= 0 && out[k].Start == s; k-- {
			out[k].Upper, out[k].Caps = true, caps
		}
	}
	return out
}

// allCaps reports whether w has two letters or more and no lower-case one.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func (n *normalizer) appendNorm(out []Token, w string, s, e int) []Token {
	if !isASCII(w) {
		w = norm.NFKC.String(w)
	}
	w = strings.ToLower(w)
	w = squeeze(w)
	if exp, ok := n.lexicon[w]; ok {
		for _, x := range exp {
			out = append(out, Token{Norm: x, Start: s, End: e})
		}
		return out
	}
	if k, ok := n.inToKan(w); ok {
		out = append(out, Token{Norm: k, Start: s, End: e})
		return out
	}
	if u := unreduplicate(w); u != w {
		// "bagi2" is "bagi-bagi": the word twice, so that it matches
		// like the written-out form, as a phrase ("bagi bagi") or alone.
		exp, ok := n.lexicon[u]
		if !ok {
			exp = []string{u}
		}
		for range 2 {
			for _, x := range exp {
				out = append(out, Token{Norm: x, Start: s, End: e})
			}
		}
		return out
	}
	return append(out, Token{Norm: w, Start: s, End: e})
}

// unreduplicate turns the informal plural "camat2" (for "camat-camat")
// into its word, "camat", so that it matches like the written-out plural.
// Words of fewer than three letters ("k2"), words with other digits and
// the canonical tokens written in packs ("jari2", "nourut2") are left
// alone.
func unreduplicate(w string) string {
	if len(w) < 4 || w[len(w)-1] != '2' || w == "jari2" || strings.HasPrefix(w, "nourut") {
		return w
	}
	for i := 0; i < len(w)-1; i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	return w[:len(w)-1]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// squeeze collapses runs of three or more equal letters to one
// ("pilihhh" → "pilih", "dukunggg" → "dukung") and keeps double letters,
// which Indonesian has ("saat", "taat"). A run at the start of a word is an
// acronym ("PPPK"), not an elongation, and is kept.
func squeeze(w string) string {
	run, need := 1, false
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			run++
			if run >= 3 && w[i] >= 'a' && w[i] <= 'z' && i+1 > run {
				need = true
				break
			}
		} else {
			run = 1
		}
	}
	if !need {
		return w
	}
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); {
		j := i
		for j < len(w) && w[j] == w[i] {
			j++
		}
		if j-i >= 3 && w[i] >= 'a' && w[i] <= 'z' && i > 0 {
			b = append(b, w[i])
		} else {
			b = append(b, w[i:j]...)
		}
		i = j
	}
	return string(b)
}

// appendHashtag splits a hashtag body text[s:e] at case changes and
// letter/digit changes (#NetralitasASN → netralitas asn, #2019GantiPresiden
// → 2019 ganti presiden); an all-lower-case body is split greedily into
// known words when possible.
func (n *normalizer) appendHashtag(out []Token, text string, s, e int) []Token {
	body := text[s:e]
	var parts [][2]int
	start := 0
	prevKind := 0 // 1 lower, 2 upper, 3 digit
	for i, r := range body {
		k := 0
		switch {
		case unicode.IsLower(r):
			k = 1
		case unicode.IsUpper(r):
			k = 2
		case unicode.IsDigit(r):
			k = 3
		}
		if k == 0 {
			if i > start {
				parts = append(parts, [2]int{start, i})
			}
			start = i + utf8.RuneLen(r)
			prevKind = 0
			continue
		}
		split := i > start && (k == 2 && prevKind == 1 || k == 3 && prevKind != 3 || k != 3 && prevKind == 3)
		// "ASNNetral": split before the last upper of an upper run followed by lower.
		if k == 1 && prevKind == 2 && i-start >= 2 {
			_, w := utf8.DecodeLastRuneInString(body[start:i])
			if i-w > start {
				parts = append(parts, [2]int{start, i - w})
				start = i - w
			}
		}
		if split {
			parts = append(parts, [2]int{start, i})
			start = i
		}
		prevKind = k
	}
	if start < len(body) {
		parts = append(parts, [2]int{start, len(body)})
	}
	for _, p := range parts {
		ps, pe := s+p[0], s+p[1]
		word := strings.ToLower(text[ps:pe])
		if len(parts) == 1 && n.known() != nil && !n.known()[word] {
			if segs := n.splitKnown(word); segs != nil {
				off := ps
				for _, sg := range segs {
					out = n.appendWord(out, text[off:off+len(sg)], off, off+len(sg))
					off += len(sg)
				}
				continue
			}
		}
		out = n.appendWord(out, text[ps:pe], ps, pe)
	}
	return out
}

// splitKnown splits w into known words (longest first), or returns nil.
func (n *normalizer) splitKnown(w string) []string {
	if len(w) > 64 {
		return nil
	}
	vocab := n.known()
	var segs []string
	for len(w) > 0 {
		found := false
		for l := len(w); l >= 3; l-- {
			if vocab[w[:l]] {
				segs = append(segs, w[:l])
				w = w[l:]
				found = true
				break
			}
		}
		if !found {
			return nil
		}
	}
	if len(segs) < 2 {
		return nil
	}
	return segs
}
