package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra/index"
)

// esTestURL is the Elasticsearch of scripts/test.sh (NETRA_ES_URL). Without
// it the test skips, except under CI=true, where it must run.
func esTestURL(t *testing.T) string {
	t.Helper()
	u := testEnv["NETRA_ES_URL"] // moved out of the environment by TestMain
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NETRA_ES_URL is empty but CI=true: the Elasticsearch tests must run (scripts/test.sh starts Elasticsearch)")
		}
		t.Skip("NETRA_ES_URL not set (scripts/elasticsearch.sh start)")
	}
	return u
}

// execNetra runs the command line in-process.
func execNetra(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	return runNetra(t, "", args...)
}

// e2eTexts are what a reviewer would expect to find or not find.
var e2eTexts = []string{
	"Seorang camat di Kabupaten Magelang terekam video mendukung pasangan calon nomor urut 2 saat acara warga.",
	"Seorang guru PPPK di Bandung hadir dalam kampanye terbuka calon legislatif dan menyatakan dukungannya di depan peserta.",
	"Harga beras medium di pasar tradisional Jakarta naik dua ribu rupiah per kilogram menjelang akhir bulan.",
	"Bawaslu mengingatkan bahwa ASN dilarang memberikan dukungan kepada peserta pemilu melalui media sosial.",
	"Lurah di Jakarta Timur terlihat hadir dalam kampanye akbar salah satu partai politik di lapangan kota.",
}

// TestElasticScoreAndSearch scores a corpus into Elasticsearch with
// `netra score --index --es URL`, searches it with `netra search --es URL`,
// and checks that the answers are those of the embedded store for the same
// corpus and queries.
func TestElasticScoreAndSearch(t *testing.T) {
	url := esTestURL(t)
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	prefix := "t-e2e-" + hex.EncodeToString(b)
	t.Cleanup(func() {
		for _, p := range []string{"/" + prefix + "-*", "/_index_template/" + prefix + "-items", "/_index_template/" + prefix + "-audit"} {
			req, _ := http.NewRequest(http.MethodDelete, url+p, nil)
			if res, err := http.DefaultClient.Do(req); err == nil {
				res.Body.Close()
			}
		}
	})
	dir := t.TempDir()
	input := filepath.Join(dir, "posts.jsonl")
	var lines []string
	for i, txt := range e2eTexts {
		l, _ := json.Marshal(map[string]string{"id": "p" + string(rune('1'+i)), "source": "uji", "text": txt})
		lines = append(lines, string(l))
	}
	if err := os.WriteFile(input, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	es := []string{"--es", url, "--es-index-prefix", prefix, "--data", filepath.Join(dir, "es-spool")}
	embedded := []string{"--es", "", "--data", filepath.Join(dir, "embedded")}

	for _, backend := range [][]string{es, embedded} {
		_, stderr, err := execNetra(t, append(slices.Clone(backend), "score", "--index", "--progress", "never", "-o", filepath.Join(dir, "verdicts.jsonl"), input)...)
		if err != nil {
			if strings.Contains(err.Error(), "not implemented") {
				t.Skipf("score --index not implemented yet: %v", err)
			}
			t.Fatalf("netra %v score --index: %v\n%s", backend, err, stderr)
		}
	}

	stats, _, err := execNetra(t, append(slices.Clone(es), "index", "stats", "--json")...)
	if err != nil {
		t.Fatalf("netra index stats: %v", err)
	}
	var st index.Stats
	if err := json.Unmarshal([]byte(stats), &st); err != nil {
		t.Fatalf("index stats --json printed %q: %v", stats, err)
	}
	if st.Backend != "elasticsearch" || st.Records != len(e2eTexts) {
		t.Errorf("index stats: backend %q, %d records; want elasticsearch, %d", st.Backend, st.Records, len(e2eTexts))
	}

	search := func(backend []string, args ...string) []string {
		t.Helper()
		out, _, err := execNetra(t, append(append(slices.Clone(backend), "search", "--json"), args...)...)
		if err != nil {
			if strings.Contains(err.Error(), "not implemented") {
				t.Skipf("search not implemented yet: %v", err)
			}
			t.Fatalf("netra search %v: %v", args, err)
		}
		var res index.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("netra search --json printed %q: %v", out, err)
		}
		var texts []string
		for _, m := range res.Matches {
			texts = append(texts, m.Record.Item.Text)
		}
		slices.Sort(texts)
		return texts
	}
	queries := [][]string{
		{"mendukung"},
		{"kampanye"},
		{"kampanye", "--flagged"},
		{"--flagged=false"},
		{"\"kampanye akbar\""},
		{"dukung*"},
		{"beras", "--status", "new"},
	}
	for _, q := range queries {
		got, want := search(es, q...), search(embedded, q...)
		if !slices.Equal(got, want) {
			t.Errorf("search %q: elasticsearch found %q, the embedded store %q", q, got, want)
		}
	}
	// The answers are not empty by accident: the words are in the texts.
	if got := search(es, "beras"); len(got) != 1 || got[0] != e2eTexts[2] {
		t.Errorf("search beras = %q, want the one text about rice", got)
	}
	if got := search(es, "kampanye"); len(got) != 2 {
		t.Errorf("search kampanye = %q, want the two campaign texts", got)
	}
}

