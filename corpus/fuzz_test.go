package corpus

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzJSONScanner checks the hand-rolled scanner against encoding/json: the
// same lines are valid, and the same text and id come out of them.
func FuzzJSONScanner(f *testing.F) {
	for _, s := range []string{
		`{"text":"a"}`, `{"id":12345678901234567890,"text":"x\ny \"q\" \u00e9 \ud83d\ude00"}`,
		`{"text":"\ud800"}`, `{"a":[1,2,{"b":null}],"text":"t","id":"s"}`, `{"text":1e5}`,
		`{"text":"a" , "text":"b"}`, `[1]`, `{"text":"a"}x`, `{"text":-0.5e-3,"id":true}`,
		`{"data":{"text":"nested"}}`, ` { } `, `{"text":"\/\b\f\r\t"}`,
	} {
		f.Add([]byte(s))
	}
	fs := newFieldSet(Fields{Text: "text", ID: "id"})
	f.Fuzz(func(t *testing.T, b []byte) {
		if !utf8.Valid(b) {
			return
		}
		var sc jsonScanner
		var v values
		v.reset()
		err := sc.extract(b, fs.root, &v)
		if err != nil && strings.Contains(err.Error(), "nested deeper") {
			return
		}
		trimmed := bytes.TrimSpace(b)
		stdValid := json.Valid(b) && len(trimmed) > 0 && trimmed[0] == '{'
		if (err == nil) != stdValid {
			t.Fatalf("scanner error %v, encoding/json valid %v for %q", err, stdValid, b)
		}
		if err != nil {
			return
		}
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		var m map[string]any
		if err := d.Decode(&m); err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		for k := range m {
			// The scanner matches names case-insensitively, encoding/json
			// into a map does not: only compare unambiguous lines.
			if (strings.EqualFold(k, "text") && k != "text") || (strings.EqualFold(k, "id") && k != "id") {
				return
			}
		}
		if s, ok := m["text"].(string); ok && v.f[roleText] != s {
			t.Fatalf("text %q, encoding/json %q, for %q", v.f[roleText], s, b)
		}
		switch id := m["id"].(type) {
		case string:
			if v.f[roleID] != id {
				t.Fatalf("id %q, encoding/json %q", v.f[roleID], id)
			}
		case json.Number:
			if v.f[roleID] != string(id) {
				t.Fatalf("id %q, encoding/json %q", v.f[roleID], id)
			}
		}
	})
}

// FuzzCSVReader checks that the lenient reader never fails on its own and
// reads every RFC 4180 file exactly as encoding/csv does.
func FuzzCSVReader(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n", "a,b\n\"x,y\",2\n", "a,b\n\"multi\nline\",2\r\n", "a;b\n\"stray \"q\" here\";1\n",
		"a\n\"unterminated\n", "a,b\n\"\"\"\",\"\"\n", "x\n\n\ny\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var got [][]string
		cr := &csvReader{lr: newLineReader(bytes.NewReader(b), 1<<16), delim: ',', quotes: true, max: 1 << 16}
		for {
			rec, err := cr.read()
			if err == io.EOF {
				break
			}
			var re *RecordError
			if errors.As(err, &re) {
				if cr.lost {
					break
				}
				got = append(got, []string{"ERR"})
				continue
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			got = append(got, append([]string(nil), rec...))
		}
		std := csv.NewReader(bytes.NewReader(b))
		std.FieldsPerRecord = -1
		want, err := std.ReadAll()
		if err != nil {
			return // not RFC 4180; the lenient reader may differ
		}
		for _, r := range want {
			if len(r) == 1 && strings.TrimSpace(r[0]) == "" {
				return // whitespace-only lines are skipped here, records there
			}
			for _, field := range r {
				if strings.Contains(field, "\r") {
					return // encoding/csv folds CR inside fields differently
				}
			}
		}
		if len(want) == 0 && len(got) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("read %q as\n%q\nencoding/csv:\n%q", b, got, want)
		}
	})
}
