package main

import (
	"flag"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/netra-id/netra"
)

// example is one labelled text's features for fitting.
type example struct {
	x map[string]float64
	y float64
	// aside leaves the record out of choosing the threshold (see
	// -threshold-on); it still takes part in the fit.
	aside bool
	// line is the record's line in its input file.
	line int
	// read is the text the classifier's word model read for x's model
	// feature ("" when none): what the out-of-fold word model scores.
	read string
}

// runCalibrate fits the pack's score calibration: an L2-regularised
// logistic regression of "a reviewer confirms it" (label partisan) on the
// verdict features (rules.CalibrationFeatures) of every labelled record
// that passes the first stage; aggregate records are left out. It prints
// the calibration block for pack.yaml and the threshold that maximises F1
// on the same (tuning) data, preferring precision on ties, and with
// -min-precision the lowest threshold that keeps precision at a floor.
func runCalibrate(args []string) error {
	fs := flag.NewFlagSet("calibrate", flag.ContinueOnError)
	rulesDir := fs.String("rules", "", "rule pack directory (default: the built-in pack)")
	l2 := fs.Float64("l2", 1.0, "L2 penalty on the weights (not the bias)")
	feats := fs.String("features", "evidence,rules,sentences,allegation,title_hit,suppressed,non_asn,totals", "features to fit")
	cv := fs.Bool("cv", false, "choose the L2 penalty by leaving out one input file at a time (Brier score on the file left out) before fitting on all")
	thresholdOn := fs.String("threshold-on", "", "choose the threshold on the records of the input files whose name matches this regular expression (default: every file); the calibration is still fitted on all")
	oof := fs.Bool("oof-textmodel", false, "give text_model the logit of a word model fitted without the record's own fold (its input file, or 1000 lines of a longer one), as the pack's word model fitted on the same files would score text it has not seen")
	minP := fs.Float64("min-precision", 0, "choose the lowest threshold whose precision on the chosen records reaches this (0: the best F1)")
	examplesOut := fs.String("write-examples", "", "write every candidate record's features (after -oof-textmodel) as JSONL to this file, to study the fit outside Go")
	var wm wordModelFlags
	wm.register(fs, "tm-")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var chooseOn *regexp.Regexp
	if *thresholdOn != "" {
		re, err := regexp.Compile(*thresholdOn)
		if err != nil {
			return fmt.Errorf("calibrate: -threshold-on: %w", err)
		}
		chooseOn = re
	}
	c, err := loadClassifier(*rulesDir)
	if err != nil {
		return err
	}
	names := strings.Split(*feats, ",")
	var data []example
	var fold []int // input file of each example
	var labelled []foldRecord
	for k, file := range fs.Args() {
		recs, err := readEvalFile(file)
		if err != nil {
			return err
		}
		for i, r := range recs {
			if r.Label == "aggregate" || r.Label == "" {
				continue
			}
			fr := foldRecord{rec: r, fold: fmt.Sprintf("%d/%d", k, i/oofChunk), example: -1}
			x, read := c.FeaturesRead(netra.Item{Title: r.Title, Text: r.Text})
			if x != nil {
				y := 0.0
				if r.Label == "partisan" {
					y = 1
				}
				fr.example = len(data)
				data = append(data, example{x: x, y: y, aside: chooseOn != nil && !chooseOn.MatchString(file), line: r.line, read: read})
				fold = append(fold, k)
			}
			labelled = append(labelled, fr)
		}
	}
	if len(data) == 0 {
		return fmt.Errorf("calibrate: no labelled record passed the first stage")
	}
	if *oof {
		if err := outOfFold(labelled, data, &wm); err != nil {
			return err
		}
	}
	if *examplesOut != "" {
		if err := writeExamples(*examplesOut, data, fold, fs.Args()); err != nil {
			return err
		}
	}
	if *cv {
		*l2 = chooseL2(data, fold, len(fs.Args()), names)
	}
	w, b := fitLogistic(data, names, *l2)
	how := ""
	if *oof {
		how = ", text_model out of fold: " + wm.args()
	}
	fmt.Printf("# fitted on %d candidate records of %s (l2 %.2f%s)\n", len(data), strings.Join(fs.Args(), ", "), *l2, how)
	fmt.Println("calibration:")
	fmt.Printf("  bias: %.3f\n  weights:\n", b)
	for i, n := range names {
		fmt.Printf("    %s: %.3f\n", n, w[i])
	}
	if *cv {
		leaveOneOut(data, fold, fs.Args(), names, *l2, *minP)
	}
	on := "these records"
	if chooseOn != nil {
		on = "the records of the files matching " + chooseOn.String()
	}
	best := bestThreshold(data, names, w, b)
	fmt.Printf("# best F1 on %s from threshold %.3f to %.3f\n", on, best.lo, best.hi)
	fmt.Printf("# threshold with the best F1 on %s: %.3f (F1 %.3f, P %.3f, R %.3f)\n", on, best.t, best.f1, best.p, best.r)
	if *minP > 0 {
		th, ok := precisionThreshold(data, names, w, b, *minP)
		if !ok {
			fmt.Printf("# no threshold reaches precision %.3f on %s: the best F1 stands\n", *minP, on)
		} else {
			fmt.Printf("# lowest threshold with precision at least %.3f on %s: %.3f (F1 %.3f, P %.3f, R %.3f)\n", *minP, on, th.t, th.f1, th.p, th.r)
		}
	}
	return nil
}