// TestElasticReviewAPI serves records stored in Elasticsearch with `netra
// serve --es URL` and reviews one through the JSON API: the review is
// stored, a stale one is refused with 409, the record stays findable by its
// text and the audit trail has the change.
func TestElasticReviewAPI(t *testing.T) {
	url := esTestURL(t)
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	prefix := "t-api-" + hex.EncodeToString(b)
	t.Cleanup(func() {
		for _, p := range []string{"/" + prefix + "-*", "/_index_template/" + prefix + "-items", "/_index_template/" + prefix + "-audit"} {
			req, _ := http.NewRequest(http.MethodDelete, url+p, nil)
			if res, err := http.DefaultClient.Do(req); err == nil {
				res.Body.Close()
			}
		}
	})
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	input := filepath.Join(dir, "posts.jsonl")
	l, _ := json.Marshal(map[string]string{"id": "p1", "source": "uji", "text": e2eTexts[0]})
	if err := os.WriteFile(input, append(l, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	es := []string{"--es", url, "--es-index-prefix", prefix, "--data", data}
	const pw = "rahasia-panjang-123"
	users := newRootCmd()
	// With --es the accounts live in the cluster, where serve --es reads them.
	users.SetArgs(append(slices.Clone(es), "users", "add", "siti", "--role", "reviewer", "--password-stdin"))
	users.SetIn(strings.NewReader(pw + "\n"))
	users.SetOut(io.Discard)
	users.SetErr(io.Discard)
	if err := users.Execute(); err != nil {
		t.Fatalf("users add: %v", err)
	}
	if _, stderr, err := execNetra(t, append(slices.Clone(es), "score", "--index", "--progress", "never", "-o", filepath.Join(dir, "v.jsonl"), input)...); err != nil {
		t.Fatalf("score --index: %v\n%s", err, stderr)
	}

	l2, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l2.Addr().String()
	l2.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		cmd := newRootCmd()
		cmd.SetArgs(append(slices.Clone(es), "serve", "--addr", addr))
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		done <- cmd.ExecuteContext(ctx)
	}()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	base := "http://" + addr
	for i := 0; ; i++ {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v", err)
		default:
		}
		if i > 600 {
			t.Fatal("serve did not answer /healthz within 60s")
		}
		time.Sleep(100 * time.Millisecond)
	}

	call := func(method, path, body string) (int, []byte) {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		req.SetBasicAuth("siti", pw)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, b
	}
	items := func(query string) index.Result {
		t.Helper()
		code, b := call(http.MethodGet, "/api/v1/items?"+query, "")
		var res index.Result
		if code != http.StatusOK || json.Unmarshal(b, &res) != nil {
			t.Fatalf("GET items?%s: %d %s", query, code, b)
		}
		return res
	}
	res := items("q=mendukung")
	if len(res.Matches) != 1 {
		t.Fatalf("items?q=mendukung: %d matches, want 1", len(res.Matches))
	}
	rec := res.Matches[0].Record
	review := fmt.Sprintf(`{"status":"confirmed","note":"video asli","version":%d}`, rec.Version)
	if code, b := call(http.MethodPost, "/api/v1/items/"+rec.Item.ID+"/review", review); code != http.StatusOK {
		t.Fatalf("review: %d %s", code, b)
	}
	if code, b := call(http.MethodPost, "/api/v1/items/"+rec.Item.ID+"/review", review); code != http.StatusConflict {
		t.Errorf("review based on a stale version: %d %s, want 409", code, b)
	}
	if got := items("q=mendukung&status=confirmed"); len(got.Matches) != 1 {
		t.Errorf("after the review, items?q=mendukung&status=confirmed has %d matches, want 1", len(got.Matches))
	}
	code, b2 := call(http.MethodGet, "/api/v1/items/"+rec.Item.ID+"/audit", "")
	if code != http.StatusOK || !strings.Contains(string(b2), `"to":"confirmed"`) || !strings.Contains(string(b2), `"who":"siti"`) {
		t.Errorf("audit: %d %s, want siti's confirm", code, b2)
	}
}

