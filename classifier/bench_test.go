package classifier

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/rules"
)

// benchDir holds posts.jsonl and news.jsonl for BenchmarkClassify; set it
// with -benchdir or $NETRA_BENCH_DIR. Benchmarks skip when it is absent.
var benchDir = flag.String("benchdir", os.Getenv("NETRA_BENCH_DIR"), "directory with posts.jsonl and news.jsonl")

// candidatesCSV is the full candidate list for BenchmarkClassifyCandidates
// ($NETRA_CANDIDATES_CSV, e.g. caleg_dct_2024.csv).
var candidatesCSV = flag.String("candidates", os.Getenv("NETRA_CANDIDATES_CSV"), "candidate CSV for BenchmarkClassifyCandidates")

func loadBench(b *testing.B, name string) ([]netra.Item, int64) {
	b.Helper()
	if *benchDir == "" {
		b.Skip("set NETRA_BENCH_DIR or -benchdir to the directory with posts.jsonl and news.jsonl")
	}
	f, err := os.Open(filepath.Join(*benchDir, name))
	if err != nil {
		b.Skipf("bench data: %v", err)
	}
	defer f.Close()
	var items []netra.Item
	var size int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct{ ID, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		it := netra.Item{ID: rec.ID, Title: rec.Title, Text: rec.Text}
		items = append(items, it)
		size += int64(len(it.Text) + len(it.Title))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return items, size
}

func benchClassify(b *testing.B, c *Classifier, name string) {
	items, size := loadBench(b, name)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	flagged := 0
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		for _, it := range items {
			if c.Classify(it).Flagged {
				flagged++
			}
		}
	}
	b.StopTimer()
	reportCPU(b, size, cpu0)
	b.ReportMetric(float64(len(items)*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(flagged)/float64(b.N), "flagged")
}

// reportCPU reports MB per CPU second (user+system, all threads, GC
// included) since cpu0: on a shared, oversubscribed machine wall-clock MB/s
// mostly measures the neighbours.
func reportCPU(b *testing.B, size int64, cpu0 time.Duration) {
	if cpu := processCPU() - cpu0; cpu > 0 && cpu0 > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}

// BenchmarkClassify measures the whole classifier, one goroutine, over the
// real posts and news of the bench directory.
func BenchmarkClassify(b *testing.B) {
	c := mustDefault(b)
	for _, name := range []string{"posts.jsonl", "news.jsonl"} {
		b.Run(name, func(b *testing.B) { benchClassify(b, c, name) })
	}
}

// BenchmarkFirstStage measures the automaton alone.
func BenchmarkFirstStage(b *testing.B) {
	c := mustDefault(b)
	for _, name := range []string{"posts.jsonl", "news.jsonl"} {
		b.Run(name, func(b *testing.B) {
			items, size := loadBench(b, name)
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			cand := 0
			cpu0 := processCPU()
			for i := 0; i < b.N; i++ {
				for _, it := range items {
					if c.Candidate(it.Title, it.Text) {
						cand++
					}
				}
			}
			b.StopTimer()
			reportCPU(b, size, cpu0)
			b.ReportMetric(float64(cand)/float64(b.N), "candidates")
		})
	}
}

// BenchmarkClassifyCandidates compares matching with and without a full
// candidate list (e.g. the 258k 2024 legislative candidates) loaded.
func BenchmarkClassifyCandidates(b *testing.B) {
	if *candidatesCSV == "" {
		b.Skip("set NETRA_CANDIDATES_CSV or -candidates to a candidate CSV")
	}
	cands, err := rules.ReadCandidatesFile(*candidatesCSV)
	if err != nil {
		b.Fatal(err)
	}
	p, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	without, err := New(p)
	if err != nil {
		b.Fatal(err)
	}
	p2, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	p2.AddCandidates(rules.CandidatesGazetteer, cands)
	with, err := New(p2)
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"posts.jsonl", "news.jsonl"} {
		b.Run("without/"+name, func(b *testing.B) { benchClassify(b, without, name) })
		b.Run("with/"+name, func(b *testing.B) { benchClassify(b, with, name) })
	}
}

// BenchmarkAnalyze measures the indexing analyser over the news articles.
func BenchmarkAnalyze(b *testing.B) {
	c := mustDefault(b)
	items, size := loadBench(b, "news.jsonl")
	if len(items) > 3000 {
		items = items[:3000]
		size = 0
		for _, it := range items {
			size += int64(len(it.Text) + len(it.Title))
		}
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, it := range items {
			c.Analyze(it.Text)
		}
	}
}

// BenchmarkClassifyParallel runs Classify from GOMAXPROCS goroutines over
// the same corpus, as a batch scorer does.
func BenchmarkClassifyParallel(b *testing.B) {
	c := mustDefault(b)
	for _, name := range []string{"posts.jsonl", "news.jsonl"} {
		b.Run(name, func(b *testing.B) {
			items, size := loadBench(b, name)
			b.SetBytes(size)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				var next atomic.Int64
				var wg sync.WaitGroup
				for w := 0; w < runtime.GOMAXPROCS(0); w++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for {
							k := int(next.Add(1)) - 1
							if k >= len(items) {
								return
							}
							c.Classify(items[k])
						}
					}()
				}
				wg.Wait()
			}
			b.ReportMetric(float64(len(items)*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
