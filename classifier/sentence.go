package classifier

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range of the original text.
type span struct{ start, end int }

// isAbbreviationWord reports whether a lower-case word, without its dot,
// is an abbreviation that ends in a full stop without ending a sentence.
func isAbbreviationWord(w string) bool {
	switch w {
	case "no", "nmr", "dr", "drs", "dra", "ir", "h", "hj", "prof", "kab", "kec", "kel", "prov", "jl", "jln", "st", "sh", "se", "mm", "dll", "dsb", "dkk", "tgl", "kol", "brigjen", "kompol", "akbp", "ipda", "iptu", "aiptu", "bpk", "bp", "sdr", "yth", "pt", "cv", "tbk", "vs", "pj", "plt", "plh", "ds", "ttd", "purn", "spd", "pd", "sos", "ag", "ip", "kh", "tgk", "mr", "mrs", "ust", "kp", "rt", "rw", "sd",
		// names: "H. Muh. Alimuddin", "Moh. Rizal", "Abd. Rahman", "Dg. Ngai"
		"muh", "moh", "mohd", "mhd", "abd", "drg", "dg":
		return true
	}
	return false
}

// maxSentence caps a sentence's length in bytes.
const maxSentence = 2000

// sentences splits text into sentences: at line breaks, and after '.',
// '!' or '?' (and closing quotes) followed by white space and an upper-case
// letter, digit or opening quote — unless the word before the full stop is
// an abbreviation or a single letter (an initial). Prose's Punkt segmenter
// is far slower (about 1.5 MB/s); this runs at scanning speed.
func sentences(text string) []span {
	var out []span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		// Text without punctuation (hostile, or a scraped list) must not
		// make one huge sentence: cut it at white space.
		for e-s > maxSentence {
			cut := s + maxSentence
			for cut > s+maxSentence/2 && text[cut] != ' ' && text[cut] != '\t' {
				cut--
			}
			for cut > s && !utf8.RuneStart(text[cut]) {
				cut--
			}
			out = append(out, span{s, cut})
			s, e = trimSpan(text, cut, e)
		}
		if e > s {
			out = append(out, span{s, e})
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			if wrappedLine(text, start, i) {
				continue
			}
			emit(i)
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '.' || text[j] == '!' || text[j] == '?' || text[j] == '"' || text[j] == '\'' || text[j] == ')') {
			j++
		}
		if j < len(text) && strings.HasPrefix(text[j:], "\u201d") {
			j += len("\u201d")
		}
		if j >= len(text) {
			break
		}
		if text[j] != ' ' && text[j] != '\t' && text[j] != '\n' && text[j] != '\r' {
			continue
		}
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
			k++
		}
		if k < len(text) && text[k] != '\n' {
			r, _ := utf8.DecodeRuneInString(text[k:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '\u201c' || r == '\'' || r == '(' || r == '[') {
				continue
			}
		}
		if c == '.' && (isAbbreviation(text, i) && !degreeEndsSentence(text, i, k) || listNumber(text[start:i])) {
			continue
		}
		emit(j)
		start = j
		i = j - 1
	}
	emit(len(text))
	return out
}

// minWrappedLine is the shortest line taken for a hard-wrapped one:
// printed and PDF-derived pages break prose at 60–90 characters, while a
// headline, a byline or a tag is shorter or ends a block.
const minWrappedLine = 40

// wrappedLine reports whether the line break at nl only wraps a sentence
// ("Video dugaan dukungan 15 camat⏎se Kota Makassar kepada …"): the line
// is long, ends in no punctuation that closes a sentence or opens a list,
// and the next line goes on in lower case without a blank line between.
func wrappedLine(text string, start, nl int) bool {
	e := nl
	for e > start && (text[e-1] == '\r' || text[e-1] == ' ' || text[e-1] == '\t') {
		e--
	}
	if e-start < minWrappedLine {
		return false
	}
	switch text[e-1] {
	case '.', '!', '?', ':', ';', '"', ')', ',':
		// A comma may end a list item or a dateline ("Jakarta,"); keep
		// the old break there.
		return false
	}
	if strings.HasSuffix(text[start:e], "\u201d") {
		return false
	}
	k := nl + 1
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsLower(r)
}

// listNumber reports whether the sentence so far is only the number of a
// list item ("1", "12" before "1. Memasang stiker …"), which belongs to
// the item.
func listNumber(before string) bool {
	before = strings.TrimSpace(before)
	if before == "" || len(before) > 3 {
		return false
	}
	for i := 0; i < len(before); i++ {
		if before[i] < '0' || before[i] > '9' {
			return false
		}
	}
	return true
}

// isAbbreviation reports whether the word ending just before text[dot] is
// an abbreviation or an initial.
func isAbbreviation(text string, dot int) bool {
	b := dot
	for b > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:b])
		if !unicode.IsLetter(r) {
			break
		}
		b -= w
	}
	word := text[b:dot]
	if word == "" {
		return false
	}
	if n := utf8.RuneCountInString(word); n == 1 || n == 2 && strings.ToUpper(word) == word {
		// "… kepala seksi berinisial AS. Warga menyebut …", "… berinisial
		// AP dan RH. Ketiganya …": the initials a name is given as are
		// whole, and the full stop ends the sentence.
		return !afterInitialsCue(text[:b])
	}
	return isAbbreviationWord(strings.ToLower(word))
}

