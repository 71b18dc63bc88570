package index

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	got := Words("ASN  dilarang-ikut #Kampanye, Pemilu2024! Élu")
	want := []string{"asn", "dilarang", "ikut", "kampanye", "pemilu2024", "élu"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
	if Words("  ,.  ") != nil {
		t.Errorf("Words of punctuation is not empty")
	}
}

// stemmy strips "me"/"di" prefixes, so tests can see that query words are
// analysed and prefixes are not.
func stemmy(s string) []string {
	var out []string
	for _, w := range Words(s) {
		if w == "yang" {
			continue // a stop word
		}
		for _, p := range []string{"men", "di"} {
			if strings.HasPrefix(w, p) && len(w) > len(p)+3 {
				w = w[len(p):]
				break
			}
		}
		out = append(out, w)
	}
	return out
}

func TestParseText(t *testing.T) {
	term := func(s string) Alt { return Alt{Kind: KindTerm, Terms: []string{s}} }
	exact := func(s string) Alt { return Alt{Kind: KindExact, Terms: []string{s}} }
	cases := []struct {
		in   string
		want [][]Alt
	}{
		{"", nil},
		{"mendukung", [][]Alt{{term("dukung")}}},
		{"camat mendukung", [][]Alt{{term("camat")}, {term("dukung")}}},
		{"camat AND didukung", [][]Alt{{term("camat")}, {term("dukung")}}},
		{"camat OR lurah kampanye", [][]Alt{{term("camat"), term("lurah")}, {term("kampanye")}}},
		{"a OR b OR c", [][]Alt{{term("a"), term("b"), term("c")}}},
		{"OR camat OR", [][]Alt{{term("camat")}}},
		// Quoted words and =word are exact: lower-cased, never stemmed.
		{`"salam dua jari" asn`, [][]Alt{{{Kind: KindExact, Terms: []string{"salam", "dua", "jari"}}}, {term("asn")}}},
		{`"Mendukung"`, [][]Alt{{exact("mendukung")}}},
		{"=camat", [][]Alt{{exact("camat")}}},
		{"=Camat OR lurah", [][]Alt{{exact("camat"), term("lurah")}}},
		{"=kepala-desa", [][]Alt{{{Kind: KindExact, Terms: []string{"kepala", "desa"}}}}},
		{"= camat", [][]Alt{{term("camat")}}},
		{`"yang"`, [][]Alt{{exact("yang")}}},
		{"kampa*", [][]Alt{{{Kind: KindPrefix, Prefix: "kampa"}}}},
		{"kam*", [][]Alt{{{Kind: KindPrefix, Prefix: "kam"}}}},
		{"Menduk*", [][]Alt{{{Kind: KindPrefix, Prefix: "menduk"}}}},
		{"k*", [][]Alt{{term("k")}}},
		{"ka*", [][]Alt{{term("ka")}}},
		{"yang", nil},
		{"yang OR camat", [][]Alt{{term("camat")}}},
		{"pemilu-2024", [][]Alt{{{Kind: KindPhrase, Terms: []string{"pemilu", "2024"}}}}},
	}
	for _, c := range cases {
		q, err := ParseText(c.in, stemmy)
		if err != nil {
			t.Errorf("ParseText(%q): %v", c.in, err)
			continue
		}
		var got [][]Alt
		for _, cl := range q.Clauses {
			var alts []Alt
			for _, a := range cl.Alts {
				a.Raw = ""
				alts = append(alts, a)
			}
			got = append(got, alts)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseText(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
	for _, bad := range []string{`"tidak ditutup`, strings.Repeat("a ", MaxQueryBytes), "\xff\xfe", strings.Repeat("kata ", MaxQueryClauses+1)} {
		if _, err := ParseText(bad, nil); err == nil {
			t.Errorf("ParseText(%.30q...) succeeded, want an error", bad)
		}
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{"camat OR lurah", `"salam dua jari"`, "kampa*", "OR", `"`, "a**", "\x02x\x03"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseText(s, nil)
		if err != nil {
			return
		}
		for _, c := range q.Clauses {
			if len(c.Alts) == 0 {
				t.Fatalf("empty clause from %q", s)
			}
			for _, a := range c.Alts {
				switch a.Kind {
				case KindPrefix:
					if utf8.RuneCountInString(a.Prefix) < MinPrefixRunes {
						t.Fatalf("short prefix %q from %q", a.Prefix, s)
					}
				case KindTerm:
					if len(a.Terms) != 1 {
						t.Fatalf("term alt with %d terms from %q", len(a.Terms), s)
					}
				case KindPhrase:
					if len(a.Terms) < 2 {
						t.Fatalf("phrase alt with %d terms from %q", len(a.Terms), s)
					}
				}
				for _, term := range a.Terms {
					if term == "" || strings.ContainsAny(term, " \"*") {
						t.Fatalf("bad term %q from %q", term, s)
					}
				}
			}
		}
	})
}

func TestQueryCheck(t *testing.T) {
	nan := math.NaN()
	for name, q := range map[string]Query{
		"too many ids": {IDs: make([]string, MaxFilterValues+1)},
		"NaN score":    {MinScore: &nan},
		"bad facet":    {Facets: []string{FacetCategory, "text"}},
	} {
		if q.Check() == nil {
			t.Errorf("%s: Check passed", name)
		}
	}
	if err := (Query{IDs: []string{"a"}, Sources: []string{"x"}, Facets: FacetNames()}).Check(); err != nil {
		t.Errorf("ordinary query: %v", err)
	}
}
