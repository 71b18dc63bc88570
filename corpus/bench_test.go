package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/netra-id/netra"
)

// benchInput is $NETRA_BENCH_JSONL (e.g. the posts benchmark file) when
// set, else the small real sample repeated to a few megabytes.
func benchInput(b *testing.B) []byte {
	if p := os.Getenv("NETRA_BENCH_JSONL"); p != "" {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	sample, err := os.ReadFile(filepath.Join(dataDir, "posts-sample.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Repeat(sample, (4<<20)/len(sample)+1)
}

func BenchmarkReadJSONL(b *testing.B) {
	data := benchInput(b)
	b.SetBytes(int64(len(data)))
	docs := 0
	for b.Loop() {
		err := Read(context.Background(), []string{"-"}, func(netra.Item) error { docs++; return nil },
			WithStdin(bytes.NewReader(data)))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkReadCSV(b *testing.B) {
	sample, err := os.ReadFile(filepath.Join(dataDir, "Prabowo-Gibran_01122023-sample.csv"))
	if err != nil {
		b.Fatal(err)
	}
	header, rows, _ := bytes.Cut(sample, []byte("\n"))
	data := append(append(header, '\n'), bytes.Repeat(rows, (4<<20)/len(rows)+1)...)
	b.SetBytes(int64(len(data)))
	docs := 0
	for b.Loop() {
		err := Read(context.Background(), []string{"-"}, func(netra.Item) error { docs++; return nil },
			WithStdin(bytes.NewReader(data)), WithFormat(FormatCSV))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
