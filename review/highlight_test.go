package review

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/netra-id/netra"
)

func joinSegs(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

func marked(segs []Segment) []string {
	var out []string
	for _, s := range segs {
		if s.Hit || s.Term {
			out = append(out, s.Text)
		}
	}
	return out
}

func TestSegments(t *testing.T) {
	text := "Pak camat mendukung paslon 02. Warga kaget."
	s := strings.Index(text, "Pak camat")
	e := strings.Index(text, " Warga")
	hits := []netra.Hit{{Rule: "r1", Start: s, End: e, Spans: []netra.Span{{Start: 4, End: 9}}}}
	segs := Segments(text, hits, "")
	if joinSegs(segs) != text {
		t.Fatalf("segments lose text: %q", joinSegs(segs))
	}
	got := marked(segs)
	if len(got) != 3 || got[0] != "Pak " || got[1] != "camat" || got[2] != " mendukung paslon 02." {
		t.Errorf("marked %q", got)
	}
	if !segs[0].Hit || segs[0].First != 1 || !segs[1].Term {
		t.Errorf("flags: %+v", segs[:2])
	}
}

func TestSegmentsBadOffsets(t *testing.T) {
	text := "Kades dukung calon é bupati"
	é := strings.Index(text, "é")
	for _, h := range []netra.Hit{
		{Start: -5, End: 5},        // clamped to 0
		{Start: 20, End: 10},       // reversed: skipped
		{Start: 3, End: 1000},      // clamped to len
		{Start: é + 1, End: é + 2}, // mid-rune: widened to the rune
		{Start: 1000, End: 2000},   // outside: skipped
		{Start: 0, End: 0},         // empty: skipped
		{Start: 2, End: 4, Spans: []netra.Span{{Start: -1, End: 99999}}},
	} {
		segs := Segments(text, []netra.Hit{h}, "")
		if joinSegs(segs) != text {
			t.Errorf("%+v: text changed to %q", h, joinSegs(segs))
		}
		for _, s := range segs {
			if !utf8.ValidString(s.Text) {
				t.Errorf("%+v: segment %q splits a rune", h, s.Text)
			}
		}
	}
	if segs := Segments(text, []netra.Hit{{Start: é + 1, End: é + 2}}, ""); len(marked(segs)) != 1 || marked(segs)[0] != "é" {
		t.Errorf("mid-rune hit marks %q", marked(segs))
	}
}

func TestSegmentsByField(t *testing.T) {
	title, text := "Camat dukung paslon", "Isi berita tanpa bukti."
	hits := []netra.Hit{{Rule: "t", Field: "title", Start: 0, End: 5}, {Rule: "x", Start: 0, End: 3}}
	if m := marked(Segments(title, hits, FieldTitle)); len(m) != 1 || m[0] != "Camat" {
		t.Errorf("title marks %q", m)
	}
	segs := Segments(text, hits, "")
	if m := marked(segs); len(m) != 1 || m[0] != "Isi" || segs[0].First != 2 {
		t.Errorf("text marks %q (first %d)", m, segs[0].First)
	}
}

func TestSnippetSegments(t *testing.T) {
	segs := SnippetSegments("a \x02camat\x03 b \x03c\x02d")
	if joinSegs(segs) != "a camat b cd" {
		t.Errorf("text %q", joinSegs(segs))
	}
	if m := marked(segs); len(m) != 2 || m[0] != "camat" || m[1] != "d" {
		t.Errorf("marked %q", m)
	}
}

func FuzzSegments(f *testing.F) {
	f.Add("Pak camat mendukung paslon", 4, 9, 0, 3)
	f.Add("é€😀", 1, 5, -3, 100)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		segs := Segments(text, []netra.Hit{{Start: s1, End: e1, Spans: []netra.Span{{Start: s2, End: e2}}}, {Start: s2, End: e1}}, "")
		if joinSegs(segs) != text {
			t.Fatalf("text changed: %q -> %q", text, joinSegs(segs))
		}
		if utf8.ValidString(text) {
			for _, s := range segs {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("segment %q splits a rune", s.Text)
				}
			}
		}
	})
}
