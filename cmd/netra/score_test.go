package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/corpus"
	"github.com/netra-id/netra/pipeline"
)

const corpusDir = "../../testdata/corpus"

// runNetra runs the netra command line in-process.
func runNetra(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	return runNetraWith(t, &globals{}, stdin, args...)
}

// runNetraWith is runNetra over globals a test prepared
// (globals.wrapClassifier).
func runNetraWith(t *testing.T, g *globals, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	cmd := newRootCmdFor(g)
	var out, errOut bytes.Buffer
	cmd.SetArgs(args)
	cmd.SetIn(strings.NewReader(stdin))
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	err = cmd.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// scoreLine is one output line as a consumer reads it.
type scoreLine struct {
	netra.Verdict
	InputID string `json:"input_id"`
	Pos     string `json:"pos"`
	Source  string `json:"source"`
}

func parseLines(t *testing.T, out string) []scoreLine {
	t.Helper()
	var lines []scoreLine
	for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" {
			continue
		}
		var s scoreLine
		if err := json.Unmarshal([]byte(l), &s); err != nil {
			t.Fatalf("output line %d is not JSON: %v: %s", i+1, err, l)
		}
		lines = append(lines, s)
	}
	return lines
}

func TestScoreEveryInputKind(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		docs  int
		first string // pos of the first document
	}{
		{"jsonl posts", []string{"posts-sample.jsonl"}, "", 35, "posts-sample.jsonl:1"},
		{"jsonl news", []string{"news-sample.jsonl"}, "", 8, "news-sample.jsonl:1"},
		{"tweet-harvest csv", []string{"Prabowo-Gibran_01122023-sample.csv"}, "", 15, "Prabowo-Gibran_01122023-sample.csv:2"},
		{"csv with BOM", []string{"positif_1_14_des-sample.csv"}, "", 6, "positif_1_14_des-sample.csv:2"},
		{"youtube csv", []string{"youtube-shape.csv"}, "", 5, "youtube-shape.csv:2"},
		{"tsv", []string{"falsenews-shape.tsv"}, "", 3, "falsenews-shape.tsv:2"},
		{"txt per line", []string{"--per-line", "per-line.txt"}, "", 3, "per-line.txt:1"},
		{"directory with gzip", []string{"texts"}, "", 3, "texts/berita-1.txt:1"},
		{"stdin", []string{"-"}, "{\"text\":\"Lurah ajak warga pilih nomor 2\"}\n", 1, "stdin:1"},
		{"stdin txt", []string{"--format", "txt", "-"}, "Camat ikut kampanye\n", 1, "stdin:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"score"}
			for _, a := range tc.args {
				if !strings.HasPrefix(a, "-") && a != "txt" {
					a = filepath.Join(corpusDir, a)
				}
				args = append(args, a)
			}
			out, stderr, err := runNetra(t, tc.stdin, args...)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			lines := parseLines(t, out)
			if len(lines) != tc.docs {
				t.Fatalf("%d verdicts, want %d\n%s", len(lines), tc.docs, stderr)
			}
			want := tc.first
			if want != "stdin:1" {
				want = filepath.Join(corpusDir, want)
			}
			if lines[0].Pos != want {
				t.Errorf("first pos %q, want %q", lines[0].Pos, want)
			}
			for _, l := range lines {
				if l.ID == "" || l.RulesVersion == "" || l.Categories == nil || l.Hits == nil {
					t.Errorf("incomplete verdict %+v", l)
				}
			}
			if !strings.Contains(stderr, "netra score: "+strconv.Itoa(tc.docs)+" documents") {
				t.Errorf("summary missing: %q", stderr)
			}
		})
	}
}

func TestScoreIsDeterministicAndOrdered(t *testing.T) {
	args := func(workers string) []string {
		return []string{"score", "--per-line", "--workers", workers, corpusDir}
	}
	a, _, err := runNetra(t, "", args("1")...)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := runNetra(t, "", args("4")...)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Fatal("output differs between --workers 1 and --workers 4")
	}
	c, _, _ := runNetra(t, "", args("4")...)
	if b != c {
		t.Fatal("output differs between two identical runs")
	}
	lines := parseLines(t, a)
	if len(lines) < 70 {
		t.Fatalf("only %d verdicts from the whole sample directory", len(lines))
	}
	flagged := 0
	for _, l := range lines {
		if l.Flagged {
			flagged++
		}
	}
	if flagged == 0 || flagged == len(lines) {
		t.Errorf("%d of %d flagged: the samples hold both kinds", flagged, len(lines))
	}
}

