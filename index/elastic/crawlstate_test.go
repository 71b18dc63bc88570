package elastic

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/netra-id/netra/crawler/state"
)

// TestCrawlState: two workers' views of the cluster's crawl state (two
// CrawlState values, so neither sees the other's cache) agree on pending
// and done URLs, content hashes, pauses, validators, poll state and
// finished runs; a URL once done is never made pending again.
func TestCrawlState(t *testing.T) {
	s := openTest(t, esURL(t))
	ctx := context.Background()
	t.Cleanup(func() { _, _ = s.do(ctx, http.MethodDelete, "/"+s.cfg.IndexPrefix+"-crawlstate", nil, nil) })
	a, b := s.CrawlState(ctx), s.CrawlState(ctx)

	var urls []string
	for i := range 1200 { // more than one page of Pending's search_after
		urls = append(urls, fmt.Sprintf("https://a.id/berita/%04d", i))
	}
	if err := a.AddPending("antara", urls); err != nil {
		t.Fatal(err)
	}
	if err := a.AddPending("kompas", []string{"https://k.id/1"}); err != nil {
		t.Fatal(err)
	}
	if err := a.FinishAll([]state.Entry{{Source: "antara", URL: urls[0], Hash: "h0"}, {Source: "antara", URL: urls[1]}}); err != nil {
		t.Fatal(err)
	}
	// Worker b sees a's writes.
	if !b.Done(urls[0]) || !b.Done(urls[1]) || b.Done(urls[2]) || b.Done("https://k.id/1") {
		t.Error("Done of the other worker's writes is wrong")
	}
	if !b.HashSeen("h0") || b.HashSeen("h1") {
		t.Error("HashSeen wrong")
	}
	got := b.DoneMany([]string{urls[0], urls[2], urls[1], "https://elsewhere.id/"})
	if len(got) != 2 || !got[urls[0]] || !got[urls[1]] {
		t.Errorf("DoneMany = %v", got)
	}
	p, err := b.Pending("antara")
	if err != nil {
		t.Fatal(err)
	}
	if want := urls[2:]; !slices.Equal(p, want) {
		t.Errorf("Pending has %d URLs, want %d (the not finished ones, in order)", len(p), len(want))
	}
	// Pending is create-only: it never undoes a done URL.
	if err := b.AddPending("antara", urls[:3]); err != nil {
		t.Fatal(err)
	}
	if !a.Done(urls[0]) {
		t.Error("AddPending made a done URL pending again")
	}
	if p, _ := a.Pending("kompas"); !slices.Equal(p, []string{"https://k.id/1"}) {
		t.Errorf("kompas pending = %v", p)
	}

	now := time.Now()
	if err := a.PauseHost("a.id", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := a.PauseHost("a.id", now.Add(time.Minute)); err != nil { // shorter: ignored
		t.Fatal(err)
	}
	if err := a.PauseHost("k.id", now.Add(-time.Minute)); err != nil { // over
		t.Fatal(err)
	}
	paused, err := b.Paused(now)
	if err != nil {
		t.Fatal(err)
	}
	if len(paused) != 1 || paused["a.id"].Sub(now.Add(time.Hour)).Abs() > time.Millisecond {
		t.Errorf("Paused = %v, want a.id for an hour", paused)
	}

	v := state.Validator{ETag: `"abc"`, LastModified: "Fri, 04 Dec 2026 10:00:00 GMT"}
	if err := a.SetValidator("https://a.id/rss", v); err != nil {
		t.Fatal(err)
	}
	if got, ok := b.Validator("https://a.id/rss"); !ok || got != v {
		t.Errorf("Validator = %+v %v", got, ok)
	}
	if err := b.SetValidator("https://a.id/rss", state.Validator{}); err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Validator("https://a.id/rss"); ok {
		t.Error("an empty validator did not forget")
	}
	poll := state.Poll{Last: now.UTC().Truncate(time.Millisecond), Rate: 1.5, Interval: 40 * time.Minute, Checks: 3}
	if err := a.SetPoll("antara", poll); err != nil {
		t.Fatal(err)
	}
	if got, ok := b.Poll("antara"); !ok || !got.Last.Equal(poll.Last) || got.Rate != 1.5 || got.Interval != poll.Interval || got.Checks != 3 {
		t.Errorf("Poll = %+v %v", got, ok)
	}
	if fin, err := b.RunFinished("antara"); err != nil || !fin.IsZero() {
		t.Errorf("RunFinished before any run = %v, %v", fin, err)
	}
	if err := a.SetRunFinished("antara", now); err != nil {
		t.Fatal(err)
	}
	if fin, err := b.RunFinished("antara"); err != nil || fin.Sub(now).Abs() > time.Millisecond {
		t.Errorf("RunFinished = %v, %v, want %v", fin, err, now)
	}
}
