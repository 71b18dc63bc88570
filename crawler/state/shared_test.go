package state

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// down is a shared state whose every call fails, as the cluster's does in
// an outage: a fault a real store cannot be made to show on demand here.
type down struct{ *Memory }

var errDown = errors.New("cluster unreachable")

func (*down) FinishAll([]Entry) error                        { return errDown }
func (*down) AddPending(string, []string) error              { return errDown }
func (*down) Pending(string) ([]string, error)               { return nil, errDown }
func (*down) PauseHost(string, time.Time) error              { return errDown }
func (*down) Paused(time.Time) (map[string]time.Time, error) { return nil, errDown }
func (*down) Done(string) bool                               { return false }
func (*down) HashSeen(string) bool                           { return false }

func TestSharedUnion(t *testing.T) {
	// Worker 1 and worker 2, each with its own local state, one shared.
	shared := NewMemory()
	w1 := &Shared{Local: NewMemory(), Remote: shared}
	w2 := &Shared{Local: NewMemory(), Remote: shared}
	exercise(t, w1)
	exerciseMeta(t, w1)
	// What worker 1 finished is done for worker 2; what it left pending
	// is worker 2's to resume.
	if !w2.Done("https://a.id/1") || !w2.HashSeen("h1") {
		t.Error("worker 2 does not see worker 1's finished URL")
	}
	if p, err := w2.Pending("antara"); err != nil || !slices.Equal(p, []string{"https://a.id/2"}) {
		t.Errorf("worker 2 pending = %v, %v", p, err)
	}
	if v, ok := w2.Validator("https://a.id/rss"); !ok || v.ETag != `"abc"` {
		t.Errorf("worker 2 validator = %+v %v", v, ok)
	}
	if p, ok := w2.Poll("antara"); !ok || p.Checks != 3 {
		t.Errorf("worker 2 poll = %+v %v", p, ok)
	}
	// Worker 2's own stale pending entry is listed once, merged.
	_ = w2.Local.AddPending("antara", []string{"https://a.id/2", "https://a.id/0"})
	if p, _ := w2.Pending("antara"); !slices.Equal(p, []string{"https://a.id/0", "https://a.id/2"}) {
		t.Errorf("merged pending = %v", p)
	}
	if m := w2.DoneMany([]string{"https://a.id/1", "https://a.id/2"}); !m["https://a.id/1"] || m["https://a.id/2"] {
		t.Errorf("DoneMany = %v", m)
	}
	until := time.Now().Add(time.Hour)
	_ = w1.PauseHost("a.id", until)
	if p, err := w2.Paused(time.Now()); err != nil || !p["a.id"].Equal(until) {
		t.Errorf("worker 2 paused = %v, %v", p, err)
	}
}

func TestSharedOutageKeepsLocal(t *testing.T) {
	var failures int
	s := &Shared{Local: NewMemory(), Remote: &down{NewMemory()}, OnError: func(error) { failures++ }}
	exercise(t, s) // the local state alone keeps the crawl going
	if failures == 0 {
		t.Error("failed shared writes were not reported")
	}
	if _, err := s.Paused(time.Now()); err != nil {
		t.Errorf("Paused in an outage: %v", err)
	}
}
