package crawler

import (
	"sort"
	"sync"
	"time"
)

// RunStats summarises one run over one source: what was fetched, what was
// new, and why anything was skipped or failed.
type RunStats struct {
	Source   string         `json:"source"`
	Fetched  int            `json:"fetched"`   // HTTP responses received (listing, feed and article pages)
	New      int            `json:"new"`       // items emitted
	Seen     int            `json:"seen"`      // links skipped because an earlier run already took them
	Robots   int            `json:"robots"`    // URLs skipped because robots.txt disallows them
	Filtered int            `json:"filtered"`  // entries skipped by date (since) or limits
	Errors   map[string]int `json:"errors"`    // failures by reason (see the Reason constants)
	Duration time.Duration  `json:"duration"`  // wall time of the run
	Stopped  string         `json:"stopped"`   // why the run stopped early, if it did ("canceled", "max_items", ...)
	Samples  []string       `json:"samples"`   // a few "reason url" lines to help debugging
	Bytes    int64          `json:"bytes"`     // body bytes received (decoded)
	Pages    int            `json:"pages"`     // listing/feed/timeline pages walked
	Resumed  int            `json:"resumed"`   // pending URLs carried over from an interrupted run
	Started  time.Time      `json:"started"`   // when the run began
	Finished time.Time      `json:"finished"`  // when the run ended
	Limited  int            `json:"limited"`   // responses that slowed the crawler down (429/503)
	Retried  int            `json:"retried"`   // retried requests
	Dup      int            `json:"duplicate"` // items dropped because their content hash was already emitted

	NotModified int `json:"not_modified"` // feeds, sitemaps and listing pages unchanged since the last run (304)
}

// ErrorCount is the total of all failures.
func (s RunStats) ErrorCount() int {
	n := 0
	for _, v := range s.Errors {
		n += v
	}
	return n
}

// ErrorReasons lists failure reasons in a stable order.
func (s RunStats) ErrorReasons() []string {
	out := make([]string, 0, len(s.Errors))
	for k := range s.Errors {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// statsRec is the concurrency-safe recorder behind RunStats.
type statsRec struct {
	mu sync.Mutex
	s  RunStats
}

func (r *statsRec) do(f func(s *RunStats)) {
	r.mu.Lock()
	f(&r.s)
	r.mu.Unlock()
}

const maxSamples = 20

func (r *statsRec) fail(reason, url string) {
	r.do(func(s *RunStats) {
		if s.Errors == nil {
			s.Errors = map[string]int{}
		}
		s.Errors[reason]++
		if len(s.Samples) < maxSamples {
			s.Samples = append(s.Samples, reason+" "+url)
		}
	})
}

func (r *statsRec) snapshot() RunStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.s
	if out.Errors != nil {
		m := make(map[string]int, len(out.Errors))
		for k, v := range out.Errors {
			m[k] = v
		}
		out.Errors = m
	}
	out.Samples = append([]string(nil), out.Samples...)
	return out
}
