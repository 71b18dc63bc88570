package places

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// benchTexts reads the texts of the JSONL files in $NETRA_BENCH_DIR
// (posts.jsonl, news.jsonl), or falls back to a built-in news-like text.
func benchTexts(b *testing.B) []string {
	dir := os.Getenv("NETRA_BENCH_DIR")
	var out []string
	if dir != "" {
		for _, name := range []string{"news.jsonl", "posts.jsonl"} {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				continue
			}
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 16<<20), 16<<20)
			for sc.Scan() && len(out) < 200000 {
				var r struct{ Text string }
				if json.Unmarshal(sc.Bytes(), &r) == nil && r.Text != "" {
					out = append(out, r.Text)
				}
			}
			f.Close()
		}
	}
	if len(out) == 0 {
		out = []string{"Bawaslu Kabupaten Bogor menerima laporan bahwa seorang camat di Cibinong, Jawa Barat, " +
			"mengajak kepala desa mendukung pasangan calon nomor urut 2. Wali Kota Bekasi dan Bupati Malang " +
			"membantah ada pengerahan ASN. Sementara itu di Surabaya, Jatim, relawan berkumpul. " +
			"Ketua Bawaslu mengatakan batu sandungan terbesar adalah pembuktian, kata dia di Jakarta, Senin."}
	}
	return out
}

func BenchmarkFind(b *testing.B) {
	m, err := New()
	if err != nil {
		b.Fatal(err)
	}
	texts := benchTexts(b)
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			m.Find("", t, "")
		}
	}
}

func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
