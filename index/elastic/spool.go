package elastic

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
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
// returning, so records the caller was told about survive a crash. Each
// spooled record carries the time it was spooled in Indexed (Upsert sets
// it anew when it stores the record), which SpoolStatus reports as the
// spool's age. A spool that would grow beyond Config.SpoolMaxBytes takes
// nothing and says so, naming the directory.
func (s *Store) spool(recs []netra.Record) (string, error) {
	s.spoolMu.Lock()
	defer s.spoolMu.Unlock()
	path := s.SpoolPath()
	now := time.Now().UTC()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, r := range recs {
		r.Indexed = now
		if err := enc.Encode(r); err != nil {
			return path, fmt.Errorf("spool: encode record %s: %w", r.Item.ID, err)
		}
	}
	if err := os.MkdirAll(s.cfg.SpoolDir, 0o755); err != nil {
		return path, fmt.Errorf("spool: %w", err)
	}
	unlock, err := lockFile(path + ".lock")
	if err != nil {
		return path, err
	}
	defer unlock()
	if max := s.cfg.SpoolMaxBytes; max > 0 {
		var size int64
		if fi, err := os.Stat(path); err == nil {
			size = fi.Size()
		}
		if size+int64(buf.Len()) > max {
			return path, netra.WithHint(fmt.Errorf("spool in %s is full: %.1f MB kept, %d more records (%.1f MB) would pass the budget of %.1f MB",
				s.cfg.SpoolDir, float64(size)/1e6, len(recs), float64(buf.Len())/1e6, float64(max)/1e6),
				"start Elasticsearch again (the spool is delivered by `netra index replay` or the next command), free disk space and raise --spool-max, or use another --data directory")
		}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return path, fmt.Errorf("spool: %w", err)
	}
	if err := writeAndSync(f, buf.Bytes()); err != nil {
		return path, fmt.Errorf("spool %s: %w", path, err)
	}
	return path, syncDir(s.cfg.SpoolDir)
}

