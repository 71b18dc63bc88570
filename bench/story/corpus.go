package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// doc is one record of the bench corpora (posts.jsonl, news.jsonl).
type doc struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	URL    string `json:"url"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

// corpusFiles are the bench corpora read from the -data directory.
var corpusFiles = []string{"posts.jsonl", "news.jsonl"}

// eachDoc calls fn with every document of the bench corpora in dir, in file
// order, skipping those the holdout set keeps aside.
func eachDoc(dir string, hold holdout, fn func(d doc) error) error {
	for _, name := range corpusFiles {
		path := filepath.Join(dir, name)
		if err := eachLine(path, func(b []byte, line int) error {
			var d doc
			if err := json.Unmarshal(b, &d); err != nil {
				return fmt.Errorf("%s:%d: %w", path, line, err)
			}
			if hold.has(d) {
				return nil
			}
			return fn(d)
		}); err != nil {
			return err
		}
	}
	return nil
}

// eachLine calls fn with every non-blank line of a file.
func eachLine(path string, fn func(b []byte, line int) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := fn(sc.Bytes(), line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// holdout is the set of posts (by id) and pages (by URL) kept aside for an
// independent check (shared/data/eval/holdout.txt).
type holdout struct {
	posts map[string]bool
	urls  map[string]bool
}

// readHoldout reads a holdout list; an empty path gives an empty set.
func readHoldout(path string) (holdout, error) {
	h := holdout{posts: map[string]bool{}, urls: map[string]bool{}}
	if path == "" {
		return h, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return h, fmt.Errorf("read holdout: %w", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch f[0] {
		case "post":
			h.posts[f[1]] = true
		case "url":
			h.urls[f[1]] = true
		}
	}
	return h, nil
}

// has reports whether d is kept aside.
func (h holdout) has(d doc) bool {
	return h.posts[d.ID] || (d.URL != "" && h.urls[d.URL])
}

// size is the number of entries in the holdout set.
func (h holdout) size() int { return len(h.posts) + len(h.urls) }
