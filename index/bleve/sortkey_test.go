package bleve

import (
	"math"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

// FuzzSortKeys: the keyword sort keys order records as the values they
// encode do (score, then time; dated records before undated ones).
func FuzzSortKeys(f *testing.F) {
	f.Add(0.5, 0.25, int64(0), int64(1), true, false)
	f.Add(-1.0, 1.0, int64(-1e18), int64(1e18), false, false)
	f.Fuzz(func(t *testing.T, s1, s2 float64, n1, n2 int64, d1, d2 bool) {
		if math.IsNaN(s1) || math.IsNaN(s2) {
			return
		}
		rec := func(s float64, n int64, dated bool) netra.Record {
			tm := time.Unix(0, n).UTC()
			r := netra.Record{Verdict: netra.Verdict{Score: s}, Indexed: tm}
			if dated {
				r.Item.Published = tm
			} else {
				r.Item.Fetched = tm
			}
			return r
		}
		a, b := rec(s1, n1, d1), rec(s2, n2, d2)
		ta, tb := sortTime(a), sortTime(b)
		na, oa, sa := sortKeys(a)
		nb, ob, sb := sortKeys(b)
		cmpTime := ta.Compare(tb)
		if d1 != d2 {
			if (na > nb) != d1 || (oa < ob) != d1 {
				t.Fatalf("dated %v vs %v: newest keys %s %s, oldest %s %s", d1, d2, na, nb, oa, ob)
			}
		} else if c := compare(na, nb); c != cmpTime || compare(oa, ob) != cmpTime {
			t.Fatalf("times %v %v: newest keys %s %s, oldest %s %s", ta, tb, na, nb, oa, ob)
		}
		want := 0
		switch {
		case s1 < s2:
			want = -1
		case s1 > s2:
			want = 1
		case s1 == s2 && math.Signbit(s1) == math.Signbit(s2):
			want = cmpTime
		default:
			return // 0 and -0: equal scores with different bits
		}
		if compare(sa, sb) != want {
			t.Fatalf("scores %v %v at %v %v: keys %s %s", s1, s2, ta, tb, sa, sb)
		}
	})
}

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
