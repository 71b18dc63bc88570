package textmodel

import (
	"bytes"
	"os"
	"testing"
)

// BenchmarkReadPack measures loading the built-in pack's word model, a
// cost every command that classifies pays once at start.
func BenchmarkReadPack(b *testing.B) {
	data, err := os.ReadFile("../rules/packs/id/textmodel.tsv")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), "t"); err != nil {
			b.Fatal(err)
		}
	}
}
