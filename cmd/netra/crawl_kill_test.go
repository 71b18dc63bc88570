//go:build unix

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/netra-id/netra/crawler"
	"github.com/netra-id/netra/crawler/canon"
	"github.com/netra-id/netra/crawler/state"
	"github.com/netra-id/netra/review/config"
)

// netraChild is `netra ARGS` as a child process (see TestScoreKillHelper),
// with main's signal handling, so tests can kill or interrupt it.
func netraChild(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestScoreKillHelper$")
	cmd.Env = append(os.Environ(), "NETRA_SCORE_CHILD_ARGS="+strings.Join(args, "\x1f"))
	return cmd
}

// crawlArgs crawls the test site once, politeness off (our own server).
func crawlArgs(data, sources string, s *testSite, extra ...string) []string {
	return append([]string{"--data", data, "crawl", "--sources", sources, "--once", "--polite=false",
		"--allow-addr", s.Host(), "--workers", "4"}, extra...)
}

// waitServed waits until the site answered n article pages.
func waitServed(t *testing.T, s *testSite, n int64, child *exec.Cmd) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for s.served.Load() < n {
		if time.Now().After(deadline) {
			if child != nil {
				child.Process.Kill()
			}
			t.Fatalf("the crawl fetched %d pages in 2 minutes, want %d", s.served.Load(), n)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// checkDoneStored checks the rule the crawl state relies on: every URL it
// counts as done has its record in the store. It returns how many pages
// are done.
func checkDoneStored(t *testing.T, g *globals, s *testSite) int {
	t.Helper()
	st, err := state.Open(filepath.Join(g.dataDir, "crawl", crawler.StateFile))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	store, err := openStore(context.Background(), g, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	done := 0
	for i := range s.n {
		u, err := canon.URL(s.pageURL(i))
		if err != nil {
			t.Fatal(err)
		}
		if !st.Done(u) {
			continue
		}
		done++
		if _, err := store.Get(context.Background(), s.ID(t, i)); err != nil {
			t.Errorf("article %d is done in the crawl state but not in the store: %v", i, err)
		}
	}
	return done
}

var summaryCounts = regexp.MustCompile(`new (\d+), flagged \d+, stored (\d+)`)

// TestCrawlSurvivesKill kills `netra crawl` with SIGKILL part-way through a
// 320-page site, while fetched pages wait in the pipeline, then runs it
// again: no URL counts as done without its record, and after the second
// run every page is stored exactly once — in the embedded store and in the
// real Elasticsearch.
func TestCrawlSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for _, sc := range storeCases {
		t.Run(sc.name, func(t *testing.T) {
			c := newCrawlCase(t, sc, "")
			s, g, args := c.site, c.g, c.args

			first := netraChild(args()...)
			if err := first.Start(); err != nil {
				t.Fatal(err)
			}
			waitServed(t, s, 150, first)
			if err := first.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			_ = first.Wait()
			done := checkDoneStored(t, g, s)
			t.Logf("killed after %d pages were served; %d done in the crawl state", s.served.Load(), done)
			if done >= s.n {
				t.Fatalf("all %d pages done before the kill", done)
			}

			s.open()
			if out, err := netraChild(args()...).CombinedOutput(); err != nil {
				t.Fatalf("second run: %v\n%s", err, out)
			}
			checkAllStored(t, g, s)
			checkDoneStored(t, g, s)
		})
	}
}

// TestCrawlInterruptDrains sends Ctrl-C (SIGINT) to `netra crawl` part-way:
// it stops fetching, stores every page it had fetched (the summary's new
// and stored agree), and exits; a second run stores the rest. With two
// Ctrl-C it stops at once, and still nothing counted done is missing.
func TestCrawlInterruptDrains(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for _, sc := range storeCases {
		for _, signals := range []int{1, 2} {
			t.Run(sc.name+"/"+strconv.Itoa(signals)+"-signals", func(t *testing.T) {
				c := newCrawlCase(t, sc, "")
				s, g, args := c.site, c.g, c.args
				first := netraChild(args()...)
				var out strings.Builder
				first.Stdout, first.Stderr = &out, &out
				if err := first.Start(); err != nil {
					t.Fatal(err)
				}
				waitServed(t, s, 150, first)
				for range signals {
					if err := first.Process.Signal(os.Interrupt); err != nil {
						t.Fatal(err)
					}
					time.Sleep(20 * time.Millisecond)
				}
				err := first.Wait()
				if signals == 1 {
					if err != nil {
						t.Fatalf("interrupted crawl: %v\n%s", err, out.String())
					}
					m := summaryCounts.FindStringSubmatch(out.String())
					if m == nil {
						t.Fatalf("no summary:\n%s", out.String())
					}
					if m[1] != m[2] || m[1] == "0" {
						t.Fatalf("interrupted crawl: new %s but stored %s: every fetched page must be stored\n%s", m[1], m[2], out.String())
					}
					n, _ := strconv.Atoi(m[2])
					if done := checkDoneStored(t, g, s); done != n {
						t.Errorf("%d pages done in the crawl state, %d stored", done, n)
					}
				} else {
					checkDoneStored(t, g, s)
				}
				s.open()
				if out, err := netraChild(args()...).CombinedOutput(); err != nil {
					t.Fatalf("second run: %v\n%s", err, out)
				}
				checkAllStored(t, g, s)
			})
		}
	}
}

// TestServeShutdownDrainsCrawl stops `netra serve` (what SIGTERM does) while
// its scheduled crawl is part-way through a 320-page site: the crawl stops
// fetching, what it fetched is stored, and one `netra crawl --once` later
// every page is stored exactly once.
func TestServeShutdownDrainsCrawl(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls a 320-page site")
	}
	for _, sc := range storeCases {
		t.Run(sc.name, func(t *testing.T) {
			c := newCrawlCase(t, sc, "@every 1s")
			s, g, sources := c.site, c.g, c.sources
			cfg := config.Defaults()
			cfg.Addr, cfg.LogLevel, cfg.Sources = "127.0.0.1:0", "warn", sources
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			ready := make(chan string, 1)
			done := make(chan error, 1)
			go func() {
				done <- runServe(ctx, g, cfg, false, io.Discard, ready,
					crawler.WithAllowedAddrs(s.Host()), crawler.WithPoliteness(false), crawler.WithWorkers(4))
			}()
			select {
			case <-ready:
			case err := <-done:
				t.Fatal(err)
			}
			waitServed(t, s, 150, nil)
			cancel() // SIGTERM
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("serve: %v", err)
				}
			case <-time.After(2 * time.Minute):
				t.Fatal("serve did not stop")
			}
			n := checkDoneStored(t, g, s)
			t.Logf("%d pages done (and stored) when serve stopped", n)
			s.open()
			if _, errOut, err := runNetra(t, "", c.args()...); err != nil {
				t.Fatalf("crawl after serve: %v\n%s", err, errOut)
			}
			checkAllStored(t, g, s)
		})
	}
}

