package elastic

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/netra-id/netra"
)

// maxSpoolLine caps one spooled record; a record is at most what the
// crawler and importers accept, far below this.
const maxSpoolLine = 64 << 20

// SpoolPath is the spool file of this store: one JSON record per line,
// kept in the spool directory until the records are stored.
func (s *Store) SpoolPath() string {
	if s.cfg.SpoolDir == "" {
		return ""
	}
	return filepath.Join(s.cfg.SpoolDir, "elastic-spool-"+s.cfg.IndexPrefix+".jsonl")
}

// spool appends recs to the spool file and syncs it to disk before
// returning, so records the caller was told about survive a crash.
func (s *Store) spool(recs []netra.Record) (string, error) {
	s.spoolMu.Lock()
	defer s.spoolMu.Unlock()
	path := s.SpoolPath()
	if err := os.MkdirAll(s.cfg.SpoolDir, 0o755); err != nil {
		return path, fmt.Errorf("spool: %w", err)
	}
	unlock, err := lockFile(path + ".lock")
	if err != nil {
		return path, err
	}
	defer unlock()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return path, fmt.Errorf("spool: %w", err)
	}
	if err := writeRecords(f, recs); err != nil {
		return path, fmt.Errorf("spool %s: %w", path, err)
	}
	return path, syncDir(s.cfg.SpoolDir)
}

// Spooled returns how many records wait in the spool.
func (s *Store) Spooled() (int, error) {
	s.spoolMu.Lock()
	defer s.spoolMu.Unlock()
	recs, err := s.readSpool()
	return len(recs), err
}

// Replay stores the records waiting in the spool and removes them from it.
// It returns how many were delivered. Records that still cannot be stored
// stay in the spool. Upsert being idempotent by ID, a record that reached
// the cluster before it was spooled is not stored twice.
func (s *Store) Replay(ctx context.Context) (int, error) {
	if s.cfg.SpoolDir == "" {
		return 0, nil
	}
	s.spoolMu.Lock()
	defer s.spoolMu.Unlock()
	if _, err := os.Stat(s.SpoolPath()); errors.Is(err, fs.ErrNotExist) {
		return 0, nil // the common case: nothing spooled, no lock file made
	}
	// Another process sharing the data directory may append meanwhile:
	// hold the lock from reading to rewriting.
	unlock, err := lockFile(s.SpoolPath() + ".lock")
	if err != nil {
		return 0, err
	}
	defer unlock()
	recs, err := s.readSpool()
	if err != nil {
		return 0, s.setAside(err)
	}
	if len(recs) == 0 {
		return 0, nil
	}
	failed, uerr := s.upsert(ctx, recs)
	if uerr != nil && len(failed) == 0 {
		return 0, s.setAside(fmt.Errorf("replay %s: %w", s.SpoolPath(), uerr))
	}
	if err := s.rewriteSpool(failed); err != nil {
		return 0, err
	}
	delivered := len(dedupe(recs)) - len(failed)
	if uerr != nil {
		return delivered, fmt.Errorf("replay %s: %d records still waiting: %w", s.SpoolPath(), len(failed), uerr)
	}
	return delivered, nil
}

// setAside moves a spool that cannot be delivered (damaged, or content the
// cluster refuses) out of the way, so it does not block every later
// command, and keeps it for a person to look at; the error says where.
func (s *Store) setAside(cause error) error {
	aside := fmt.Sprintf("%s.rejected-%s", s.SpoolPath(), time.Now().UTC().Format("20060102T150405.000"))
	if err := os.Rename(s.SpoolPath(), aside); err != nil {
		return fmt.Errorf("%w; and moving the spool aside failed: %v", cause, err)
	}
	return fmt.Errorf("%w; the spooled records were moved to %s", cause, aside)
}

// readSpool reads every spooled record; callers hold spoolMu.
func (s *Store) readSpool() ([]netra.Record, error) {
	path := s.SpoolPath()
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	defer f.Close()
	var recs []netra.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), maxSpoolLine)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var r netra.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			// A crash while appending can leave a torn last line: that
			// record's Upsert never returned, so it was not promised.
			if !sc.Scan() {
				break
			}
			return nil, fmt.Errorf("spool %s:%d: %w", path, line, err)
		}
		if err := checkID(r.Item.ID); err != nil {
			return nil, fmt.Errorf("spool %s:%d: %w", path, line, err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("spool %s:%d: %w", path, line, err)
	}
	return recs, nil
}

// rewriteSpool replaces the spool with recs (removing it when empty),
// atomically.
func (s *Store) rewriteSpool(recs []netra.Record) error {
	path := s.SpoolPath()
	if len(recs) == 0 {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("spool: %w", err)
		}
		return syncDir(s.cfg.SpoolDir)
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	if err := writeRecords(f, recs); err != nil {
		return fmt.Errorf("spool %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	return syncDir(s.cfg.SpoolDir)
}

// writeRecords writes recs to f one JSON record per line, syncs f to disk
// and closes it (also when writing fails).
func writeRecords(f *os.File, recs []netra.Record) error {
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync: %w", err)
	}
	return f.Close()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("spool: sync %s: %w", dir, err)
	}
	return nil
}