// TestIndexCommands runs `netra index init|migrate|replay|stats` on
// Elasticsearch and the ones that apply on the embedded store.
func TestIndexCommands(t *testing.T) {
	url := esTestURL(t)
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	prefix := "t-idx-" + hex.EncodeToString(b)
	t.Cleanup(func() {
		for _, p := range []string{"/" + prefix + "-*", "/_index_template/" + prefix + "-items", "/_index_template/" + prefix + "-audit"} {
			req, _ := http.NewRequest(http.MethodDelete, url+p, nil)
			if res, err := http.DefaultClient.Do(req); err == nil {
				res.Body.Close()
			}
		}
	})
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	es := []string{"--es", url, "--es-index-prefix", prefix, "--data", data}
	run := func(args ...string) string {
		t.Helper()
		out, stderr, err := execNetra(t, args...)
		if err != nil {
			t.Fatalf("netra %v: %v\n%s", args, err, stderr)
		}
		return out
	}
	if out := run(append(slices.Clone(es), "index", "init")...); !strings.Contains(out, prefix+"-items → "+prefix+"-items-000001") {
		t.Errorf("index init printed %q, want the alias and its index", out)
	}
	input := filepath.Join(dir, "posts.jsonl")
	var lines []string
	for i, txt := range e2eTexts {
		l, _ := json.Marshal(map[string]string{"id": fmt.Sprint("p", i), "source": "uji", "text": txt})
		lines = append(lines, string(l))
	}
	if err := os.WriteFile(input, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(append(slices.Clone(es), "score", "--index", "--progress", "never", "-o", filepath.Join(dir, "v.jsonl"), input)...)
	if out := run(append(slices.Clone(es), "index", "migrate")...); !strings.Contains(out, fmt.Sprintf("migrated %d records", len(e2eTexts))) || !strings.Contains(out, prefix+"-items-000002") {
		t.Errorf("index migrate printed %q", out)
	}
	// A record left in the spool by an earlier outage.
	spooled, _ := json.Marshal(map[string]any{
		"item":    map[string]any{"id": "dari-spool", "source": "uji", "text": "Lurah hadir dalam deklarasi dukungan calon bupati."},
		"verdict": map[string]any{"id": "dari-spool", "flagged": false, "score": 0, "categories": []string{}, "hits": []any{}},
	})
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "elastic-spool-"+prefix+".jsonl"), append(spooled, '\n'), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := run(append(slices.Clone(es), "index", "replay")...); !strings.Contains(out, "delivered 1 spooled records") {
		t.Errorf("index replay printed %q", out)
	}
	var st index.Stats
	if err := json.Unmarshal([]byte(run(append(slices.Clone(es), "index", "stats", "--json")...)), &st); err != nil {
		t.Fatal(err)
	}
	if st.Records != len(e2eTexts)+1 || st.Extra["index"] != prefix+"-items-000002" || st.Extra["spooled"] != "0" {
		t.Errorf("index stats = %+v, want %d records in %s-items-000002 and an empty spool", st, len(e2eTexts)+1, prefix)
	}

	// The embedded store: migrate rebuilds its search index.
	emb := []string{"--es", "", "--data", filepath.Join(dir, "embedded")}
	run(append(slices.Clone(emb), "score", "--index", "--progress", "never", "-o", filepath.Join(dir, "v2.jsonl"), input)...)
	if out := run(append(slices.Clone(emb), "index", "migrate")...); !strings.Contains(out, fmt.Sprintf("(%d records)", len(e2eTexts))) {
		t.Errorf("embedded index migrate printed %q", out)
	}
	var res index.Result
	if err := json.Unmarshal([]byte(run(append(slices.Clone(emb), "search", "--json", "kampanye")...)), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 {
		t.Errorf("search after rebuilding the embedded index: %d records, want 2", res.Total)
	}
}
