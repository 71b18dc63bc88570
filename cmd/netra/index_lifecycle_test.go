package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/elastic"
)

// esGet reads a JSON answer of the test cluster.
func esGet(t *testing.T, method, u, body string, out any) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, u, rd)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode/100 != 2 {
		t.Fatalf("%s %s: %s %s", method, u, res.Status, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v", method, u, err)
		}
	}
}

// esCount counts the documents behind target, after a refresh.
func aliasCount(t *testing.T, esURL, target string) int {
	t.Helper()
	esGet(t, http.MethodPost, esURL+"/"+target+"/_refresh", "", nil)
	var c struct {
		Count int `json:"count"`
	}
	esGet(t, http.MethodGet, esURL+"/"+target+"/_count", "", &c)
	return c.Count
}

// scoreInto scores posts (input id → text, each with a URL of its own so
// a changed text keeps its record) into the cluster with `netra score
// --index` and adds each post's record ID to ids.
func scoreInto(t *testing.T, es []string, dir string, posts map[string]string, ids map[string]string) {
	t.Helper()
	var lines []string
	for id, txt := range posts {
		l, _ := json.Marshal(map[string]string{"id": id, "source": "uji", "url": "https://berita.example/" + id, "text": txt})
		lines = append(lines, string(l))
	}
	slices.Sort(lines)
	in := filepath.Join(dir, fmt.Sprintf("posts-%d.jsonl", time.Now().UnixNano()))
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runNetra(t, "", append(slices.Clone(es), "--data", filepath.Join(dir, "cli"), "score", "--index", "--progress", "never", "-o", in+".out", in)...); err != nil {
		t.Fatalf("score --index: %v\n%s", err, stderr)
	}
	out, err := os.ReadFile(in + ".out")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range parseLines(t, string(out)) {
		ids[l.InputID] = l.ID
	}
	for id := range posts {
		if ids[id] == "" {
			t.Fatalf("score --index wrote no verdict for %s", id)
		}
	}
}

