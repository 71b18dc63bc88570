package state

import (
	"path/filepath"
	"testing"
)

func exercise(t *testing.T, s Store) {
	t.Helper()
	if err := s.AddPending("antara", []string{"https://a.id/1", "https://a.id/2"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddPending("kompas", []string{"https://k.id/1"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish("antara", "https://a.id/1", "h1"); err != nil {
		t.Fatal(err)
	}
	if !s.Done("https://a.id/1") || s.Done("https://a.id/2") {
		t.Error("Done wrong")
	}
	if !s.HashSeen("h1") || s.HashSeen("h2") {
		t.Error("HashSeen wrong")
	}
	p, err := s.Pending("antara")
	if err != nil || len(p) != 1 || p[0] != "https://a.id/2" {
		t.Errorf("Pending = %v, %v", p, err)
	}
}

func TestMemory(t *testing.T) { exercise(t, NewMemory()) }

func TestBoltPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	exercise(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.Done("https://a.id/1") || !s.HashSeen("h1") {
		t.Error("state lost on reopen")
	}
	if p, _ := s.Pending("antara"); len(p) != 1 || p[0] != "https://a.id/2" {
		t.Errorf("pending lost on reopen: %v", p)
	}
	if p, _ := s.Pending("kompas"); len(p) != 1 {
		t.Errorf("kompas pending = %v", p)
	}
}
