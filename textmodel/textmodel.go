// Package textmodel is a linear model over a text's words and word pairs:
// TF-IDF weights (sublinear term frequency, smoothed inverse document
// frequency, L2-normalised) scored by a logistic regression. The classifier
// uses it as one calibration feature, a second opinion on a news item its
// rules flagged: the rules say where and why, the word model says whether
// the article as a whole reads like the reports reviewers confirmed or like
// neutrality coverage that explains, warns and pledges in the same words.
//
// The model is plain data (one line per n-gram in the pack's
// textmodel.tsv), so every score can be taken apart into the n-grams that
// moved it (Explain).
package textmodel

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Term is one n-gram of the vocabulary.
type Term struct {
	// IDF is the smoothed inverse document frequency ln((1+N)/(1+df)) + 1.
	IDF float64
	// Weight is the logistic regression's coefficient.
	Weight float64
}

// Model is a fitted word model. The zero Model scores every text 0.
type Model struct {
	// Bias is the intercept of the logistic regression.
	Bias float64
	// Terms maps a word ("camat") or a word pair ("camat hadir") to its
	// weights.
	Terms map[string]Term
	// MaxN is the longest n-gram in Terms (1 or 2).
	MaxN int
}

// Words splits text into lowercase words: maximal runs of letters, digits
// and underscores (the same words the model was fitted on).
func Words(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		word := isWordRune(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(text[start:]))
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r)
}

// Grams counts the n-grams of words up to maxN words long.
func Grams(words []string, maxN int) map[string]int {
	counts := make(map[string]int, len(words)*maxN)
	for i := range words {
		for n := 1; n <= maxN && i+n <= len(words); n++ {
			counts[strings.Join(words[i:i+n], " ")]++
		}
	}
	return counts
}

// Contribution is what one n-gram added to a score.
type Contribution struct {
	Gram string
	// Value is the n-gram's normalised TF-IDF weight in the text.
	Value float64
	// Contribution is Weight × Value.
	Contribution float64
}

// Document is the text the word model reads of an item, when fitting and
// when scoring alike: its title, a newline, and its text.
func Document(title, text string) string { return title + "\n" + text }

// Logit is the model's log-odds that text is a case a reviewer confirms.
func (m *Model) Logit(text string) float64 {
	z, _ := m.score(text, false)
	return z
}