// TestIndexRolloverAndPrune runs the life of an index over years, end to
// end on the real cluster: records before and after a rollover are
// searchable and reviewable, an update of an old record stays in its
// generation, counts through the read alias equal the records, migrate
// over several generations counts each record once, and prune lists, then
// deletes, the retired generation.
func TestIndexRolloverAndPrune(t *testing.T) {
	esURL := esTestURL(t)
	prefix := esPrefix(t, esURL, "life")
	es := []string{"--es", esURL, "--es-index-prefix", prefix}
	dir := t.TempDir()
	netraES := func(args ...string) string {
		t.Helper()
		out, stderr, err := runNetra(t, "", append(append(slices.Clone(es), "--data", filepath.Join(dir, "cli")), args...)...)
		if err != nil {
			t.Fatalf("netra %v: %v\n%s%s", args, err, out, stderr)
		}
		return out
	}
	netraES("index", "init", "--shards", "1", "--replicas", "0")

	first := map[string]string{}
	for i, txt := range e2eTexts {
		first[fmt.Sprintf("p%d", i+1)] = txt
	}
	ids := map[string]string{}
	scoreInto(t, es, dir, first, ids)
	if out := netraES("index", "rollover", "--max-docs", "100"); !strings.Contains(out, "no rollover") {
		t.Errorf("rollover with 5 of 100 docs: %q, want no rollover", out)
	}
	out := netraES("index", "rollover", "--max-docs", "3")
	if !strings.Contains(out, "rolled over") || !strings.Contains(out, prefix+"-items-000002") {
		t.Fatalf("rollover with 5 of 3 docs: %q, want a roll over to %s-items-000002", out, prefix)
	}
	second := map[string]string{
		"q1": "Kepala dinas pendidikan terlihat hadir dalam kampanye calon bupati nomor urut 1 di halaman sekolah.",
		"q2": "Pasar malam di alun-alun kota ramai dikunjungi warga pada akhir pekan.",
		"q3": "Seorang sekretaris desa mengunggah foto bersama calon gubernur dengan ajakan memilih.",
	}
	// p1 changes: its update must stay in the first generation.
	second["p1"] = e2eTexts[0] + " Video itu beredar luas di media sosial."
	scoreInto(t, es, dir, second, ids)
	const records = 8 // p1..p5 and q1..q3
	if n := aliasCount(t, esURL, prefix+"-records"); n != records {
		t.Errorf("read alias counts %d records, want %d", n, records)
	}
	if n := aliasCount(t, esURL, prefix+"-items-000001"); n != len(first) {
		t.Errorf("the first generation holds %d records, want %d (an update went to the write index?)", n, len(first))
	}
	var st index.Stats
	if err := json.Unmarshal([]byte(netraES("index", "stats", "--json")), &st); err != nil || st.Records != records {
		t.Errorf("index stats: %+v, %v; want %d records", st, err, records)
	}

	// Review one record of each generation and see the change.
	ctx := context.Background()
	s, err := elastic.Open(ctx, elastic.Config{URLs: []string{esURL}, IndexPrefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	confirmed := netra.StatusConfirmed
	for _, in := range []string{"p1", "q1"} {
		id := ids[in]
		r, err := s.Get(ctx, id)
		if err != nil {
			t.Fatalf("get %s: %v", id, err)
		}
		if in == "p1" && (r.Version != 2 || !strings.Contains(r.Item.Text, "media sosial")) {
			t.Errorf("p1 after its update: version %d, text %q", r.Version, r.Item.Text)
		}
		got, err := s.Review(ctx, id, index.ReviewUpdate{Status: &confirmed, Who: "rina", BaseVersion: r.Version})
		if err != nil {
			t.Fatalf("review %s: %v", id, err)
		}
		if got.Version != r.Version+1 {
			t.Errorf("review %s: version %d, want %d", id, got.Version, r.Version+1)
		}
		audit, err := s.Audit(ctx, id)
		if err != nil || len(audit) == 0 || audit[len(audit)-1].To != netra.StatusConfirmed {
			t.Errorf("audit of %s: %+v, %v", id, audit, err)
		}
	}
	res, err := s.Search(ctx, index.Query{Statuses: []netra.Status{netra.StatusConfirmed}})
	if err != nil {
		t.Fatal(err)
	}
	var found, want []string
	for _, m := range res.Matches {
		found = append(found, m.Record.Item.ID)
	}
	want = []string{ids["p1"], ids["q1"]}
	slices.Sort(found)
	slices.Sort(want)
	if !slices.Equal(found, want) {
		t.Errorf("confirmed records found: %v, want p1 and q1 %v", found, want)
	}
	res, err = s.Search(ctx, index.Query{Text: "kampanye", Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, m := range res.Matches {
		seen[m.Record.Item.ID]++
	}
	if seen[ids["p2"]] != 1 || seen[ids["q1"]] != 1 {
		t.Errorf("text search across generations found %v, want p2 %s (first) and q1 %s (second) once each; ids %v", seen, ids["p2"], ids["q1"], ids)
	}
	if n := aliasCount(t, esURL, prefix+"-records"); n != records {
		t.Errorf("after reviews the read alias counts %d, want %d", n, records)
	}

	// Migrate over two generations: one new index, each record once.
	netraES("index", "migrate")
	if n := aliasCount(t, esURL, prefix+"-records"); n != records {
		t.Errorf("after migrate the read alias counts %d, want %d", n, records)
	}
	if r, err := s.Get(ctx, ids["q1"]); err != nil || r.Review.Status != netra.StatusConfirmed {
		t.Errorf("q1 after migrate: %+v, %v", r.Review, err)
	}
	// Make the migrated index a retired generation with a new one after it.
	netraES("index", "rollover", "--now")
	scoreInto(t, es, dir, map[string]string{"r1": "Camat baru dilantik oleh bupati di pendopo kabupaten."}, ids)
	gens := netraES("index", "generations")
	if !strings.Contains(gens, prefix+"-items-000003") || !strings.Contains(gens, prefix+"-items-000004") {
		t.Fatalf("index generations: %q", gens)
	}

	// Prune: list first, delete on --yes. The generations retired a moment
	// ago are older than 1s once a second has passed.
	time.Sleep(1100 * time.Millisecond)
	list := netraES("index", "prune", "--older-than", "1s")
	if !strings.Contains(list, "nothing deleted") || !strings.Contains(list, prefix+"-items-000003") || strings.Contains(list, prefix+"-items-000004") {
		t.Errorf("prune without --yes: %q", list)
	}
	if n := aliasCount(t, esURL, prefix+"-records"); n != records+1 {
		t.Errorf("prune without --yes deleted: %d records, want %d", n, records+1)
	}
	if out := netraES("index", "prune", "--older-than", "100d"); !strings.Contains(out, "nothing to prune") {
		t.Errorf("prune --older-than 100d: %q", out)
	}
	if out := netraES("index", "prune", "--older-than", "1s", "--yes"); !strings.Contains(out, "deleted") {
		t.Errorf("prune --yes: %q", out)
	}
	if n := aliasCount(t, esURL, prefix+"-records"); n != 1 {
		t.Errorf("after prune the read alias counts %d, want 1 (r1)", n)
	}
	if _, err := s.Get(ctx, ids["p1"]); !errors.Is(err, netra.ErrNotFound) {
		t.Errorf("p1 after prune: %v, want not found", err)
	}
	if r, err := s.Get(ctx, ids["r1"]); err != nil || r.Version != 1 {
		t.Errorf("r1 after prune: %+v, %v", r, err)
	}
}

// TestIndexTemplateNotReverted edits the items template as an operator
// would: `index init` keeps the edit and says what differs, explicit
// --shards replaces it and says what it replaced, and the next generation
// gets the shards asked for.
func TestIndexTemplateNotReverted(t *testing.T) {
	esURL := esTestURL(t)
	prefix := esPrefix(t, esURL, "tmpl")
	es := []string{"--es", esURL, "--es-index-prefix", prefix, "--data", t.TempDir()}
	run := func(args ...string) string {
		t.Helper()
		out, stderr, err := runNetra(t, "", append(slices.Clone(es), args...)...)
		if err != nil {
			t.Fatalf("netra %v: %v\n%s", args, err, stderr)
		}
		return out
	}
	run("index", "init")
	if out := run("index", "init"); strings.Contains(out, "differs") || strings.Contains(out, "replaced") {
		t.Errorf("a second init on Netra's own template says %q", out)
	}
	var tmpl struct {
		IndexTemplates []struct {
			IndexTemplate map[string]any `json:"index_template"`
		} `json:"index_templates"`
	}
	esGet(t, http.MethodGet, esURL+"/_index_template/"+prefix+"-items", "", &tmpl)
	body := tmpl.IndexTemplates[0].IndexTemplate
	body["template"].(map[string]any)["settings"].(map[string]any)["index"].(map[string]any)["refresh_interval"] = "30s"
	b, _ := json.Marshal(body)
	esGet(t, http.MethodPut, esURL+"/_index_template/"+prefix+"-items", string(b), nil)

	out := run("index", "init")
	if !strings.Contains(out, "kept as it is") || !strings.Contains(out, "refresh_interval") || !strings.Contains(out, `"30s"`) {
		t.Errorf("init after an operator's edit says %q, want the edit kept and named", out)
	}
	esGet(t, http.MethodGet, esURL+"/_index_template/"+prefix+"-items", "", &tmpl)
	if !strings.Contains(fmt.Sprint(tmpl.IndexTemplates[0].IndexTemplate), "30s") {
		t.Errorf("the operator's refresh_interval was reverted: %v", tmpl.IndexTemplates[0].IndexTemplate)
	}

	out = run("index", "init", "--shards", "2", "--replicas", "0")
	if !strings.Contains(out, "replaced") || !strings.Contains(out, "number_of_shards") {
		t.Errorf("init --shards 2 says %q, want what it replaced", out)
	}
	run("index", "rollover", "--now")
	var settings map[string]struct {
		Settings struct {
			Index struct {
				Shards string `json:"number_of_shards"`
			} `json:"index"`
		} `json:"settings"`
	}
	esGet(t, http.MethodGet, esURL+"/"+prefix+"-items-000002/_settings", "", &settings)
	if got := settings[prefix+"-items-000002"].Settings.Index.Shards; got != "2" {
		t.Errorf("the generation after init --shards 2 has %q shards", got)
	}
}
