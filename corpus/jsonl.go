package corpus

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonl reads one JSON object per line. Only the mapped fields are decoded;
// everything else is validated and skipped without allocating, which is
// what keeps reading far faster than the classifier (reflection-based
// decoding of every field would cost more than the classification of most
// posts).
func (fr *fileReader) jsonl(src io.Reader) error {
	var sc jsonScanner
	return fr.eachLine(src, func(line []byte, v *values) error {
		if err := sc.extract(line, fr.fields.root, v); err != nil {
			return fmt.Errorf("malformed JSON: %w", err)
		}
		return nil
	})
}

// invalidUTF8At is the byte offset of the first invalid sequence in b.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// maxJSONDepth bounds nesting so hostile input cannot exhaust the stack.
const maxJSONDepth = 256

// jsonScanner validates one JSON object and pulls the mapped fields out of
// it. Its buffers are reused across lines.
type jsonScanner struct {
	b       []byte
	i       int
	scratch []byte // unescaped strings
	lower   []byte // lower-cased keys
}

func (s *jsonScanner) errf(format string, args ...any) error {
	return fmt.Errorf("byte %d: "+format, append([]any{s.i}, args...)...)
}

func (s *jsonScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *jsonScanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// extract validates b as one JSON object and sets the fields the trie under
// root asks for.
func (s *jsonScanner) extract(b []byte, root *node, v *values) error {
	s.b, s.i = b, 0
	s.ws()
	if s.peek() != '{' {
		return errors.New("the line is not a JSON object")
	}
	if err := s.object(root, v, 0); err != nil {
		return err
	}
	s.ws()
	if s.i != len(s.b) {
		return s.errf("unexpected data after the object")
	}
	return nil
}

// lookup finds the child node for key, trying a lower-cased key second.
func (s *jsonScanner) lookup(n *node, key []byte) *node {
	if n == nil || n.children == nil {
		return nil
	}
	if c := n.children[string(key)]; c != nil {
		return c
	}
	upper := false
	for _, c := range key {
		if 'A' <= c && c <= 'Z' {
			upper = true
			break
		}
	}
	if !upper {
		return nil
	}
	s.lower = bytes.ToLower(append(s.lower[:0], key...))
	return n.children[string(s.lower)]
}

// object reads an object starting at '{'. n is the trie node for it (nil
// when nothing inside is wanted).
func (s *jsonScanner) object(n *node, v *values, depth int) error {
	if depth > maxJSONDepth {
		return s.errf("nested deeper than %d levels", maxJSONDepth)
	}
	s.i++ // '{'
	s.ws()
	if s.peek() == '}' {
		s.i++
		return nil
	}
	for {
		s.ws()
		if s.peek() != '"' {
			return s.errf("expected a string key")
		}
		key, err := s.str()
		if err != nil {
			return err
		}
		child := s.lookup(n, key)
		s.ws()
		if s.peek() != ':' {
			return s.errf("expected ':' after a key")
		}
		s.i++
		s.ws()
		if err := s.member(child, v, depth); err != nil {
			return err
		}
		s.ws()
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return nil
		default:
			return s.errf("expected ',' or '}' in an object")
		}
	}
}

// member reads one value; child (may be nil) says what is wanted of it.
func (s *jsonScanner) member(child *node, v *values, depth int) error {
	if child == nil {
		return s.skip(depth + 1)
	}
	c := s.peek()
	switch {
	case c == '{' && child.children != nil:
		return s.object(child, v, depth+1)
	case c == '"' && len(child.leaves) > 0:
		val, err := s.str()
		if err != nil {
			return err
		}
		str := string(val)
		for _, l := range child.leaves {
			v.set(l.role, l.prio, str)
		}
		return nil
	case len(child.leaves) > 0 && (c == '-' || ('0' <= c && c <= '9') || c == 't' || c == 'f'):
		// Numbers and booleans are kept as written: an id like
		// 1730738486834307384 must not go through float64.
		start := s.i
		if err := s.skip(depth + 1); err != nil {
			return err
		}
		str := string(s.b[start:s.i])
		for _, l := range child.leaves {
			v.set(l.role, l.prio, str)
		}
		return nil
	}
	return s.skip(depth + 1)
}

