package index

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func mark(s string) string {
	return strings.NewReplacer(HighlightPre, "[[", HighlightPost, "]]").Replace(s)
}

func TestHighlight(t *testing.T) {
	q, err := ParseText(`mendukung kampa*`, stemmy)
	if err != nil {
		t.Fatal(err)
	}
	text := "Camat itu mendukung paslon. Dukungan warga besar; ikut Kampanye akbar, didukung banyak pihak."
	got := Highlight(text, stemmy, q, 3, 400)
	want := []string{"Camat itu [[mendukung]] paslon. Dukungan warga besar; ikut [[Kampanye]] akbar, [[didukung]] banyak pihak."}
	if len(got) != 1 || mark(got[0]) != want[0] {
		t.Errorf("Highlight = %q, want %q", mapMark(got), want)
	}
	if got := Highlight("tidak ada apa-apa", stemmy, q, 3, 100); got != nil {
		t.Errorf("Highlight without a match = %q", got)
	}
	if got := Highlight(text, stemmy, TextQuery{}, 3, 100); got != nil {
		t.Errorf("Highlight with an empty query = %q", got)
	}
}

func mapMark(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = mark(s)
	}
	return out
}

func TestHighlightWindowsAndHostileText(t *testing.T) {
	q, _ := ParseText("kampanye", nil)
	filler := strings.Repeat("kata lain yang panjang sekali ", 20)
	text := "Awal kampanye. " + filler + "\x02palsu\x03 tengah kampanye lagi. " + filler + "akhir kampanye"
	got := Highlight(text, nil, q, 2, 60)
	if len(got) != 2 {
		t.Fatalf("Highlight gave %d snippets, want the limit 2: %q", len(got), mapMark(got))
	}
	for _, s := range got {
		if !utf8.ValidString(s) {
			t.Errorf("snippet is not valid UTF-8: %q", s)
		}
		if strings.Count(s, HighlightPre) != 1 || strings.Count(s, HighlightPost) != 1 {
			t.Errorf("snippet %q: want exactly the one real marker pair", mark(s))
		}
		if !strings.Contains(s, HighlightPre+"kampanye"+HighlightPost) {
			t.Errorf("snippet %q does not mark kampanye", mark(s))
		}
		if len(s) > 60+40 {
			t.Errorf("snippet is %d bytes for width 60", len(s))
		}
	}
	if !strings.Contains(got[1], "palsu") || strings.Contains(got[1], "\x02palsu") {
		t.Errorf("forged markers not removed: %q", got[1])
	}
	// Multi-byte text cut at odd places stays valid.
	ml := strings.Repeat("ééé ", 50) + "kampanye" + strings.Repeat(" ñññ", 50)
	for _, s := range Highlight(ml, nil, q, 1, 33) {
		if !utf8.ValidString(s) {
			t.Errorf("snippet is not valid UTF-8: %q", s)
		}
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("Camat mendukung kampanye.", "kampanye")
	f.Add("\x02\x03 é kampa", "kampa*")
	f.Fuzz(func(t *testing.T, text, query string) {
		q, err := ParseText(query, nil)
		if err != nil {
			return
		}
		for _, s := range Highlight(text, nil, q, 3, 50) {
			if utf8.ValidString(text) && !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 snippet %q", s)
			}
			if strings.Count(s, HighlightPre) != strings.Count(s, HighlightPost) {
				t.Fatalf("unbalanced markers in %q", s)
			}
		}
	})
}

// TestHighlightFilterKeepsForms checks that the cheap filter in front of the
// analyser lets through the forms Indonesian morphology and slang produce.
func TestHighlightFilterKeepsForms(t *testing.T) {
	lex := map[string]string{"menyapu": "sapu", "disapu": "sapu", "tdk": "tidak", "gak": "tidak", "penyapuan": "sapu"}
	analyze := func(s string) []string {
		var out []string
		for _, w := range Words(s) {
			if r, ok := lex[w]; ok {
				w = r
			}
			out = append(out, w)
		}
		return out
	}
	q, _ := ParseText("sapu tidak", analyze)
	got := mark(strings.Join(Highlight("Warga menyapu jalan, tdk ada yg disapu petugas; penyapuan gak jalan.", analyze, q, 1, 500), ""))
	want := "Warga [[menyapu]] jalan, [[tdk]] ada yg [[disapu]] petugas; [[penyapuan]] [[gak]] jalan."
	if got != want {
		t.Errorf("Highlight = %q, want %q", got, want)
	}
}

// An exact word marks that word only, not the words sharing its stem.
func TestHighlightExactWord(t *testing.T) {
	stemKe := func(s string) []string { // "kecamatan" → "camat", as the real stemmer does
		out := stemmy(s)
		for i, w := range out {
			if w == "kecamatan" {
				out[i] = "camat"
			}
		}
		return out
	}
	q, err := ParseText(`=camat`, stemKe)
	if err != nil {
		t.Fatal(err)
	}
	got := Highlight("Kantor kecamatan itu dipimpin Camat baru.", stemKe, q, 3, 400)
	want := "Kantor kecamatan itu dipimpin [[Camat]] baru."
	if len(got) != 1 || mark(got[0]) != want {
		t.Errorf("Highlight(=camat) = %q, want %q", mapMark(got), want)
	}
}
