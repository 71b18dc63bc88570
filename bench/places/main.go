// Command places measures the place matcher (package places) against
// hand-labelled items: precision and recall for provinces and for
// kabupaten/kota.
//
//	go run ./bench/places -labels places/testdata/labels.jsonl -data ../main/testdata/eval
//
// -labels is a JSONL file of {"id", "provinces": [...], "regencies": [...]}
// (a regency entry "A|B" means the text does not say which of the two, and
// either counts); -data is a directory of JSONL files (or a comma-separated
// list of files) whose records carry "id", "title" and "text".
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/netra-id/netra/places"
)

// label is one labelled item: the codes a reader expects.
type label struct {
	ID        string   `json:"id"`
	Provinces []string `json:"provinces"`
	Regencies []string `json:"regencies"`
}

// item is a record of the data files.
type item struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// counts are true positives, false positives and false negatives.
type counts struct{ tp, fp, fn int }

func (c counts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c counts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }
func (c counts) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// score compares predicted codes with expected entries ("A" or "A|B").
// It returns the counts and the codes missed and wrongly predicted.
func score(expected, predicted []string) (c counts, missed, wrong []string) {
	used := map[string]bool{}
	pred := map[string]bool{}
	for _, p := range predicted {
		pred[p] = true
	}
	for _, e := range expected {
		hit := false
		for _, alt := range strings.Split(e, "|") {
			if pred[alt] && !used[alt] {
				used[alt], hit = true, true
				break
			}
		}
		if hit {
			c.tp++
		} else {
			c.fn++
			missed = append(missed, e)
		}
	}
	for _, p := range predicted {
		if !used[p] {
			c.fp++
			wrong = append(wrong, p)
		}
	}
	return c, missed, wrong
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "places:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("places", flag.ContinueOnError)
	labelsPath := fs.String("labels", "places/testdata/labels.jsonl", "labelled ids and expected codes (JSONL)")
	dataPath := fs.String("data", "", "directory of JSONL files, or comma-separated files, with id, title, text")
	prior := fs.String("prior", "", "the source region given to every item (province slug or name)")
	minConf := fs.Float64("min-confidence", 0, "drop places below this confidence")
	caps := fs.Bool("caps", false, "require capitals for every bare name")
	verbose := fs.Bool("v", false, "print each item's misses and wrong codes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dataPath == "" {
		return errors.New("-data is required")
	}
	labels, err := readLabels(*labelsPath)
	if err != nil {
		return err
	}
	items, err := readItems(*dataPath)
	if err != nil {
		return err
	}
	m, err := places.New(places.WithCapitalisedBareNames(*caps))
	if err != nil {
		return err
	}
	var prov, reg counts
	var bytes int
	missing := 0
	for _, l := range labels {
		it, ok := items[l.ID]
		if !ok {
			missing++
			continue
		}
		bytes += len(it.Title) + len(it.Text)
		var ps, rs []string
		for _, p := range m.Find(it.Title, it.Text, *prior) {
			if p.Confidence < *minConf {
				continue
			}
			if p.Level == places.LevelProvinsi {
				ps = append(ps, p.Code)
			} else {
				rs = append(rs, p.Code)
			}
		}
		cp, mp, wp := score(l.Provinces, ps)
		cr, mr, wr := score(l.Regencies, rs)
		prov.tp, prov.fp, prov.fn = prov.tp+cp.tp, prov.fp+cp.fp, prov.fn+cp.fn
		reg.tp, reg.fp, reg.fn = reg.tp+cr.tp, reg.fp+cr.fp, reg.fn+cr.fn
		if *verbose && len(mp)+len(wp)+len(mr)+len(wr) > 0 {
			fmt.Fprintf(out, "%s\tmissed %v %v\twrong %v %v\n", l.ID, mp, mr, wp, wr)
		}
	}
	if missing == len(labels) {
		return fmt.Errorf("none of the %d labelled ids is in %s", len(labels), *dataPath)
	}
	fmt.Fprintf(out, "items: %d labelled, %d found in the data (%d bytes)\n", len(labels), len(labels)-missing, bytes)
	fmt.Fprintf(out, "%-18s %9s %9s %9s %5s %5s %5s\n", "level", "precision", "recall", "F1", "TP", "FP", "FN")
	for _, r := range []struct {
		name string
		c    counts
	}{{"provinces", prov}, {"kabupaten/kota", reg}} {
		fmt.Fprintf(out, "%-18s %9.3f %9.3f %9.3f %5d %5d %5d\n", r.name, r.c.precision(), r.c.recall(), r.c.f1(), r.c.tp, r.c.fp, r.c.fn)
	}
	return nil
}

func readLabels(path string) ([]label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open labels: %w", err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l label
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if l.ID == "" {
			return nil, fmt.Errorf("%s:%d: no id", path, n)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read labels: %w", err)
	}
	return out, nil
}

func readItems(path string) (map[string]item, error) {
	var files []string
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		ms, err := filepath.Glob(filepath.Join(path, "*.jsonl"))
		if err != nil {
			return nil, fmt.Errorf("list data: %w", err)
		}
		files = ms
	} else {
		files = strings.Split(path, ",")
	}
	sort.Strings(files)
	items := map[string]item{}
	for _, p := range files {
		if err := readJSONL(p, items); err != nil {
			return nil, err
		}
	}
	return items, nil
}

func readJSONL(path string, items map[string]item) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open data: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 16<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		var it item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if it.ID != "" {
			items[it.ID] = it
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
