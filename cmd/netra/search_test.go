package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

const searchFixture = "testdata/search/berita.jsonl"

// runCLI runs the netra command line in-process and returns its stdout.
func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	out, _, err := execNetra(t, args...)
	return out, err
}

// fixtureIDs maps each fixture text to its input id ("s1"...), since
// stored items get IDs derived from URL or text.
func fixtureIDs(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(searchFixture)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var row struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		out[row.Text] = row.ID
	}
	return out
}

// scoredIndex scores the fixture into a fresh store with `netra score
// --index` and returns the data directory and the verdict lines by input id.
func scoredIndex(t *testing.T) (string, map[string]netra.Verdict) {
	t.Helper()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	verdicts := filepath.Join(dir, "verdicts.jsonl")
	if _, err := runCLI(t, "--data", data, "score", "--index", "--progress", "never", "-o", verdicts, searchFixture); err != nil {
		t.Fatalf("netra score --index: %v", err)
	}
	b, err := os.ReadFile(verdicts)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]netra.Verdict{}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var v struct {
			netra.Verdict
			InputID string `json:"input_id"`
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("verdict line %q: %v", l, err)
		}
		out[v.InputID] = v.Verdict
	}
	return data, out
}

func searchJSON(t *testing.T, data string, args ...string) index.Result {
	t.Helper()
	out, err := runCLI(t, append([]string{"--data", data, "search", "--json"}, args...)...)
	if err != nil {
		t.Fatalf("netra search %q: %v", args, err)
	}
	var res index.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("netra search --json printed %q: %v", out, err)
	}
	return res
}

