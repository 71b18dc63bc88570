package story

import (
	"strings"
	"testing"
)

// benchText is a news-sized Indonesian text (about 2 KB).
var benchText = strings.Repeat("Badan Pengawas Pemilu (Bawaslu) Kabupaten Bogor menerima laporan warga tentang seorang camat yang diduga mengajak warga memilih pasangan calon nomor urut 2 dalam acara pengajian, Selasa (12/12/2023). ", 10)

// BenchmarkSignature measures signing a news-sized text.
func BenchmarkSignature(b *testing.B) {
	g := New()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		g.Signature("Camat diduga kampanye", benchText)
	}
}

// BenchmarkAdd measures adding items to a Grouper that already holds many.
func BenchmarkAdd(b *testing.B) {
	g := New()
	words := strings.Fields(benchText)
	sigs := make([]Sig, 1024)
	for i := range sigs {
		w := append([]string(nil), words[:20+i%10]...)
		w[i%len(w)] = "x" + strings.Repeat("y", i)
		sigs[i] = g.Signature("", strings.Join(w, " "))
	}
	i := 0
	for b.Loop() {
		g.Add(string(rune(i))+"-"+strings.Repeat("k", i%7), sigs[i%len(sigs)])
		i++
	}
}
