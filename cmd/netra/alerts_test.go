package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/netra-id/netra/alert"
)

// A saved search added with the CLI alerts a webhook once when score
// --index stores matching records, signed; storing them again does not
// alert again; rm removes the search.
func TestAlertsCLIAndScoreIndex(t *testing.T) {
	var mu sync.Mutex
	var bodies [][]byte
	var sigs []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, b)
		sigs = append(sigs, r.Header.Get(alert.SignatureHeader))
		mu.Unlock()
	}))
	defer srv.Close()
	data := filepath.Join(t.TempDir(), "data")
	out, err := runCLI(t, "--data", data, "alerts", "add", "kampanye", "--owner", "ani", "--q", "kampanye",
		"--notify", "webhook", "--target", srv.URL+"/hook")
	if err != nil {
		t.Fatalf("alerts add: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`(?m)^saved (\S+) "kampanye" revision 1$`).FindStringSubmatch(out)
	sm := regexp.MustCompile(`secret \(verify X-Netra-Signature\): (\S+)`).FindStringSubmatch(out)
	if m == nil || sm == nil {
		t.Fatalf("alerts add printed %q, want the ID and the webhook secret", out)
	}
	id, secret := m[1], sm[1]
	out, err = runCLI(t, "--data", data, "alerts", "list")
	if err != nil || !strings.Contains(out, id) || !strings.Contains(out, "q: kampanye") || !strings.Contains(out, "ani:webhook=") {
		t.Fatalf("alerts list: %v\n%s", err, out)
	}
	for range 2 { // the second run re-stores the same records
		if out, err := runCLI(t, "--data", data, "score", "--index", "--progress", "never", "-o", filepath.Join(t.TempDir(), "v.jsonl"), searchFixture); err != nil {
			t.Fatalf("score --index: %v\n%s", err, out)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(bodies) != 1 {
		t.Fatalf("webhook got %d alerts, want 1", len(bodies))
	}
	if !alert.Verify(secret, bodies[0], sigs[0]) {
		t.Error("webhook body does not verify with the printed secret")
	}
	var a alert.Alert
	if err := json.Unmarshal(bodies[0], &a); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, it := range a.Items {
		titles = append(titles, it.Title)
	}
	slices.Sort(titles)
	// The two fixture texts with "kampanye" (s2 and the one other).
	if len(a.Items) != 2 || a.Search.ID != id {
		t.Errorf("alert for search %s with items %q, want 2 items of %s", a.Search.ID, titles, id)
	}
	out, err = runCLI(t, "--data", data, "alerts", "test", id)
	if err != nil || !strings.Contains(out, "matches 2 stored records") {
		t.Errorf("alerts test: %v\n%s", err, out)
	}
	if out, err := runCLI(t, "--data", data, "alerts", "rm", id); err != nil {
		t.Fatalf("alerts rm: %v\n%s", err, out)
	}
	if out, _ := runCLI(t, "--data", data, "alerts", "list"); !strings.Contains(out, "no saved searches") {
		t.Errorf("after rm: %s", out)
	}
}