// SpoolStatus describes the spool: its file, size and the time its oldest
// record was spooled (zero when it is empty).
func (s *Store) SpoolStatus() (index.SpoolStatus, error) {
	st := index.SpoolStatus{Path: s.SpoolPath()}
	if st.Path == "" {
		return st, nil
	}
	f, err := os.Open(st.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("spool: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return st, fmt.Errorf("spool: %w", err)
	}
	st.Bytes = fi.Size()
	if st.Bytes == 0 {
		return st, nil
	}
	var first struct {
		Indexed time.Time `json:"indexed"`
	}
	line, err := bufio.NewReaderSize(f, 64<<10).ReadBytes('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return st, fmt.Errorf("spool %s: %w", st.Path, err)
	}
	if json.Unmarshal(line, &first) == nil {
		st.Oldest = first.Indexed
	}
	if st.Oldest.IsZero() {
		st.Oldest = fi.ModTime() // spooled by an older version
	}
	return st, nil
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
	delivered, n, err := s.replay(ctx)
	if len(delivered) > 0 && s.opt.replayed != nil {
		s.opt.replayed(ctx, delivered)
	}
	return n, err
}

// replay is Replay under the spool's lock; it also returns the records it
// delivered.
func (s *Store) replay(ctx context.Context) ([]netra.Record, int, error) {
	if s.cfg.SpoolDir == "" {
		return nil, 0, nil
	}
	s.spoolMu.Lock()
	defer s.spoolMu.Unlock()
	if _, err := os.Stat(s.SpoolPath()); errors.Is(err, fs.ErrNotExist) {
		return nil, 0, nil // the common case: nothing spooled, no lock file made
	}
	// Another process sharing the data directory may append meanwhile:
	// hold the lock from reading to rewriting.
	unlock, err := lockFile(s.SpoolPath() + ".lock")
	if err != nil {
		return nil, 0, err
	}
	defer unlock()
	recs, err := s.readSpool()
	if err != nil {
		return nil, 0, s.setAside(err)
	}
	if len(recs) == 0 {
		return nil, 0, nil
	}
	if err := s.connect(ctx); err != nil {
		return nil, 0, fmt.Errorf("replay %s: %w", s.SpoolPath(), err)
	}
	failed, rejected, uerr := s.upsert(ctx, recs)
	var aside string
	if len(rejected) > 0 {
		// Records the cluster refuses (their content, not an outage)
		// would block the spool for ever: keep them apart for a person
		// to look at, and deliver the rest.
		if aside, err = s.keepRejected(rejected); err != nil {
			return nil, 0, err
		}
	}
	if err := s.rewriteSpool(failed); err != nil {
		return nil, 0, err
	}
	delivered := deliveredOf(dedupe(recs), failed, rejected)
	if len(delivered) > 0 {
		// Replay is a bulk load: one refresh at its end. Failing it
		// loses nothing (the records are written), so it is not an
		// error of the replay.
		_ = s.Refresh(ctx)
	}
	switch {
	case len(rejected) > 0:
		return delivered, len(delivered), fmt.Errorf("replay %s: %d records still waiting, %d refused and moved to %s: %w", s.SpoolPath(), len(failed), len(rejected), aside, uerr)
	case uerr != nil:
		return delivered, len(delivered), fmt.Errorf("replay %s: %d records still waiting: %w", s.SpoolPath(), len(failed), uerr)
	}
	return delivered, len(delivered), nil
}

// deliveredOf is recs without the ones that failed or were refused.
func deliveredOf(recs, failed, rejected []netra.Record) []netra.Record {
	if len(failed)+len(rejected) == 0 {
		return recs
	}
	out := map[string]bool{}
	for _, r := range failed {
		out[r.Item.ID] = true
	}
	for _, r := range rejected {
		out[r.Item.ID] = true
	}
	var kept []netra.Record
	for _, r := range recs {
		if !out[r.Item.ID] {
			kept = append(kept, r)
		}
	}
	return kept
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

// keepRejected writes records the cluster refused next to the spool and
// returns the file's name.
func (s *Store) keepRejected(recs []netra.Record) (string, error) {
	aside := fmt.Sprintf("%s.rejected-%s", s.SpoolPath(), time.Now().UTC().Format("20060102T150405.000"))
	f, err := os.OpenFile(aside, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("spool: keep refused records: %w", err)
	}
	if err := writeRecords(f, recs); err != nil {
		return "", fmt.Errorf("spool: keep refused records in %s: %w", aside, err)
	}
	return aside, nil
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
	return syncClose(f)
}

// writeAndSync writes b to f, syncs f to disk and closes it (also when
// writing fails).
func writeAndSync(f *os.File, b []byte) error {
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return syncClose(f)
}

func syncClose(f *os.File) error {
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

// hasSpool reports whether records wait in the spool.
func (s *Store) hasSpool() bool {
	if s.cfg.SpoolDir == "" {
		return false
	}
	fi, err := os.Stat(s.SpoolPath())
	return err == nil && fi.Size() > 0
}

// ReplayIfUp delivers the spool when there is one and the cluster answers,
// and does nothing otherwise: storing commands call it when they are done,
// so records spooled during a short outage reach the cluster in the same
// run.
func (s *Store) ReplayIfUp(ctx context.Context) (int, error) {
	if !s.hasSpool() || !s.reachable(ctx) {
		return 0, nil
	}
	return s.Replay(ctx)
}

// ReplayLoop delivers the spool in the background until ctx ends: it looks
// for spooled records every few seconds and, while the cluster does not
// answer, waits longer between tries (doubling up to a minute; see
// WithReplayBackoff). report, when set, hears of each delivery and failure.
func (s *Store) ReplayLoop(ctx context.Context, report func(delivered int, err error)) {
	wait := s.opt.replayMin
	t := time.NewTimer(wait)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		switch {
		case !s.hasSpool():
			wait = s.opt.replayMin
		case !s.reachable(ctx):
			wait = min(2*wait, s.opt.replayMax)
		default:
			n, err := s.Replay(ctx)
			if report != nil && (n > 0 || err != nil) && ctx.Err() == nil {
				report(n, err)
			}
			wait = s.opt.replayMin
			if err != nil {
				wait = min(2*wait, s.opt.replayMax)
			}
		}
		t.Reset(wait)
	}
}
