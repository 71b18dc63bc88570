package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"

	"github.com/netra-id/netra/classifier"
)

// evalMany measures several labelled files in one run, as a rule writer
// checks a change against every tuning set at once: one row per file and
// a row of totals, or with asJSON one report per line (JSONL), each as
// `netra eval --json FILE` prints it. Every file is read and checked
// before any is scored, so a bad file stops the run before the long part.
func evalMany(w io.Writer, c *classifier.Classifier, files []string, positive string, asJSON, verbose bool) error {
	sets := make([][]labelled, len(files))
	for i, name := range files {
		recs, err := readLabelled(name)
		if err != nil {
			return err
		}
		if err := checkPositive(recs, positive, name); err != nil {
			return err
		}
		sets[i] = recs
	}
	reps := make([]evalReport, len(files))
	details := make([][]evalDetail, len(files))
	for i, recs := range sets {
		reps[i], details[i] = evaluate(c, recs, positive)
		reps[i].File = files[i]
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, rep := range reps {
			if err := enc.Encode(rep); err != nil {
				return err
			}
		}
		return nil
	}
	printEvalTable(w, reps)
	if verbose {
		for i, rep := range reps {
			fmt.Fprintf(w, "\n%s\n", rep.File)
			printErrors(w, details[i])
		}
	}
	return nil
}

// neutralityLabel is GUIDE.md's label for norms, appeals and warnings: a
// flag on one is the false flag a socialisation article must not get, so
// the table shows it apart.
const neutralityLabel = "neutrality"

// printEvalTable prints one row per report and the totals of their
// confusion counts (precision and recall pooled over every file).
func printEvalTable(w io.Writer, reps []evalReport) {
	if len(reps) == 0 {
		return
	}
	fmt.Fprintf(w, "positive label %q, rules %s\n\n", reps[0].Positive, reps[0].RuleVersion)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\titems\tprecision\trecall\ttp\tfp\tfn\tneutrality flagged\taggregate flagged\tBrier\t")
	var tot confusion
	items, neutral, neutralFlagged, agg, aggFlagged := 0, 0, 0, 0, 0
	for _, r := range reps {
		n := r.ByLabel[neutralityLabel]
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%d\t%d\t%d\t%d of %d\t%d of %d\t%.4f\t\n", filepath.Base(r.File), r.Items, r.Precision, r.Recall,
			r.TP, r.FP, r.FN, n.Flagged, n.Items, r.Aggregate.Flagged, r.Aggregate.Items, r.Brier)
		tot.TP += r.TP
		tot.FP += r.FP
		tot.FN += r.FN
		items += r.Items
		neutral += n.Items
		neutralFlagged += n.Flagged
		agg += r.Aggregate.Items
		aggFlagged += r.Aggregate.Flagged
	}
	p, rc := ratio(tot.TP, tot.TP+tot.FP), ratio(tot.TP, tot.TP+tot.FN)
	fmt.Fprintf(tw, "all %d files\t%d\t%.3f\t%.3f\t%d\t%d\t%d\t%d of %d\t%d of %d\t\t\n", len(reps), items, p, rc,
		tot.TP, tot.FP, tot.FN, neutralFlagged, neutral, aggFlagged, agg)
	tw.Flush()
}
