// Package meta cleans and completes an item's metadata after extraction:
// the author (publisher names and template strings dropped, Indonesian
// bylines read) and the language (detected from the text).
package meta

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Byline is what an article page says about who wrote and edited it.
type Byline struct {
	Authors []string // writers/reporters, in page order
	Editor  string
}

// notPerson holds words that mark a publisher, a company or a page
// template rather than a person: "Kompas Cyber Media", "PT VIVA MEDIA
// BARU", "Web Design; Development", "Redaksi", "Admin".
var notPerson = map[string]bool{
	"cyber": true, "media": true, "pt": true, "tbk": true, "persero": true, "group": true, "grup": true,
	"design": true, "development": true, "developer": true, "web": true, "website": true, "webmaster": true,
	"redaksi": true, "admin": true, "administrator": true, "editorial": true, "newsroom": true, "staff": true,
	"copyright": true, "network": true, "online": true, "news": true, "digital": true, "corporation": true,
	"inc": true, "ltd": true, "llc": true, "com": true, "humas": true, "tim": true, "team": true,
}

// labels are byline labels, Indonesian and English, that may prefix a
// name ("Pewarta: Monalisa", "Pewarta Nur Imansyah", "Oleh Andi").
var authorLabels = []string{"pewarta", "penulis", "reporter", "wartawan", "kontributor", "oleh", "by", "author", "ditulis oleh"}
var editorLabels = []string{"editor", "penyunting", "redaktur", "editing"}

// CleanAuthor turns an extractor's author string into person names joined
// by ", ", dropping byline labels, publisher names, company and template
// strings, e-mail addresses and domains; "" when nothing personal is left.
func CleanAuthor(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	var out []string
	seen := map[string]bool{}
	for _, part := range splitNames(raw) {
		name := stripLabel(part, authorLabels)
		if name == "" || !personLike(name) {
			continue
		}
		if k := strings.ToLower(name); !seen[k] {
			seen[k] = true
			out = append(out, name)
		}
	}
	return strings.Join(out, ", ")
}

// splitNames splits "A dan B", "A, B", "A; B", "A | B", "A & B", "A and B".
var nameSep = regexp.MustCompile(`(?i)\s*(?:[,;|/&]|\s+dan\s+|\s+and\s+)\s*`)

func splitNames(s string) []string { return nameSep.Split(s, -1) }

// stripLabel removes a leading label and its colon or dash.
func stripLabel(s string, labels []string) string {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	for _, l := range labels {
		if strings.HasPrefix(low, l) && (len(s) == len(l) || !isLetter(rune(s[len(l)]))) {
			s = strings.TrimLeft(s[len(l):], " \t:-–—")
			break
		}
	}
	return strings.TrimSpace(s)
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }

// personLike reports whether s can be a person's name (or a reporter's
// code such as "prwir"): at most six words, letters first, no publisher
// or template word, no address.
func personLike(s string) bool {
	if strings.ContainsAny(s, "@©:/") || strings.Contains(strings.ToLower(s), "http") {
		return false
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-' })
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		if notPerson[strings.ToLower(w)] {
			return false
		}
	}
	if strings.Contains(s, ".") {
		// "Kompas.com", "VIVA.co.id" — a name has no dot inside a word
		// (initials such as "B." stand alone or end the word).
		for _, f := range strings.Fields(s) {
			if i := strings.Index(f, "."); i >= 0 && i < len(f)-1 {
				return false
			}
		}
	}
	r := []rune(s)[0]
	return unicode.IsLetter(r)
}

// bylineLabels are the labels ReadByline looks for before a colon.
var bylineLabels = map[string]bool{
	"pewarta": true, "penulis": true, "reporter": true, "wartawan": true, "kontributor": true,
	"editor": true, "penyunting": true, "redaktur": true,
}

// ReadByline reads "Penulis:", "Pewarta:", "Reporter:" and "Editor:"
// from a page's HTML: a label, a colon, up to four tags, then the name up
// to a tag, quote, line end or bar. The first non-empty value of each
// wins. It scans colons rather than running a case-insensitive regular
// expression, which cost 16 ms on a 64 KB page.
func ReadByline(page []byte) Byline {
	var b Byline
	for i, found := 0, 0; i < len(page) && found < 40; i++ {
		j := bytes.IndexByte(page[i:], ':')
		if j < 0 {
			break
		}
		i += j
		label := labelBefore(page, i)
		if label == "" {
			continue
		}
		found++
		val := valueAfter(page, i+1)
		if val == "" {
			continue
		}
		if editorLabel(label) {
			if b.Editor == "" {
				b.Editor = CleanAuthor(val)
			}
			continue
		}
		if len(b.Authors) == 0 {
			if n := CleanAuthor(val); n != "" {
				b.Authors = strings.Split(n, ", ")
			}
		}
	}
	return b
}

func editorLabel(l string) bool {
	for _, e := range editorLabels {
		if l == e {
			return true
		}
	}
	return false
}

// labelBefore is the byline label ending just before the colon at i
// (spaces and tabs between allowed), lower-cased; "" if none.
func labelBefore(page []byte, i int) string {
	end := i
	for end > 0 && (page[end-1] == ' ' || page[end-1] == '\t') {
		end--
	}
	start := end
	for start > 0 && end-start < 12 && isASCIILetter(page[start-1]) {
		start--
	}
	if start == end || end-start > 11 || (start > 0 && isASCIILetter(page[start-1])) {
		return ""
	}
	l := strings.ToLower(string(page[start:end]))
	if !bylineLabels[l] {
		return ""
	}
	return l
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// valueAfter reads the name after a label's colon.
func valueAfter(page []byte, i int) string {
	skipSpace := func() {
		for i < len(page) && (page[i] == ' ' || page[i] == '\t') {
			i++
		}
	}
	skipSpace()
	for tags := 0; tags < 4 && i < len(page) && page[i] == '<'; tags++ {
		j := bytes.IndexByte(page[i:min(len(page), i+200)], '>')
		if j < 0 {
			return ""
		}
		i += j + 1
		skipSpace()
	}
	start := i
	for i < len(page) && i-start < 60 && !bytes.ContainsRune([]byte("<>\"\n\r|{}"), rune(page[i])) {
		i++
	}
	v := strings.TrimSpace(strings.TrimRight(string(page[start:i]), " ,.-"))
	if v == "" {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(v); !unicode.IsLetter(r) {
		return ""
	}
	return v
}
