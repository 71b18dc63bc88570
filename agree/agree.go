// Package agree measures how consistently reviewers decide: which items go
// to a second, blind reviewer (a share of all items, or every item of some
// categories), Cohen's kappa per reviewer pair and per category, and each
// reviewer's agreement with the outcome an admin adjudicated. It is pure:
// storage and HTTP live in review.
package agree

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
)

// Config says which items get a second review.
type Config struct {
	// Share of all items, from 0 to 1 (0.1 is 10 %), chosen by a hash
	// of the item ID so the choice is stable and needs no state.
	Share float64 `json:"share"`
	// Categories whose every item is double reviewed.
	Categories []string `json:"categories,omitempty"`
}

// Enabled reports whether any item can be chosen.
func (c Config) Enabled() bool { return c.Share > 0 || len(c.Categories) > 0 }

// Selected reports whether the item with this ID and these verdict
// categories goes to a second reviewer.
func (c Config) Selected(id string, categories []string) bool {
	for _, cat := range categories {
		if slices.Contains(c.Categories, cat) {
			return true
		}
	}
	if c.Share <= 0 {
		return false
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return float64(h.Sum32()%10000) < c.Share*10000
}

// Decision is one reviewer's label for an item.
type Decision struct {
	Reviewer string `json:"reviewer"`
	Label    string `json:"label"`
}

// Case is one double-reviewed item.
type Case struct {
	Item     string   `json:"item"`
	Category string   `json:"category"`
	First    Decision `json:"first"`
	Second   Decision `json:"second"`
	// Outcome is the admin's adjudicated label of a disagreement; empty
	// while it waits (and for agreements, which need none).
	Outcome     string `json:"outcome,omitempty"`
	Adjudicator string `json:"adjudicator,omitempty"`
}

// Disagree reports whether the two reviewers decided differently.
func (c Case) Disagree() bool { return c.First.Label != c.Second.Label }

// Kappa is Cohen's kappa of paired labels: (po - pe) / (1 - pe), where po
// is the share of pairs that agree and pe the agreement expected by chance
// from each rater's label frequencies. ok is false when it is undefined
// (no pairs, or both raters always used one and the same label).
func Kappa(pairs [][2]string) (kappa float64, ok bool) {
	n := float64(len(pairs))
	if n == 0 {
		return 0, false
	}
	agree := 0.0
	a, b := map[string]float64{}, map[string]float64{}
	for _, p := range pairs {
		if p[0] == p[1] {
			agree++
		}
		a[p[0]]++
		b[p[1]]++
	}
	po := agree / n
	pe := 0.0
	for label, na := range a {
		pe += (na / n) * (b[label] / n)
	}
	if math.Abs(1-pe) < 1e-12 {
		return 0, false
	}
	return (po - pe) / (1 - pe), true
}

// PairKappa is the agreement of two reviewers over the items both decided.
type PairKappa struct {
	A, B   string    `json:"-"`
	Pair   [2]string `json:"pair"`
	Items  int       `json:"items"`
	Agreed int       `json:"agreed"`
	Kappa  *float64  `json:"kappa"` // null when undefined
}

// CategoryKappa is the agreement of first and second decisions within one
// category, whoever the reviewers were.
type CategoryKappa struct {
	Category string   `json:"category"`
	Items    int      `json:"items"`
	Agreed   int      `json:"agreed"`
	Kappa    *float64 `json:"kappa"`
}

// ReviewerAgreement is how often a reviewer's label matched the
// adjudicated outcome of the disagreements they were part of.
type ReviewerAgreement struct {
	Reviewer    string   `json:"reviewer"`
	Adjudicated int      `json:"adjudicated"`
	Agreed      int      `json:"agreed"`
	Rate        *float64 `json:"rate"`
}

// Report is the agreement dashboard.
type Report struct {
	Cases      int                 `json:"cases"`
	Disagreed  int                 `json:"disagreed"`
	Waiting    int                 `json:"waiting"` // disagreements not yet adjudicated
	Pairs      []PairKappa         `json:"pairs"`
	Categories []CategoryKappa     `json:"categories"`
	Reviewers  []ReviewerAgreement `json:"reviewers"`
}

func ptr(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &v
}

// Summarize computes the report over cases.
func Summarize(cases []Case) Report {
	r := Report{Cases: len(cases), Pairs: []PairKappa{}, Categories: []CategoryKappa{}, Reviewers: []ReviewerAgreement{}}
	byPair := map[[2]string][][2]string{}
	byCat := map[string][][2]string{}
	adj := map[string]*ReviewerAgreement{}
	for _, c := range cases {
		// Order each pair by name so A-B and B-A are one pair; the
		// labels follow their reviewers.
		key, labels := [2]string{c.First.Reviewer, c.Second.Reviewer}, [2]string{c.First.Label, c.Second.Label}
		if key[1] < key[0] {
			key[0], key[1], labels[0], labels[1] = key[1], key[0], labels[1], labels[0]
		}
		byPair[key] = append(byPair[key], labels)
		byCat[c.Category] = append(byCat[c.Category], [2]string{c.First.Label, c.Second.Label})
		if c.Disagree() {
			r.Disagreed++
			if c.Outcome == "" {
				r.Waiting++
				continue
			}
			for _, d := range []Decision{c.First, c.Second} {
				ra := adj[d.Reviewer]
				if ra == nil {
					ra = &ReviewerAgreement{Reviewer: d.Reviewer}
					adj[d.Reviewer] = ra
				}
				ra.Adjudicated++
				if d.Label == c.Outcome {
					ra.Agreed++
				}
			}
		}
	}
	for key, ps := range byPair {
		k, ok := Kappa(ps)
		r.Pairs = append(r.Pairs, PairKappa{A: key[0], B: key[1], Pair: key, Items: len(ps), Agreed: agreed(ps), Kappa: ptr(k, ok)})
	}
	slices.SortFunc(r.Pairs, func(x, y PairKappa) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	for cat, ps := range byCat {
		k, ok := Kappa(ps)
		r.Categories = append(r.Categories, CategoryKappa{Category: cat, Items: len(ps), Agreed: agreed(ps), Kappa: ptr(k, ok)})
	}
	slices.SortFunc(r.Categories, func(x, y CategoryKappa) int { return cmp.Compare(x.Category, y.Category) })
	for _, ra := range adj {
		ra.Rate = ptr(float64(ra.Agreed)/float64(ra.Adjudicated), true)
		r.Reviewers = append(r.Reviewers, *ra)
	}
	slices.SortFunc(r.Reviewers, func(x, y ReviewerAgreement) int { return cmp.Compare(x.Reviewer, y.Reviewer) })
	return r
}

func agreed(ps [][2]string) int {
	n := 0
	for _, p := range ps {
		if p[0] == p[1] {
			n++
		}
	}
	return n
}