func inputIDs(t *testing.T, res index.Result, byText map[string]string) []string {
	t.Helper()
	var out []string
	for _, m := range res.Matches {
		id, ok := byText[m.Record.Item.Text]
		if !ok {
			t.Fatalf("result has a record not from the fixture: %q", m.Record.Item.Text)
		}
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// scoreAtMost returns those of ids whose verdict score is at most max.
func scoreAtMost(verdicts map[string]netra.Verdict, max float64, ids ...string) []string {
	var out []string
	for _, id := range ids {
		if verdicts[id].Score <= max {
			out = append(out, id)
		}
	}
	return out
}

func TestSearchScoredTexts(t *testing.T) {
	data, verdicts := scoredIndex(t)
	byText := fixtureIDs(t)
	flagged := func(want bool) []string {
		var out []string
		for id, v := range verdicts {
			if v.Flagged == want {
				out = append(out, id)
			}
		}
		sort.Strings(out)
		return out
	}
	if len(flagged(true)) == 0 || len(flagged(false)) == 0 {
		t.Fatalf("fixture problem: the classifier flags %v of %d texts", flagged(true), len(verdicts))
	}

	cases := []struct {
		name string
		args []string
		want []string
	}{
		// s2 says "dukungannya", s3 "didukung"/"pendukung", s4 "dukungan".
		{"stemmed word", []string{"mendukung"}, []string{"s1", "s2", "s3", "s4", "s7"}},
		{"stemmed other way", []string{"dukungan"}, []string{"s1", "s2", "s3", "s4", "s7"}},
		{"words ANDed", []string{"mendukung", "magelang"}, []string{"s1"}},
		// The stemmer takes "kecamatan" (s2) to "camat" too.
		{"stemmed confix", []string{"camat"}, []string{"s1", "s2"}},
		{"phrase", []string{`"kampanye akbar"`}, []string{"s6"}},
		{"OR", []string{"beras OR kampanye"}, []string{"s2", "s5", "s6"}},
		{"prefix", []string{"netral*"}, []string{"s3", "s4"}},
		{"flagged", []string{"--flagged"}, flagged(true)},
		{"not flagged", []string{"--flagged=false"}, flagged(false)},
		{"source", []string{"--source", "kompas,detik", "--flagged"}, []string{"s1", "s2"}},
		{"date range, --until inclusive day", []string{"--since", "2024-01-12", "--until", "2024-01-20"}, []string{"s2", "s3", "s5"}},
		{"text and filter", []string{"mendukung", "--until", "2024-01-09"}, []string{"s4", "s7"}},
		{"status", []string{"--status", "new", "--source", "twitter"}, []string{"s3", "s6"}},
		{"max score", []string{"--max-score", "0", "--source", "kompas"}, scoreAtMost(verdicts, 0, "s2", "s5", "s7")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := inputIDs(t, searchJSON(t, data, c.args...), byText); !slices.Equal(got, c.want) {
				t.Errorf("netra search %q = %v, want %v", c.args, got, c.want)
			}
		})
	}

	t.Run("category and min score", func(t *testing.T) {
		var want []string
		for id, v := range verdicts {
			if slices.Contains(v.Categories, "asn_campaign") && v.Score >= 0.7 {
				want = append(want, id)
			}
		}
		sort.Strings(want)
		if len(want) == 0 {
			t.Skip("the classifier gives no asn_campaign verdict of 0.7 or more on the fixture")
		}
		got := inputIDs(t, searchJSON(t, data, "--category", "asn_campaign", "--min-score", "0.7"), byText)
		if !slices.Equal(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})

	t.Run("facets", func(t *testing.T) {
		res := searchJSON(t, data, "--flagged", "--facets")
		wantCat := map[string]int{}
		for _, v := range verdicts {
			if v.Flagged {
				for _, c := range v.Categories {
					wantCat[c]++
				}
			}
		}
		gotCat := map[string]int{}
		for _, fc := range res.Facets[index.FacetCategory] {
			gotCat[fc.Value] = fc.Count
		}
		if !reflect.DeepEqual(gotCat, wantCat) {
			t.Errorf("category facet = %v, want %v", gotCat, wantCat)
		}
		if st := res.Facets[index.FacetStatus]; len(st) != 1 || st[0].Value != "new" || st[0].Count != len(flagged(true)) {
			t.Errorf("status facet = %v", st)
		}
	})

	t.Run("review status is searchable", func(t *testing.T) {
		g := &globals{dataDir: data}
		st, err := openStore(t.Context(), g, nil)
		if err != nil {
			t.Fatal(err)
		}
		res, err := st.Search(t.Context(), index.Query{Text: "camat magelang"})
		if err != nil || len(res.Matches) != 1 {
			st.Close()
			t.Fatalf("store search: %v, %v", res, err)
		}
		r := res.Matches[0].Record
		confirmed := netra.StatusConfirmed
		_, err = st.Review(t.Context(), r.Item.ID, index.ReviewUpdate{Status: &confirmed, Who: "siti", BaseVersion: r.Version})
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := inputIDs(t, searchJSON(t, data, "--status", "confirmed,escalated"), byText); !slices.Equal(got, []string{"s1"}) {
			t.Errorf("confirmed = %v, want [s1]", got)
		}
		if got := inputIDs(t, searchJSON(t, data, "--reviewer", "siti"), byText); !slices.Equal(got, []string{"s1"}) {
			t.Errorf("--reviewer siti = %v, want [s1]", got)
		}
	})
}

func TestSearchHumanOutput(t *testing.T) {
	data, _ := scoredIndex(t)
	out, err := runCLI(t, "--data", data, "search", "mendukung", "--sort", "time", "--limit", "2")
	if err != nil {
		t.Fatal(err)
	}
	// Not a terminal: matches are marked [[...]].
	if !regexp.MustCompile(`\[\[(mendukung|dukungannya|didukung|pendukung|dukungan)\]\]`).MatchString(out) {
		t.Errorf("no [[marked]] form of dukung in:\n%s", out)
	}
	if !strings.Contains(out, "2 of 5 records") {
		t.Errorf("no count line in:\n%s", out)
	}
	m := regexp.MustCompile(`next page: --cursor (\S+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no cursor in:\n%s", out)
	}
	first := regexp.MustCompile(`id [0-9a-f]+`).FindAllString(out, -1)
	next, err := runCLI(t, "--data", data, "search", "mendukung", "--sort", "time", "--limit", "2", "--cursor", m[1])
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range regexp.MustCompile(`id [0-9a-f]+`).FindAllString(next, -1) {
		if slices.Contains(first, id) {
			t.Errorf("second page repeats %s", id)
		}
	}
	if _, err := runCLI(t, "--data", data, "search", "mendukung", "--sort", "score", "--cursor", m[1]); err == nil {
		t.Errorf("a time-sorted cursor was accepted for --sort score")
	}

	// Crawled text cannot drive the terminal: s6 carries an escape sequence.
	out, err = runCLI(t, "--data", data, "search", "kampanye", "--source", "twitter", "--color", "always")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\x1b[1mkampanye\x1b[0m") {
		t.Errorf("--color always does not bold matches:\n%q", out)
	}
	if strings.Contains(out, "\x1b[31m") {
		t.Errorf("an escape sequence from crawled text reached the terminal:\n%q", out)
	}

	// Facets in human form.
	out, err = runCLI(t, "--data", data, "search", "--flagged", "--facets")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^status:\s+new \d+`).MatchString(out) {
		t.Errorf("no status facet line in:\n%s", out)
	}
}

func TestSearchBadFlags(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--status", "dipecat"}, "--status"},
		{[]string{"--since", "kemarin"}, "--since"},
		{[]string{"--until", "31/01/2024"}, "--until"},
		{[]string{"--sort", "acak"}, "--sort"},
		{[]string{"--limit", "0"}, "--limit"},
		{[]string{`"tanpa penutup`}, "quote"},
	} {
		_, err := runCLI(t, append([]string{"--data", data, "search"}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("netra search %q: error %v, want one mentioning %s", c.args, err, c.want)
		}
	}
	// Searching a store that does not exist does not create one.
	if _, err := runCLI(t, "--data", data, "search", "camat"); err == nil || !strings.Contains(err.Error(), "no store at") {
		t.Errorf("search without a store: %v", err)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("search created %s", data)
	}
	// A directory that is not a store is refused, not taken over.
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "skripsi.docx"), []byte("x"), 0o600)
	if _, err := runCLI(t, "--data", foreign, "search", "camat"); err == nil || !strings.Contains(err.Error(), "not a netra store") {
		t.Errorf("search on a foreign directory: %v", err)
	}
}

