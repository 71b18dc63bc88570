package textmodel

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ProperNouns returns the lowercase words that texts write as names: in the
// middle of a sentence (after a lowercase word, a digit, a comma or a
// semicolon) at least minCount times with a capital first letter, and at
// least nine times as often so as in lowercase. Acronyms (ASN, KPU) are
// counted as neither: they name kinds of people and bodies, which is what
// the model should learn from.
//
// A word model fitted on real news would otherwise learn the names of the
// people and places of the incidents it was shown, which says nothing about
// next week's news and would score a text up for naming someone. Sorted.
func ProperNouns(texts []string, minCount int) []string {
	if minCount < 1 {
		minCount = 1
	}
	capital := map[string]int{}
	lower := map[string]int{}
	for _, t := range texts {
		midWords(t, func(w string) {
			first, size := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsLower(first):
				lower[strings.ToLower(w)]++
			case unicode.IsUpper(first):
				if second, _ := utf8.DecodeRuneInString(w[size:]); unicode.IsUpper(second) {
					return // an acronym
				}
				capital[strings.ToLower(w)]++
			}
		})
	}
	var out []string
	for w, n := range capital {
		if n >= minCount && n >= 9*lower[w] {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

// midWords calls each for every word of text (a run of letters) that
// stands in the middle of a sentence: after a single space that follows a
// lowercase letter, a digit, a comma or a semicolon.
func midWords(text string, each func(w string)) {
	var before, last rune // the two runes before the current one
	start, in := 0, false
	for i, r := range text {
		letter := unicode.IsLetter(r)
		if letter && !in {
			in = true
			start = -1
			if last == ' ' && (unicode.IsLower(before) || unicode.IsDigit(before) || before == ',' || before == ';') {
				start = i
			}
		} else if !letter && in {
			in = false
			if start >= 0 {
				each(text[start:i])
			}
		}
		before, last = last, r
	}
	if in && start >= 0 {
		each(text[start:])
	}
}
