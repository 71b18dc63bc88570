package story

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalise returns text in the form that signatures are computed from:
// lower case; URLs (http://…, https://…, www.…, pic.twitter.com/…, t.co/…),
// @mentions, the retweet marker "RT" (at the start or before an @mention), the
// placeholders USER and URL of anonymised tweet corpora, HTML entities
// (&amp; …) and literal escapes (\xNN, \n) removed; every character that is not a letter or digit becomes a
// space; runs of spaces collapse to one. Words keep their order.
func Normalise(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	eachWord(text, func(w []byte) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.Write(w)
	})
	return b.String()
}

// eachWord calls fn with every word of the normalised text, in order. The
// slice passed to fn is only valid during the call.
func eachWord(text string, fn func([]byte)) {
	buf := make([]byte, 0, 64)
	first := true
	rest := text
	for {
		f, next, ok := nextField(rest)
		if !ok {
			return
		}
		rest = next
		isFirst := first
		first = false
		if dropField(f, isFirst, rest) {
			continue
		}
		buf = buf[:0]
		if strings.IndexByte(f, '\\') >= 0 {
			// Literal escapes left in some tweet corpora ("\xf0\x9f\x98\x82"
			// for an emoji, "\n") are separators, not words.
			f = blankEscapes(f)
		}
		for _, r := range f {
			switch {
			case r < utf8.RuneSelf:
				c := byte(r)
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') {
					buf = append(buf, c)
					continue
				}
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				continue
			case unicode.Is(unicode.Mn, r) && len(buf) > 0:
				continue // a combining mark stays with its letter
			}
			if len(buf) > 0 {
				emit(buf, fn)
				buf = buf[:0]
			}
		}
		if len(buf) > 0 {
			emit(buf, fn)
		}
	}
}

// blankEscapes returns f with every literal escape sequence (\xNN, \n, \r,
// \t) replaced by spaces.
func blankEscapes(f string) string {
	b := []byte(f)
	for k := 0; k < len(b); k++ {
		if b[k] != '\\' {
			continue
		}
		n := 0
		switch {
		case k+3 < len(b) && b[k+1] == 'x' && isHex(b[k+2]) && isHex(b[k+3]):
			n = 4
		case k+1 < len(b) && (b[k+1] == 'n' || b[k+1] == 'r' || b[k+1] == 't'):
			n = 2
		}
		for j := k; j < k+n; j++ {
			b[j] = ' '
		}
	}
	return string(b)
}

// isHex reports whether c is an ASCII hexadecimal digit.
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// nextField returns the first whitespace-separated field of s and what follows
// it.
func nextField(s string) (field, rest string, ok bool) {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return "", "", false
	}
	j := i
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if asciiSpace[c] != 0 {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) {
			break
		}
		j += n
	}
	return s[i:j], s[j:], true
}

// asciiSpace marks the ASCII whitespace bytes.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// emit passes one word on unless it is the remainder of an HTML entity.
func emit(w []byte, fn func([]byte)) {
	switch string(w) {
	case "amp", "lt", "gt", "quot", "nbsp", "apos":
		return
	}
	fn(w)
}

// dropField reports whether the field f is a URL, an @mention, a retweet
// marker or a corpus placeholder; first says whether f opens the text and rest
// is the text after it.
func dropField(f string, first bool, rest string) bool {
	switch f[0] {
	case '@':
		return true
	case 'U', '<', '[':
		switch f {
		case "USER", "URL", "<USER>", "[USER]", "[URL]", "<URL>":
			return true
		}
	case 'R', 'r':
		if len(f) <= 3 && (f == "RT" || f == "rt" || f == "RT:" || f == "rt:" || f == "Rt") {
			// "RT" at the start or before a mention is the retweet marker;
			// elsewhere it may be the neighbourhood unit (Ketua RT 05).
			if first {
				return true
			}
			next, _, ok := nextField(rest)
			return ok && next[0] == '@'
		}
	}
	if len(f) < 5 {
		return false
	}
	if strings.Contains(f, "://") {
		return true
	}
	return hasPrefixFold(f, "www.") || hasPrefixFold(f, "pic.twitter.") ||
		hasPrefixFold(f, "t.co/") || hasPrefixFold(f, "bit.ly/")
}

// hasPrefixFold reports whether s starts with the ASCII prefix p, ignoring
// case, without allocating.
func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}