// skip validates and skips any value.
func (s *jsonScanner) skip(depth int) error {
	if depth > maxJSONDepth {
		return s.errf("nested deeper than %d levels", maxJSONDepth)
	}
	switch c := s.peek(); {
	case c == '{':
		return s.object(nil, nil, depth)
	case c == '[':
		s.i++
		s.ws()
		if s.peek() == ']' {
			s.i++
			return nil
		}
		for {
			s.ws()
			if err := s.skip(depth + 1); err != nil {
				return err
			}
			s.ws()
			switch s.peek() {
			case ',':
				s.i++
			case ']':
				s.i++
				return nil
			default:
				return s.errf("expected ',' or ']' in an array")
			}
		}
	case c == '"':
		_, err := s.str()
		return err
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || ('0' <= c && c <= '9'):
		return s.number()
	case c == 0 && s.i >= len(s.b):
		return s.errf("unexpected end of line")
	}
	return s.errf("unexpected character %q", s.b[s.i])
}

func (s *jsonScanner) literal(lit string) error {
	if !bytes.HasPrefix(s.b[s.i:], []byte(lit)) {
		return s.errf("invalid literal")
	}
	s.i += len(lit)
	return nil
}

// number skips a number following the JSON grammar exactly.
func (s *jsonScanner) number() error {
	digits := func() int {
		n := 0
		for s.i < len(s.b) && '0' <= s.b[s.i] && s.b[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	if s.peek() == '-' {
		s.i++
	}
	switch c := s.peek(); {
	case c == '0':
		s.i++
	case '1' <= c && c <= '9':
		digits()
	default:
		return s.errf("invalid number")
	}
	if s.peek() == '.' {
		s.i++
		if digits() == 0 {
			return s.errf("invalid number")
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if digits() == 0 {
			return s.errf("invalid number")
		}
	}
	return nil
}

// str reads a string starting at '"' and returns its decoded bytes: a
// slice of the line when it has no escapes, else of the scratch buffer
// (valid until the next call). Runs of plain bytes are found with
// bytes.IndexByte and checked for control characters eight at a time: this
// is the reader's hot loop.
func (s *jsonScanner) str() ([]byte, error) {
	s.i++ // opening quote
	start := s.i
	q := bytes.IndexByte(s.b[start:], '"')
	if q < 0 {
		return nil, s.errf("unterminated string")
	}
	seg := s.b[start : start+q]
	end := len(seg)
	bs := bytes.IndexByte(seg, '\\')
	if bs >= 0 {
		end = bs
	}
	if c := controlAt(seg[:end]); c >= 0 {
		s.i = start + c
		return nil, s.errf("control character in a string")
	}
	if bs >= 0 {
		s.i = start + bs
		return s.unescape(start)
	}
	s.i = start + q + 1
	return seg, nil
}

// controlAt is the index of the first byte below 0x20 in b, or -1.
func controlAt(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		// Some byte is below 0x20 (exact for existence, not position).
		if (x-0x2020202020202020)&^x&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] < 0x20 {
			return i
		}
	}
	return -1
}

// unescape continues str from the first backslash at s.i.
func (s *jsonScanner) unescape(start int) ([]byte, error) {
	out := append(s.scratch[:0], s.b[start:s.i]...)
	defer func() { s.scratch = out[:0] }()
	q := -1 // index of the next '"' at or after s.i
	for {
		if q < s.i {
			k := bytes.IndexByte(s.b[s.i:], '"')
			if k < 0 {
				return nil, s.errf("unterminated string")
			}
			q = s.i + k
		}
		seg := s.b[s.i:q]
		end := len(seg)
		bs := bytes.IndexByte(seg, '\\')
		if bs >= 0 {
			end = bs
		}
		if c := controlAt(seg[:end]); c >= 0 {
			s.i += c
			return nil, s.errf("control character in a string")
		}
		out = append(out, seg[:end]...)
		s.i += end
		if bs < 0 {
			s.i++ // closing quote
			return out, nil
		}
		s.i++ // backslash
		if s.i >= len(s.b) {
			return nil, s.errf("unterminated string")
		}
		e := s.b[s.i]
		s.i++
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := s.hex4()
			if !ok {
				return nil, s.errf("invalid \\u escape")
			}
			if utf16.IsSurrogate(r) {
				// A valid pair decodes to one rune; a lone half becomes
				// U+FFFD, as encoding/json does.
				save := s.i
				if s.i+1 < len(s.b) && s.b[s.i] == '\\' && s.b[s.i+1] == 'u' {
					s.i += 2
					if r2, ok := s.hex4(); ok {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							out = utf8.AppendRune(out, dec)
							continue
						}
					}
				}
				s.i = save
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
		default:
			return nil, s.errf("invalid escape \\%c", e)
		}
	}
}

func (s *jsonScanner) hex4() (rune, bool) {
	if s.i+4 > len(s.b) {
		return 0, false
	}
	var r rune
	for _, c := range s.b[s.i : s.i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	s.i += 4
	return r, true
}
