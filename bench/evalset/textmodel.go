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
	exclude := fs.String("exclude", "", "file of phrases (one per line, # comments) no n-gram may contain")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("textmodel: name at least one labelled JSONL file")
	}
	ex, err := readPhrases(*exclude)
	if err != nil {
		return err
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
	m, err := textmodel.Fit(texts, pos, textmodel.FitOptions{MinDF: *minDF, C: *c, Iterations: *iters, Exclude: ex})
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
	exFlag := ""
	if *exclude != "" {
		exFlag = " -exclude " + *exclude
	}
	header := fmt.Sprintf("Netra word model: logistic regression over TF-IDF words and word pairs.\nfitted: go run ./bench/evalset textmodel -c %g -min-df %d -iterations %d%s %s\n(%d texts, %d partisan; aggregate left out). Refit after the training files change.",
		*c, *minDF, *iters, exFlag, strings.Join(fs.Args(), " "), len(texts), count(pos))
	if err := m.Write(w, header); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "textmodel: %d texts, %d n-grams, bias %.3f\n", len(texts), len(m.Terms), m.Bias)
	return nil
}

// readPhrases reads lowercase phrases, one per line, skipping blank lines
// and # comments; "" reads nothing.
func readPhrases(name string) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var phrases []string
	for i, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		p := strings.Join(strings.Fields(line), " ")
		if p == "" {
			continue
		}
		if strings.ToLower(p) != p {
			return nil, fmt.Errorf("%s:%d: %q is not lowercase", name, i+1, p)
		}
		phrases = append(phrases, p)
	}
	return phrases, nil
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
