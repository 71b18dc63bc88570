package textmodel

import (
	"maps"
	"math"
	"slices"
	"strings"
)

// FitOptions say how Fit builds and fits a model.
type FitOptions struct {
	// MinDF leaves out n-grams found in fewer texts (default 2).
	MinDF int
	// MaxN is the longest n-gram (default 2: words and word pairs).
	MaxN int
	// C is the inverse L2 penalty, as in the usual logistic regression
	// objective C·Σ loss + ½|w|² (default 4).
	C float64
	// Iterations of accelerated gradient descent (default 3000).
	Iterations int
	// Exclude holds lowercase phrases (words joined by single spaces) no
	// n-gram of the model may contain: words that say something about how
	// the training texts were made rather than about what they report (the
	// invented place names that stand in for real ones in written cases).
	Exclude []string
}

func (o *FitOptions) defaults() {
	if o.MinDF <= 0 {
		o.MinDF = 2
	}
	if o.MaxN <= 0 {
		o.MaxN = 2
	}
	if o.C <= 0 {
		o.C = 4
	}
	if o.Iterations <= 0 {
		o.Iterations = 3000
	}
}

// sparse is one text's normalised TF-IDF vector.
type sparse struct {
	idx []int32
	val []float64
}

// Fit builds the vocabulary of texts and fits an L2-regularised logistic
// regression of positive on their TF-IDF vectors. Both classes weigh the
// same in total (each text weighs n / (2·size of its class)), so a training
// set with more cases than a news stream has does not shift the bias by
// itself; the calibration that uses the logit fits its own intercept.
// The fit is deterministic.
func Fit(texts []string, positive []bool, opt FitOptions) (*Model, error) {
	opt.defaults()
	var npos int
	for _, p := range positive {
		if p {
			npos++
		}
	}
	if len(texts) != len(positive) || npos == 0 || npos == len(texts) {
		return nil, ErrNoData
	}
	docs := make([]map[string]int, len(texts))
	df := map[string]int{}
	for i, t := range texts {
		docs[i] = Grams(Words(t), opt.MaxN)
		for g := range docs[i] {
			df[g]++
		}
	}
	// Sorted n-grams and sorted indices in every vector fix the order of
	// every floating-point sum, so two fits of the same texts write the
	// same file.
	ex := newExcluder(opt.Exclude)
	vocab := map[string]int32{}
	var grams []string
	var idf []float64
	n := float64(len(texts))
	for _, g := range slices.Sorted(maps.Keys(df)) {
		d := df[g]
		if d < opt.MinDF || ex.excluded(g) {
			continue
		}
		vocab[g] = int32(len(grams))
		grams = append(grams, g)
		idf = append(idf, math.Log((1+n)/(1+float64(d)))+1)
	}
	if len(grams) == 0 {
		return nil, ErrNoData
	}
	xs := make([]sparse, len(texts))
	for i, counts := range docs {
		var s sparse
		for g := range counts {
			if j, ok := vocab[g]; ok {
				s.idx = append(s.idx, j)
			}
		}
		slices.Sort(s.idx)
		var norm float64
		for _, j := range s.idx {
			v := (1 + math.Log(float64(counts[grams[j]]))) * idf[j]
			s.val = append(s.val, v)
			norm += v * v
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range s.val {
				s.val[k] /= norm
			}
		}
		xs[i] = s
	}
	cw := [2]float64{n / (2 * (n - float64(npos))), n / (2 * float64(npos))}
	w, b := fitLogistic(xs, positive, cw, len(grams), opt)
	m := &Model{Bias: b, Terms: make(map[string]Term, len(grams)), MaxN: opt.MaxN}
	for j, g := range grams {
		m.Terms[g] = Term{IDF: idf[j], Weight: w[j]}
	}
	return m, nil
}

// excluder tells the n-grams that contain an excluded phrase. Single
// words (the bulk of a list of proper nouns) are looked up per word; only
// longer phrases are searched for.
type excluder struct {
	words   map[string]bool
	phrases []string
}

func newExcluder(exclude []string) excluder {
	e := excluder{words: map[string]bool{}}
	for _, p := range exclude {
		if strings.Contains(p, " ") {
			e.phrases = append(e.phrases, p)
		} else {
			e.words[p] = true
		}
	}
	return e
}

// excluded reports whether gram contains an excluded phrase, word for word.
func (e excluder) excluded(gram string) bool {
	if len(e.words) > 0 {
		for _, w := range strings.Fields(gram) {
			if e.words[w] {
				return true
			}
		}
	}
	for _, p := range e.phrases {
		if gram == p || strings.HasPrefix(gram, p+" ") || strings.HasSuffix(gram, " "+p) || strings.Contains(gram, " "+p+" ") {
			return true
		}
	}
	return false
}

// fitLogistic minimises (1/n)·(Σ cw·loss + |w|²/(2C)) by Nesterov's
// accelerated gradient with adaptive restart. Rows have unit length, so
// the gradient's Lipschitz constant is at most max(cw)·(1+1)/4 + 1/(nC).
func fitLogistic(xs []sparse, y []bool, cw [2]float64, dim int, opt FitOptions) ([]float64, float64) {
	n := float64(len(xs))
	reg := 1 / (n * opt.C)
	lip := max(cw[0], cw[1])*2/4 + reg
	step := 1 / lip
	w := make([]float64, dim+1) // the last is the bias
	prev := make([]float64, dim+1)
	look := make([]float64, dim+1)
	grad := make([]float64, dim+1)
	t := 1.0
	loss := func(v []float64) float64 {
		var sum float64
		for i, x := range xs {
			z := v[dim]
			for k, j := range x.idx {
				z += v[j] * x.val[k]
			}
			c := cw[0]
			if y[i] {
				c = cw[1]
				z = -z
			}
			// log(1 + e^z), stable for large z.
			sum += c * (math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))))
		}
		var sq float64
		for _, x := range v[:dim] {
			sq += x * x
		}
		return sum/n + reg*sq/2
	}
	last := math.Inf(1)
	for it := 0; it < opt.Iterations; it++ {
		clear(grad)
		for i, x := range xs {
			z := look[dim]
			for k, j := range x.idx {
				z += look[j] * x.val[k]
			}
			p := 1 / (1 + math.Exp(-z))
			target, c := 0.0, cw[0]
			if y[i] {
				target, c = 1, cw[1]
			}
			g := c * (p - target) / n
			for k, j := range x.idx {
				grad[j] += g * x.val[k]
			}
			grad[dim] += g
		}
		for j := 0; j < dim; j++ {
			grad[j] += reg * look[j]
		}
		copy(prev, w)
		for j := range w {
			w[j] = look[j] - step*grad[j]
		}
		// Restart the momentum when the objective goes up (checked every
		// 50 steps: a full loss costs as much as a gradient).
		if it%50 == 49 {
			cur := loss(w)
			if cur > last {
				t = 1
			}
			last = cur
		}
		tn := (1 + math.Sqrt(1+4*t*t)) / 2
		mom := (t - 1) / tn
		for j := range look {
			look[j] = w[j] + mom*(w[j]-prev[j])
		}
		t = tn
	}
	return w[:dim], w[dim]
}
