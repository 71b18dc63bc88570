package regulation

import (
	"slices"
	"strings"
	"testing"
)

func refs(cs []Citation) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Regulation.Key)
		for _, a := range c.Articles {
			out = append(out, "  "+a.Ref)
		}
	}
	return out
}

func TestCite(t *testing.T) {
	for _, c := range []struct {
		field string
		want  []string
	}{
		{"PP 94/2021 Pasal 5 huruf n angka 4; SKB 2022 Lampiran II", []string{"PP 94/2021", "  Pasal 5", "SKB 2022", "  Lampiran II"}},
		{"UU 7/2017 Pasal 280 ayat (3) dan Pasal 494; UU 10/2016 Pasal 71 ayat (1)", []string{"UU 7/2017", "  Pasal 280", "  Pasal 494", "UU 10/2016", "  Pasal 71"}},
		{"PP 94/2021 Pasal 5 huruf n; UU 7/2017 Pasal 280 dan 494", []string{"PP 94/2021", "  Pasal 5", "UU 7/2017", "  Pasal 280", "  Pasal 494"}},
		{"UU 20/2023 tentang ASN (netralitas)", []string{"UU 20/2023"}},
		{"UU 7/2017 Pasal 182 huruf k dan Pasal 240 ayat (1) huruf k", []string{"UU 7/2017", "  Pasal 182", "  Pasal 240"}},
		{"  UU   6/2014  Pasal 29 huruf g ;", []string{"UU 6/2014", "  Pasal 29"}},
	} {
		got, err := Cite(c.field)
		if err != nil || !slices.Equal(refs(got), c.want) {
			t.Errorf("Cite(%q) = %v, %v; want %v", c.field, refs(got), err, c.want)
		}
	}
	for _, c := range []struct{ field, want string }{
		{"UU 99/2099 Pasal 1", "unknown regulation UU 99/2099"},
		{"UU 7/2017 Pasal 9999", "UU 7/2017 has no Pasal 9999"},
		{"PP 94/2021 Pasal 5; Perbawaslu 6/2018", `"Perbawaslu 6/2018" names no statute`},
		{"SKB 2022 Lampiran IV", "SKB 2022 has no Lampiran IV"},
	} {
		got, err := Cite(c.field)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Cite(%q): error %v, want one saying %q", c.field, err, c.want)
		}
		if strings.HasPrefix(c.field, "PP 94/2021") && len(got) != 1 {
			t.Errorf("Cite(%q) dropped the known part: %v", c.field, refs(got))
		}
	}
}

// TestTableIsComplete: every regulation has a title, a gist and an
// official link, and keys and article refs are unique.
func TestTableIsComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Table() {
		if seen[r.Key] || r.Title == "" || r.Gist == "" || !strings.HasPrefix(r.URL, "https://") || !strings.Contains(r.URL, ".go.id/") {
			t.Errorf("%s: duplicate or incomplete (title %q, url %q)", r.Key, r.Title, r.URL)
		}
		seen[r.Key] = true
		if _, err := Cite(r.Key); err != nil {
			t.Errorf("its own key does not resolve: %v", err)
		}
		arts := map[string]bool{}
		for _, a := range r.Articles {
			if arts[a.Ref] || a.Gist == "" {
				t.Errorf("%s %s: duplicate or without gist", r.Key, a.Ref)
			}
			arts[a.Ref] = true
			if _, err := Cite(r.Key + " " + a.Ref); err != nil {
				t.Errorf("%s %s does not resolve: %v", r.Key, a.Ref, err)
			}
		}
	}
}

func FuzzCite(f *testing.F) {
	f.Add("PP 94/2021 Pasal 5 huruf n angka 4; SKB 2022 Lampiran II")
	f.Add("UU 7/2017 Pasal 280 dan 494, 282")
	f.Fuzz(func(t *testing.T, field string) {
		cs, err := Cite(field)
		for _, c := range cs {
			if c.Regulation == nil || c.Text == "" {
				t.Fatalf("Cite(%q): citation without regulation or text: %+v", field, c)
			}
		}
		if err == nil && strings.TrimSpace(strings.ReplaceAll(field, ";", "")) != "" && len(cs) == 0 {
			t.Fatalf("Cite(%q): nothing resolved and no error", field)
		}
	})
}

func TestAnchor(t *testing.T) {
	if got := (Regulation{Key: "UU 7/2017"}).Anchor(); got != "reg-uu-7-2017" {
		t.Errorf("anchor %q", got)
	}
}
