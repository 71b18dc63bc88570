package stem

import (
	"testing"
	"unicode/utf8"
)

func FuzzStem(f *testing.F) {
	for _, w := range []string{
		"", "a", "mendukung", "dukungannya", "memperkenalkan", "menyapu",
		"pelajaran", "belajar", "meny", "peny", "mem", "pem", "meng", "ber",
		"be\u00e9er", "menyé", "memé", "buku-buku", "-", "--", "a-", "-lah",
		"meniru-nirukan", "kuasa-mu", "\xff\xfe", "me\xffnulis", "ñañaña",
		"kepalanya", "mengampanyekan", "ajakan", "keterlibatannya",
	} {
		f.Add(w)
	}
	s := New(WithCache(64))
	plain := New(WithoutBuiltinRoots())
	f.Fuzz(func(t *testing.T, word string) {
		for _, st := range []*Stemmer{s, plain} {
			got := st.Stem(word)
			if !utf8.ValidString(got) {
				t.Fatalf("Stem(%q) = %q: not valid UTF-8", word, got)
			}
			if len(got) > len(word) {
				t.Fatalf("Stem(%q) = %q: longer than the word", word, got)
			}
			if isLowerASCII(word) && !isLowerASCII(got) {
				t.Fatalf("Stem(%q) = %q: not lower-case ASCII", word, got)
			}
		}
	})
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
