package bleve

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpenDamagedDB feeds Open a netra.db of arbitrary content: it must
// return an error or a working store, never panic or crash the process.
func FuzzOpenDamagedDB(f *testing.F) {
	good := filepath.Join(f.TempDir(), "good")
	s, err := Open(good)
	if err != nil {
		f.Fatal(err)
	}
	s.Close()
	real, err := os.ReadFile(filepath.Join(good, dbFile))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real[:4096])
	f.Add(real[:8192])
	f.Add([]byte("bukan database"))
	f.Add(append(append([]byte(nil), real[:64]...), make([]byte, 16384)...))
	f.Fuzz(func(t *testing.T, content []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, dbFile), content, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(dir)
		if err == nil {
			s.Close()
		}
	})
}