// threshold is the choice of a flagging threshold on fitted records.
type threshold struct {
	t, lo, hi float64 // the choice, and the range of grid thresholds it stands for
	f1, p, r  float64 // F1, precision and recall there
}

// cut is one grid threshold with what flagging at it gives.
type cut struct{ t, f, p, r float64 }

// thresholdCurve returns F1, precision and recall of flagging at every
// grid threshold (those that flag at least one case), over the records the
// classifier may flag (canFlag), leaving out the records set aside from
// the choice.
func thresholdCurve(data []example, names []string, w []float64, b float64) []cut {
	// A fold that left out every chosen case chooses on all its records.
	honourAside := slices.ContainsFunc(data, func(e example) bool { return !e.aside && e.y == 1 })
	type scored struct{ p, y float64 }
	var ps []scored
	pos := 0.0
	for _, e := range data {
		if e.aside && honourAside {
			continue
		}
		pos += e.y
		if canFlag(e.x) {
			ps = append(ps, scored{predict(e.x, names, w, b), e.y})
		}
	}
	var cuts []cut
	for t := 0.05; t < 0.951; t += 0.025 {
		tp, fp := 0.0, 0.0
		for _, s := range ps {
			if s.p >= t {
				if s.y == 1 {
					tp++
				} else {
					fp++
				}
			}
		}
		if tp == 0 {
			continue
		}
		p, r := tp/(tp+fp), tp/pos
		cuts = append(cuts, cut{t, 2 * p * r / (p + r), p, r})
	}
	return cuts
}

// bestThreshold returns the threshold with the best F1 over the records
// the classifier may flag (ties: the best precision) for weights w and bias b,
// leaving out the records set aside from the choice.
func bestThreshold(data []example, names []string, w []float64, b float64) threshold {
	cuts := thresholdCurve(data, names, w, b)
	bestF, bestP := -1.0, 0.0
	for _, c := range cuts {
		if c.f > bestF+1e-9 || (math.Abs(c.f-bestF) < 1e-9 && c.p > bestP) {
			bestF, bestP = c.f, c.p
		}
	}
	// Every grid threshold with the best F1 (and, among those, the best
	// precision) forms a range that separates the tuning data equally
	// well; its middle is the choice least tied to where the grid fell.
	lo, hi, r := -1.0, -1.0, 0.0
	for _, c := range cuts {
		if math.Abs(c.f-bestF) < 1e-9 && math.Abs(c.p-bestP) < 1e-9 {
			if lo < 0 {
				lo, r = c.t, c.r
			}
			hi = c.t
		}
	}
	return threshold{t: math.Round((lo+hi)/2*1000) / 1000, lo: lo, hi: hi, f1: bestF, p: bestP, r: r}
}

// precisionThreshold returns the lowest grid threshold at which the
// precision over the chosen records reaches minP: the most cases a queue
// can hold while a reviewer can still trust it that much. Where F1 is
// flat over a wide range of thresholds, as it is on this data, the best F1
// falls anywhere in that range from one fit to the next; a precision floor
// does not. ok is false when no threshold reaches minP.
func precisionThreshold(data []example, names []string, w []float64, b float64, minP float64) (th threshold, ok bool) {
	for _, c := range thresholdCurve(data, names, w, b) {
		if c.p >= minP {
			return threshold{t: math.Round(c.t*1000) / 1000, lo: c.t, hi: c.t, f1: c.f, p: c.p, r: c.r}, true
		}
	}
	return threshold{}, false
}

// chooseThreshold applies the threshold rule of the run: the precision
// floor minP when it is set and reachable, else the best F1.
func chooseThreshold(data []example, names []string, w []float64, b float64, minP float64) threshold {
	if minP > 0 {
		if th, ok := precisionThreshold(data, names, w, b, minP); ok {
			return th
		}
	}
	return bestThreshold(data, names, w, b)
}

// leaveOneOut prints, for each input file, precision and recall on it of
// a calibration and threshold fitted without it: what the fit would do on
// a source it has not seen.
func leaveOneOut(data []example, fold []int, files []string, names []string, l2, minP float64) {
	fmt.Println("# left out: calibration and threshold fitted on the other files; tp/fp and P / R of flagging on the file")
	for k, file := range files {
		train, test := splitFold(data, fold, k)
		if len(test) == 0 || len(train) == 0 {
			continue
		}
		w, b := fitLogistic(train, names, l2)
		th := chooseThreshold(train, names, w, b, minP)
		var tp, fp, pos float64
		for _, e := range test {
			pos += e.y
			if canFlag(e.x) && predict(e.x, names, w, b) >= th.t {
				tp += e.y
				fp += 1 - e.y
			}
		}
		fmt.Printf("# %-44s t %.3f  %3.0f/%-3.0f P %.3f R %.3f (of the %.0f partisan that pass the first stage)\n", file, th.t, tp, fp, tp/math.Max(1, tp+fp), tp/math.Max(1, pos), pos)
	}
}

