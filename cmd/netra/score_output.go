package main

import (
	"encoding/csv"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/corpus"
)

// recordWriter writes one scored record in an output format.
type recordWriter interface {
	Write(rec *netra.Record) error
	Flush() error
}

// Both output formats must stay interchangeable behind --format.
var (
	_ recordWriter = (*jsonlWriter)(nil)
	_ recordWriter = (*csvWriter)(nil)
)

// jsonlWriter writes the DESIGN.md verdict plus where the record came from,
// one object per line. It is hand-rolled because reflection-based encoding
// would cost about as much as classifying a post; the test checks it
// against encoding/json byte for byte.
type jsonlWriter struct {
	w   io.Writer
	buf []byte
}

func newJSONLWriter(w io.Writer) *jsonlWriter {
	return &jsonlWriter{w: w, buf: make([]byte, 0, 256<<10)}
}

func (j *jsonlWriter) Write(rec *netra.Record) error {
	j.buf = appendVerdictLine(j.buf, rec)
	if len(j.buf) >= 192<<10 {
		return j.Flush()
	}
	return nil
}

func (j *jsonlWriter) Flush() error {
	if len(j.buf) == 0 {
		return nil
	}
	_, err := j.w.Write(j.buf)
	j.buf = j.buf[:0]
	return err
}

// appendVerdictLine appends {"id","input_id","pos","source","flagged",
// "score","categories","hits","rules_version"} and a newline. Field names
// and the encoding of hits follow netra.Verdict's JSON tags; nil lists are
// written as [] so consumers need not tell null from empty.
func appendVerdictLine(b []byte, rec *netra.Record) []byte {
	v := &rec.Verdict
	b = append(b, `{"id":`...)
	b = appendJSONString(b, v.ID)
	if id := rec.Item.Meta[corpus.MetaInputID]; id != "" {
		b = append(b, `,"input_id":`...)
		b = appendJSONString(b, id)
	}
	if pos := rec.Item.Meta[corpus.MetaPos]; pos != "" {
		b = append(b, `,"pos":`...)
		b = appendJSONString(b, pos)
	}
	b = append(b, `,"source":`...)
	b = appendJSONString(b, rec.Item.Source)
	b = append(b, `,"flagged":`...)
	b = strconv.AppendBool(b, v.Flagged)
	b = append(b, `,"score":`...)
	b = appendJSONFloat(b, v.Score)
	b = append(b, `,"categories":`...)
	b = appendJSONStrings(b, v.Categories)
	b = append(b, `,"hits":[`...)
	for i := range v.Hits {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendHit(b, &v.Hits[i])
	}
	b = append(b, `],"rules_version":`...)
	b = appendJSONString(b, v.RulesVersion)
	return append(b, "}\n"...)
}

func appendHit(b []byte, h *netra.Hit) []byte {
	b = append(b, `{"rule":`...)
	b = appendJSONString(b, h.Rule)
	b = append(b, `,"category":`...)
	b = appendJSONString(b, h.Category)
	b = append(b, `,"sentence":`...)
	b = appendJSONString(b, h.Sentence)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(h.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(h.End), 10)
	b = append(b, `,"terms":`...)
	b = appendJSONStrings(b, h.Terms)
	b = appendOptString(b, "title", h.Title)
	b = appendOptString(b, "regulation", h.Regulation)
	if h.Weight != 0 {
		b = append(b, `,"weight":`...)
		b = appendJSONFloat(b, h.Weight)
	}
	if len(h.Spans) > 0 {
		b = append(b, `,"spans":[`...)
		for i, s := range h.Spans {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"start":`...)
			b = strconv.AppendInt(b, int64(s.Start), 10)
			b = append(b, `,"end":`...)
			b = strconv.AppendInt(b, int64(s.End), 10)
			b = appendOptString(b, "role", s.Role)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = appendOptString(b, "field", h.Field)
	b = appendOptString(b, "mode", h.Mode)
	b = appendOptString(b, "cue", h.Cue)
	b = appendOptString(b, "cancelled_as", h.CancelledAs)
	return append(b, '}')
}

// appendOptString appends ,"key":"val" unless val is empty (omitempty).
func appendOptString(b []byte, key, val string) []byte {
	if val == "" {
		return b
	}
	b = append(b, `,"`...)
	b = append(b, key...)
	b = append(b, `":`...)
	return appendJSONString(b, val)
}

func appendJSONStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONFloat formats like encoding/json; NaN and infinities, which
// JSON cannot carry, become 0.
func appendJSONFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, '0')
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s exactly as encoding/json does (HTML-safe,
// invalid UTF-8 replaced by U+FFFD, U+2028/U+2029 escaped), so the output is
// safe to embed anywhere and identical to what the standard library writes.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// csvWriter writes one row per record: the verdict flattened for
// spreadsheets, with the first hit's sentence as evidence.
type csvWriter struct {
	w      *csv.Writer
	header bool
	row    []string
}

var csvHeader = []string{"id", "input_id", "pos", "source", "flagged", "score", "categories", "rules", "evidence", "rules_version"}

func newCSVWriter(w io.Writer) *csvWriter {
	return &csvWriter{w: csv.NewWriter(w), row: make([]string, len(csvHeader))}
}

func (c *csvWriter) Write(rec *netra.Record) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(csvHeader); err != nil {
			return err
		}
	}
	v := &rec.Verdict
	var rules []string
	for _, h := range v.Hits {
		if !slices.Contains(rules, h.Rule) {
			rules = append(rules, h.Rule)
		}
	}
	evidence := ""
	if len(v.Hits) > 0 {
		evidence = v.Hits[0].Sentence
	}
	c.row[0] = v.ID
	c.row[1] = rec.Item.Meta[corpus.MetaInputID]
	c.row[2] = rec.Item.Meta[corpus.MetaPos]
	c.row[3] = rec.Item.Source
	c.row[4] = strconv.FormatBool(v.Flagged)
	c.row[5] = string(appendJSONFloat(nil, v.Score))
	c.row[6] = strings.Join(v.Categories, "|")
	c.row[7] = strings.Join(rules, "|")
	c.row[8] = evidence
	c.row[9] = v.RulesVersion
	return c.w.Write(c.row)
}

func (c *csvWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}
