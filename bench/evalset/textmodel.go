package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/netra-id/netra/textmodel"
)

// runTextModel fits the pack's word model (textmodel.tsv) on labelled
// files: partisan against every other label, aggregate left out.
func runTextModel(args []string) error {
	fs := flag.NewFlagSet("textmodel", flag.ContinueOnError)
	out := fs.String("out", "", "model file to write (default: standard output)")
	c := fs.Float64("c", 4, "inverse L2 penalty")
	minDF := fs.Int("min-df", 2, "leave out n-grams found in fewer texts")
	iters := fs.Int("iterations", 3000, "gradient steps")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("textmodel: name at least one labelled JSONL file")
	}
	var texts []string
	var pos []bool
	for _, file := range fs.Args() {
		recs, err := readEvalFile(file)
		if err != nil {
			return err
		}
		for _, r := range recs {
			if r.Label == "aggregate" || r.Label == "" {
				continue
			}
			texts = append(texts, r.Title+"\n"+r.Text)
			pos = append(pos, r.Label == "partisan")
		}
	}
	m, err := textmodel.Fit(texts, pos, textmodel.FitOptions{MinDF: *minDF, C: *c, Iterations: *iters})
	if err != nil {
		return err
	}
	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	header := fmt.Sprintf("Netra word model: logistic regression over TF-IDF words and word pairs.\nfitted: go run ./bench/evalset textmodel -c %g -min-df %d -iterations %d %s\n(%d texts, %d partisan; aggregate left out). Refit after the training files change.",
		*c, *minDF, *iters, strings.Join(fs.Args(), " "), len(texts), count(pos))
	if err := m.Write(w, header); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "textmodel: %d texts, %d n-grams, bias %.3f\n", len(texts), len(m.Terms), m.Bias)
	return nil
}

func count(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}
