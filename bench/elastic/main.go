// Command elastic-bench writes the same records into the embedded bleve
// store and into Elasticsearch and reports, for each, records stored per
// second and the latency of one reviewer query (text + status filter +
// facets + highlights): p50, p95 and p99 over repeated runs.
//
//	go run ./bench/elastic [-n 100000] [-es URL] DATA_DIR
//
// DATA_DIR holds posts.jsonl and news.jsonl (the benchmark corpus). When it
// has fewer than -n lines, the lines are used again with new IDs, so both
// stores get exactly -n records. Records are classified once, before any
// store is timed; both stores index with the classifier's analyser.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/bleve"
	"github.com/netra-id/netra/index/elastic"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "elastic-bench:", err)
		os.Exit(1)
	}
}

func run() error {
	n := flag.Int("n", 100000, "records to store")
	batch := flag.Int("batch", 1000, "records per Upsert")
	esURL := flag.String("es", os.Getenv("NETRA_ES_URL"), "Elasticsearch URL ($NETRA_ES_URL)")
	queries := flag.Int("queries", 200, "timed runs of the reviewer query per store")
	text := flag.String("q", "kampanye calon", "text of the reviewer query")
	keep := flag.Bool("keep", false, "keep the Elasticsearch indices and the bleve directory")
	stores := flag.String("stores", "bleve,elasticsearch", "which stores to measure")
	flag.Parse()
	if flag.NArg() != 1 || *esURL == "" {
		return errors.New("usage: elastic-bench [-n N] -es URL DATA_DIR (or NETRA_ES_URL)")
	}
	ctx := context.Background()

	cls, err := classifier.Default()
	if err != nil {
		return err
	}
	start := time.Now()
	recs, bytes, err := load(flag.Arg(0), *n, cls)
	if err != nil {
		return err
	}
	flagged := 0
	for _, r := range recs {
		if r.Verdict.Flagged {
			flagged++
		}
	}
	fmt.Printf("corpus: %d records (%.1f MB of text, %d flagged), loaded and classified in %s\n",
		len(recs), float64(bytes)/1e6, flagged, time.Since(start).Round(time.Millisecond))

	q := index.Query{
		Text:      *text,
		Statuses:  []netra.Status{netra.StatusNew},
		Facets:    []string{index.FacetCategory, index.FacetRule, index.FacetSource, index.FacetStatus},
		Highlight: true,
		Limit:     20,
	}
	fmt.Printf("reviewer query: text %q, status new, facets category/rule/source/status, highlights, 20 per page\n\n", q.Text)
	fmt.Printf("%-14s %10s %12s %9s %9s %9s %8s\n", "store", "write s", "records/s", "p50 ms", "p95 ms", "p99 ms", "total")

	if strings.Contains(*stores, "bleve") {
		dir, err := os.MkdirTemp("", "netra-bench-bleve-")
		if err != nil {
			return err
		}
		if !*keep {
			defer os.RemoveAll(dir)
		}
		bs, err := bleve.Open(dir, bleve.WithAnalyzer(cls.Analyze))
		if err != nil {
			return err
		}
		if err := measure(ctx, "bleve", bs, recs, *batch, q, *queries); err != nil {
			return err
		}
		bs.Close()
	}
	if !strings.Contains(*stores, "elasticsearch") {
		return nil
	}

	prefix := fmt.Sprintf("bench-%d", time.Now().Unix())
	es, err := elastic.Open(ctx, elastic.Config{URLs: strings.Split(*esURL, ","), IndexPrefix: prefix},
		elastic.WithAnalyzer(cls.Analyze))
	if err != nil {
		return err
	}
	if !*keep {
		defer dropES(ctx, *esURL, prefix)
	}
	if err := measure(ctx, "elasticsearch", es, recs, *batch, q, *queries); err != nil {
		return err
	}
	return es.Close()
}

// measure stores recs in batches, then times the query.
func measure(ctx context.Context, name string, s index.Store, recs []netra.Record, batch int, q index.Query, runs int) error {
	start := time.Now()
	for i := 0; i < len(recs); i += batch {
		if err := s.Upsert(ctx, recs[i:min(i+batch, len(recs))]); err != nil {
			return fmt.Errorf("%s: upsert: %w", name, err)
		}
	}
	write := time.Since(start)
	var total int
	for range 10 { // warm caches as a reviewer's session would
		res, err := s.Search(ctx, q)
		if err != nil {
			return fmt.Errorf("%s: search: %w", name, err)
		}
		total = res.Total
	}
	lat := make([]time.Duration, runs)
	for i := range lat {
		t0 := time.Now()
		if _, err := s.Search(ctx, q); err != nil {
			return fmt.Errorf("%s: search: %w", name, err)
		}
		lat[i] = time.Since(t0)
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	fmt.Printf("%-14s %10.1f %12.0f %9.1f %9.1f %9.1f %8d\n", name, write.Seconds(),
		float64(len(recs))/write.Seconds(), pct(0.50), pct(0.95), pct(0.99), total)
	return nil
}

// load reads the corpus, reusing lines with new IDs until there are n
// records, and classifies them.
func load(dir string, n int, cls *classifier.Classifier) ([]netra.Record, int64, error) {
	type line struct {
		ID, Source, URL, Title, Text string
		CreatedAt                    string `json:"created_at"`
		Date                         string
	}
	var items []netra.Item
	var total int64
	for _, name := range []string{"posts.jsonl", "news.jsonl"} {
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if err != nil {
			return nil, 0, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
		ln := 0
		for sc.Scan() {
			ln++
			var l line
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				f.Close()
				return nil, 0, fmt.Errorf("%s:%d: %w", path, ln, err)
			}
			it := netra.Item{ID: l.ID, Source: l.Source, URL: l.URL, Title: l.Title, Text: l.Text, Kind: "import"}
			for _, layout := range []string{time.RubyDate, time.RFC3339} {
				for _, v := range []string{l.CreatedAt, l.Date} {
					if t, err := time.Parse(layout, v); err == nil && it.Published.IsZero() {
						it.Published = t
					}
				}
			}
			if it.ID == "" {
				it.ID = netra.ItemID(l.URL, l.Source, l.Text)
			}
			items = append(items, it)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, 0, fmt.Errorf("%s:%d: %w", path, ln, err)
		}
	}
	if len(items) == 0 {
		return nil, 0, fmt.Errorf("no records in %s", dir)
	}
	recs := make([]netra.Record, n)
	verdicts := make(map[int]netra.Verdict, len(items))
	for i := range recs {
		k := i % len(items)
		it := items[k]
		if i >= len(items) {
			it.ID = fmt.Sprintf("%s#%d", it.ID, i/len(items))
		}
		v, ok := verdicts[k]
		if !ok {
			v = cls.Classify(it)
			verdicts[k] = v
		}
		v.ID = it.ID
		recs[i] = netra.Record{Item: it, Verdict: v}
		total += int64(len(it.Text))
	}
	return recs, total, nil
}

func dropES(ctx context.Context, url, prefix string) {
	base := strings.Split(url, ",")[0]
	for _, p := range []string{"/" + prefix + "-*", "/_index_template/" + prefix + "-items", "/_index_template/" + prefix + "-audit"} {
		req, err := http.NewRequestWithContext(ctx, http.MethodDelete, base+p, nil)
		if err != nil {
			continue
		}
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}
}