// afterInitialsCue reports whether before ends with "inisial", or with it
// and a list of initials ("berinisial AP dan", "inisial AS, RH, dan").
func afterInitialsCue(before string) bool {
	for step := 0; step < 8; step++ {
		before = strings.TrimRight(before, " ,")
		// Only the last word is compared: lower-casing all the text
		// before it would cost its length at every initial.
		if n := len("inisial"); len(before) >= n && strings.EqualFold(before[len(before)-n:], "inisial") {
			return true
		}
		k := strings.LastIndexByte(before, ' ')
		w := before[k+1:]
		if w != "dan" && w != "serta" && (w == "" || len(w) > 3 || strings.ToUpper(w) != w) {
			return false
		}
		before = before[:k+1]
	}
	return false
}

// degreeEndsSentence reports whether the abbreviation ending at dot is an
// academic degree after a name ("Syarifuddin, S.Sos.") and the word at
// next opens a sentence ("Ia", "Menurut"): a degree closes the name, so
// the full stop ends the sentence too ("… BPBD Kabupaten Bima,
// Syarifuddin,S.Sos. Ia menyerahkan …").
func degreeEndsSentence(text string, dot, next int) bool {
	b := dot
	for b > 0 && text[b-1] != ' ' && text[b-1] != ',' {
		b--
	}
	switch strings.ToLower(strings.ReplaceAll(text[b:dot], ".", "")) {
	case "ssos", "spd", "sh", "se", "mm", "msi", "ssi", "sag", "sip", "skom", "st", "mpd", "mh", "skm", "skep", "sked", "mkes", "ssit", "sstp", "map", "ma", "msc", "phd":
	default:
		return false
	}
	w := text[next:]
	if i := strings.IndexAny(w, " ,"); i >= 0 {
		w = w[:i]
	}
	switch w {
	case "Ia", "Dia", "Beliau", "Mereka", "Pihaknya", "Kami", "Saya", "Ini", "Hal", "Menurut", "Sementara", "Kemudian", "Selain", "Namun", "Ketika", "Saat", "Sebelumnya", "Setelah", "Dalam", "Sedangkan", "Adapun", "Sejumlah", "Para", "Warga", "Ketua", "Kepala":
		return true
	}
	return false
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, w := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += w
	}
	for e > s {
		r, w := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= w
	}
	return s, e
}

// softBreak reports whether a full stop, question or exclamation mark that
// ends a sentence stands between cue o and act a in one span the engine
// reads as a whole: a post the splitter did not cut because a lower-case
// word follows, or a short post read at once. A full stop after an
// abbreviation or an initial is no break, nor is one before "apalagi" near
// the act, which takes the rule further, nor one before the next item of
// a list ("Pertama, …"), which goes on with its lead-in.
func softBreak(text string, ts []Token, o, a occurrence) bool {
	from, to := o.j, a.i
	if a.j <= o.i {
		from, to = a.j, o.i
	}
	if wordWithin(ts, a.i-3, a.j-a.i+7, "apalagi") {
		// "… jangan libatkan ASN dalam kampanye. jadi timses apalagi":
		// "let alone" goes on with the rule before.
		return false
	}
	for k := from; k <= to && k < len(ts); k++ {
		if k == 0 {
			continue
		}
		gap := between(text, ts, k-1, k)
		for i := 0; i < len(gap); i++ {
			c := gap[i]
			if c != '.' && c != '?' && c != '!' {
				continue
			}
			if i+1 >= len(gap) || gap[i+1] != ' ' && gap[i+1] != '\n' {
				continue
			}
			if c == '.' && isAbbreviation(text, ts[k-1].End+i) {
				continue
			}
			// A list spelt out in sentences goes on with its lead-in
			// ("Ada beberapa hal yang tidak boleh dilakukan guru.
			// Pertama, guru menghadiri …").
			if !enumerates(ts[k].Norm) {
				return true
			}
		}
	}
	return false
}

// enumerates reports words that open an item of a list spelt out in
// sentences.
func enumerates(w string) bool {
	switch w {
	case "pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "selanjutnya", "berikutnya", "terakhir", "misalnya", "contohnya", "antara":
		return true
	}
	return false
}

// scareQuoted reports whether cue o stands in a quotation of at most three
// words ("'mengingatkan'", "'sosialisasi program'", "'kaga tau aturan'"):
// words put in quotes that short are said with irony or are someone's
// excuse, not a norm stated.
func scareQuoted(o occurrence, text string, ts []Token) bool {
	if o.carried || o.i == 0 || o.i >= len(ts) {
		return false
	}
	open := -1
	for k := o.i; k > 0 && k >= o.i-2; k-- {
		if strings.ContainsAny(between(text, ts, k-1, k), quoteMarks) {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := o.j; k < len(ts) && k <= open+3; k++ {
		if strings.ContainsAny(between(text, ts, k-1, k), quoteMarks) {
			return true
		}
	}
	// The quotation may close the text.
	return open+3 >= len(ts) && strings.ContainsAny(text[ts[len(ts)-1].End:], quoteMarks)
}
