package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/rules"
)

// TestWilson checks the interval against values worked by hand from the
// Wilson formula (z = 1.96), including the edges where the normal
// approximation breaks down.
func TestWilson(t *testing.T) {
	for _, tc := range []struct {
		k, n int
		want [2]float64
	}{
		{3, 9, [2]float64{0.1206, 0.6458}},
		{3, 3, [2]float64{0.4385, 1}},
		{0, 5, [2]float64{0, 0.4345}},
		{23, 32, [2]float64{0.5463, 0.8444}},
		{0, 0, [2]float64{0, 0}},
	} {
		got := wilson(tc.k, tc.n)
		for i := range got {
			if d := got[i] - tc.want[i]; d > 0.0002 || d < -0.0002 {
				t.Errorf("wilson(%d, %d) = %v, want %v", tc.k, tc.n, got, tc.want)
				break
			}
		}
	}
}

// TestEvalCountsMisses checks that eval counts the missed cases by what
// stopped them, so that a set kept for measuring shows where its misses
// lie without its texts being read.
func TestEvalCountsMisses(t *testing.T) {
	c, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	recs := []labelled{
		{ID: "found", Label: "partisan", Text: "Seorang camat di Kabupaten Sukamaju kedapatan berkampanye untuk pasangan calon bupati."},
		{ID: "rule", Label: "partisan", Text: "ASN dilarang ikut kampanye pasangan calon bupati."},
		{ID: "none", Label: "partisan", Text: "Harga cabai di pasar Sukamaju naik lagi minggu ini."},
		{ID: "near", Label: "partisan", Text: "Seorang guru PNS di sekolah itu kemarin mengunggah video acara pentas seni."},
		{ID: "other", Label: "unrelated", Text: "Harga beras stabil."},
	}
	rep, _ := evaluate(c, recs, "partisan")
	want := map[string]int{"cancelled: rule": 1, "first stage": 1, "near a rule: no target": 1}
	if rep.TP != 1 || rep.FN != 3 || !maps.Equal(rep.Misses, want) {
		t.Fatalf("tp %d fn %d, misses %v; want 1, 3 and %v", rep.TP, rep.FN, rep.Misses, want)
	}
}

// TestEvalCountsOverruled checks that eval counts the flags that rest on
// the word model alone (an article whose every ASN match was cancelled),
// and how many of them are right, with a calibration that flags any such
// article.
func TestEvalCountsOverruled(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if p.TextModel == nil {
		t.Skip("pack has no word model")
	}
	p.Threshold = 0.5
	p.Calibration = &rules.Calibration{Bias: 30, Weights: map[string]float64{"rules": 1, "cancelled_model": 0.001}}
	c, err := classifier.New(p)
	if err != nil {
		t.Fatal(err)
	}
	pad := strings.Repeat(" Sosialisasi itu dihadiri para kepala sekolah dan pegawai kecamatan dari seluruh wilayah kabupaten.", 5)
	recs := []labelled{
		{ID: "case", Label: "partisan", Title: "Camat Tetap Datang", Text: "Bawaslu mengingatkan bahwa ASN dilarang ikut kampanye pasangan calon bupati." + pad},
		{ID: "norm", Label: "neutrality", Title: "Bawaslu Ingatkan ASN", Text: "Bawaslu mengimbau ASN tidak ikut kampanye pasangan calon bupati." + pad},
		{ID: "hit", Label: "partisan", Text: "Seorang camat di Kabupaten Sukamaju kedapatan berkampanye untuk pasangan calon bupati."},
	}
	rep, details := evaluate(c, recs, "partisan")
	if want := (overruledCount{Flagged: 2, Positive: 1}); rep.Overruled != want || rep.TP != 2 || rep.FP != 1 {
		t.Fatalf("overruled %+v, tp %d fp %d; want %+v, 2 and 1", rep.Overruled, rep.TP, rep.FP, want)
	}
	// --explain says that the false flag rests on the word model.
	var b strings.Builder
	printErrors(&b, details)
	if !strings.Contains(b.String(), "(overruled, cancelled as appeal)") {
		t.Errorf("--explain does not say the false flag was overruled:\n%s", b.String())
	}
}

// TestEvalMany checks eval over several files: one row per file with its
// own counts, totals pooled over all, one JSON report per file with
// --json, and a bad file refused, by name and line, before anything is
// scored.
func TestEvalMany(t *testing.T) {
	c, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a := filepath.Join(dir, "a.jsonl")
	b := filepath.Join(dir, "b.jsonl")
	bad := filepath.Join(dir, "bad.jsonl")
	write := func(name string, lines ...string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(a,
		`{"id":"a1","label":"partisan","text":"Seorang camat di Kabupaten Sukamaju kedapatan berkampanye untuk pasangan calon bupati."}`,
		`{"id":"a2","label":"neutrality","text":"ASN dilarang ikut kampanye pasangan calon bupati."}`)
	write(b,
		`{"id":"b1","label":"partisan","text":"Harga cabai di pasar Sukamaju naik lagi minggu ini."}`,
		`{"id":"b2","label":"unrelated","text":"Harga beras stabil."}`)
	write(bad, `{"id":"x1","label":"partisan","text":"ok"}`, `{"id":`)

	var out strings.Builder
	if err := evalMany(&out, c, []string{a, b}, "partisan", false, false); err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, l := range strings.Split(out.String(), "\n") {
		f := strings.Fields(l)
		if len(f) > 0 {
			rows[f[0]] = f
		}
	}
	// file items precision recall tp fp fn ...
	if r := rows["a.jsonl"]; len(r) < 7 || r[4] != "1" || r[5] != "0" || r[6] != "0" {
		t.Errorf("row of a.jsonl = %v, want tp 1 fp 0 fn 0\n%s", r, out.String())
	}
	if r := rows["b.jsonl"]; len(r) < 7 || r[4] != "0" || r[5] != "0" || r[6] != "1" {
		t.Errorf("row of b.jsonl = %v, want tp 0 fp 0 fn 1\n%s", r, out.String())
	}
	if !strings.Contains(out.String(), "all 2 files") || !strings.Contains(out.String(), "0.500") {
		t.Errorf("no pooled totals (recall 0.500 over both files):\n%s", out.String())
	}

	out.Reset()
	if err := evalMany(&out, c, []string{a, b}, "partisan", true, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("--json printed %d lines, want one report per file:\n%s", len(lines), out.String())
	}
	var rep evalReport
	if err := json.Unmarshal([]byte(lines[1]), &rep); err != nil || rep.File != b || rep.FN != 1 {
		t.Errorf("second report = %+v (%v), want file %s with one miss", rep, err, b)
	}

	out.Reset()
	err = evalMany(&out, c, []string{a, bad}, "partisan", false, false)
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("bad file: err %v, want it named with its line", err)
	}
	if out.Len() != 0 {
		t.Errorf("printed before the bad file was refused:\n%s", out.String())
	}
}
