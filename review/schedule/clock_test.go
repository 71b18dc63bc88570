package schedule

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

// TestEntryLocation reads a schedule in the entry's time zone: 06:00 in
// Jakarta is 23:00 UTC.
func TestEntryLocation(t *testing.T) {
	jkt, err := time.LoadLocation("Asia/Jakarta")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New([]Entry{{Name: "pagi", Schedule: "0 6 * * *", Location: jkt}, {Name: "utc", Schedule: "0 6 * * *"}},
		func(context.Context, string) (Result, error) { return Result{}, nil })
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range s.Sources() {
		want := 6
		if st.Name == "pagi" {
			want = 23
		}
		if h := st.NextRun.UTC().Hour(); h != want || st.Schedule != "0 6 * * *" {
			t.Errorf("%s: next run %v (hour %d UTC, want %d), shown schedule %q", st.Name, st.NextRun, h, want, st.Schedule)
		}
	}
}

// TestDueSkipsScheduledTicks: a tick whose Due says no runs nothing; a run
// started by hand runs anyway.
func TestDueSkipsScheduledTicks(t *testing.T) {
	var asked, runs atomic.Int32
	s, err := New([]Entry{{Name: "adaptif", Schedule: "*/1 * * * * *", Due: func() bool { asked.Add(1); return false }}},
		func(context.Context, string) (Result, error) { runs.Add(1); return Result{Items: 1}, nil })
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	defer s.Stop(context.Background(), time.Second)
	waitFor(t, "two ticks", func() bool { return asked.Load() >= 2 })
	if n := runs.Load(); n != 0 {
		t.Errorf("%d runs although never due", n)
	}
	if err := s.RunNow("adaptif"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the manual run", func() bool { return runs.Load() == 1 })
	if st := s.Sources()[0]; st.Skipped != 0 {
		t.Errorf("not-due ticks counted as skipped overlaps: %d", st.Skipped)
	}
}
