package classifier

import (
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// automaton is the first stage: one Aho–Corasick automaton, compiled to a
// dense DFA over byte classes, that finds keywords in raw text without
// allocating. ASCII letters are folded to lower case and every run of ASCII
// non-alphanumerics counts as one space, so "Kepala  Dinas," still reaches
// "kepala dinas". Each keyword carries a bit mask (its role); scanning stops
// as soon as the masks found cover what a candidate needs.
type automaton struct {
	classOf    [256]uint8
	numClasses int
	delta      []int32 // row offset (state*numClasses) + class -> next row offset
	out        []uint32
	bounded    [][]boundedOut // keywords that must stand as whole words
	start      int32          // row offset of the root
	outStart   int32          // rows from here on have outputs
	keywords   []string
}

// boundedOut is a short keyword (such as "asn") that only counts when it is
// not part of a longer word.
type boundedOut struct {
	length int
	mask   uint32
}

// Keyword is one first-stage pattern.
type keyword struct {
	text    string
	mask    uint32
	bounded bool
}

const spaceClass = 1

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// foldKeyword lower-cases ASCII and collapses non-alphanumeric runs to one
// space, as the scanner does with text.
func foldKeyword(s string) string {
	b := make([]byte, 0, len(s))
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !isAlnumByte(c) {
			if !space {
				b = append(b, ' ')
			}
			space = true
			continue
		}
		space = false
		b = append(b, c)
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b)
}

func newAutomaton(kws []keyword) *automaton {
	a := &automaton{}
	// Byte classes: 0 = any byte no keyword uses, 1 = space, then one
	// class per byte value used by some keyword.
	a.numClasses = 2
	for c := 0; c < 256; c++ {
		if !isAlnumByte(byte(c)) {
			a.classOf[c] = spaceClass
		}
	}
	merged := map[string]*keyword{}
	for _, k := range kws {
		t := foldKeyword(k.text)
		if t == "" {
			continue
		}
		if m, ok := merged[t]; ok {
			m.mask |= k.mask
			m.bounded = m.bounded && k.bounded
			continue
		}
		kk := k
		kk.text = t
		merged[t] = &kk
	}
	texts := make([]string, 0, len(merged))
	for t := range merged {
		texts = append(texts, t)
	}
	sort.Strings(texts)
	a.keywords = texts
	for _, t := range texts {
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c != ' ' && a.classOf[c] == 0 {
				a.classOf[c] = uint8(a.numClasses)
				if c >= 'a' && c <= 'z' {
					a.classOf[c-'a'+'A'] = uint8(a.numClasses)
				}
				a.numClasses++
			}
		}
	}
	nc := a.numClasses
	// Trie.
	type node struct {
		next    []int32
		fail    int32
		out     uint32
		bounded []boundedOut
	}
	nodes := []node{{next: make([]int32, nc)}}
	for _, t := range texts {
		k := merged[t]
		s := int32(0)
		for i := 0; i < len(t); i++ {
			c := a.classOf[t[i]]
			if nodes[s].next[c] == 0 {
				nodes = append(nodes, node{next: make([]int32, nc)})
				nodes[s].next[c] = int32(len(nodes) - 1)
			}
			s = nodes[s].next[c]
		}
		if k.bounded {
			nodes[s].bounded = append(nodes[s].bounded, boundedOut{length: len(t), mask: k.mask})
		} else {
			nodes[s].out |= k.mask
		}
	}
	// Breadth-first failure links, turning the trie into a DFA.
	queue := make([]int32, 0, len(nodes))
	for c := 0; c < nc; c++ {
		if n := nodes[0].next[c]; n != 0 {
			nodes[n].fail = 0
			queue = append(queue, n)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := nodes[s].fail
		nodes[s].out |= nodes[f].out
		nodes[s].bounded = append(nodes[s].bounded, nodes[f].bounded...)
		for c := 0; c < nc; c++ {
			n := nodes[s].next[c]
			if n == 0 {
				nodes[s].next[c] = nodes[f].next[c]
				continue
			}
			nodes[n].fail = nodes[f].next[c]
			queue = append(queue, n)
		}
	}
	// Collapse runs of separators inside the DFA: a state entered by a
	// space stays put on further spaces, so the scan loop needs no branch
	// for it. (Every DFA transition into a state consumes that state's
	// trie label, so "entered by a space" is a property of the state.)
	label := make([]uint8, len(nodes))
	for s := range nodes {
		for c := 0; c < nc; c++ {
			if n := nodes[s].next[c]; n != 0 && nodes[n].fail != -1 {
				label[n] = uint8(c)
			}
		}
	}
	for s := range nodes {
		if s == 0 || label[s] == spaceClass {
			nodes[s].next[spaceClass] = int32(s)
		}
	}
	// Renumber: states without output first, so "has output" is one
	// comparison; transitions store the target's row offset (state*nc).
	order := make([]int32, 0, len(nodes))
	for s, n := range nodes {
		if n.out == 0 && len(n.bounded) == 0 {
			order = append(order, int32(s))
		}
	}
	a.outStart = int32(len(order) * nc)
	for s, n := range nodes {
		if n.out != 0 || len(n.bounded) > 0 {
			order = append(order, int32(s))
		}
	}
	newID := make([]int32, len(nodes))
	for i, s := range order {
		newID[s] = int32(i)
	}
	a.start = newID[0] * int32(nc)
	a.delta = make([]int32, len(nodes)*nc)
	a.out = make([]uint32, len(nodes))
	a.bounded = make([][]boundedOut, len(nodes))
	for i, s := range order {
		n := nodes[s]
		for c := 0; c < nc; c++ {
			a.delta[i*nc+c] = newID[n.next[c]] * int32(nc)
		}
		a.out[i] = n.out
		a.bounded[i] = n.bounded
	}
	return a
}

// scan returns the union of the masks of keywords found in s, stopping
// early once every bit of want is set. It does not allocate.
func (a *automaton) scan(s string, found, want uint32) uint32 {
	if found&want == want {
		return found
	}
	nc := int32(a.numClasses)
	off := a.start
	delta, classOf, outStart := a.delta, &a.classOf, a.outStart
	for i := 0; i < len(s); i++ {
		off = delta[off+int32(classOf[s[i]])]
		if off < outStart {
			continue
		}
		st := off / nc
		found |= a.out[st]
		for _, b := range a.bounded[st] {
			start := i - b.length + 1
			if (start == 0 || !isAlnumByte(s[start-1])) && (i+1 == len(s) || !isAlnumByte(s[i+1])) {
				found |= b.mask
			}
		}
		if found&want == want {
			return found
		}
	}
	return found
}

// compatFold returns s with compatibility characters folded (NFKC) when it
// holds any a post may spell keywords in: mathematical bold and italic
// letters and digits ("𝗖𝗮𝗺𝗮𝘁", U+1D400–U+1D7FF) or full-width forms
// ("ｋａｍｐａｎｙｅ", U+FF01–U+FF5E). The tokens are folded the same way
// (appendNorm), but the automaton reads raw bytes. Text without them is
// returned as it is, at the cost of three byte searches.
func compatFold(s string) string {
	if !strings.Contains(s, "\xF0\x9D") && !strings.Contains(s, "\xEF\xBC") && !strings.Contains(s, "\xEF\xBD") {
		return s
	}
	return norm.NFKC.String(s)
}
