package review

import (
	"math"
	"strconv"
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// scoreWhy is "why this score" on the item page and in the evidence
// bundle: the verdict's score parts in the order the classifier lists them
// (bias first), each scaled against the largest for a small bar, and their
// sum. A reviewer who sees only "0.87" cannot tell a flag that rests on
// four rules from one that rests on the word model's reading of the words;
// this says which.
type scoreWhy struct {
	Parts []scorePartRow
	// Sum is the log-odds the score is σ of (of the parts as stored, so
	// rounded to 3 decimals each).
	Sum float64
}

// scorePartRow is one score part as the templates show it.
type scorePartRow struct {
	Feature      string
	Value        float64
	Contribution float64
	// Bias marks the starting point, which has no value of its own.
	Bias bool
	// Model marks the word model's part (text_model, cancelled_model).
	Model bool
	// Sign is pos, neg or zero: a class, so the direction is also a shape
	// and a glyph, not colour alone.
	Sign string
	// Bar is the part's size in tenths of the largest part's (0 to 10),
	// drawn right of the centre when Sign is pos and left when neg: a
	// class (w0 … w10) rather than a width in inline style, which the
	// app's Content-Security-Policy forbids.
	Bar   int
	Words []scoreWordChip
}

// scoreWordChip is one word or word pair that moved the word model; Gram
// comes from crawled text and is only ever rendered escaped.
type scoreWordChip struct {
	Gram         string
	Contribution float64
	Sign         string
}

// explainScore prepares a verdict's score parts for display; nil when the
// verdict has none (a pack without a calibration), so the section hides.
func explainScore(v netra.Verdict) *scoreWhy {
	if len(v.ScoreParts) == 0 {
		return nil
	}
	largest := 0.0
	for _, p := range v.ScoreParts {
		largest = math.Max(largest, math.Abs(p.Contribution))
	}
	w := &scoreWhy{Parts: make([]scorePartRow, 0, len(v.ScoreParts))}
	for _, p := range v.ScoreParts {
		row := scorePartRow{Feature: p.Feature, Value: p.Value, Contribution: p.Contribution,
			Bias: p.Feature == "bias", Model: rules.IsModelFeature(p.Feature), Sign: sign(p.Contribution)}
		if largest > 0 {
			row.Bar = int(math.Round(10 * math.Abs(p.Contribution) / largest))
		}
		for _, g := range p.Words {
			row.Words = append(row.Words, scoreWordChip{Gram: g.Gram, Contribution: g.Contribution, Sign: sign(g.Contribution)})
		}
		w.Parts = append(w.Parts, row)
		w.Sum += p.Contribution
	}
	return w
}

// sign names the direction of a contribution as it shows at two decimals.
func sign(f float64) string {
	switch {
	case math.Round(f*100) > 0:
		return "pos"
	case math.Round(f*100) < 0:
		return "neg"
	}
	return "zero"
}

// signed shows a contribution with its sign and two decimals, "+3.93" or
// "−2.24" (a true minus sign, as wide as the plus); one that rounds to
// nothing shows as "0.00", never "−0.00".
func signed(f float64) string {
	s := strconv.FormatFloat(math.Abs(f), 'f', 2, 64)
	switch sign(f) {
	case "pos":
		return "+" + s
	case "neg":
		return "−" + s
	}
	return "0.00"
}

// plainNumber shows a feature's value without trailing zeros: a count as
// "4", a logit as "2.47".
func plainNumber(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return strings.Replace(s, "-", "−", 1)
}
