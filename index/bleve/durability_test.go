package bleve_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/bleve"
	"github.com/netra-id/netra/index/indextest"
)

// Environment variables that turn the test binary into a child process.
const (
	envChildDir  = "NETRA_BLEVE_CHILD_DIR"
	envChildMode = "NETRA_BLEVE_CHILD_MODE"
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(envChildDir); dir != "" {
		os.Exit(child(dir, os.Getenv(envChildMode)))
	}
	os.Exit(m.Run())
}

// child opens the store in dir, does its work, prints "ok" and waits to be
// killed.
func child(dir, mode string) int {
	s, err := bleve.Open(dir, bleve.WithAnalyzer(indextest.Analyze))
	if err != nil {
		fmt.Println("open:", err)
		return 1
	}
	ctx := context.Background()
	if mode == "write" {
		for b := range 3 {
			if err := s.Upsert(ctx, records(fmt.Sprintf("b%d", b), 200)); err != nil {
				fmt.Println("upsert:", err)
				return 1
			}
		}
		r, err := s.Get(ctx, "b1-0007")
		if err == nil {
			st := netra.StatusConfirmed
			_, err = s.Review(ctx, r.Item.ID, index.ReviewUpdate{Status: &st, Who: "siti", BaseVersion: r.Version})
		}
		if err != nil {
			fmt.Println("review:", err)
			return 1
		}
	}
	fmt.Println("ok")
	time.Sleep(time.Minute) // killed long before
	return 0
}

// records builds n news-like records with IDs prefix-0000...
func records(prefix string, n int) []netra.Record {
	out := make([]netra.Record, n)
	for i := range out {
		id := fmt.Sprintf("%s-%04d", prefix, i)
		text := fmt.Sprintf("Berita %d: seorang camat di kecamatan %d diduga mendukung pasangan calon nomor urut %d dalam acara warga. "+
			"Bawaslu kabupaten akan memanggil yang bersangkutan untuk dimintai keterangan.", i, i%7, i%3+1)
		out[i] = netra.Record{
			Item: netra.Item{ID: id, Source: "uji", Kind: "news", Region: "jawa-tengah", Title: "Camat diduga tidak netral", Text: text,
				Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute)},
			Verdict: netra.Verdict{ID: id, Flagged: i%2 == 0, Score: float64(i%10) / 10, Categories: []string{"asn_dukungan"}, Hits: []netra.Hit{}},
		}
	}
	return out
}

// startChild runs the test binary as a child on dir and waits for its "ok".
func startChild(t *testing.T, dir, mode string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChildDir+"="+dir, envChildMode+"="+mode)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "ok" {
		t.Fatalf("child: %q %v", line, err)
	}
	return cmd
}

func open(t *testing.T, dir string) *bleve.Store {
	t.Helper()
	s, err := bleve.Open(dir, bleve.WithAnalyzer(indextest.Analyze))
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestKill9AfterUpsert(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	cmd := startChild(t, dir, "write")
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()

	s := open(t, dir)
	ctx := t.Context()
	for b := range 3 {
		for _, r := range records(fmt.Sprintf("b%d", b), 200) {
			got, err := s.Get(ctx, r.Item.ID)
			if err != nil {
				t.Fatalf("after kill -9: %v", err)
			}
			if got.Item.Text != r.Item.Text {
				t.Fatalf("after kill -9: %s text differs", r.Item.ID)
			}
		}
	}
	res, err := s.Search(ctx, index.Query{Text: "mendukung", Sources: []string{"uji"}, Limit: 1})
	if err != nil || res.Total != 600 {
		t.Fatalf("after kill -9: search total = %d, %v; want 600", res.Total, err)
	}
	r, err := s.Get(ctx, "b1-0007")
	if err != nil || r.Review.Status != netra.StatusConfirmed {
		t.Fatalf("after kill -9: reviewed record = %+v, %v", r.Review, err)
	}
	if a, err := s.Audit(ctx, "b1-0007"); err != nil || len(a) != 1 {
		t.Fatalf("after kill -9: audit = %v, %v", a, err)
	}
	res, err = s.Search(ctx, index.Query{Statuses: []netra.Status{netra.StatusConfirmed}})
	if err != nil || res.Total != 1 {
		t.Fatalf("after kill -9: confirmed total = %d, %v", res.Total, err)
	}
}

func TestSecondProcessIsLockedOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	cmd := startChild(t, dir, "hold")
	_, err := bleve.Open(dir)
	if err == nil {
		t.Fatalf("a second process opened a store the first one holds")
	}
	if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "in use") {
		t.Errorf("lock error %q does not say the store %s is in use", err, dir)
	}
	var h *netra.Hint
	if !errors.As(err, &h) {
		t.Errorf("lock error has no hint")
	}
	cmd.Process.Kill()
	cmd.Wait()
	open(t, dir) // released by the kernel when the holder died
}

