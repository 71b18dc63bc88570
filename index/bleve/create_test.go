package bleve

import (
	"testing"
)

// TestFreshStoreIsPersistedBeforeOpenReturns makes bleve's persister nap
// before its first write and checks that Open of a new store still returns
// only once the search index (and so its mapping) is on disk. Otherwise a
// store closed at once — `netra users add` on a new data directory does
// that — can leave a search index without a mapping that no later Open
// reads.
func TestFreshStoreIsPersistedBeforeOpenReturns(t *testing.T) {
	dir := t.TempDir()
	slow := func(o *options) {
		o.scorch = map[string]any{"scorchPersisterOptions": map[string]any{"PersisterNapTimeMSec": 300}}
	}
	s, err := Open(dir, slow)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.idx.StatsMap()["index"].(map[string]interface{})
	if epoch, _ := st["LastPersistedEpoch"].(uint64); epoch == 0 {
		t.Errorf("Open returned before the new search index was persisted (index stats %v)", st)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}
