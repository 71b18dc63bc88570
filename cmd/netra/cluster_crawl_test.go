//go:build unix

package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/crawler/canon"
	"github.com/netra-id/netra/index/elastic"
	"github.com/netra-id/netra/internal/clustersite"
)

// clusterSite starts the multi-source site of real saved pages.
func clusterSite(t *testing.T, sources, perSource int, schedule string) (*clustersite.Site, string) {
	t.Helper()
	site, err := clustersite.New("../../crawler/extract/testdata/anpandu", sources, perSource)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	site.SetBase(srv.URL)
	path := filepath.Join(t.TempDir(), "sources.yaml")
	if err := os.WriteFile(path, []byte(site.SourcesYAML(schedule)), 0o600); err != nil {
		t.Fatal(err)
	}
	return site, path
}

// worker is one `netra crawl --once` process of the cluster test.
type worker struct {
	name string
	cmd  *exec.Cmd
	out  bytes.Buffer
}

// startWorkers starts n crawl workers over the cluster, each with its own
// data directory and a User-Agent naming it (the access log tells them
// apart by it).
func startWorkers(t *testing.T, n int, es []string, sources, host string, ttl time.Duration) []*worker {
	t.Helper()
	var ws []*worker
	for i := range n {
		name := fmt.Sprintf("w%d", i)
		ws = append(ws, startWorker(t, name, append(slices.Clone(es), "--data", filepath.Join(t.TempDir(), name), "crawl", "--sources", sources, "--once",
			"--polite=false", "--allow-addr", host, "--workers", "4", "--host-parallelism", "4",
			"--user-agent", "NetraBot-"+name+"/1.0", "--lease-ttl", ttl.String())...))
	}
	return ws
}

// startWorker starts `netra ARGS` as worker name, its output kept, and
// kills it when the test ends.
func startWorker(t *testing.T, name string, args ...string) *worker {
	t.Helper()
	w := &worker{name: name, cmd: netraChild(args...)}
	w.cmd.Stdout, w.cmd.Stderr = &w.out, &w.out
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = w.cmd.Process.Kill()
		_ = w.cmd.Wait()
	})
	return w
}

// agentWorker is the worker name in a User-Agent "NetraBot-wN/1.0".
func agentWorker(ua string) string {
	ua = strings.TrimPrefix(ua, "NetraBot-")
	name, _, _ := strings.Cut(ua, "/")
	return name
}

// storedIDs lists the record IDs behind the read alias (every
// generation), with how often each occurs.
func storedIDs(t *testing.T, esURL, prefix string) map[string]int {
	t.Helper()
	alias := prefix + "-records"
	esGet(t, http.MethodPost, esURL+"/"+alias+"/_refresh", "", nil)
	var res struct {
		Hits struct {
			Hits []struct {
				ID string `json:"_id"`
			} `json:"hits"`
		} `json:"hits"`
	}
	esGet(t, http.MethodPost, esURL+"/"+alias+"/_search", `{"size":10000,"_source":false}`, &res)
	out := map[string]int{}
	for _, h := range res.Hits.Hits {
		out[h.ID]++
	}
	return out
}

