package yamlerr

import (
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
