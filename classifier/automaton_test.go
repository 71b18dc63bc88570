package classifier

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveScan is the reference: fold the text the way the automaton does and
// search every keyword with strings.Index.
func naiveScan(kws []keyword, s string) uint32 {
	folded := foldKeyword(s)
	var found uint32
	for _, k := range kws {
		t := foldKeyword(k.text)
		if t == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(folded[i:], t)
			if j < 0 {
				break
			}
			j += i
			if !k.bounded || ((j == 0 || !isAlnumByte(folded[j-1])) && (j+len(t) == len(folded) || !isAlnumByte(folded[j+len(t)]))) {
				found |= k.mask
				break
			}
			i = j + 1
		}
	}
	return found
}

func TestAutomatonMatchesNaiveSearch(t *testing.T) {
	kws := []keyword{
		{text: "asn", mask: 1, bounded: true},
		{text: "kepala dinas", mask: 1},
		{text: "ampanye", mask: 2},
		{text: "dukung", mask: 2},
		{text: "sn", mask: 4},
		{text: "✌", mask: 8},
	}
	a := newAutomaton(kws)
	alphabet := []string{"a", "s", "n", "k", "e", "p", "l", "d", "i", "u", "g", "m", "y", " ", "  ", ",", "\n", "A", "S", "N", "✌", "é", "kepala", "dinas", "asn"}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.IntN(12); k >= 0; k-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := a.scan(s, 0, 0xFF), naiveScan(kws, s); got != want {
			t.Fatalf("scan(%q) = %b, naive = %b", s, got, want)
		}
	}
}
