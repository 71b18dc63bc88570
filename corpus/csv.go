package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// delimiters are the separators detectCSVDelimiter chooses from.
var delimiters = []byte{',', ';', '\t', '|'}

// detectDelimiter picks the separator that occurs most often outside
// quotes in the header line; tweet-harvest writes ';', spreadsheets in
// Indonesian locales too.
func detectDelimiter(header []byte) byte {
	var counts [256]int
	inQuote := false
	for _, c := range header {
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if !inQuote {
			counts[c]++
		}
	}
	best := byte(',')
	for _, d := range delimiters {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// csv reads delimited text with a header row. delim 0 means detect it;
// quotes says whether fields may be quoted (CSV) or not (TSV, the IANA way:
// one record per line, so a tweet starting with '"' stays a tweet, as the
// pilpres2019 data is written).
func (fr *fileReader) csv(src io.Reader, delim byte, quotes bool) error {
	lr := newLineReader(src, fr.o.maxRecord)
	if delim == 0 {
		head, _ := lr.r.Peek(64 << 10)
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			head = head[:i]
		}
		delim = detectDelimiter(head)
	}
	cr := &csvReader{lr: lr, delim: delim, quotes: quotes, max: fr.o.maxRecord}
	header, err := cr.read()
	if err == io.EOF {
		return nil
	}
	if err != nil {
		var re *RecordError
		if errors.As(err, &re) {
			return fr.bad(re.Pos.Line, "unreadable header row: %s; file skipped", re.Reason)
		}
		return err
	}
	header = append([]string(nil), header...)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	for i, h := range header {
		if !utf8.ValidString(h) {
			return fr.bad(1, "invalid UTF-8 in header column %d; file skipped", i+1)
		}
	}
	cols := fr.fields.columns(header)
	if cols[roleText] < 0 {
		return fr.bad(1, "no text column: the header has %s; none of %s (set --text-field); file skipped",
			strings.Join(header, ", "), fr.fields.describe(roleText))
	}
	var v values
	for {
		rec, err := cr.read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				return err
			}
			if err := fr.bad(re.Pos.Line, "%s", re.Reason); err != nil {
				return err
			}
			if cr.lost {
				return nil
			}
			continue
		}
		if err := fr.row(cr.start, header, cols, rec, &v); err != nil {
			return err
		}
	}
}

// csvReader splits records the way the exports analysts hold were written.
// Beyond RFC 4180 it accepts what tweet-harvest produces: quotes inside a
// quoted field that were not doubled ("…harus "ngemong" mereka…"). Like
// Python's csv module (which read those files when they were made), a
// stray quote turns the rest of the field into an unquoted one; unlike it,
// the stray quote is kept, and the field's final quote before the
// delimiter is dropped, so the text comes back as it was written.
type csvReader struct {
	lr     *lineReader
	delim  byte
	quotes bool
	max    int
	start  int  // line where the last record started
	lost   bool // a runaway record consumed the rest of the input
	buf    []byte
	ends   []int
	fields []string
}

// read returns the next record's fields (valid until the next call), a
// *RecordError for a bad record, io.EOF, or a read error.
func (c *csvReader) read() ([]string, error) {
	var line []byte
	var err error
	for {
		line, err = c.lr.next()
		if errors.Is(err, errTooLong) {
			return nil, c.recErr(c.lr.line, "line longer than %d bytes; skipped", c.max)
		}
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
	}
	c.start = c.lr.line
	c.buf, c.ends = c.buf[:0], c.ends[:0]
	quoted, atStart, stray := false, true, false
	for {
		for i := 0; i < len(line); i++ {
			ch := line[i]
			last := i+1 == len(line) || line[i+1] == c.delim
			switch {
			case quoted && ch == '"' && i+1 < len(line) && line[i+1] == '"':
				c.buf = append(c.buf, '"')
				i++
			case quoted && ch == '"' && last:
				quoted = false
			case quoted && ch == '"':
				c.buf = append(c.buf, '"')
				quoted, stray = false, true
			case quoted:
				c.buf = append(c.buf, ch)
			case atStart && ch == '"' && c.quotes:
				quoted, atStart = true, false
			case ch == c.delim:
				c.ends = append(c.ends, len(c.buf))
				atStart, stray = true, false
			case stray && ch == '"' && last:
				// the closing quote of a field with stray quotes
			default:
				atStart = false
				c.buf = append(c.buf, ch)
			}
		}
		if !quoted {
			break
		}
		// A quoted field goes on over the line break.
		c.buf = append(c.buf, '\n')
		if len(c.buf) > c.max {
			return nil, c.runaway()
		}
		line, err = c.lr.next()
		if err == io.EOF {
			return nil, c.recErr(c.start, "quoted field not closed before the end of the file")
		}
		if errors.Is(err, errTooLong) {
			return nil, c.runaway()
		}
		if err != nil {
			return nil, err
		}
	}
	c.ends = append(c.ends, len(c.buf))
	s := string(c.buf)
	c.fields = c.fields[:0]
	prev := 0
	for _, e := range c.ends {
		c.fields = append(c.fields, s[prev:e])
		prev = e
	}
	return c.fields, nil
}

// runaway gives up on a quoted record that outgrew the limit: there is no
// telling where the next record starts, so the rest of the input is drained
// (read reports io.EOF next) and the record's error says so.
func (c *csvReader) runaway() error {
	c.lost = true
	for {
		if _, err := c.lr.next(); err != nil && !errors.Is(err, errTooLong) {
			break
		}
	}
	return c.recErr(c.start, "record longer than %d bytes (an unbalanced quote?); rest of the file skipped", c.max)
}

func (c *csvReader) recErr(line int, format string, args ...any) error {
	return &RecordError{Pos: Pos{Line: line}, Reason: fmt.Sprintf(format, args...)}
}

// row checks one CSV/TSV row and emits its item.
func (fr *fileReader) row(line int, header []string, cols [numRoles]int, rec []string, v *values) error {
	if len(rec) != len(header) {
		return fr.bad(line, "row has %d fields, the header has %d", len(rec), len(header))
	}
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return fr.bad(line, "invalid UTF-8 in column %q", header[i])
		}
	}
	v.reset()
	for r := range numRoles {
		if c := cols[r]; c >= 0 {
			v.set(r, 0, strings.TrimSpace(rec[c]))
		}
	}
	return fr.item(line, v)
}
