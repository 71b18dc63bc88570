package state

import (
	"path/filepath"
	"testing"
	"time"
)

func exerciseMeta(t *testing.T, m Meta) {
	t.Helper()
	if _, ok := m.Validator("https://a.id/rss"); ok {
		t.Error("validator before any was set")
	}
	v := Validator{ETag: `"abc"`, LastModified: "Fri, 04 Dec 2026 10:00:00 GMT"}
	if err := m.SetValidator("https://a.id/rss", v); err != nil {
		t.Fatal(err)
	}
	if got, ok := m.Validator("https://a.id/rss"); !ok || got != v {
		t.Errorf("Validator = %+v, %v", got, ok)
	}
	p := Poll{Last: time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC), Rate: 1.5, Interval: 40 * time.Minute, Checks: 3}
	if err := m.SetPoll("antara", p); err != nil {
		t.Fatal(err)
	}
	if got, ok := m.Poll("antara"); !ok || !got.Last.Equal(p.Last) || got.Rate != p.Rate || got.Interval != p.Interval || got.Checks != 3 {
		t.Errorf("Poll = %+v, %v", got, ok)
	}
}

func TestMemoryMeta(t *testing.T) { exerciseMeta(t, NewMemory()) }

func TestBoltMetaPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	exerciseMeta(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, ok := s.Validator("https://a.id/rss"); !ok || v.ETag != `"abc"` {
		t.Errorf("validator lost on reopen: %+v %v", v, ok)
	}
	if p, ok := s.Poll("antara"); !ok || p.Checks != 3 {
		t.Errorf("poll state lost on reopen: %+v %v", p, ok)
	}
	if err := s.SetValidator("https://a.id/rss", Validator{}); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Validator("https://a.id/rss"); ok {
		t.Error("empty validator did not forget")
	}
}
