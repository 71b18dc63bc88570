package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netra-id/netra"
)

// netraCmd runs the CLI in-process and returns stdout and stderr.
func netraCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	cmd := newRootCmd()
	var out, errb bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetIn(strings.NewReader(stdin))
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), errb.String(), err
}

func TestClassifyCommand(t *testing.T) {
	out, stderr, err := netraCmd(t, "", "classify", "--explain", "Seorang camat kedapatan berkampanye untuk pasangan calon bupati.")
	if err != nil {
		t.Fatal(err)
	}
	var v netra.Verdict
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("verdict JSON: %v\n%s", err, out)
	}
	if !v.Flagged || v.RulesVersion == "" || len(v.Hits) == 0 {
		t.Fatalf("verdict: %+v", v)
	}
	if !strings.Contains(stderr, "FLAGGED") || !strings.Contains(stderr, "asn-campaign") {
		t.Fatalf("explanation: %s", stderr)
	}
	if strings.Contains(stderr, "word model:") {
		t.Errorf("a post's explanation shows the word model, which only news is weighed by: %s", stderr)
	}
	// News: the word model's part of the score is taken apart into words.
	_, stderr, err = netraCmd(t, "", "classify", "--explain", "--title", "Camat Diperiksa Bawaslu", "Seorang camat kedapatan berkampanye untuk pasangan calon bupati.")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "text_model") || !strings.Contains(stderr, "word model: logit") || !strings.Contains(stderr, `"camat"`) {
		t.Fatalf("news explanation without the word model's words: %s", stderr)
	}
	out, _, err = netraCmd(t, "Bawaslu mengimbau ASN agar tidak berkampanye.", "classify", "-")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, `"flagged": true`) {
		t.Fatalf("appeal flagged: %s", out)
	}
}

// TestClassifyExplainsGeneric: an article's act by civil servants as a
// class is shown as cancelled, naming the actor, not as a hit.
func TestClassifyExplainsGeneric(t *testing.T) {
	filler := strings.Repeat(" Acara ditutup dengan doa bersama dan foto bersama seluruh peserta di halaman kantor bupati.", 8)
	text := "Menurut narasumber, ASN berada di posisi sulit ketika diajak hadir di acara tim pemenangan pasangan calon." + filler
	out, stderr, err := netraCmd(t, "", "classify", "--explain", text)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, `"flagged": true`) {
		t.Fatalf("flagged: %s", out)
	}
	if !strings.Contains(stderr, `the actor "ASN" is civil servants as a class`) {
		t.Fatalf("explanation: %s", stderr)
	}
}

// TestClassifyExplainsLentSide: a hit whose side was named in the other
// field of the item shows those words apart from its own.
func TestClassifyExplainsLentSide(t *testing.T) {
	text := "Kejadian itu dilaporkan warga pada Selasa. Menurut warga, salinan KTP itu dikumpulkan untuk mendukung caleg DPRD nomor urut 3."
	out, stderr, err := netraCmd(t, "", "classify", "--explain", "--title", "Warga Pergoki Sekcam Sukamaju Kumpulkan Fotokopi KTP di Warung Kopi", text)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"flagged": true`) {
		t.Fatalf("not flagged: %s", out)
	}
	if !strings.Contains(stderr, `side from the article: "caleg`) {
		t.Fatalf("explanation: %s", stderr)
	}
}

