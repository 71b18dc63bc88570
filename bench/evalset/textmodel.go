package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/netra-id/netra/textmodel"
)

// wordModelFlags are the options of a word-model fit, shared by the
// textmodel command and calibrate's out-of-fold fits so both fit the same
// model.
type wordModelFlags struct {
	c           float64
	minDF       int
	iters       int
	exclude     string
	properNouns int
}

func (w *wordModelFlags) register(fs *flag.FlagSet, prefix string) {
	fs.Float64Var(&w.c, prefix+"c", 4, "inverse L2 penalty of the word model")
	fs.IntVar(&w.minDF, prefix+"min-df", 2, "leave out n-grams found in fewer texts")
	fs.IntVar(&w.iters, prefix+"iterations", 3000, "gradient steps")
	fs.StringVar(&w.exclude, prefix+"exclude", "", "file of phrases (one per line, # comments) no n-gram may contain")
	fs.IntVar(&w.properNouns, prefix+"proper-nouns", 0, "leave out words the texts write as names at least this often (textmodel.ProperNouns); 0 keeps them")
}

// args renders the options as textmodel command flags, for model headers.
func (w *wordModelFlags) args() string {
	s := fmt.Sprintf("-c %g -min-df %d -iterations %d", w.c, w.minDF, w.iters)
	if w.exclude != "" {
		s += " -exclude " + w.exclude
	}
	if w.properNouns > 0 {
		s += fmt.Sprintf(" -proper-nouns %d", w.properNouns)
	}
	return s
}

// fit fits a word model on texts with these options.
func (w *wordModelFlags) fit(texts []string, pos []bool) (*textmodel.Model, error) {
	ex, err := readPhrases(w.exclude)
	if err != nil {
		return nil, err
	}
	if w.properNouns > 0 {
		ex = append(ex, textmodel.ProperNouns(texts, w.properNouns)...)
	}
	return textmodel.Fit(texts, pos, textmodel.FitOptions{MinDF: w.minDF, C: w.c, Iterations: w.iters, Exclude: ex})
}

// wordModelText is the text the classifier gives the word model.
func wordModelText(r evalRecord) string { return textmodel.Document(r.Title, r.Text) }

// runTextModel fits the pack's word model (textmodel.tsv) on labelled
// files: partisan against every other label, aggregate left out.
func runTextModel(args []string) error {
	fs := flag.NewFlagSet("textmodel", flag.ContinueOnError)
	out := fs.String("out", "", "model file to write (default: standard output)")
	var opt wordModelFlags
	opt.register(fs, "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("textmodel: name at least one labelled JSONL file")
	}
	var texts []string
	var pos []bool
	var perFile []string
	for _, file := range fs.Args() {
		recs, err := readEvalFile(file)
		if err != nil {
			return err
		}
		n, p := 0, 0
		for _, r := range recs {
			if r.Label == "aggregate" || r.Label == "" {
				continue
			}
			texts = append(texts, wordModelText(r))
			pos = append(pos, r.Label == "partisan")
			n++
			if r.Label == "partisan" {
				p++
			}
		}
		perFile = append(perFile, fmt.Sprintf("file %s: %d texts, %d partisan", file, n, p))
	}
	m, err := opt.fit(texts, pos)
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
	header := fmt.Sprintf("Netra word model: logistic regression over TF-IDF words and word pairs.\nfitted: go run ./bench/evalset textmodel %s %s\n(%d texts, %d partisan; aggregate left out). Refit after the training files change.",
		opt.args(), strings.Join(fs.Args(), " "), len(texts), count(pos))
	if err := m.Write(w, append([]string{header}, perFile...)...); err != nil {
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
