package main

import (
	"math"
	"path/filepath"
	"testing"
)

// TestPrecisionThreshold checks the precision floor: the lowest grid
// threshold whose precision reaches it, and the best F1 when none does.
func TestPrecisionThreshold(t *testing.T) {
	names := []string{"rules"}
	w, b := []float64{1}, -2.0 // p = σ(rules − 2)
	var data []example
	add := func(x, y float64, n int) {
		for i := 0; i < n; i++ {
			data = append(data, example{x: map[string]float64{"rules": x}, y: y})
		}
	}
	add(3, 1, 20)   // p ≈ 0.731
	add(3, 0, 5)    //
	add(2.2, 1, 10) // p ≈ 0.550, just under the grid's 0.55
	add(2.2, 0, 20)
	// At 0.525 and below: P 30/55; from 0.55 to 0.725: P 20/25 = 0.8.
	th, ok := precisionThreshold(data, names, w, b, 0.75)
	if !ok || math.Abs(th.t-0.55) > 1e-9 || math.Abs(th.p-0.8) > 1e-9 || math.Abs(th.r-20.0/30) > 1e-9 {
		t.Fatalf("floor 0.75: threshold %+v (ok %v), want 0.55 with P 0.8, R 0.667", th, ok)
	}
	if _, ok := precisionThreshold(data, names, w, b, 0.9); ok {
		t.Fatal("floor 0.9 reached, but no threshold gives more than 0.8")
	}
	best := bestThreshold(data, names, w, b)
	if got := chooseThreshold(data, names, w, b, 0.9); got != best {
		t.Fatalf("unreachable floor: chose %+v, want the best F1 %+v", got, best)
	}
	if got := chooseThreshold(data, names, w, b, 0); got != best {
		t.Fatalf("no floor: chose %+v, want the best F1 %+v", got, best)
	}
	if best.t == th.t {
		t.Fatalf("the best F1 (%.3f) is the floor's threshold: the test tells nothing apart", best.t)
	}
}

// TestWriteExamples checks that the examples written for study name their
// file and line and keep their features.
func TestWriteExamples(t *testing.T) {
	name := filepath.Join(t.TempDir(), "ex.jsonl")
	data := []example{
		{x: map[string]float64{"rules": 1, "text_model": 2.5}, y: 1, line: 3},
		{x: map[string]float64{"rules": 0, "cancelled_model": -1}, y: 0, line: 7},
	}
	if err := writeExamples(name, data, []int{0, 1}, []string{"a.jsonl", "b.jsonl"}); err != nil {
		t.Fatal(err)
	}
	var got []featureRow
	if err := readJSONL(name, func(r featureRow, _ int) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].File != "a.jsonl" || got[0].Line != 3 || got[0].Label != "partisan" || got[0].Features["text_model"] != 2.5 ||
		got[1].File != "b.jsonl" || got[1].Line != 7 || got[1].Label != "other" || got[1].Features["cancelled_model"] != -1 {
		t.Fatalf("read back %+v", got)
	}
	if err := writeExamples(filepath.Join(t.TempDir(), "no", "such", "dir.jsonl"), data, []int{0, 1}, []string{"a", "b"}); err == nil {
		t.Fatal("writing into a missing directory gave no error")
	}
}
