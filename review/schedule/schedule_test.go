package schedule

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/netra-id/netra/review"
	"github.com/netra-id/netra/review/metrics"
)

// slowSite is a local fixture server whose page takes a while, so runs
// scheduled every second overlap unless the scheduler prevents it.
type slowSite struct {
	inFlight, maxInFlight, hits atomic.Int32
	delay                       time.Duration
}

func (s *slowSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		m := s.maxInFlight.Load()
		if n <= m || s.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	s.hits.Add(1)
	select {
	case <-time.After(s.delay):
	case <-r.Context().Done():
	}
	fmt.Fprint(w, "<html><body><p>Camat mendukung paslon nomor 2.</p></body></html>")
}

func fetchJob(url string) Job {
	return func(ctx context.Context, source string) (Result, error) {
		req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
		if err != nil {
			return Result{}, err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return Result{Errors: 1}, err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		flagged := 0
		if strings.Contains(string(b), "paslon") {
			flagged = 1
		}
		return Result{Items: 1, Flagged: flagged}, ctx.Err()
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestScheduleNeverOverlaps(t *testing.T) {
	site := &slowSite{delay: 2500 * time.Millisecond}
	ts := httptest.NewServer(site)
	defer ts.Close()
	m := metrics.New()
	s, err := New([]Entry{{Name: "lokal", Kind: "news", Schedule: "*/1 * * * * *"}}, fetchJob(ts.URL), WithMetrics(m))
	if err != nil {
		t.Fatal(err)
	}
	if st := s.Sources(); len(st) != 1 || st[0].NextRun.IsZero() {
		t.Fatalf("before start: %+v", st)
	}
	s.Start()
	waitFor(t, "two finished runs and a skipped one", func() bool {
		st := s.Sources()[0]
		return st.Runs >= 2 && st.Skipped >= 1
	})
	if err := s.RunNow("nope"); !errors.Is(err, review.ErrUnknownSource) {
		t.Errorf("RunNow unknown: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Stop(ctx, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if got := site.maxInFlight.Load(); got != 1 {
		t.Errorf("at most %d runs of one source at once, want 1", got)
	}
	st := s.Sources()[0]
	if st.Items != 1 || st.Flagged != 1 || st.LastError != "" || st.LastEnd.Before(st.LastStart) || st.Running {
		t.Errorf("status after runs: %+v", st)
	}
	if st.Runs != int(site.hits.Load()) {
		t.Errorf("runs %d but the site saw %d fetches", st.Runs, site.hits.Load())
	}
	if err := s.RunNow("lokal"); err == nil {
		t.Error("RunNow after Stop started a run")
	}
}

func TestRunNowWhileRunning(t *testing.T) {
	release := make(chan struct{})
	var runs atomic.Int32
	s, err := New([]Entry{{Name: "manual"}}, func(ctx context.Context, _ string) (Result, error) {
		runs.Add(1)
		<-release
		return Result{Items: 3}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	if err := s.RunNow("manual"); err != nil {
		t.Fatal(err)
	}
	if err := s.RunNow("manual"); !errors.Is(err, review.ErrSourceRunning) {
		t.Errorf("second RunNow: %v", err)
	}
	if st := s.Sources()[0]; !st.Running || st.Skipped != 1 || !st.NextRun.IsZero() {
		t.Errorf("while running: %+v", st)
	}
	close(release)
	waitFor(t, "the run to end", func() bool { return s.Sources()[0].Runs == 1 })
	if err := s.Stop(context.Background(), time.Second); err != nil {
		t.Fatal(err)
	}
	if runs.Load() != 1 || s.Sources()[0].Items != 3 {
		t.Errorf("runs %d, status %+v", runs.Load(), s.Sources()[0])
	}
}

func TestStopCancelsAndWaitsForCheckpoint(t *testing.T) {
	var mu sync.Mutex
	checkpointed := false
	started := make(chan struct{})
	s, err := New([]Entry{{Name: "lambat", Schedule: "@every 1h"}}, func(ctx context.Context, _ string) (Result, error) {
		close(started)
		<-ctx.Done()
		mu.Lock()
		checkpointed = true // a real crawl saves its frontier here
		mu.Unlock()
		return Result{Items: 7}, ctx.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	if err := s.RunNow("lambat"); err != nil {
		t.Fatal(err)
	}
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := s.Stop(ctx, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	st := s.Sources()[0]
	if !checkpointed || st.Running || st.Failures != 1 || !strings.Contains(st.LastError, "canceled") || st.Items != 7 {
		t.Errorf("after stop: checkpointed=%v %+v", checkpointed, st)
	}
}

func TestBadSchedule(t *testing.T) {
	_, err := New([]Entry{{Name: "a", Schedule: "every tuesday"}}, fetchJob("http://127.0.0.1:1"))
	if err == nil || !strings.Contains(err.Error(), `"a"`) || !strings.Contains(err.Error(), "every tuesday") {
		t.Errorf("bad schedule: %v", err)
	}
	if _, err := New([]Entry{{Name: "a"}, {Name: "a"}}, fetchJob("")); err == nil {
		t.Error("duplicate source accepted")
	}
	for _, ok := range []string{"*/5 * * * *", "0 */10 * * * *", "@hourly", "@every 90s"} {
		if err := ParseSchedule(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}
