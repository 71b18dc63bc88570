package main

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sort"

	"github.com/netra-id/netra/story"
)

// pair is one labelled pair of story/testdata/pairs.jsonl: two document ids
// and whether they belong to the same story. Drawn says how the pair was
// sampled (lsh-BIN or random); it is not used for scoring.
type pair struct {
	A     string `json:"a"`
	B     string `json:"b"`
	Same  bool   `json:"same"`
	Drawn string `json:"drawn,omitempty"`
}

// tune reports whether the pair belongs to the tuning half: the split is by
// bit 40 of the 64-bit FNV-1a hash of the two ids in sorted order (a high
// bit: FNV's lowest bit only reflects the parity of the bytes), so it does
// not depend on the order of the file or of the pair.
func (p pair) tune() bool {
	a, b := p.A, p.B
	if b < a {
		a, b = b, a
	}
	h := fnv.New64a()
	h.Write([]byte(a + "\x00" + b))
	return h.Sum64()>>40&1 == 0
}

// readPairs reads a pairs file.
func readPairs(path string) ([]pair, error) {
	var ps []pair
	err := eachLine(path, func(b []byte, line int) error {
		var p pair
		if err := json.Unmarshal(b, &p); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if p.A == "" || p.B == "" || p.A == p.B {
			return fmt.Errorf("%s:%d: a pair needs two different ids", path, line)
		}
		ps = append(ps, p)
		return nil
	})
	return ps, err
}

// counts is a confusion matrix of pair predictions.
type counts struct{ tp, fp, fn, tn int }

// add counts one prediction against its label.
func (c *counts) add(pred, same bool) {
	switch {
	case pred && same:
		c.tp++
	case pred:
		c.fp++
	case same:
		c.fn++
	default:
		c.tn++
	}
}

// prf returns precision, recall and F1 (0 where undefined).
func (c counts) prf() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// String formats the matrix with precision, recall and F1.
func (c counts) String() string {
	p, r, f := c.prf()
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d tn %d)", p, r, f, c.tp, c.fp, c.fn, c.tn)
}

// scorePairs counts pairwise predictions Similar ≥ t over the pairs selected
// by keep.
func scorePairs(ps []pair, sigs map[string]story.Sig, t float64, keep func(pair) bool) counts {
	var c counts
	for _, p := range ps {
		if keep(p) {
			c.add(story.Similar(sigs[p.A], sigs[p.B]) >= t, p.Same)
		}
	}
	return c
}

// bestThreshold returns the threshold with the best F1 on the tuning half:
// candidates are the similarities the signatures can take (multiples of
// 1/SigSize); among equal F1 the middle of the best range is taken.
func bestThreshold(ps []pair, sigs map[string]story.Sig) (float64, counts) {
	type cand struct {
		t float64
		c counts
		f float64
	}
	var cs []cand
	for i := 1; i <= story.SigSize; i++ {
		t := float64(i) / story.SigSize
		c := scorePairs(ps, sigs, t, pair.tune)
		_, _, f := c.prf()
		cs = append(cs, cand{t, c, f})
	}
	best := 0.0
	for _, c := range cs {
		best = max(best, c.f)
	}
	var top []cand
	for _, c := range cs {
		if c.f == best {
			top = append(top, c)
		}
	}
	sort.Slice(top, func(i, j int) bool { return top[i].t < top[j].t })
	m := top[len(top)/2]
	return m.t, m.c
}