// checkStoredOnce: the read alias counts one record per page, and holds
// exactly the pages' records.
func checkStoredOnce(t *testing.T, esURL, prefix string, site *clustersite.Site) {
	t.Helper()
	if n := aliasCount(t, esURL, prefix+"-records"); n != site.Pages() {
		t.Errorf("the read alias counts %d records, want %d (one per page)", n, site.Pages())
	}
	ids := storedIDs(t, esURL, prefix)
	missing := 0
	for i := range site.Pages() {
		u, err := canon.URL(site.PageURL(i))
		if err != nil {
			t.Fatal(err)
		}
		if ids[netra.ItemID(u, "", "")] != 1 {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d pages do not have exactly one record", missing, site.Pages())
	}
}

// TestClusterCrawl runs three `netra crawl --once` workers (separate
// processes and data directories, one cluster) over a local site of 550
// real saved pages in five sources.
//
// First run: every article page is fetched exactly once (the site's access
// log) and every record stored exactly once (counted through the read
// alias).
//
// Second run, fresh cluster state: the worker that answers the 120th page
// request is killed with SIGKILL in the middle of a source, while it has
// requests in flight; the other two finish the rest, and once its lease
// expired (TTL 5s) one of them takes over its source from the shared
// crawl state. Every record is again stored exactly once. A page may be
// fetched a second time only if the killed worker had fetched it and its
// URL was not yet marked done in the crawl state at the kill: fetched but
// its record not acknowledged by the store ("done means stored"), so it
// was pending and the next holder fetched it again. Every page done at the
// kill is fetched exactly once.
func TestClusterCrawl(t *testing.T) {
	if testing.Short() {
		t.Skip("starts three crawl processes")
	}
	esURL := esTestURL(t)
	const sources, perSource = 5, 110
	site, sourcesFile := clusterSite(t, sources, perSource, "")
	host := strings.TrimPrefix(site.PageURL(0), "http://")
	host, _, _ = strings.Cut(host, "/")
	// Leases are renewed every third of the TTL; under the load of a
	// 2-core CI machine running Elasticsearch and three workers, a few
	// seconds keep every renewal in time. A lease lost for being late is
	// taken over and the loser's unacknowledged pages fetched again,
	// which the first run would rightly count as a failure.
	const ttl, killTTL = 10 * time.Second, 5 * time.Second

	t.Run("all", func(t *testing.T) {
		prefix := esPrefix(t, esURL, "cluster-crawl")
		es := []string{"--es", esURL, "--es-index-prefix", prefix}
		ws := startWorkers(t, 3, es, sourcesFile, host, ttl)
		for _, w := range ws {
			if err := w.cmd.Wait(); err != nil {
				t.Fatalf("worker %s: %v\n%s", w.name, err, w.out.String())
			}
		}
		hits := site.Hits()
		perWorker := map[string]int{}
		twice := 0
		for i := range site.Pages() {
			switch h := hits[i]; {
			case len(h) == 0:
				t.Errorf("page %d never fetched", i)
			case len(h) > 1:
				twice++
			}
			for _, f := range hits[i] {
				perWorker[agentWorker(f.Agent)]++
			}
		}
		if twice > 0 {
			t.Errorf("%d pages fetched more than once, want each exactly once", twice)
		}
		t.Logf("pages fetched per worker: %v", perWorker)
		checkStoredOnce(t, esURL, prefix, site)
		if t.Failed() {
			for _, w := range ws {
				t.Logf("worker %s:\n%s", w.name, w.out.String())
			}
		}
	})

	t.Run("kill", func(t *testing.T) {
		site.Reset()
		prefix := esPrefix(t, esURL, "cluster-kill")
		es := []string{"--es", esURL, "--es-index-prefix", prefix}

		// The 120th page request names the victim. From then on its
		// requests are slowed down until the crawl state shows some of
		// its pages done (the pipeline acknowledged a batch); then they
		// wait until it is dead, and it is killed: mid-source, with some
		// of its fetched pages done, maybe some fetched but not yet done,
		// and requests in flight.
		var mu sync.Mutex
		served, chosen, blocked := 0, "", false
		victim := make(chan string, 1)
		dead := make(chan struct{})
		site.Hook = func(page int, r *http.Request) {
			name := agentWorker(r.UserAgent())
			mu.Lock()
			served++
			if served == 120 {
				chosen = name
				victim <- name
			}
			mine, block := chosen != "" && name == chosen, blocked
			mu.Unlock()
			switch {
			case mine && block:
				select {
				case <-dead:
				case <-r.Context().Done():
				}
			case mine:
				time.Sleep(50 * time.Millisecond)
			}
		}
		t.Cleanup(func() { site.Hook = nil })

		ws := startWorkers(t, 3, es, sourcesFile, host, killTTL)
		var name string
		select {
		case name = <-victim:
		case <-time.After(time.Minute):
			t.Fatal("the workers did not fetch 120 pages in a minute")
		}
		var v *worker
		for _, w := range ws {
			if w.name == name {
				v = w
			}
		}
		if v == nil {
			t.Fatalf("no worker named %q", name)
		}
		store, err := elastic.Open(context.Background(), elastic.Config{URLs: []string{esURL}, IndexPrefix: prefix})
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		urls := make([]string, site.Pages())
		for i := range urls {
			if urls[i], err = canon.URL(site.PageURL(i)); err != nil {
				t.Fatal(err)
			}
		}
		victimPages := func() []string {
			var out []string
			for i, h := range site.Hits() {
				for _, f := range h {
					if agentWorker(f.Agent) == name {
						out = append(out, urls[i])
					}
				}
			}
			return out
		}
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if len(store.CrawlState(context.Background()).DoneMany(victimPages())) > 0 {
				break
			}
		}
		mu.Lock()
		blocked = true
		mu.Unlock()
		if err := v.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = v.cmd.Wait()
		close(dead)

		// What the crawl state says was done when the victim died.
		doneAtKill := store.CrawlState(context.Background()).DoneMany(urls)
		fetchedByVictim := map[int]bool{}
		for i, h := range site.Hits() {
			for _, f := range h {
				if agentWorker(f.Agent) == name {
					fetchedByVictim[i] = true
				}
			}
		}

		for _, w := range ws {
			if w == v {
				continue
			}
			if err := w.cmd.Wait(); err != nil {
				t.Fatalf("worker %s: %v\n%s", w.name, err, w.out.String())
			}
		}
		hits := site.Hits()
		var again []int
		for i := range site.Pages() {
			h := hits[i]
			switch {
			case len(h) == 0:
				t.Errorf("page %d never fetched", i)
			case len(h) == 1:
			case len(h) > 2:
				t.Errorf("page %d fetched %d times", i, len(h))
			case doneAtKill[urls[i]]:
				t.Errorf("page %d was done at the kill and was fetched again", i)
			case agentWorker(h[0].Agent) != name || agentWorker(h[1].Agent) == name:
				t.Errorf("page %d fetched by %s then %s; only a page the killed worker %s had in flight may be fetched twice", i, h[0].Agent, h[1].Agent, name)
			default:
				again = append(again, i)
			}
		}
		sort.Ints(again)
		t.Logf("killed %s after it fetched %d pages, %d of them done at the kill; %d fetched again by the others: %v",
			name, len(fetchedByVictim), countDone(doneAtKill, urls, fetchedByVictim), len(again), again)
		checkStoredOnce(t, esURL, prefix, site)
		var took bool
		for _, w := range ws {
			if w != v && strings.Contains(w.out.String(), "resumed") {
				took = true
			}
		}
		if !took {
			t.Error("no surviving worker resumed the killed worker's pending pages")
		}
		if t.Failed() {
			for _, w := range ws {
				t.Logf("worker %s:\n%s", w.name, w.out.String())
			}
		}
	})
}

// countDone counts the pages in set whose URL was done.
func countDone(done map[string]bool, urls []string, set map[int]bool) int {
	n := 0
	for i := range set {
		if done[urls[i]] {
			n++
		}
	}
	return n
}
