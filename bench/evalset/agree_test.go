package main

import (
	"math"
	"testing"
)

// TestKappa checks Cohen's kappa against a hand computation: 10 records,
// A says partisan on 1–4, B on 2–5; observed agreement 0.8, expected
// 0.4·0.4 + 0.6·0.6 = 0.52, kappa (0.8 − 0.52) / 0.48 = 0.5833.
func TestKappa(t *testing.T) {
	a, b := map[string]label{}, map[string]label{}
	var ids []string
	for i := 1; i <= 10; i++ {
		id := string(rune('a' + i))
		ids = append(ids, id)
		la, lb := "unrelated", "unrelated"
		if i <= 4 {
			la = "partisan"
		}
		if i >= 2 && i <= 5 {
			lb = "partisan"
		}
		a[id], b[id] = label{ID: id, Label: la}, label{ID: id, Label: lb}
	}
	k, po := kappa(a, b, ids, func(s string) string { return s })
	if math.Abs(po-0.8) > 1e-9 || math.Abs(k-0.58333) > 1e-4 {
		t.Fatalf("kappa %.5f, agreement %.3f; want 0.58333, 0.8", k, po)
	}
}

// TestFitLogistic checks the fitter on data a fixed model generated: the
// fitted weight has the right sign and the predictions follow the data.
func TestFitLogistic(t *testing.T) {
	var data []example
	for i := 0; i < 200; i++ {
		x := float64(i%10) / 3
		y := 0.0
		if i%10 >= 6 || (i%10 == 5 && i%20 == 5) {
			y = 1
		}
		data = append(data, example{x: map[string]float64{"rules": x}, y: y})
	}
	w, b := fitLogistic(data, []string{"rules"}, 0.01)
	if w[0] <= 0 {
		t.Fatalf("weight %v, bias %v: want a positive weight", w, b)
	}
	lo := predict(map[string]float64{"rules": 0}, []string{"rules"}, w, b)
	hi := predict(map[string]float64{"rules": 3}, []string{"rules"}, w, b)
	if lo > 0.1 || hi < 0.9 {
		t.Fatalf("p(0) = %.3f, p(3) = %.3f", lo, hi)
	}
}

// TestBestThresholdAside checks that records set aside from the choice
// (-threshold-on) do not move the threshold: written records that want a
// low one are set aside, and the threshold is the one the others want.
func TestBestThresholdAside(t *testing.T) {
	names := []string{"rules"}
	w, b := []float64{1}, -2.0 // p = σ(rules − 2)
	var data []example
	add := func(x, y float64, aside bool, n int) {
		for i := 0; i < n; i++ {
			data = append(data, example{x: map[string]float64{"rules": x}, y: y, aside: aside})
		}
	}
	// Chosen records: cases at p ≈ 0.73, others at p ≈ 0.5 → a threshold above 0.5.
	add(3, 1, false, 20)
	add(2, 0, false, 20)
	// Aside: many cases at p ≈ 0.27 would pull the threshold below it.
	add(1, 1, true, 200)
	th := bestThreshold(data, names, w, b)
	if th.t <= 0.5 || th.t > 0.73 {
		t.Fatalf("threshold %.3f, want one between the chosen records' 0.5 and 0.73", th.t)
	}
	for i := range data {
		data[i].aside = false
	}
	if all := bestThreshold(data, names, w, b); all.t >= 0.27 {
		t.Fatalf("with every record chosen the threshold is %.3f, want one under 0.27", all.t)
	}
}