func TestScoreBadRecordsAndStrict(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "campur.jsonl")
	os.WriteFile(path, []byte(strings.Join([]string{
		`{"id":"a","text":"Camat mengajak warga memilih paslon nomor 1"}`,
		`{"id":"b","text":"Harga beras naik"}`,
		`{"id":"c","text":`,
		"{\"id\":\"d\",\"text\":\"rusak \xc3\x28\"}",
		`{"id":"e","judul":"tanpa teks"}`,
		`{"id":"f","text":"Pemilu berjalan damai"}`,
	}, "\n")+"\n"), 0o644)

	out, stderr, err := runNetra(t, "", "score", path)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range parseLines(t, out) {
		ids = append(ids, l.InputID)
	}
	if strings.Join(ids, "") != "abf" {
		t.Errorf("scored %v, want a, b, f", ids)
	}
	for _, want := range []string{path + ":3: malformed JSON", path + ":4: invalid UTF-8", path + ":5: no text", "3 skipped"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	outFile := filepath.Join(dir, "out.jsonl")
	_, stderr, err = runNetra(t, "", "score", "--strict", "--out", outFile, path)
	var ec exitCoder
	if err == nil || !errors.As(err, &ec) || ec.ExitCode() != 1 || !strings.Contains(err.Error(), path+":3") {
		t.Fatalf("strict: error %v, want exit status 1 naming %s:3", err, path)
	}
	written, _ := os.ReadFile(outFile)
	ids = nil
	for _, l := range parseLines(t, string(written)) {
		ids = append(ids, l.InputID)
	}
	if strings.Join(ids, "") != "ab" {
		t.Errorf("strict run wrote %v before stopping, want a, b", ids)
	}
	if !strings.Contains(stderr, "2 documents") {
		t.Errorf("strict summary: %s", stderr)
	}
}

func TestScoreUnreadableFileKeepsEarlierOutput(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "tidak-ada.jsonl")
	out, _, err := runNetra(t, "", "score", filepath.Join(corpusDir, "posts-sample.jsonl"), missing)
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Fatalf("error %v does not name %s", err, missing)
	}
	if n := len(parseLines(t, out)); n != 35 {
		t.Errorf("%d verdicts written before the error, want all 35", n)
	}
}

func TestScoreOnlyFlaggedCSV(t *testing.T) {
	all, _, err := runNetra(t, "", "score", "--per-line", corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	var flagged []scoreLine
	for _, l := range parseLines(t, all) {
		if l.Flagged {
			flagged = append(flagged, l)
		}
	}
	out, _, err := runNetra(t, "", "score", "--per-line", "--only-flagged", "--output-format", "csv", corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(flagged)+1 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("%d csv rows for %d flagged verdicts; header %v", len(rows), len(flagged), rows[0])
	}
	for i, f := range flagged {
		r := rows[i+1]
		if r[0] != f.ID || r[2] != f.Pos || r[4] != "true" || r[6] != strings.Join(f.Categories, "|") || r[8] != f.Hits[0].Sentence {
			t.Errorf("csv row %v for verdict %+v", r, f)
		}
	}
}

func TestScoreRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"score", "--format", "xml", "x"},
		{"score", "--output-format", "parquet", "x"},
		{"score", "--workers", "0", "x"},
		{"score", "--text-field", "a..b", filepath.Join(corpusDir, "posts-sample.jsonl")},
	} {
		if _, _, err := runNetra(t, "", args...); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}

