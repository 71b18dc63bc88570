package textmodel

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
)

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Camat hadir di TPS-05!", "ASN_Pemkot, kades…", "ɪ̇İ", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range Words(s) {
			if w == "" || strings.IndexFunc(w, unicode.IsSpace) >= 0 {
				t.Fatalf("Words(%q) gave %q", s, w)
			}
		}
	})
}

// FuzzRead checks that any model file either fails with a line error or
// reads back the same after being written.
func FuzzRead(f *testing.F) {
	f.Add("bias\t-1\ncamat\t2.5\t0.4\ncamat hadir\t3.1\t1.2\n")
	f.Add("# x\nbias\t1e300\nkafé\t1\t-0\n")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Read(strings.NewReader(s), "f.tsv")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := m.Write(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := Read(&buf, "f.tsv")
		if err != nil {
			t.Fatalf("a model read from %q does not read back: %v", s, err)
		}
		if len(back.Terms) != len(m.Terms) || back.MaxN != m.MaxN {
			t.Fatalf("terms %d/%d, max n %d/%d", len(back.Terms), len(m.Terms), back.MaxN, m.MaxN)
		}
		_ = m.Logit(s)
	})
}

// FuzzProperNouns checks that any texts give a sorted list of distinct
// lowercase words.
func FuzzProperNouns(f *testing.F) {
	f.Add("Camat Wirosari hadir, kata Darsono; lalu Darsono pergi.", "warga wirosari")
	f.Add("ASN di KPU bertemu Budi dan Budi lagi", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		got := ProperNouns([]string{a, b}, 1)
		for i, w := range got {
			if w == "" || strings.ToLower(w) != w {
				t.Fatalf("ProperNouns returned %q, not a lowercase word", w)
			}
			if i > 0 && got[i-1] >= w {
				t.Fatalf("ProperNouns not sorted and unique: %q", got)
			}
		}
	})
}