// TestEvalByKind: a file whose records give their kind gets precision and
// recall per kind, beside the totals; one without gets none.
func TestEvalByKind(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "kinds.jsonl")
	lines := []string{
		`{"id":"n1","kind":"news","title":"Camat Sukamaju Ikut Kampanye","text":"Camat Sukamaju kedapatan berkampanye untuk pasangan calon bupati nomor 2.","label":"partisan"}`,
		`{"id":"n2","kind":"news","title":"Harga Cabai Naik","text":"Harga cabai di pasar induk naik menjelang akhir tahun.","label":"unrelated"}`,
		`{"id":"p1","kind":"post","text":"cuaca hari ini cerah bgt, enak buat jalan2","label":"partisan"}`,
		`{"id":"p2","kind":"post","text":"pak camat kemarin kampanye paslon no 2 di lapangan desa","label":"partisan"}`,
	}
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := netraCmd(t, "", "eval", "--json", file)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		TP, FN int
		ByKind map[string]confusion `json:"by_kind"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval JSON: %v\n%s", err, out)
	}
	news, post := rep.ByKind["news"], rep.ByKind["post"]
	if news.TP != 1 || news.TN != 1 || news.Recall != 1 || post.TP != 1 || post.FN != 1 || post.Recall != 0.5 {
		t.Fatalf("by kind %+v (totals tp %d fn %d)", rep.ByKind, rep.TP, rep.FN)
	}
	if news.TP+post.TP != rep.TP || news.FN+post.FN != rep.FN {
		t.Fatalf("kinds %+v do not add up to tp %d fn %d", rep.ByKind, rep.TP, rep.FN)
	}
	text, _, err := netraCmd(t, "", "eval", file)
	if err != nil || !strings.Contains(text, "kind") || !strings.Contains(text, "post") {
		t.Fatalf("eval text (err %v) has no kinds:\n%s", err, text)
	}
	out, _, err = netraCmd(t, "", "eval", "--json", filepath.Join("testdata", "classifier", "labelled.jsonl"))
	if err != nil || strings.Contains(out, "by_kind") {
		t.Fatalf("a file without kinds (err %v) reports kinds:\n%s", err, out)
	}
}

func TestEvalCommand(t *testing.T) {
	file := filepath.Join("testdata", "classifier", "labelled.jsonl")
	out, _, err := netraCmd(t, "", "eval", "--json", file)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		TP, FP, FN, TN        int
		Precision, Recall, F1 float64
		FalseNegatives        []string `json:"false_negatives"`
		Categories            map[string]int
		Rules                 []ruleStats
		Aggregate             labelCount
		ByLabel               map[string]labelCount `json:"by_label"`
		Brier                 float64
		Reliability           []reliabilityBin
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval JSON: %v\n%s", err, out)
	}
	// a6 is labelled partisan but is not: the one false negative.
	if rep.TP != 2 || rep.FP != 0 || rep.FN != 1 || rep.TN != 3 {
		t.Fatalf("confusion tp=%d fp=%d fn=%d tn=%d", rep.TP, rep.FP, rep.FN, rep.TN)
	}
	if rep.Precision != 1 || rep.Recall != 0.6667 || len(rep.FalseNegatives) != 1 || rep.FalseNegatives[0] != "a6" {
		t.Fatalf("report: %+v", rep)
	}
	// The two aggregate records count in neither precision nor recall,
	// whatever their verdict, and are reported apart.
	if rep.Aggregate.Items != 2 || rep.Aggregate != rep.ByLabel["aggregate"] {
		t.Fatalf("aggregate %+v, by label %+v", rep.Aggregate, rep.ByLabel)
	}
	binned := 0
	for _, b := range rep.Reliability {
		binned += b.Items
	}
	if binned != 6 || rep.Brier <= 0 || rep.Brier >= 1 {
		t.Fatalf("reliability over %d items (want the 6 non-aggregate ones), Brier %v", binned, rep.Brier)
	}
	if rep.Categories["official_non_asn"] != 1 || len(rep.Rules) == 0 {
		t.Fatalf("categories %v, %d rules", rep.Categories, len(rep.Rules))
	}
	out, _, err = netraCmd(t, "", "eval", "-v", file)
	if err != nil {
		t.Fatal(err)
	}
	// The miss says why: a6 has an actor and an act word, but no rule finds
	// its act with another of its roles.
	for _, want := range []string{"precision 1.0000", "recall 0.6667", "false negatives:", "- a6 [partisan]", "why: no rule found its act"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte("{\"text\":\"x\",\"label\":\"a\"}\n{broken\n"), 0o644)
	if _, _, err := netraCmd(t, "", "eval", bad); err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Fatalf("broken line: %v", err)
	}
}

func TestRulesCommands(t *testing.T) {
	out, _, err := netraCmd(t, "", "rules", "lint")
	if err != nil || !strings.HasPrefix(out, "ok: ") {
		t.Fatalf("lint: %v %s", err, out)
	}
	out, _, err = netraCmd(t, "", "rules", "test")
	if err != nil || !strings.Contains(out, " 0 failed") {
		t.Fatalf("test: %v %s", err, out)
	}
	out, _, err = netraCmd(t, "", "rules", "keywords")
	if err != nil || !strings.Contains(out, "\nasn\n") {
		t.Fatalf("keywords: %v", err)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "rules"), 0o755)
	os.WriteFile(filepath.Join(dir, "pack.yaml"), []byte("name: x\nversion: \"1\"\nthreshold: 0.5\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "rules", "r.yaml"), []byte("rules:\n  - id: r\n    wieght: 1\n"), 0o644)
	_, stderr, err := netraCmd(t, "", "rules", "lint", dir)
	if err == nil || !strings.Contains(stderr, "r.yaml:3: unknown field \"wieght\"") {
		t.Fatalf("lint of a broken pack: %v\n%s", err, stderr)
	}
}

// TestRulesTestNamesPackFile checks that a failing example of a pack on
// disk is reported with the file's path inside that pack directory.
func TestRulesTestNamesPackFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"pack.yaml":         "name: x\nversion: \"1\"\nthreshold: 0.5\n",
		"gazetteers/g.yaml": "gazetteers:\n  - name: asn\n    role: actor\n    mode: exact\n    keywords: true\n    terms: [asn, pns]\n  - name: act\n    role: act\n    mode: stem\n    keywords: true\n    terms: [kampanye]\n",
		"rules/r.yaml": `rules:
  - id: r
    title: t
    category: c
    regulation: "PP 94/2021 Pasal 5 huruf n"
    weight: 0.6
    flag: true
    require:
      act: ["@act"]
      actor: ["@asn"]
    match: [ASN ikut kampanye., PNS ikut kampanye., Petani ikut kampanye.]
    no_match: [ASN bekerja., PNS bekerja., Petani bekerja.]
`,
	}
	for name, body := range files {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, err := netraCmd(t, "", "rules", "test", dir)
	want := "FAIL " + filepath.Join(dir, "rules", "r.yaml") + ":2: rule r: match example was not matched: \"Petani ikut kampanye.\""
	if err == nil || !strings.Contains(out, want) || !strings.Contains(out, "1 failed") {
		t.Fatalf("rules test: %v\n%s\nwant a line %q", err, out, want)
	}
}

// TestEvalUnknownPositiveLabel checks that a --positive label no record
// carries is refused with the labels that are there, instead of printing
// precision and recall of 0.
func TestEvalUnknownPositiveLabel(t *testing.T) {
	_, _, err := netraCmd(t, "", "eval", "--positive", "partisn", "testdata/classifier/labelled.jsonl")
	var h *netra.Hint
	if err == nil || !errors.As(err, &h) || !strings.Contains(err.Error(), `"partisn"`) || !strings.Contains(h.Hint, "partisan") {
		t.Fatalf("eval with an unknown positive label: %v", err)
	}
}