func predict(x map[string]float64, names []string, w []float64, b float64) float64 {
	z := b
	for i, n := range names {
		z += w[i] * x[n]
	}
	return 1 / (1 + math.Exp(-z))
}

// fitLogistic minimises the mean log loss plus l2/n·|w|² by Newton's method
// (the problem is small: a dozen features, a few thousand records).
func fitLogistic(data []example, names []string, l2 float64) ([]float64, float64) {
	k := len(names) + 1 // weights, then bias
	beta := make([]float64, k)
	row := func(e example) []float64 {
		r := make([]float64, k)
		for i, n := range names {
			r[i] = e.x[n]
		}
		r[k-1] = 1
		return r
	}
	for iter := 0; iter < 50; iter++ {
		grad := make([]float64, k)
		hess := make([][]float64, k)
		for i := range hess {
			hess[i] = make([]float64, k)
		}
		for _, e := range data {
			r := row(e)
			z := 0.0
			for i := range r {
				z += beta[i] * r[i]
			}
			p := 1 / (1 + math.Exp(-z))
			for i := range r {
				grad[i] += (p - e.y) * r[i]
				for j := range r {
					hess[i][j] += p * (1 - p) * r[i] * r[j]
				}
			}
		}
		for i := 0; i < k-1; i++ {
			grad[i] += 2 * l2 * beta[i]
			hess[i][i] += 2 * l2
		}
		hess[k-1][k-1] += 1e-9
		step := solve(hess, grad)
		maxStep := 0.0
		for i := range beta {
			beta[i] -= step[i]
			maxStep = math.Max(maxStep, math.Abs(step[i]))
		}
		if maxStep < 1e-8 {
			break
		}
	}
	return slices.Clone(beta[:k-1]), beta[k-1]
}

// solve returns x with a·x = b by Gaussian elimination with pivoting.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(slices.Clone(a[i]), b[i])
	}
	for col := 0; col < n; col++ {
		piv := col
		for r := col + 1; r < n; r++ {
			if math.Abs(m[r][col]) > math.Abs(m[piv][col]) {
				piv = r
			}
		}
		m[col], m[piv] = m[piv], m[col]
		if math.Abs(m[col][col]) < 1e-12 {
			continue
		}
		for r := 0; r < n; r++ {
			if r == col {
				continue
			}
			f := m[r][col] / m[col][col]
			for c := col; c <= n; c++ {
				m[r][c] -= f * m[col][c]
			}
		}
	}
	x := make([]float64, n)
	for i := range x {
		if math.Abs(m[i][i]) > 1e-12 {
			x[i] = m[i][n] / m[i][i]
		}
	}
	return x
}

// evalRecord is the part of a labelled record calibration needs.
type evalRecord struct {
	Title string `json:"title"`
	Text  string `json:"text"`
	Label string `json:"label"`
	// line is where the record stands in its file (set when read).
	line int
}

func readEvalFile(name string) ([]evalRecord, error) {
	var out []evalRecord
	err := readJSONL(name, func(r evalRecord, line int) error {
		r.line = line
		out = append(out, r)
		return nil
	})
	return out, err
}

// chooseL2 picks the L2 penalty whose fits, each made without one input
// file, score the file left out best (mean Brier score over the files), and
// prints the table. Fitting and scoring on the same records rewards weights
// that are too sure of themselves; a file left out is text the fit has not
// seen, as next week's news will be.
func chooseL2(data []example, fold []int, folds int, names []string) float64 {
	grid := []float64{0.1, 0.3, 1, 3, 10, 30}
	best, bestBrier := 1.0, math.Inf(1)
	fmt.Println("# l2    mean Brier on the file left out (per file)")
	for _, l2 := range grid {
		var sum float64
		var per []string
		n := 0
		for k := 0; k < folds; k++ {
			train, test := splitFold(data, fold, k)
			if len(test) == 0 || len(train) == 0 {
				continue
			}
			w, b := fitLogistic(train, names, l2)
			var se float64
			for _, e := range test {
				d := predict(e.x, names, w, b) - e.y
				se += d * d
			}
			br := se / float64(len(test))
			sum += br
			n++
			per = append(per, fmt.Sprintf("%.3f", br))
		}
		if n == 0 {
			continue
		}
		mean := sum / float64(n)
		fmt.Printf("# %-5g %.4f (%s)\n", l2, mean, strings.Join(per, " "))
		if mean < bestBrier {
			best, bestBrier = l2, mean
		}
	}
	fmt.Printf("# chosen l2 %g\n", best)
	return best
}

// splitFold returns the examples outside input file k and those in it.
func splitFold(data []example, fold []int, k int) (train, test []example) {
	for i, e := range data {
		if fold[i] == k {
			test = append(test, e)
		} else {
			train = append(train, e)
		}
	}
	return train, test
}
