package crawler

import (
	"strings"
	"testing"
	"time"
)

func TestLoadSourcesExample(t *testing.T) {
	srcs, err := LoadSources("testdata/sources.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 6 {
		t.Fatalf("%d sources", len(srcs))
	}
	a := srcs[0]
	if a.Name != "antara-jatim" || a.Kind != KindFeed || a.Since != 72*time.Hour || a.Schedule != "*/30 * * * *" ||
		a.Contact != "https://netra.example/about-crawler" || a.UserAgent != "NetraBot/1.0" || a.Line != 5 {
		t.Errorf("first source: %+v", a)
	}
	if srcs[4].Channel != "infopilkadacontoh" || srcs[5].Tag != "pilkada" {
		t.Errorf("social sources: %+v %+v", srcs[4], srcs[5])
	}
}

func TestLoadSourcesErrorsNameLines(t *testing.T) {
	in := `sources:
  - name: a
    kind: feed
    urls: [ftp://x.id/feed]
  - name: a
    kind: rss
    schedule: "every day"
    since: kemarin
  - name: c
    kind: html
    urls: [https://c.id/]
    colour: red
  - name: d
    kind: mastodon
    instance: https://m.id
`
	_, err := ParseSources("srcs.yaml", []byte(in))
	if err == nil {
		t.Fatal("bad file accepted")
	}
	msg := err.Error()
	for _, want := range []string{
		"srcs.yaml:4: urls:",
		"srcs.yaml:5: name: \"a\" already used at line 2",
		"srcs.yaml:6: kind: \"rss\" is not one of",
		"srcs.yaml:7: schedule:",
		"srcs.yaml:8: since:",
		"srcs.yaml:9: link_selector: required",
		"srcs.yaml:12: unknown field \"colour\"",
		"srcs.yaml:13: tag: kind mastodon needs exactly one of tag or account",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
}

// TestSourcesSyntaxErrorLine checks that a YAML syntax error is reported
// as file:line with the line of the mapping left open.
func TestSourcesSyntaxErrorLine(t *testing.T) {
	in := "contact: https://netra.example/about\nsources: [\n  {name: a, kind: url\n"
	_, err := ParseSources("srcs.yaml", []byte(in))
	if err == nil {
		t.Fatal("bad file accepted")
	}
	if want := "srcs.yaml:3: did not find expected ',' or '}'"; !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error %q, want prefix %q", err, want)
	}
}

func FuzzParseSources(f *testing.F) {
	f.Add([]byte("sources:\n  - name: a\n    kind: url\n    urls: [https://a.id/x]\n"))
	f.Add([]byte("sources: [1, {name: x}]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		srcs, err := ParseSources("f.yaml", b)
		if err == nil {
			for _, s := range srcs {
				if s.Validate() != nil {
					t.Fatalf("accepted invalid source %+v", s)
				}
			}
		}
	})
}
