// Command alerts measures alert latency end to end: a saved search with a
// webhook subscription, then `netra score --index` of one batch at a time
// (a real netra process each run), and the time until the webhook receiver
// on 127.0.0.1 has the signed alert for that batch. It prints p50/p95 of
// that latency and of its part after matching (the alert's "created" to
// its receipt).
//
//	go build -o /tmp/netra ./cmd/netra && go run ./bench/alerts -netra /tmp/netra [-es URL] [-runs 20] [-batch 100]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/netra-id/netra/alert"
)

type receipt struct {
	at    time.Time
	alert alert.Alert
}

func main() {
	bin := flag.String("netra", "netra", "netra binary")
	es := flag.String("es", "", "Elasticsearch URL (default: the embedded store)")
	runs := flag.Int("runs", 20, "batches (one netra score --index each)")
	batch := flag.Int("batch", 100, "records per batch; one in five matches the saved search")
	flag.Parse()
	if err := run(*bin, *es, *runs, *batch); err != nil {
		fmt.Fprintln(os.Stderr, "alerts bench:", err)
		os.Exit(1)
	}
}

func run(bin, es string, runs, batch int) error {
	dir, err := os.MkdirTemp("", "netra-alert-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	prefix := fmt.Sprintf("bench-alerts-%d", time.Now().UnixNano())
	base := []string{"--data", filepath.Join(dir, "data")}
	if es != "" {
		base = append(base, "--es", es, "--es-index-prefix", prefix)
		defer func() {
			req, _ := http.NewRequest(http.MethodDelete, es+"/"+prefix+"-*", nil)
			if res, err := http.DefaultClient.Do(req); err == nil {
				res.Body.Close()
			}
			for _, t := range []string{"items", "audit"} {
				req, _ := http.NewRequest(http.MethodDelete, es+"/_index_template/"+prefix+"-"+t, nil)
				if res, err := http.DefaultClient.Do(req); err == nil {
					res.Body.Close()
				}
			}
		}()
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	var mu sync.Mutex
	got := make(chan receipt, runs*2)
	var secret string
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		at := time.Now()
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		s := secret
		mu.Unlock()
		if !alert.Verify(s, body, r.Header.Get(alert.SignatureHeader)) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var a alert.Alert
		if err := json.Unmarshal(body, &a); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		got <- receipt{at: at, alert: a}
	})}
	go srv.Serve(ln)
	defer srv.Close()

	out, err := exec.Command(bin, append(base, "alerts", "add", "bench", "--owner", "bench", "--q", "kampanye",
		"--notify", "webhook", "--target", "http://"+ln.Addr().String()+"/hook")...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("alerts add: %v: %s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if i := strings.LastIndex(line, "secret"); i >= 0 && strings.HasPrefix(line, "webhook") {
			mu.Lock()
			secret = strings.TrimSpace(line[strings.LastIndex(line, ":")+1:])
			mu.Unlock()
		}
	}
	if secret == "" {
		return fmt.Errorf("alerts add printed no webhook secret: %s", out)
	}

	var total, after, proc []time.Duration
	for r := range runs {
		file := filepath.Join(dir, fmt.Sprintf("batch-%d.jsonl", r))
		var b strings.Builder
		want := 0
		for i := range batch {
			text := fmt.Sprintf("Laporan warga nomor %d-%d tentang harga beras dan jalan rusak di desa.", r, i)
			if i%5 == 0 {
				text = fmt.Sprintf("Seorang camat terekam ikut kampanye calon bupati nomor %d-%d di lapangan desa.", r, i)
				want++
			}
			line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("r%d-%d", r, i), "source": "bench", "text": text})
			b.Write(line)
			b.WriteByte('\n')
		}
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			return err
		}
		start := time.Now()
		cmd := exec.Command(bin, append(base, "score", "--index", file)...)
		cmd.Stdout = io.Discard
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("score --index: %v: %s", err, stderr.String())
		}
		proc = append(proc, time.Since(start))
		select {
		case rc := <-got:
			if len(rc.alert.Items) != want {
				return fmt.Errorf("run %d: alert with %d items, want %d", r, len(rc.alert.Items), want)
			}
			total = append(total, rc.at.Sub(start))
			after = append(after, rc.at.Sub(rc.alert.Created))
		case <-time.After(time.Minute):
			return fmt.Errorf("run %d: no webhook within a minute", r)
		}
	}
	select {
	case rc := <-got:
		return fmt.Errorf("an extra alert arrived: %+v", rc.alert.Search)
	case <-time.After(time.Second):
	}
	store := "bleve (embedded)"
	if es != "" {
		store = "elasticsearch " + es
	}
	fmt.Printf("store: %s; %d runs of netra score --index with %d records, %d matching one saved search (webhook)\n", store, runs, batch, batch/5)
	fmt.Printf("score --index start -> webhook received: p50 %s  p95 %s\n", pct(total, 50), pct(total, 95))
	fmt.Printf("alert created (after match) -> webhook received: p50 %s  p95 %s\n", pct(after, 50), pct(after, 95))
	fmt.Printf("whole score --index process (incl. start-up and flush): p50 %s  p95 %s\n", pct(proc, 50), pct(proc, 95))
	return nil
}

// pct is the p-th percentile (nearest rank).
func pct(d []time.Duration, p int) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	i := (p*len(s)+99)/100 - 1
	return s[max(i, 0)].Round(time.Millisecond)
}