// snapshot hashes every file under dir with its name and mode.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		sum := ""
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h := sha256.Sum256(b)
			sum = hex.EncodeToString(h[:])
		}
		out[p] = fmt.Sprintf("%v %d %s %v", fi.Mode(), fi.Size(), sum, fi.ModTime())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func assertUnchanged(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, v := range before {
		if after[p] != v {
			t.Errorf("%s changed: %s → %s", p, v, after[p])
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s was created", p)
		}
	}
}

func TestForeignDirectoryIsRefused(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "catatan.txt"), []byte("daftar belanja"), 0o600)
	os.Mkdir(filepath.Join(dir, "foto"), 0o700)
	before := snapshot(t, dir)
	_, err := bleve.Open(dir)
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "not a netra store") {
		t.Fatalf("Open(foreign dir) error = %v, want one naming %s as not a netra store", err, dir)
	}
	assertUnchanged(t, before, snapshot(t, dir))

	file := filepath.Join(dir, "catatan.txt")
	if _, err := bleve.Open(file); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Open(a file) error = %v", err)
	}
}

func TestDamagedDatabaseIsRefused(t *testing.T) {
	// A real store to damage.
	good := filepath.Join(t.TempDir(), "good")
	s, err := bleve.Open(good)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Upsert(t.Context(), records("x", 300)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	real, err := os.ReadFile(filepath.Join(good, "netra.db"))
	if err != nil {
		t.Fatal(err)
	}
	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = byte(i*7 + i/13)
	}
	corruptMeta := append([]byte(nil), real...)
	for i := 16; i < 80; i++ { // both meta pages' fields, first page
		corruptMeta[i] ^= 0x5a
	}
	cases := map[string][]byte{
		"empty":             {},
		"short garbage":     []byte("bukan database"),
		"garbage":           garbage,
		"truncated to half": real[:len(real)/2],
		"truncated to 3 pages": func() []byte {
			if len(real) < 3*4096 {
				return real[:len(real)/3]
			}
			return real[:3*4096]
		}(),
		"corrupted header": corruptMeta,
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "netra.db"), content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			s, err := bleve.Open(dir)
			if err == nil {
				s.Close()
				t.Fatalf("Open of a store with a %s netra.db succeeded", name)
			}
			t.Log(err)
			if !strings.Contains(err.Error(), filepath.Join(dir, "netra.db")) {
				t.Errorf("error %q does not name the file", err)
			}
			assertUnchanged(t, before, snapshot(t, dir))
		})
	}
	t.Run("damaged search index", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "s")
		s, err := bleve.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		s.Upsert(t.Context(), records("y", 10))
		s.Close()
		meta := filepath.Join(dir, "search", "index_meta.json")
		if err := os.WriteFile(meta, []byte("{rusak"), 0o600); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, dir)
		if s, err := bleve.Open(dir); err == nil {
			s.Close()
			t.Fatalf("Open with a damaged search index succeeded")
		} else if !strings.Contains(err.Error(), filepath.Join(dir, "search")) {
			t.Errorf("error %q does not name the search index", err)
		}
		assertUnchanged(t, before, snapshot(t, dir))
	})
}

