package crawler

import (
	"net/http"
	"os"
	"sync/atomic"
	"testing"
	"time"
)

// TestRetryAfterOutlivesTheProcess: a server answers 429 with a Retry-After
// longer than the crawler waits. The URL stays pending; a new crawler on the
// same state (the next process) does not ask the server again before the
// time it named; after that time it fetches the page.
func TestRetryAfterOutlivesTheProcess(t *testing.T) {
	fx := loadFixtures(t)
	body, err := os.ReadFile(fx[0].file)
	if err != nil {
		t.Fatal(err)
	}
	s := newSite(t)
	var limited atomic.Bool
	limited.Store(true)
	var pausedAt atomic.Int64
	s.mux.HandleFunc("/artikel", func(w http.ResponseWriter, r *http.Request) {
		if limited.Load() {
			pausedAt.Store(time.Now().UnixNano())
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	})
	dir := t.TempDir()
	src := Source{Name: "jeda", Kind: KindURL, URLs: []string{s.URL + "/artikel"}}
	run := func() ([]string, RunStats) {
		c := testCrawler(s, dir, WithMaxRetryAfter(200*time.Millisecond))
		defer c.Close()
		items, st := collect(t, c, src)
		var urls []string
		for _, it := range items {
			urls = append(urls, it.URL)
		}
		return urls, st
	}

	items, st := run()
	if len(items) != 0 || st.Errors["rate_limited"] != 1 || s.hit("/artikel") != 1 {
		t.Fatalf("first run: items %v, errors %v, %d requests; want none, one rate_limited, 1", items, st.Errors, s.hit("/artikel"))
	}
	// The next process, within the pause: the server is left alone and
	// the URL stays pending.
	limited.Store(false)
	items, st = run()
	if n := s.hit("/artikel"); n != 1 {
		t.Fatalf("a new crawler asked the paused server again (%d requests)", n)
	}
	if len(items) != 0 || st.Resumed != 1 || st.Errors["rate_limited"] != 1 {
		t.Fatalf("second run: items %v, resumed %d, errors %v; want the URL kept pending", items, st.Resumed, st.Errors)
	}
	// After the time the server named, the page is fetched.
	time.Sleep(time.Until(time.Unix(0, pausedAt.Load()).Add(2*time.Second + 50*time.Millisecond)))
	items, st = run()
	if len(items) != 1 || s.hit("/artikel") != 2 {
		t.Fatalf("after the pause: items %v, errors %v, %d requests; want the page fetched once more", items, st.Errors, s.hit("/artikel"))
	}
}
