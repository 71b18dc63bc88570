package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/classifier"
	"github.com/spf13/cobra"
)

// labelled is one line of a labelled evaluation file.
type labelled struct {
	ID    string `json:"id"`
	URL   string `json:"url"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Label string `json:"label"`
	// Kind ("news", "post"), when the file gives one, splits the figures.
	Kind string `json:"kind"`
}

// evalReport is what `netra eval --json` prints.
type evalReport struct {
	File     string `json:"file"`
	Positive string `json:"positive"`
	Items    int    `json:"items"`
	confusion
	F1 float64 `json:"f1"`
	// PrecisionCI and RecallCI are 95% Wilson score intervals: with a
	// handful of cases a figure moves by a tenth with one text, and the
	// interval says how far.
	PrecisionCI [2]float64            `json:"precision_ci"`
	RecallCI    [2]float64            `json:"recall_ci"`
	ByLabel     map[string]labelCount `json:"by_label"`
	Categories  map[string]int        `json:"categories"`
	Rules       []ruleStats           `json:"rules"`
	Aggregate   labelCount            `json:"aggregate"`
	Brier       float64               `json:"brier"`
	Reliability []reliabilityBin      `json:"reliability"`
	// ByKind splits precision and recall by the records' kind, when the
	// file gives one: news and posts are read differently.
	ByKind map[string]confusion `json:"by_kind,omitempty"`
	// Misses counts the missed cases by what stopped them (see
	// missReason): where the misses of a set kept for measuring lie,
	// without reading its texts.
	Misses map[string]int `json:"misses,omitempty"`
	// Overruled counts the flags that rest on the word model alone: an
	// article whose every ASN match a cue cancelled (hits of mode
	// overruled), and how many of them are positives.
	Overruled   overruledCount `json:"overruled"`
	FalsePos    []string       `json:"false_positives"`
	FalseNeg    []string       `json:"false_negatives"`
	RuleVersion string         `json:"rules_version"`
}

// overruledCount is how many flags rest on the word model's reading of an
// article whose ASN matches were all cancelled, and how many are right.
type overruledCount struct {
	Flagged  int `json:"flagged"`
	Positive int `json:"positive"`
}

// aggregateLabel marks news that reports totals of cases with no
// identifiable incident (GUIDE.md): either verdict is accepted, so these
// records are left out of precision and recall and reported apart.
const aggregateLabel = "aggregate"

// reliabilityBin is one row of the reliability table: of the records whose
// score fell in [Lo, Hi), how many there were and what share was positive.
type reliabilityBin struct {
	Lo       float64 `json:"lo"`
	Hi       float64 `json:"hi"`
	Items    int     `json:"items"`
	Positive int     `json:"positive"`
	MeanProb float64 `json:"mean_score"`
}

// confusion holds the confusion counts and the precision and recall they
// give, of a whole file or of one kind of its records.
type confusion struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	TN        int     `json:"tn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

type labelCount struct {
	Items   int `json:"items"`
	Flagged int `json:"flagged"`
}

// ruleStats follows Snorkel's labelling-function summary: coverage is the
// share of items the rule fired on, overlap the share where it and another
// rule fired, conflict the share where it fired together with a rule of
// the other polarity (flagging vs non-flagging).
type ruleStats struct {
	Rule     string  `json:"rule"`
	Flags    bool    `json:"flags"`
	Fired    int     `json:"fired"`
	OnPos    int     `json:"on_positive"`
	OnNeg    int     `json:"on_negative"`
	Coverage float64 `json:"coverage"`
	Overlap  float64 `json:"overlap"`
	Conflict float64 `json:"conflict"`
}

func newEvalCmd(g *globals) *cobra.Command {
	var asJSON, verbose, reviewed bool
	var positive string
	cmd := &cobra.Command{
		Use:   "eval [--json] [--positive LABEL] LABELED.jsonl... | --reviewed",
		Short: "Precision, recall and F1 against a labelled set",
		Long: `Classify every record of a labelled JSONL file (fields id, title, text,
label) and compare: a record is a predicted positive when its verdict is
flagged, and a true positive when its label is --positive (default
"partisan"); every other label is a negative, except "aggregate" (news of
totals with no identifiable incident), where either verdict is accepted:
those records are left out of precision, recall, F1, the Brier score and
the rule statistics and reported apart. Prints precision, recall, F1, the
confusion matrix, the missed cases counted by what stopped them, flags per
label, categories, the Brier score and a reliability table of the verdict
score, and per-rule coverage, overlap and conflict.

--reviewed measures against the store's reviewed records instead of a file:
confirmed records are partisan, dismissed ones take the label of the
reason that starts their note (not_asn → official_non_asn, norm →
neutrality, not_election and other → unrelated; duplicate and wrong_place
say nothing about the text and are left out; no reason → unrelated). It
also lists what the classifier in use (--rules DIR for a new pack) would
newly flag or stop flagging against the verdicts stored with them. --explain (or -v) lists false positives and negatives.

With several files, eval prints one row per file (precision, recall,
counts, neutrality and aggregate texts flagged, Brier score) and the
totals over all of them; --json then prints one report per line.`,
		Example: `  netra eval ../shared/data/eval/dev2.jsonl
  netra eval --json testdata/eval/test-news.jsonl
  netra eval ../shared/data/eval/dev.jsonl ../shared/data/eval/dev3.jsonl testdata/eval/tune-*.jsonl`,
		Args: func(cmd *cobra.Command, args []string) error {
			if reviewed {
				return cobra.NoArgs(cmd, args)
			}
			return cobra.MinimumNArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := classifierFor(g)
			if err != nil {
				return err
			}
			if len(args) > 1 {
				return evalMany(cmd.OutOrStdout(), c, args, positive, asJSON, verbose)
			}
			var recs []labelled
			var rev []reviewedLabel
			name := ""
			if reviewed {
				st, err := openStore(cmd.Context(), g, nil)
				if err != nil {
					return err
				}
				rev, err = reviewedLabels(cmd.Context(), st)
				st.Close()
				if err != nil {
					return err
				}
				if len(rev) == 0 {
					return netra.WithHint(fmt.Errorf("eval: the store has no reviewed records"), "confirm or dismiss items in the review app (netra serve) first")
				}
				for _, r := range rev {
					recs = append(recs, r.labelled)
				}
				name = "reviewed records"
			} else {
				name = args[0]
				if recs, err = readLabelled(name); err != nil {
					return err
				}
			}
			if err := checkPositive(recs, positive, name); err != nil {
				return err
			}
			rep, details := evaluate(c, recs, positive)
			rep.File = name
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetEscapeHTML(false)
				return enc.Encode(rep)
			}
			printEval(cmd.OutOrStdout(), rep)
			if verbose {
				printErrors(cmd.OutOrStdout(), details)
			}
			if reviewed {
				printChanges(cmd.OutOrStdout(), c, rev)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().StringVar(&positive, "positive", "partisan", "the label that counts as positive")
	cmd.Flags().BoolVarP(&verbose, "explain", "v", false, "list false positives and false negatives with their evidence")
	cmd.Flags().BoolVar(&reviewed, "reviewed", false, "measure against the store's confirmed and dismissed records instead of a file")
	return cmd
}

// checkPositive refuses a --positive label no record carries: a typo
// there would otherwise print precision and recall of 0 as if measured.
func checkPositive(recs []labelled, positive, file string) error {
	seen := map[string]bool{}
	for _, r := range recs {
		if r.Label == positive {
			return nil
		}
		seen[r.Label] = true
	}
	labels := make([]string, 0, len(seen))
	for l := range seen {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	return netra.WithHint(fmt.Errorf("eval: %s: no record has the positive label %q", file, positive),
		"labels in the file: "+strings.Join(labels, ", ")+"; choose one with --positive")
}

func readLabelled(name string) ([]labelled, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var out []labelled
	br := bufio.NewReaderSize(f, 1<<20)
	line := 0
	for {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			line++
			if s := strings.TrimSpace(string(b)); s != "" {
				var r labelled
				if err := json.Unmarshal([]byte(s), &r); err != nil {
					return nil, fmt.Errorf("eval: %s:%d: %w", name, line, err)
				}
				if r.Label == "" {
					return nil, fmt.Errorf("eval: %s:%d: missing field label", name, line)
				}
				if r.ID == "" {
					r.ID = fmt.Sprintf("line%d", line)
				}
				out = append(out, r)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", name, err)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("eval: %s: no records", name)
	}
	return out, nil
}

type evalDetail struct {
	rec     labelled
	verdict netra.Verdict
	pos     bool
	skip    bool // an aggregate record: either verdict is right
	// why says, for a missed positive, what stopped the classifier.
	why string
}

func evaluate(c *classifier.Classifier, recs []labelled, positive string) (evalReport, []evalDetail) {
	rep := evalReport{Positive: positive, Items: len(recs), ByLabel: map[string]labelCount{}, Categories: map[string]int{}, RuleVersion: c.RulesVersion()}
	stats := map[string]*ruleStats{}
	for _, r := range c.Pack().Rules {
		stats[r.ID] = &ruleStats{Rule: r.ID, Flags: r.Flag}
	}
	var details []evalDetail
	bins := make([]reliabilityBin, 10)
	for i := range bins {
		bins[i].Lo, bins[i].Hi = float64(i)/10, float64(i+1)/10
	}
	var sqErr float64
	scored := 0
	for _, r := range recs {
		v := c.Classify(netra.Item{ID: r.ID, URL: r.URL, Title: r.Title, Text: r.Text})
		pos := r.Label == positive
		lc := rep.ByLabel[r.Label]
		lc.Items++
		if v.Flagged {
			lc.Flagged++
		}
		rep.ByLabel[r.Label] = lc
		if r.Label == aggregateLabel && positive != aggregateLabel {
			rep.Aggregate.Items++
			if v.Flagged {
				rep.Aggregate.Flagged++
			}
			details = append(details, evalDetail{rec: r, verdict: v, pos: pos, skip: true})
			continue
		}
		scored++
		y := 0.0
		if pos {
			y = 1
		}
		sqErr += (v.Score - y) * (v.Score - y)
		b := &bins[min(int(v.Score*10), 9)]
		b.Items++
		b.MeanProb += v.Score
		if pos {
			b.Positive++
		}
		var ks confusion
		if r.Kind != "" {
			if rep.ByKind == nil {
				rep.ByKind = map[string]confusion{}
			}
			ks = rep.ByKind[r.Kind]
		}
		switch {
		case v.Flagged && pos:
			rep.TP++
			ks.TP++
		case v.Flagged && !pos:
			rep.FP++
			ks.FP++
			rep.FalsePos = append(rep.FalsePos, r.ID)
		case !v.Flagged && pos:
			rep.FN++
			ks.FN++
			rep.FalseNeg = append(rep.FalseNeg, r.ID)
		default:
			rep.TN++
			ks.TN++
		}
		if r.Kind != "" {
			rep.ByKind[r.Kind] = ks
		}
		for _, cat := range v.Categories {
			rep.Categories[cat]++
		}
		fired := map[string]bool{}
		for _, h := range v.Hits {
			fired[h.Rule] = true
		}
		for id := range fired {
			s := stats[id]
			if s == nil {
				continue
			}
			s.Fired++
			if pos {
				s.OnPos++
			} else {
				s.OnNeg++
			}
			other, conflict := false, false
			for id2 := range fired {
				if id2 == id {
					continue
				}
				other = true
				if s2 := stats[id2]; (s2 != nil && s2.Flags) != s.Flags {
					conflict = true
				}
			}
			if other {
				s.Overlap++
			}
			if conflict {
				s.Conflict++
			}
		}
		d := evalDetail{rec: r, verdict: v, pos: pos}
		if v.Overruled() {
			rep.Overruled.Flagged++
			if pos {
				rep.Overruled.Positive++
			}
		}
		if pos && !v.Flagged {
			var kind string
			kind, d.why = missReason(c, netra.Item{ID: r.ID, URL: r.URL, Title: r.Title, Text: r.Text}, v)
			if rep.Misses == nil {
				rep.Misses = map[string]int{}
			}
			rep.Misses[kind]++
		}
		details = append(details, d)
	}
	if scored > 0 {
		rep.Brier = round4(sqErr / float64(scored))
	}
	for _, b := range bins {
		if b.Items > 0 {
			b.MeanProb = round4(b.MeanProb / float64(b.Items))
			rep.Reliability = append(rep.Reliability, b)
		}
	}
	rep.Precision = ratio(rep.TP, rep.TP+rep.FP)
	rep.Recall = ratio(rep.TP, rep.TP+rep.FN)
	rep.PrecisionCI = wilson(rep.TP, rep.TP+rep.FP)
	rep.RecallCI = wilson(rep.TP, rep.TP+rep.FN)
	if rep.Precision+rep.Recall > 0 {
		rep.F1 = round4(2 * rep.Precision * rep.Recall / (rep.Precision + rep.Recall))
	}
	for k, ks := range rep.ByKind {
		ks.Precision, ks.Recall = ratio(ks.TP, ks.TP+ks.FP), ratio(ks.TP, ks.TP+ks.FN)
		rep.ByKind[k] = ks
	}
	n := float64(max(scored, 1))
	for _, r := range c.Pack().Rules {
		s := stats[r.ID]
		s.Coverage = round4(float64(s.Fired) / n)
		s.Overlap = round4(s.Overlap / n)
		s.Conflict = round4(s.Conflict / n)
		rep.Rules = append(rep.Rules, *s)
	}
	return rep, details
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return round4(float64(a) / float64(b))
}

// wilson returns the 95% Wilson score interval of k successes in n
// trials, rounded to four places; [0, 0] when n is 0. Unlike the normal
// approximation it stays inside [0, 1] and means something at k = n and
// with few trials, which is what the labelled sets have.
func wilson(k, n int) [2]float64 {
	if n == 0 {
		return [2]float64{}
	}
	const z = 1.959964
	p, nf := float64(k)/float64(n), float64(n)
	d := 1 + z*z/nf
	c := (p + z*z/(2*nf)) / d
	h := z / d * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf))
	return [2]float64{round4(max(0, c-h)), round4(min(1, c+h))}
}

func round4(x float64) float64 { return float64(int64(x*10000+0.5)) / 10000 }

func printEval(w io.Writer, rep evalReport) {
	fmt.Fprintf(w, "%s: %d items, positive label %q, rules %s\n\n", rep.File, rep.Items, rep.Positive, rep.RuleVersion)
	fmt.Fprintf(w, "precision %.4f  recall %.4f  F1 %.4f\n", rep.Precision, rep.Recall, rep.F1)
	fmt.Fprintf(w, "95%% interval (Wilson): precision %.2f–%.2f over %d flagged, recall %.2f–%.2f over %d cases\n\n",
		rep.PrecisionCI[0], rep.PrecisionCI[1], rep.TP+rep.FP, rep.RecallCI[0], rep.RecallCI[1], rep.TP+rep.FN)
	fmt.Fprintf(w, "                 flagged  not flagged\n")
	fmt.Fprintf(w, "  %-14s %7d  %11d\n", rep.Positive, rep.TP, rep.FN)
	fmt.Fprintf(w, "  %-14s %7d  %11d\n\n", "other", rep.FP, rep.TN)
	if rep.Aggregate.Items > 0 {
		fmt.Fprintf(w, "aggregate (either verdict accepted, left out above): %d items, %d flagged\n\n", rep.Aggregate.Items, rep.Aggregate.Flagged)
	}
	if rep.Overruled.Flagged > 0 {
		fmt.Fprintf(w, "flagged on the word model alone (every ASN match cancelled, mode overruled): %d, %d of them %s\n\n", rep.Overruled.Flagged, rep.Overruled.Positive, rep.Positive)
	}
	if len(rep.Misses) > 0 {
		// Most frequent first; --explain lists the texts.
		kinds := slices.Sorted(maps.Keys(rep.Misses))
		slices.SortStableFunc(kinds, func(a, b string) int { return rep.Misses[b] - rep.Misses[a] })
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "missed because	cases	")
		for _, k := range kinds {
			fmt.Fprintf(tw, "%s\t%d\t\n", k, rep.Misses[k])
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	if len(rep.ByKind) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "kind\tprecision\trecall\ttp\tfp\tfn\ttn\t")
		for _, k := range slices.Sorted(maps.Keys(rep.ByKind)) {
			ks := rep.ByKind[k]
			fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%d\t%d\t%d\t%d\t\n", k, ks.Precision, ks.Recall, ks.TP, ks.FP, ks.FN, ks.TN)
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "Brier score %.4f over %d items\n", rep.Brier, rep.TP+rep.FP+rep.FN+rep.TN)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "score\titems\tmean score\tshare positive\t")
	for _, b := range rep.Reliability {
		fmt.Fprintf(tw, "%.1f–%.1f\t%d\t%.3f\t%.3f\t\n", b.Lo, b.Hi, b.Items, b.MeanProb, float64(b.Positive)/float64(b.Items))
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "label\titems\tflagged\t")
	for _, l := range slices.Sorted(maps.Keys(rep.ByLabel)) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t\n", l, rep.ByLabel[l].Items, rep.ByLabel[l].Flagged)
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "category\titems\t")
	for _, cat := range slices.Sorted(maps.Keys(rep.Categories)) {
		fmt.Fprintf(tw, "%s\t%d\t\n", cat, rep.Categories[cat])
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "rule\tflags\tfired\ton positive\ton negative\tcoverage\toverlap\tconflict\t")
	for _, s := range rep.Rules {
		fmt.Fprintf(tw, "%s\t%v\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", s.Rule, s.Flags, s.Fired, s.OnPos, s.OnNeg, s.Coverage, s.Overlap, s.Conflict)
	}
	tw.Flush()
}

func printErrors(w io.Writer, details []evalDetail) {
	for _, kind := range []string{"false positive", "false negative"} {
		fmt.Fprintf(w, "\n%ss:\n", kind)
		for _, d := range details {
			fp := d.verdict.Flagged && !d.pos && !d.skip
			fn := !d.verdict.Flagged && d.pos
			if (kind == "false positive" && !fp) || (kind == "false negative" && !fn) {
				continue
			}
			fmt.Fprintf(w, "- %s [%s] score %.3f %s\n", d.rec.ID, d.rec.Label, d.verdict.Score, truncate(d.rec.Title, 100))
			if d.why != "" {
				fmt.Fprintf(w, "    why: %s\n", d.why)
			}
			for _, h := range d.verdict.Hits {
				how := ""
				if h.Mode == netra.ModeOverruled {
					// The flag rests on the word model: say what the rules
					// had read the sentence as.
					how = fmt.Sprintf(" (overruled, cancelled as %s)", h.CancelledAs)
				}
				fmt.Fprintf(w, "    %s %v%s: %s\n", h.Rule, h.Terms, how, truncate(h.Sentence, 160))
			}
		}
	}
}

// missReason says in one line why a positive went unflagged: the first
// stage passed it over, a sentence's discourse cancelled the match, a rule
// came near, or the evidence scored under the threshold. kind names the
// reason without the text ("cancelled: rule", "near a rule: no target"),
// for counts.
func missReason(c *classifier.Classifier, it netra.Item, v netra.Verdict) (kind, why string) {
	if !c.Candidate(it.Title, it.Text) {
		return "first stage", "first stage: no actor keyword together with an act keyword"
	}
	if len(v.Hits) > 0 {
		return "under the threshold", fmt.Sprintf("hits scored %.3f, under the threshold", v.Score)
	}
	if len(v.Suppressed) > 0 {
		h := v.Suppressed[0]
		return "cancelled: " + h.Mode, fmt.Sprintf("%s cancelled as %s (cue %q): %s", h.Rule, h.Mode, h.Cue, truncate(h.Sentence, 120))
	}
	if near := c.NearMisses(it); len(near) > 0 {
		return "near a rule: " + near[0].Lacks, fmt.Sprintf("near %s, %s: %s", near[0].Rule, near[0].Why, truncate(near[0].Sentence, 120))
	}
	return "no rule", "no rule found its act with another of its roles in any sentence"
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n] + "…"
}
