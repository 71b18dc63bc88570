package index

import (
	"slices"
	"strings"
	"testing"
)

func TestPlaceCodes(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"33.74 Kota Semarang; 33 Jawa Tengah", []string{"33", "33.74"}},
		{"33.08 Kabupaten Magelang", []string{"33", "33.08"}},
		{"35.73 Kota Malang;35.07 Kabupaten Malang; 35.73 Kota Malang", []string{"35", "35.07", "35.73"}},
		{"Jawa Tengah; x.1 Foo; 1. Bar; .2 Baz; 12a Qux", nil},
	} {
		if got := PlaceCodes(c.in); !slices.Equal(got, c.want) {
			t.Errorf("PlaceCodes(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func FuzzPlaceCodes(f *testing.F) {
	for _, s := range []string{"33.74 Kota Semarang; 33 Jawa Tengah", "", ";;", "1.2.3 x", "99999999999999999 y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := PlaceCodes(s)
		if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Fatalf("PlaceCodes(%q) = %v: not sorted and distinct", s, got)
		}
		for _, c := range got {
			if !isPlaceCode(c) {
				t.Fatalf("PlaceCodes(%q) gave %q, not a code", s, c)
			}
			if p, _, ok := strings.Cut(c, "."); ok && !slices.Contains(got, p) {
				t.Fatalf("PlaceCodes(%q) has %q without its province %q", s, c, p)
			}
		}
	})
}
