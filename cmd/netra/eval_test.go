package main

import "testing"

// TestWilson checks the interval against values worked by hand from the
// Wilson formula (z = 1.96), including the edges where the normal
// approximation breaks down.
func TestWilson(t *testing.T) {
	for _, tc := range []struct {
		k, n int
		want [2]float64
	}{
		{3, 9, [2]float64{0.1206, 0.6458}},
		{3, 3, [2]float64{0.4385, 1}},
		{0, 5, [2]float64{0, 0.4345}},
		{23, 32, [2]float64{0.5463, 0.8444}},
		{0, 0, [2]float64{0, 0}},
	} {
		got := wilson(tc.k, tc.n)
		for i := range got {
			if d := got[i] - tc.want[i]; d > 0.0002 || d < -0.0002 {
				t.Errorf("wilson(%d, %d) = %v, want %v", tc.k, tc.n, got, tc.want)
				break
			}
		}
	}
}
