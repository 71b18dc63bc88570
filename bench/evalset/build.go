package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// labelled is one record of the finished corpus: the sampled text, the
// adjudicated label and both annotators' labels.
type labelled struct {
	record
	Label  string `json:"label"`
	Hard   bool   `json:"hard,omitempty"`
	Actor  string `json:"actor,omitempty"`
	Act    string `json:"act,omitempty"`
	Why    string `json:"why,omitempty"`
	LabelA string `json:"label_a"`
	LabelB string `json:"label_b"`
}

// runBuild joins the sampled corpus with annotator A's and B's labels and
// the adjudication of their disagreements, refuses any disagreement left
// unadjudicated, and writes tune/test files per kind (posts, news).
func runBuild(args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	corpus := fs.String("corpus", "testdata/eval/corpus.jsonl", "the sampled corpus")
	a := fs.String("a", "", "annotator A's label files, comma-separated")
	b := fs.String("b", "", "annotator B's label files, comma-separated")
	adj := fs.String("adjudicated", "", "decisions on the records A and B disagree on")
	outDir := fs.String("out-dir", "testdata/eval", "where to write tune-*.jsonl and test-*.jsonl")
	data := fs.String("data", "", "the shared data directory: records that copy a held-out post or a text of eval/dev2.jsonl are left out")
	var incidents []*regexp.Regexp
	fs.Func("test-incident", "a regular expression naming an incident found on both sides of the split after labelling; every record it matches goes to test, so no test incident is tuned on (repeatable)", func(s string) error {
		re, err := regexp.Compile(s)
		incidents = append(incidents, re)
		return err
	})
	if err := fs.Parse(args); err != nil {
		return err
	}
	la, _, err := readLabels(*a)
	if err != nil {
		return err
	}
	lb, _, err := readLabels(*b)
	if err != nil {
		return err
	}
	ladj, _, err := readLabels(*adj)
	if err != nil {
		return err
	}
	recs, err := readCorpus(*corpus)
	if err != nil {
		return err
	}
	var held *heldOut
	if *data != "" {
		if held, err = readHeldOut(*data); err != nil {
			return err
		}
	}
	files := map[string]*json.Encoder{}
	var closers []*bufio.Writer
	var fhs []*os.File
	counts := map[string]map[string]int{}
	for _, r := range recs {
		if held != nil {
			if id := held.copyOf(r); id != "" {
				fmt.Printf("left out %s: copies held-out %s\n", r.ID, id)
				continue
			}
		}
		x, okA := la[r.ID]
		y, okB := lb[r.ID]
		if !okA || !okB {
			return fmt.Errorf("build: %s is not labelled by both annotators", r.ID)
		}
		final := x
		if x.Label != y.Label {
			d, ok := ladj[r.ID]
			if !ok {
				return fmt.Errorf("build: %s: A says %s, B says %s, and there is no adjudication", r.ID, x.Label, y.Label)
			}
			final = d
		}
		out := labelled{record: r, Label: final.Label, Hard: final.Hard || x.Hard || y.Hard, Actor: final.Actor, Act: final.Act, Why: final.Why, LabelA: x.Label, LabelB: y.Label}
		for _, re := range incidents {
			if re.MatchString(r.Title + " " + r.Text) {
				out.Split, out.Group = "test", "incident:"+re.String()
			}
		}
		r.Split = out.Split
		name := r.Split + "-" + map[string]string{"post": "posts", "news": "news"}[r.Kind] + ".jsonl"
		enc, ok := files[name]
		if !ok {
			f, err := os.Create(filepath.Join(*outDir, name))
			if err != nil {
				return err
			}
			w := bufio.NewWriter(f)
			enc = json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			files[name] = enc
			closers = append(closers, w)
			fhs = append(fhs, f)
			counts[name] = map[string]int{}
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
		counts[name][out.Label]++
	}
	for i, w := range closers {
		if err := w.Flush(); err != nil {
			return err
		}
		if err := fhs[i].Close(); err != nil {
			return err
		}
	}
	for name, c := range counts {
		fmt.Printf("%s: %v\n", name, c)
	}
	return nil
}

func readCorpus(name string) ([]record, error) {
	var out []record
	err := readJSONL(name, func(r record, _ int) error {
		out = append(out, r)
		return nil
	})
	return out, err
}