// An imported item without a date column has no publication date: the
// terminal says so instead of printing the import day.
func TestSearchUndatedItem(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "tanpa-tanggal.jsonl")
	line := `{"id":"u1","source":"arsip","title":"Camat dukung paslon","text":"Seorang camat terekam mendukung pasangan calon nomor urut 2 saat acara warga."}` + "\n"
	if err := os.WriteFile(in, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	if _, err := runCLI(t, "--data", data, "score", "--index", "--progress", "never", "-o", filepath.Join(dir, "v.jsonl"), in); err != nil {
		t.Fatalf("netra score --index: %v", err)
	}
	out, err := runCLI(t, "--data", data, "search", "--source", "arsip")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "1 of 1 records") || !strings.Contains(out, "no date") || strings.Contains(out, time.Now().UTC().Format("2006-01-02")) {
		t.Errorf("undated item in the terminal:\n%s", out)
	}
}

// A category no stored record has still searches (it may be a new one),
// but the terminal says it matched nothing stored and what is.
func TestSearchNotesUnknownValues(t *testing.T) {
	data, _ := scoredIndex(t)
	_, errOut, err := execNetra(t, "--data", data, "search", "--category", "asn_kampanye")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, `note: no stored record has --category "asn_kampanye"; stored values: `) || !strings.Contains(errOut, "asn_support") {
		t.Errorf("no note about the unknown category on stderr: %q", errOut)
	}
	_, errOut, _ = execNetra(t, "--data", data, "search", "--category", "asn_support")
	if strings.Contains(errOut, "note:") {
		t.Errorf("a note for a stored category: %q", errOut)
	}
}