// TestVerdictLineMatchesEncodingJSON checks the hand-rolled writer byte for
// byte against encoding/json on awkward strings and numbers.
func TestVerdictLineMatchesEncodingJSON(t *testing.T) {
	awkward := []string{"", "polos", "kutip \" dan \\ garis", "<script>&</script>", "tab\tbaris\nCR\r\b\f\x00\x1f",
		"emoji 🤣 é", "rusak \xff\xfe akhir", "\u2028\u2029", "\x7f"}
	scores := []float64{0, 1, 0.971, 1e-7, 123456789, 1e21, -0.5, 3.0e-10}
	for i, s := range awkward {
		v := netra.Verdict{
			ID: s, Flagged: i%2 == 0, Score: scores[i%len(scores)], Categories: []string{s, "asn_support"},
			RulesVersion: s,
			Hits: []netra.Hit{{Rule: s, Category: "c", Sentence: s, Start: i, End: i + 10, Terms: []string{s}},
				{Rule: "r", Terms: []string{}, Title: s, Regulation: s, Weight: scores[(i+1)%len(scores)],
					Spans: []netra.Span{{Start: 1, End: 2, Role: s}, {Start: 3, End: 4}}},
				{Rule: "judul", Terms: []string{s}, Field: "title", Mode: "allegation"},
				{Rule: "r", Terms: []string{}, Mode: "overruled", Cue: s, CancelledAs: s}},
		}
		rec := netra.Record{Item: netra.Item{Source: s, Meta: map[string]string{corpus.MetaInputID: s, corpus.MetaPos: "f.jsonl:" + strconv.Itoa(i+1)}}, Verdict: v}
		got := appendVerdictLine(nil, &rec)

		type line struct {
			ID           string      `json:"id"`
			InputID      string      `json:"input_id,omitempty"`
			Pos          string      `json:"pos,omitempty"`
			Source       string      `json:"source"`
			Flagged      bool        `json:"flagged"`
			Score        float64     `json:"score"`
			Categories   []string    `json:"categories"`
			Hits         []netra.Hit `json:"hits"`
			RulesVersion string      `json:"rules_version"`
		}
		want, err := json.Marshal(line{v.ID, s, rec.Item.Meta[corpus.MetaPos], s, v.Flagged, v.Score, v.Categories, v.Hits, v.RulesVersion})
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want)+"\n" {
			t.Errorf("case %d:\n got %s\nwant %s", i, got, want)
		}
	}
	// Nil lists are written as [], never null.
	empty := appendVerdictLine(nil, &netra.Record{})
	if want := `{"id":"","source":"","flagged":false,"score":0,"categories":[],"hits":[],"rules_version":""}` + "\n"; string(empty) != want {
		t.Errorf("empty verdict: %s", empty)
	}
	if got := string(appendJSONFloat(nil, math.NaN())); got != "0" {
		t.Errorf("NaN written as %s", got)
	}
}