func TestReopenKeepsEverythingAndRebuildsSearch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	s, err := bleve.Open(dir, bleve.WithAnalyzer(indextest.Analyze))
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if err := s.Upsert(ctx, records("r", 50)); err != nil {
		t.Fatal(err)
	}
	st := netra.StatusEscalated
	if _, err := s.Review(ctx, "r-0003", index.ReviewUpdate{Status: &st, Who: "andi", BaseVersion: 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := s.Get(ctx, "r-0003"); err == nil {
		t.Errorf("Get on a closed store succeeded")
	}

	check := func(s *bleve.Store) {
		t.Helper()
		r, err := s.Get(ctx, "r-0003")
		if err != nil || r.Review.Status != netra.StatusEscalated || r.Version != 2 {
			t.Fatalf("after reopen: %+v v%d, %v", r.Review, r.Version, err)
		}
		res, err := s.Search(ctx, index.Query{Text: "dukungan", Statuses: []netra.Status{netra.StatusEscalated}})
		if err != nil || res.Total != 1 {
			t.Fatalf("after reopen: search = %d, %v", res.Total, err)
		}
		res, err = s.Search(ctx, index.Query{Text: "kecamatan"})
		if err != nil || res.Total != 50 {
			t.Fatalf("after reopen: search all = %d, %v", res.Total, err)
		}
	}
	s2 := open(t, dir)
	check(s2)
	s2.Close()

	// The search index is derived: remove it and it is rebuilt.
	if err := os.RemoveAll(filepath.Join(dir, "search")); err != nil {
		t.Fatal(err)
	}
	var calls, done, total int
	progress := bleve.WithRebuildProgress(func(d, n int) { calls, done, total = calls+1, d, n })
	s3, err := bleve.Open(dir, bleve.WithAnalyzer(indextest.Analyze), progress)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s3.Close() })
	check(s3)
	if calls == 0 || done != 50 || total != 50 {
		t.Errorf("rebuild progress: %d calls, last %d of %d, want 50 of 50", calls, done, total)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := open(t, t.TempDir())
	ctx := t.Context()
	if err := s.Upsert(ctx, records("c", 20)); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := range 4 {
		wg.Add(3)
		go func() { // writer
			defer wg.Done()
			for i := range 5 {
				if err := s.Upsert(ctx, records(fmt.Sprintf("w%d-%d", w, i), 10)); err != nil {
					errs <- err
				}
			}
		}()
		go func() { // reader
			defer wg.Done()
			for range 10 {
				if _, err := s.Search(ctx, index.Query{Text: "camat", Facets: []string{index.FacetStatus}}); err != nil {
					errs <- err
				}
			}
		}()
		go func() { // reviewer: retries on conflict like a UI would
			defer wg.Done()
			id := fmt.Sprintf("c-%04d", w)
			for range 5 {
				r, err := s.Get(ctx, id)
				if err != nil {
					errs <- err
					return
				}
				st := netra.StatusConfirmed
				if _, err := s.Review(ctx, id, index.ReviewUpdate{Status: &st, Who: "u", BaseVersion: r.Version}); err != nil && !errors.Is(err, netra.ErrConflict) {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	res, err := s.Search(ctx, index.Query{Sources: []string{"uji"}, Limit: 1})
	if err != nil || res.Total != 20+4*5*10 {
		t.Errorf("after concurrent writes: %d records, %v; want %d", res.Total, err, 20+4*5*10)
	}
	for w := range 4 {
		if a, err := s.Audit(ctx, fmt.Sprintf("c-%04d", w)); err != nil || len(a) != 5 {
			t.Errorf("reviewer %d: %d audit entries, %v; want 5", w, len(a), err)
		}
	}
}

// A data directory where other commands wrote first (accounts, crawl state)
// is not foreign: the store is created beside those files and leaves them be.
func TestOpenBesideSiblings(t *testing.T) {
	dir := t.TempDir()
	users := filepath.Join(dir, "users.json")
	if err := os.WriteFile(users, []byte(`{"users":[]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "crawl"), 0o750); err != nil {
		t.Fatal(err)
	}
	s, err := bleve.Open(dir, bleve.WithSiblings("users.json", "crawl"))
	if err != nil {
		t.Fatalf("Open beside siblings: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(users); err != nil || string(b) != `{"users":[]}` {
		t.Fatalf("users.json changed: %q, %v", b, err)
	}
	// Without the sibling list the same kind of directory stays foreign.
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "users.json"), []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := bleve.Open(other); err == nil || !strings.Contains(err.Error(), "not a netra store") {
		t.Fatalf("Open(dir with an unknown file) = %v, want a foreign-directory error", err)
	}
}
