package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"

	"github.com/netra-id/netra/story"
)

// sampleRows is the LSH band width used to draw candidate pairs for
// labelling: narrower than the grouping default so that pairs of low
// similarity are found too.
const sampleRows = 2

// sample draws candidate pairs for labelling: pairs that share an LSH band
// (with sampleRows rows), stratified by similarity in bins of 0.1 and by
// corpus (posts, news), plus random pairs. It writes the pairs (ids, bin,
// similarity; no labels) as JSONL to out and a side-by-side reading view with
// the texts to view; the view is for the labeller and must not be committed.
func sample(dir string, hold holdout, perBin, random int, seed uint64, out, view string) error {
	g := story.New()
	var docs []doc
	var sigs []story.Sig
	if err := eachDoc(dir, hold, func(d doc) error {
		docs = append(docs, d)
		sigs = append(sigs, g.Signature(d.Title, d.Text))
		return nil
	}); err != nil {
		return err
	}
	type cand struct {
		a, b int
		sim  float64
	}
	seen := map[[2]int]bool{}
	var cands []cand
	buckets := map[[2]uint64][]int{}
	for i, s := range sigs {
		if s.Empty() {
			continue
		}
		for b := 0; b+sampleRows <= story.SigSize; b += sampleRows {
			k := [2]uint64{uint64(b), uint64(s[b])<<32 | uint64(s[b+1])}
			bk := buckets[k]
			for j := len(bk) - 1; j >= 0 && j >= len(bk)-8; j-- {
				p := [2]int{bk[j], i}
				if seen[p] {
					continue
				}
				seen[p] = true
				cands = append(cands, cand{bk[j], i, story.Similar(sigs[bk[j]], s)})
			}
			buckets[k] = append(bk, i)
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	kind := func(i int) string {
		if docs[i].URL != "" {
			return "news"
		}
		return "post"
	}
	taken := map[string]int{}
	type pick struct {
		cand
		drawn string
	}
	var picks []pick
	for _, c := range cands {
		if kind(c.a) != kind(c.b) || c.sim < 0.1 {
			continue
		}
		bin := fmt.Sprintf("lsh-%.1f", float64(int(c.sim*10))/10)
		key := kind(c.a) + bin
		if taken[key] >= perBin {
			continue
		}
		taken[key]++
		picks = append(picks, pick{c, bin})
	}
	for n := 0; n < random; n++ {
		a, b := rng.IntN(len(docs)), rng.IntN(len(docs))
		if a == b {
			continue
		}
		picks = append(picks, pick{cand{a, b, story.Similar(sigs[a], sigs[b])}, "random"})
	}
	sort.SliceStable(picks, func(i, j int) bool { return picks[i].drawn < picks[j].drawn })
	fo, err := os.Create(out)
	if err != nil {
		return err
	}
	defer fo.Close()
	fv, err := os.Create(view)
	if err != nil {
		return err
	}
	defer fv.Close()
	wo, wv := bufio.NewWriter(fo), bufio.NewWriter(fv)
	enc := json.NewEncoder(wo)
	for n, p := range picks {
		if err := enc.Encode(map[string]any{"n": n, "a": docs[p.a].ID, "b": docs[p.b].ID, "drawn": p.drawn, "sim": p.sim}); err != nil {
			return err
		}
		fmt.Fprintf(wv, "#%d %s sim=%.3f\n  A %s\n  B %s\n\n", n, p.drawn, p.sim, show(docs[p.a]), show(docs[p.b]))
	}
	if err := wo.Flush(); err != nil {
		return err
	}
	if err := wv.Flush(); err != nil {
		return err
	}
	fmt.Printf("%d candidate pairs, %d drawn, written to %s and %s\n", len(cands), len(picks), out, view)
	return nil
}

// show renders a document for the reading view.
func show(d doc) string {
	t := strings.Join(strings.Fields(d.Text), " ")
	if len(t) > 600 {
		t = t[:600] + "…"
	}
	if d.Title != "" {
		return fmt.Sprintf("[%s] «%s» %s", d.Source, d.Title, t)
	}
	return fmt.Sprintf("[%s] %s", d.Source, t)
}
