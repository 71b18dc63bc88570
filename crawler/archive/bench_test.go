package archive

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkFreeze freezes the 30 real pages of trafilatura's evaluation set
// kept in ../extract/testdata (see the SOURCE.md there), reporting MB/s of
// fetched HTML and the stored size as a share of it.
//
//	go test ./crawler/archive -run '^$' -bench Freeze
func BenchmarkFreeze(b *testing.B) {
	files, _ := filepath.Glob("../extract/testdata/trafilatura/*.html.gz")
	var pages [][]byte
	total := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		p, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, p)
		total += len(p)
	}
	if len(pages) == 0 {
		b.Skip("no pages")
	}
	b.SetBytes(int64(total))
	stored := 0
	for b.Loop() {
		stored = 0
		for _, p := range pages {
			stored += len(Freeze(p, time.Time{}).HTMLGzip)
		}
	}
	b.ReportMetric(float64(stored)/float64(total)*100, "stored-%")
	b.ReportMetric(float64(total)/float64(len(pages))/1024, "KB/page")
}