// TestScoreInterruptDrains sends Ctrl-C to `netra score --index` reading
// stdin: it stops reading, writes and stores every document it read, and
// exits with status 130 saying so.
func TestScoreInterruptDrains(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "out.jsonl")
	child := netraChild("--data", data, "score", "--index", "--source", "impor", "--out", out, "-")
	stdin, err := child.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	child.Stderr = &stderr
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	// More than a pipe holds: when the writes return, the child has read
	// a good part. Stdin stays open, as a stream would.
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, "{\"id\":%d,\"text\":%q}\n", i, fmt.Sprintf("%s (%d)", e2eTexts[i%len(e2eTexts)], i))
	}
	if _, err := io.WriteString(stdin, b.String()); err != nil {
		t.Fatal(err)
	}
	if err := child.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err = child.Wait()
	stdin.Close()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("interrupted score: %v, want exit status 130\n%s", err, stderr.String())
	}
	m := regexp.MustCompile(`(\d+) documents.*, (\d+) stored`).FindStringSubmatch(stderr.String())
	if m == nil || m[1] != m[2] || m[1] == "0" {
		t.Fatalf("summary of the interrupted score: every document read must be stored\n%s", stderr.String())
	}
	written, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(m[2])
	if lines := strings.Count(string(written), "\n"); lines != n {
		t.Errorf("%d verdicts written, %d stored", lines, n)
	}
	if got := countStored(t, data); got != n {
		t.Errorf("the store holds %d records, the summary says %d", got, n)
	}
}