// Explain returns the logit and the n-grams that moved it most, largest
// absolute contribution first, at most top of them.
func (m *Model) Explain(text string, top int) (float64, []Contribution) {
	z, parts := m.score(text, true)
	slices.SortFunc(parts, func(a, b Contribution) int {
		if d := math.Abs(b.Contribution) - math.Abs(a.Contribution); d != 0 {
			if d > 0 {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Gram, b.Gram)
	})
	if len(parts) > top {
		parts = parts[:top]
	}
	return z, parts
}

func (m *Model) score(text string, keep bool) (float64, []Contribution) {
	if m == nil || len(m.Terms) == 0 {
		return 0, nil
	}
	counts := Grams(Words(text), max(m.MaxN, 1))
	var norm, dot float64
	var parts []Contribution
	for g, c := range counts {
		t, ok := m.Terms[g]
		if !ok {
			continue
		}
		x := (1 + math.Log(float64(c))) * t.IDF
		norm += x * x
		dot += x * t.Weight
		if keep && t.Weight != 0 {
			parts = append(parts, Contribution{Gram: g, Value: x, Contribution: x * t.Weight})
		}
	}
	if norm == 0 {
		return m.Bias, nil
	}
	norm = math.Sqrt(norm)
	for i := range parts {
		parts[i].Value /= norm
		parts[i].Contribution /= norm
	}
	return m.Bias + dot/norm, parts
}

// LineError is a problem in a model file, naming the file and line.
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Largest IDF and absolute weight a model file may give: an IDF is at most
// ln(1+N)+1 for N training texts, and a fitted weight stays far below.
const (
	maxIDF    = 1000
	maxWeight = 1000
)

// Read parses a model file:
//
//	# comment lines
//	bias	-1.25
//	camat	3.1	0.84
//	camat hadir	5.2	1.37
//
// Each term line is the n-gram, its IDF and its weight, tab-separated. file
// names the input in errors.
func Read(r io.Reader, file string) (*Model, error) {
	m := &Model{Terms: make(map[string]Term, 1<<16)}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line, sawBias := 0, false
	bad := func(format string, a ...any) error {
		return &LineError{File: file, Line: line, Msg: fmt.Sprintf(format, a...)}
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f0, rest, _ := strings.Cut(s, "\t")
		if f0 == "bias" && !strings.Contains(rest, "\t") {
			if sawBias {
				return nil, bad("bias given twice")
			}
			b, err := strconv.ParseFloat(rest, 64)
			if err != nil || math.IsNaN(b) || math.IsInf(b, 0) {
				return nil, bad("bias %q is not a number", rest)
			}
			m.Bias, sawBias = b, true
			continue
		}
		if n := strings.Count(s, "\t") + 1; n != 3 {
			return nil, bad("want n-gram, IDF and weight separated by tabs, got %d fields", n)
		}
		gram := f0
		f1, f2, _ := strings.Cut(rest, "\t")
		words := gramWords(gram)
		if words == 0 {
			return nil, bad("n-gram %q is not lowercase words separated by single spaces", gram)
		}
		if _, dup := m.Terms[gram]; dup {
			return nil, bad("n-gram %q given twice", gram)
		}
		idf, err1 := strconv.ParseFloat(f1, 64)
		w, err2 := strconv.ParseFloat(f2, 64)
		// Bounds keep a squared sum over a long text finite.
		if err1 != nil || !(idf > 0 && idf <= maxIDF) {
			return nil, bad("IDF %q of %q must be a number in (0, %d]", f1, gram, maxIDF)
		}
		if err2 != nil || !(math.Abs(w) <= maxWeight) {
			return nil, bad("weight %q of %q must be a number from -%d to %d", f2, gram, maxWeight, maxWeight)
		}
		m.Terms[gram] = Term{IDF: idf, Weight: w}
		m.MaxN = max(m.MaxN, words)
	}
	if err := sc.Err(); err != nil {
		return nil, bad("%v", err)
	}
	if !sawBias {
		return nil, &LineError{File: file, Line: line, Msg: "no bias line (want: bias<TAB>number)"}
	}
	if len(m.Terms) == 0 {
		return nil, &LineError{File: file, Line: line, Msg: "no n-grams"}
	}
	return m, nil
}

// gramWords returns how many words gram has when it is words as Words
// gives them (lowercase, no separators) joined by single spaces, else 0.
func gramWords(gram string) int {
	n, prevSpace := 1, true
	for _, r := range gram {
		if r == ' ' {
			if prevSpace {
				return 0
			}
			n, prevSpace = n+1, true
			continue
		}
		if !isWordRune(r) || unicode.ToLower(r) != r {
			return 0
		}
		prevSpace = false
	}
	if prevSpace {
		return 0
	}
	return n
}

// Write writes m in the format Read parses, n-grams sorted, after the
// comment lines in header.
func (m *Model) Write(w io.Writer, header ...string) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		for _, l := range strings.Split(h, "\n") {
			fmt.Fprintf(bw, "# %s\n", l)
		}
	}
	fmt.Fprintf(bw, "bias\t%s\n", strconv.FormatFloat(m.Bias, 'g', 6, 64))
	for _, g := range slices.Sorted(maps.Keys(m.Terms)) {
		t := m.Terms[g]
		fmt.Fprintf(bw, "%s\t%s\t%s\n", g, strconv.FormatFloat(t.IDF, 'g', 5, 64), strconv.FormatFloat(t.Weight, 'g', 4, 64))
	}
	return bw.Flush()
}

// ErrNoData is returned by Fit when there is nothing to fit on.
var ErrNoData = errors.New("textmodel: no labelled texts of both classes")
