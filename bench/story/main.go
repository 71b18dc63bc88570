// Command story measures the story grouping of package story on the bench
// corpora: precision and recall on a labelled sample of pairs (threshold
// chosen on the tuning half, scored on the test half) and grouping
// throughput and peak memory over all documents.
//
//	go run ./bench/story -data /work/shared/data/bench -pairs story/testdata/pairs.jsonl
//
// With -sample FILE it instead draws candidate pairs for labelling (see
// sample).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/netra-id/netra/story"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "story:", err)
		os.Exit(1)
	}
}

// run parses the flags and does what they ask.
func run() error {
	dataDir := flag.String("data", "", "directory with posts.jsonl and news.jsonl")
	pairsPath := flag.String("pairs", "story/testdata/pairs.jsonl", "labelled pairs")
	holdPath := flag.String("holdout", "", "holdout list to leave out (default DATA/../eval/holdout.txt when it exists)")
	threshold := flag.Float64("threshold", 0, "grouping threshold (default: the one chosen on the tuning half)")
	shingle := flag.Int("shingle", story.DefaultShingle, "words per shingle")
	rows := flag.Int("rows", story.DefaultRows, "signature values per LSH band")
	sampleOut := flag.String("sample", "", "draw candidate pairs for labelling into this JSONL file instead")
	viewOut := flag.String("view", "", "with -sample: reading view with the texts (do not commit)")
	perBin := flag.Int("per-bin", 15, "with -sample: pairs per similarity bin and corpus")
	random := flag.Int("random", 40, "with -sample: random pairs")
	seed := flag.Uint64("seed", 12, "with -sample: random seed")
	flag.Parse()
	if *dataDir == "" {
		return fmt.Errorf("-data is required")
	}
	hp := *holdPath
	if hp == "" {
		def := filepath.Join(*dataDir, "..", "eval", "holdout.txt")
		if _, err := os.Stat(def); err == nil {
			hp = def
		}
	}
	hold, err := readHoldout(hp)
	if err != nil {
		return err
	}
	if *sampleOut != "" {
		if *viewOut == "" {
			return fmt.Errorf("-sample needs -view")
		}
		return sample(*dataDir, hold, *perBin, *random, *seed, *sampleOut, *viewOut)
	}
	fmt.Printf("holdout list: %d posts and pages to leave out (%s)\n", hold.size(), hp)
	opts := []story.Option{story.WithShingle(*shingle), story.WithRows(*rows)}

	// Pass 1: signatures of the labelled pairs' documents; tune on one half.
	ps, err := readPairs(*pairsPath)
	if err != nil {
		return err
	}
	need := map[string]bool{}
	for _, p := range ps {
		need[p.A], need[p.B] = true, true
	}
	sigs := map[string]story.Sig{}
	isNews := map[string]bool{}
	g0 := story.New(opts...)
	if err := eachDoc(*dataDir, hold, func(d doc) error {
		if need[d.ID] {
			sigs[d.ID] = g0.Signature(d.Title, d.Text)
			isNews[d.ID] = d.URL != ""
		}
		return nil
	}); err != nil {
		return err
	}
	for id := range need {
		if _, ok := sigs[id]; !ok {
			return fmt.Errorf("pair id %q not in the corpora (or held out)", id)
		}
	}
	nTune := 0
	for _, p := range ps {
		if p.tune() {
			nTune++
		}
	}
	fmt.Printf("pairs: %d labelled (%d tune, %d test), shingle %d words, %d-row bands\n", len(ps), nTune, len(ps)-nTune, *shingle, *rows)
	fmt.Print("tune curve (threshold: F1):")
	for i := 8; i <= story.SigSize; i += 8 {
		th := float64(i) / story.SigSize
		_, _, f := scorePairs(ps, sigs, th, pair.tune).prf()
		fmt.Printf(" %.3f: %.3f", th, f)
	}
	fmt.Println()
	t, tc := bestThreshold(ps, sigs)
	fmt.Printf("tune:  threshold %.3f (best F1)  %v\n", t, tc)
	test := func(p pair) bool { return !p.tune() }
	fmt.Printf("test:  Similar ≥ %.3f            %v\n", t, scorePairs(ps, sigs, t, test))
	fmt.Printf("         posts only               %v\n", scorePairs(ps, sigs, t, func(p pair) bool { return test(p) && !isNews[p.A] }))
	fmt.Printf("         news only                %v\n", scorePairs(ps, sigs, t, func(p pair) bool { return test(p) && isNews[p.A] }))
	if *threshold > 0 {
		t = *threshold
		fmt.Printf("test:  Similar ≥ %.3f (-threshold) %v\n", t, scorePairs(ps, sigs, t, test))
	}

	// Pass 2: group everything, timed.
	g := story.New(append(opts, story.WithThreshold(t))...)
	var docs, bytes int
	size := map[string]int{}
	var signT, addT time.Duration
	start := time.Now()
	if err := eachDoc(*dataDir, hold, func(d doc) error {
		t0 := time.Now()
		s := g.Signature(d.Title, d.Text)
		t1 := time.Now()
		size[g.Add(d.ID, s)]++
		signT += t1.Sub(t0)
		addT += time.Since(t1)
		docs++
		bytes += len(d.Title) + len(d.Text)
		return nil
	}); err != nil {
		return err
	}
	wall := time.Since(start)
	var grouped counts
	for _, p := range ps {
		if test(p) {
			a, _ := g.StoryOf(p.A)
			b, _ := g.StoryOf(p.B)
			grouped.add(a == b, p.Same)
		}
	}
	fmt.Printf("test:  grouped by Add (all docs)  %v\n", grouped)
	multi, inMulti, largest := 0, 0, 0
	for _, n := range size {
		if n > 1 {
			multi++
			inMulti += n
		}
		largest = max(largest, n)
	}
	fmt.Printf("grouping: %d docs (%.1f MB) into %d stories; %d stories of 2 or more hold %d docs; largest %d\n",
		docs, float64(bytes)/1e6, g.Stories(), multi, inMulti, largest)
	work := signT + addT
	fmt.Printf("throughput: %.0f docs/s signature+Add (%.0f docs/s signature, %.0f docs/s Add; %.1f MB/s); %.0f docs/s with JSON decoding (wall %.2fs)\n",
		float64(docs)/work.Seconds(), float64(docs)/signT.Seconds(), float64(docs)/addT.Seconds(),
		float64(bytes)/1e6/work.Seconds(), float64(docs)/wall.Seconds(), wall.Seconds())
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("memory: peak RSS %s, Go heap in use after grouping %.1f MB\n", peakRSS(), float64(ms.HeapInuse)/1e6)
	runtime.KeepAlive(g)
	return nil
}

// peakRSS returns the process's peak resident set size from /proc (Linux).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:"))
		}
	}
	return "unknown"
}
