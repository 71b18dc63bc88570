package yamlerr

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestProblemsNameTheLine checks the line a user is sent to for syntax
// errors of both kinds (parser errors come zero-based from yaml.v3) and for
// type errors.
func TestProblemsNameTheLine(t *testing.T) {
	cases := []struct {
		in   string
		line int
		msg  string
	}{
		{"a: 1\nb: [1, 2\nc: 3\n", 2, "did not find expected ',' or ']'"},
		{"a:\n  b: 1\n c: 2\n", 3, "did not find expected key"},
		{"a: 1\n\tb: 2\n", 2, "found a tab character that violates indentation"},
	}
	for _, tc := range cases {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(tc.in), &n)
		if err == nil {
			t.Fatalf("%q: no error", tc.in)
		}
		ps := Problems(err)
		if len(ps) != 1 || ps[0].Line != tc.line || ps[0].Msg != tc.msg {
			t.Errorf("%q: got %+v, want line %d %q", tc.in, ps, tc.line, tc.msg)
		}
	}

	var v struct {
		A int `yaml:"a"`
		B int `yaml:"b"`
	}
	ps := Problems(yaml.Unmarshal([]byte("a: x\nb: y\n"), &v))
	if len(ps) != 2 || ps[0].Line != 1 || ps[1].Line != 2 {
		t.Fatalf("type errors: got %+v, want lines 1 and 2", ps)
	}
}

// FuzzProblems checks that any error yaml.v3 gives for any input turns
// into at least one problem with a sane line and a message.
func FuzzProblems(f *testing.F) {
	f.Add("a: [1, 2\n")
	f.Add("a:\n  b: 1\n c: 2\n")
	f.Add("a: 1\n\tb: 2\n")
	f.Add("a: x\nb: y\n")
	f.Fuzz(func(t *testing.T, in string) {
		var v struct {
			A int            `yaml:"a"`
			B map[string]int `yaml:"b"`
		}
		err := yaml.Unmarshal([]byte(in), &v)
		if err == nil {
			return
		}
		ps := Problems(err)
		if len(ps) == 0 {
			t.Fatalf("%q: no problems from %v", in, err)
		}
		// YAML breaks lines at \n, \r and \r\n alike.
		lines := strings.Count(in, "\n") + strings.Count(in, "\r") + 2
		for _, p := range ps {
			if p.Msg == "" || p.Line < 0 || p.Line > lines {
				t.Fatalf("%q: problem %+v from %v", in, p, err)
			}
		}
	})
}

// TestErrorOneLinePerProblem checks that every field problem of a type
// error becomes its own file:line line.
func TestErrorOneLinePerProblem(t *testing.T) {
	var v struct{ A, B int }
	err := yaml.Unmarshal([]byte("a: satu\nb: dua\n"), &v)
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(Error("x.yaml", err).Error(), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "x.yaml:1: ") || !strings.HasPrefix(lines[1], "x.yaml:2: ") {
		t.Errorf("Error = %q, want one x.yaml:N: line per field", lines)
	}
}