func TestScoreIndexStoresOnlyWhenAsked(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if _, _, err := runNetra(t, "", "--data", data, "score", "--per-line", corpusDir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Fatalf("without --index the store directory was touched: %v", err)
	}

	out, stderr, err := runNetra(t, "", "--data", data, "score", "--per-line", "--index", "--only-flagged", corpusDir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	lines := parseLines(t, out)
	st, err := openStore(context.Background(), &globals{dataDir: data}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) == 0 || s.Records != len(lines) || s.Flagged != len(lines) {
		t.Fatalf("store holds %d records (%d flagged) for %d flagged verdicts", s.Records, s.Flagged, len(lines))
	}
	for _, l := range lines {
		rec, err := st.Get(context.Background(), l.ID)
		if err != nil {
			t.Fatalf("%s: %v", l.ID, err)
		}
		if rec.Item.Meta[corpus.MetaPos] != l.Pos || rec.Verdict.Score != l.Score || rec.Item.Kind != corpus.Kind {
			t.Errorf("stored %+v for verdict %+v", rec, l)
		}
	}
	if !strings.Contains(stderr, strconv.Itoa(len(lines))+" stored") {
		t.Errorf("summary does not count the stored records: %s", stderr)
	}
}

func TestScoreProgressBarOnlyWhenAsked(t *testing.T) {
	_, stderr, err := runNetra(t, "", "score", "--per-line", corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr, "%") {
		t.Errorf("progress drawn on a stderr that is not a terminal:\n%s", stderr)
	}
	_, stderr, err = runNetra(t, "", "score", "--per-line", "--progress", "always", corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"100%", "docs,", "flagged", "README.md: skipped", "netra score: "} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestScoreRefusesToOverwriteItsInput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "posts.jsonl")
	copyInput, err := os.ReadFile(filepath.Join(corpusDir, "posts-sample.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, copyInput, 0o644)
	if _, _, err := runNetra(t, "", "score", "--out", path, path); err == nil || !strings.Contains(err.Error(), "also an input") {
		t.Fatalf("error %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, copyInput) {
		t.Error("the input was overwritten")
	}
}

func BenchmarkVerdictLine(b *testing.B) {
	plain := netra.Record{
		Item:    netra.Item{Source: "posts.jsonl", Meta: map[string]string{corpus.MetaInputID: "pilpres2024:1730738486834307384", corpus.MetaPos: "posts.jsonl:123456"}},
		Verdict: netra.Verdict{ID: "dab0cd069ba19d1af567702b", RulesVersion: "netra-id@2026.11.1"},
	}
	flagged := plain
	flagged.Verdict.Flagged, flagged.Verdict.Score, flagged.Verdict.Categories = true, 0.82, []string{"asn_event", "asn_support"}
	flagged.Verdict.Hits = []netra.Hit{{Rule: "asn-support", Category: "asn_support", Sentence: "Kepala dinas PNS mendukung paslon nomor 2 dan ikut kampanye", Start: 0, End: 59,
		Terms: []string{"mendukung", "PNS", "paslon"}, Title: "ASN menyatakan dukungan", Regulation: "PP 94/2021 Pasal 5 huruf n angka 5", Weight: 0.6,
		Spans: []netra.Span{{Start: 17, End: 26, Role: "act"}, {Start: 13, End: 16, Role: "actor"}}}}
	for name, rec := range map[string]*netra.Record{"unflagged": &plain, "flagged": &flagged} {
		b.Run(name, func(b *testing.B) {
			buf := make([]byte, 0, 4096)
			for b.Loop() {
				buf = appendVerdictLine(buf[:0], rec)
			}
			b.SetBytes(int64(len(buf)))
		})
	}
}

// failOn is a classifier that panics on one text, as a classifier bug
// would, and classifies the rest with the real one.
type failOn struct {
	pipeline.Classifier
	text string
}

func (f failOn) Classify(it netra.Item) netra.Verdict {
	if it.Text == f.text {
		var ts []int
		_ = ts[len(it.Text)] // index out of range, like the bug of session 12
	}
	return f.Classifier.Classify(it)
}

// TestScoreGoesOnPastClassifierFailure: a document the classifier fails
// on is named by file:line and id and skipped; every other document is
// written, in order; the run ends with exit status 1. --strict stops at
// it after writing what came before.
func TestScoreGoesOnPastClassifierFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "korpus.jsonl")
	var lines []string
	for i := range 150 {
		text := fmt.Sprintf("Camat nomor %d mengajak warga memilih paslon nomor 1", i)
		if i == 70 {
			text = "teks yang membuat classifier gagal"
		}
		lines = append(lines, fmt.Sprintf(`{"id":"r%d","text":%q}`, i, text))
	}
	os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	run := func(args ...string) (string, string, error) {
		g := &globals{wrapClassifier: func(c pipeline.Classifier) pipeline.Classifier {
			return failOn{Classifier: c, text: "teks yang membuat classifier gagal"}
		}}
		return runNetraWith(t, g, "", args...)
	}

	out, stderr, err := run("score", "--workers", "2", path)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Fatalf("error %v, want exit status 1", err)
	}
	got := parseLines(t, out)
	if len(got) != 149 || got[69].InputID != "r69" || got[70].InputID != "r71" || got[148].InputID != "r149" {
		t.Errorf("wrote %d lines; want the 149 others in order", len(got))
	}
	for _, want := range []string{path + ":71 (id r70): classify item", "panic", "skipped, the rest goes on", "149 documents", "1 errors"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(err.Error(), "1 document(s) could not be classified") {
		t.Errorf("error %q does not say how many documents were not classified", err)
	}

	out, _, err = run("score", "--strict", "--workers", "2", path)
	if !errors.As(err, &ee) || ee.code != 1 || !strings.Contains(err.Error(), "(--strict)") {
		t.Fatalf("--strict: error %v, want exit status 1 naming --strict", err)
	}
	if got := parseLines(t, out); len(got) != 70 || got[69].InputID != "r69" {
		t.Errorf("--strict wrote %d lines, want the 70 before the failure", len(got))
	}
}
