package agree

import (
	"fmt"
	"math"
	"testing"
)

// The textbook example (e.g. Wikipedia's "Cohen's kappa"): 50 items, both
// yes 20, A yes B no 5, A no B yes 10, both no 15. po = 0.7, pe = 0.5
// (A yes 0.5, B yes 0.6: 0.5*0.6 + 0.5*0.4), kappa = 0.4.
func TestKappaTextbook(t *testing.T) {
	var ps [][2]string
	add := func(n int, a, b string) {
		for range n {
			ps = append(ps, [2]string{a, b})
		}
	}
	add(20, "yes", "yes")
	add(5, "yes", "no")
	add(10, "no", "yes")
	add(15, "no", "no")
	k, ok := Kappa(ps)
	if !ok || math.Abs(k-0.4) > 1e-9 {
		t.Fatalf("kappa = %v (%v), want 0.4", k, ok)
	}
	if _, ok := Kappa(nil); ok {
		t.Error("kappa of nothing is defined")
	}
	if _, ok := Kappa([][2]string{{"a", "a"}, {"a", "a"}}); ok {
		t.Error("kappa with one label on both sides is defined")
	}
}

func TestSelected(t *testing.T) {
	c := Config{Share: 0.1}
	n := 0
	for i := range 10000 {
		if c.Selected(fmt.Sprintf("item-%d", i), nil) {
			n++
		}
	}
	if n < 900 || n > 1100 {
		t.Errorf("10%% share chose %d of 10000", n)
	}
	if c.Selected("x", nil) != c.Selected("x", nil) {
		t.Error("choice not stable")
	}
	all := Config{Categories: []string{"asn_partisan"}}
	if !all.Selected("x", []string{"other", "asn_partisan"}) || all.Selected("x", []string{"other"}) {
		t.Error("category rule wrong")
	}
	if (Config{}).Enabled() || !all.Enabled() {
		t.Error("Enabled wrong")
	}
}
