package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netra-id/netra/index"
)

// TestScoreFillsPlaces: an imported item with evidence and no region of its
// own gets the province its text is about as its region, and its places in
// meta; an item without evidence is left alone.
func TestScoreFillsPlaces(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	in := filepath.Join(t.TempDir(), "in.jsonl")
	lines := `{"id":"p1","text":"Seorang camat di Kabupaten Lumajang kedapatan berkampanye untuk pasangan calon bupati nomor urut 2."}
{"id":"p2","text":"Harga cabai di Kota Malang naik menjelang akhir tahun."}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := runCLI(t, "--data", data, "score", "--index", "--progress", "never", "-o", filepath.Join(t.TempDir(), "v.jsonl"), in); err != nil {
		t.Fatal(err)
	}
	st, err := openStore(t.Context(), &globals{dataDir: data}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	res, err := st.Search(t.Context(), index.Query{Limit: 10})
	if err != nil || res.Total != 2 {
		t.Fatalf("stored %d records, %v", res.Total, err)
	}
	for _, m := range res.Matches {
		it := m.Record.Item
		switch {
		case strings.Contains(it.Text, "Lumajang"):
			if it.Region != "Jawa Timur" || !strings.Contains(it.Meta["places"], "35.08 Kabupaten Lumajang") {
				t.Errorf("camat item: region %q, places %q", it.Region, it.Meta["places"])
			}
		default:
			if it.Region != "" || it.Meta["places"] != "" {
				t.Errorf("item without evidence enriched: region %q, places %q", it.Region, it.Meta["places"])
			}
		}
	}
	// The region filter finds it.
	res, err = st.Search(t.Context(), index.Query{Regions: []string{"Jawa Timur"}})
	if err != nil || res.Total != 1 {
		t.Errorf("region filter: %d, %v", res.Total, err)
	}
}
