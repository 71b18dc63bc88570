package main

import (
	"fmt"
	"os"

	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/rules"
)

// oofChunk is the most lines of one input file that form one fold: a long
// file (the written challenge) left out whole would take most of the
// training texts with it.
const oofChunk = 1000

// foldRecord is a labelled record with its fold and, when it passed the
// first stage, the index of its example.
type foldRecord struct {
	rec     evalRecord
	fold    string
	example int
}

// outOfFold replaces the word model's feature of every example the
// classifier gives one (text_model for an article with an ASN hit,
// cancelled_model for one whose every ASN match was cancelled; see
// rules.ModelFeatures) with the logit of a word model fitted on every other fold. The pack's word model has seen
// its training texts, so its logits on them are surer than on new text; a
// calibration fitted on such logits would trust the model too much.
func outOfFold(recs []foldRecord, data []example, opt *wordModelFlags) error {
	var folds []string
	seen := map[string]bool{}
	for _, r := range recs {
		if !seen[r.fold] {
			seen[r.fold] = true
			folds = append(folds, r.fold)
		}
	}
	for i, f := range folds {
		var score []foldRecord
		for _, r := range recs {
			if r.fold == f && r.example >= 0 && modelRead(data[r.example].x) && classifier.ArticleLike(r.rec.Title, r.rec.Text) {
				score = append(score, r)
			}
		}
		if len(score) == 0 {
			continue
		}
		m, err := opt.fit(trainingWithout(recs, f))
		if err != nil {
			return fmt.Errorf("word model without fold %s: %w", f, err)
		}
		for _, r := range score {
			x := data[r.example].x
			// What the classifier's word model read, which need not be
			// the whole record the models are fitted on.
			z := m.Logit(data[r.example].read)
			for _, f := range rules.ModelFeatures {
				if _, ok := x[f]; ok {
					x[f] = z
				}
			}
		}
		fmt.Fprintf(os.Stderr, "calibrate: fold %d of %d (%s): %d records scored out of fold\n", i+1, len(folds), f, len(score))
	}
	return nil
}

// trainingWithout returns the word model's texts and labels of every
// record outside fold.
func trainingWithout(recs []foldRecord, fold string) (texts []string, pos []bool) {
	for _, r := range recs {
		if r.fold != fold {
			texts = append(texts, wordModelText(r.rec))
			pos = append(pos, r.rec.Label == "partisan")
		}
	}
	return texts, pos
}

// canFlag reports whether the classifier may flag a record with features
// x: one with an ASN hit, or an article the word model read whose every
// ASN hit was cancelled (cancelled_model) or on which a rule only came
// near (near_model).
func canFlag(x map[string]float64) bool {
	_, cancelled := x["cancelled_model"]
	_, near := x["near_model"]
	return x["rules"] > 0 || cancelled || near
}

// modelRead reports whether the word model read the record.
func modelRead(x map[string]float64) bool {
	for _, f := range rules.ModelFeatures {
		if _, ok := x[f]; ok {
			return true
		}
	}
	return false
}
