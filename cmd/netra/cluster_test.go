//go:build unix

package main

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// esPrefix makes a fresh index prefix on the test cluster and removes its
// indices and templates when the test ends.
func esPrefix(t *testing.T, esURL, name string) string {
	t.Helper()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	prefix := "t-" + name + "-" + hex.EncodeToString(b)
	t.Cleanup(func() {
		for _, p := range []string{"/" + prefix + "-*", "/_index_template/" + prefix + "-items", "/_index_template/" + prefix + "-audit"} {
			req, _ := http.NewRequest(http.MethodDelete, esURL+p, nil)
			if res, err := http.DefaultClient.Do(req); err == nil {
				res.Body.Close()
			}
		}
	})
	return prefix
}

var servingURL = regexp.MustCompile(`msg=serving url=(http://[0-9.:]+)/`)

// serveReplica starts `netra serve` as a child process over the cluster
// and returns its base URL and the process.
func serveReplica(t *testing.T, es []string, data string, extra ...string) (string, *exec.Cmd) {
	t.Helper()
	cmd := netraChild(append(append(slices.Clone(es), "--data", data, "serve", "--addr", "127.0.0.1:0"), extra...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			if m := servingURL.FindStringSubmatch(sc.Text()); m != nil && !sent {
				found <- m[1]
				sent = true
			}
			if testing.Verbose() {
				fmt.Fprintln(os.Stderr, "serve:", sc.Text())
			}
		}
		close(found)
	}()
	select {
	case u, ok := <-found:
		if !ok {
			t.Fatal("netra serve exited before serving")
		}
		return u, cmd
	case <-time.After(2 * time.Minute):
		t.Fatal("netra serve did not start within 2 minutes")
	}
	return "", nil
}

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{
	Timeout:       time.Minute,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// login signs in through the login form and returns the session cookie.
func login(t *testing.T, base, user, password string) *http.Cookie {
	t.Helper()
	res, err := noRedirect.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var csrf *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == loginCSRFCookieName {
			csrf = c
		}
	}
	if csrf == nil {
		t.Fatalf("GET %s/login set no %s cookie", base, loginCSRFCookieName)
	}
	form := url.Values{"user": {user}, "password": {password}, "csrf": {csrf.Value}}
	req, _ := http.NewRequest(http.MethodPost, base+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(csrf)
	res, err = noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	for _, c := range res.Cookies() {
		if c.Name == sessionCookieName && c.Value != "" {
			return c
		}
	}
	t.Fatalf("login at %s: %s, no session cookie", base, res.Status)
	return nil
}

const (
	sessionCookieName   = "netra_session"
	loginCSRFCookieName = "netra_login_csrf"
)

var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)">`)

// sessionCSRF reads the session's CSRF token from a page of base; it also
// proves the session is valid there.
func sessionCSRF(t *testing.T, base string, session *http.Cookie) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
	req.AddCookie(session)
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s/ with the session: %s, want 200", base, res.Status)
	}
	m := csrfMeta.FindSubmatch(b)
	if m == nil {
		t.Fatalf("GET %s/: no csrf-token meta", base)
	}
	return string(m[1])
}

// apiCall sends one API request with the session (and CSRF token when not
// empty) and returns status and body.
func apiCall(t *testing.T, method, u string, session *http.Cookie, csrf string, body any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, u, rd)
	if session != nil {
		req.AddCookie(session)
	}
	if csrf != "" {
		req.Header.Set("X-CSRF-Token", csrf)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// TestServeReplicasShareSessions runs two `netra serve` processes on
// different ports over one Elasticsearch: a login on one is valid on the
// other, a review on one is seen with its new version on the other, a
// logout on one ends the session on both, and a replica killed with
// SIGKILL and started again still knows the sessions made before.
func TestServeReplicasShareSessions(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	esURL := esTestURL(t)
	prefix := esPrefix(t, esURL, "replicas")
	es := []string{"--es", esURL, "--es-index-prefix", prefix}
	dir := t.TempDir()

	// Records and an account, both in the cluster.
	input := filepath.Join(dir, "posts.jsonl")
	var lines []string
	for i, txt := range e2eTexts {
		l, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("p%d", i+1), "source": "uji", "text": txt})
		lines = append(lines, string(l))
	}
	if err := os.WriteFile(input, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runNetra(t, "", append(slices.Clone(es), "--data", filepath.Join(dir, "cli"), "score", "--index", "--progress", "never", "-o", filepath.Join(dir, "v.jsonl"), input)...); err != nil {
		t.Fatalf("score --index: %v\n%s", err, stderr)
	}
	const pw = "rahasia-replika-1"
	if out, stderr, err := runNetra(t, pw+"\n", append(slices.Clone(es), "--data", filepath.Join(dir, "cli"), "users", "add", "rina", "--role", "reviewer", "--password-stdin")...); err != nil {
		t.Fatalf("users add: %v\n%s%s", err, out, stderr)
	}
	// The account is in the cluster, not in a users.json.
	if _, err := os.Stat(filepath.Join(dir, "cli", "users.json")); err == nil {
		t.Error("users add --es wrote a users.json")
	}

	a, procA := serveReplica(t, es, filepath.Join(dir, "a"))
	b, _ := serveReplica(t, es, filepath.Join(dir, "b"))

	session := login(t, a, "rina", pw)
	csrfB := sessionCSRF(t, b, session) // the login on A is valid on B
	if code, body := apiCall(t, http.MethodGet, b+"/api/v1/me", session, "", nil); code != http.StatusOK || !strings.Contains(string(body), `"rina"`) {
		t.Fatalf("GET /api/v1/me on B with A's session: %d %s", code, body)
	}

	// A review on B, seen with its new version on A.
	code, body := apiCall(t, http.MethodGet, a+"/api/v1/items?limit=1", session, "", nil)
	var res index.Result
	if code != http.StatusOK || json.Unmarshal(body, &res) != nil || len(res.Matches) == 0 {
		t.Fatalf("GET /api/v1/items on A: %d %s", code, body)
	}
	rec := res.Matches[0].Record
	code, body = apiCall(t, http.MethodPost, b+"/api/v1/items/"+url.PathEscape(rec.Item.ID)+"/review", session, csrfB,
		map[string]any{"status": "confirmed", "version": rec.Version})
	if code != http.StatusOK {
		t.Fatalf("review on B: %d %s", code, body)
	}
	code, body = apiCall(t, http.MethodGet, a+"/api/v1/items/"+url.PathEscape(rec.Item.ID), session, "", nil)
	var got netra.Record
	if code != http.StatusOK || json.Unmarshal(body, &got) != nil {
		t.Fatalf("GET item on A: %d %s", code, body)
	}
	if got.Version != rec.Version+1 || got.Review.Status != netra.StatusConfirmed || got.Review.Reviewer != "rina" {
		t.Errorf("A sees version %d, status %q by %q; want version %d, confirmed by rina", got.Version, got.Review.Status, got.Review.Reviewer, rec.Version+1)
	}

	// A second session survives A being killed and started again.
	second := login(t, b, "rina", pw)
	if err := procA.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = procA.Wait()
	a2, _ := serveReplica(t, es, filepath.Join(dir, "a"))
	if code, body := apiCall(t, http.MethodGet, a2+"/api/v1/me", second, "", nil); code != http.StatusOK {
		t.Fatalf("after kill -9 and restart, A does not know B's session: %d %s", code, body)
	}
	if code, _ := apiCall(t, http.MethodGet, a2+"/api/v1/items/"+url.PathEscape(rec.Item.ID), session, "", nil); code != http.StatusOK {
		t.Fatalf("after restart, the first session is not valid on A: %d", code)
	}

	// Logout on A ends the session on both.
	csrfA := sessionCSRF(t, a2, session)
	form := url.Values{"csrf": {csrfA}}
	req, _ := http.NewRequest(http.MethodPost, a2+"/logout", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(session)
	lres, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	lres.Body.Close()
	if lres.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout on A: %s", lres.Status)
	}
	for _, base := range []string{a2, b} {
		if code, _ := apiCall(t, http.MethodGet, base+"/api/v1/me", session, "", nil); code != http.StatusUnauthorized {
			t.Errorf("after logout on A, %s answers %d for the session, want 401", base, code)
		}
	}
	// The other session is untouched.
	if code, _ := apiCall(t, http.MethodGet, b+"/api/v1/me", second, "", nil); code != http.StatusOK {
		t.Errorf("logout of one session ended another: %d", code)
	}
}

// TestUsersMigrateToCluster copies a users.json into the cluster with one
// command: the same passwords work there, and a second run changes nothing.
func TestUsersMigrateToCluster(t *testing.T) {
	esURL := esTestURL(t)
	prefix := esPrefix(t, esURL, "usersmig")
	es := []string{"--es", esURL, "--es-index-prefix", prefix}
	data := t.TempDir()
	const pw = "kata-sandi-lama-1"
	for _, u := range []string{"ani", "budi"} {
		if _, stderr, err := runNetra(t, pw+"\n", "--es", "", "--data", data, "users", "add", u, "--role", "viewer", "--password-stdin"); err != nil {
			t.Fatalf("users add %s: %v\n%s", u, err, stderr)
		}
	}
	out, stderr, err := runNetra(t, "", append(slices.Clone(es), "--data", data, "users", "migrate")...)
	if err != nil {
		t.Fatalf("users migrate: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "copied 2 accounts") {
		t.Errorf("users migrate said %q, want 2 copied", out)
	}
	out, _, err = runNetra(t, "", append(slices.Clone(es), "--data", data, "users", "migrate")...)
	if err != nil || !strings.Contains(out, "copied 0 accounts") || !strings.Contains(out, "ani, budi") {
		t.Errorf("second users migrate: %q, %v; want 0 copied, ani and budi kept", out, err)
	}
	out, _, err = runNetra(t, "", append(slices.Clone(es), "--data", t.TempDir(), "users", "list")...)
	if err != nil || !strings.Contains(out, "ani") || !strings.Contains(out, "budi") {
		t.Fatalf("users list --es: %q, %v", out, err)
	}
	// The hash came along: the old password signs in on a server over
	// the cluster.
	base, _ := serveReplica(t, es, t.TempDir())
	s := login(t, base, "budi", pw)
	if code, body := apiCall(t, http.MethodGet, base+"/api/v1/me", s, "", nil); code != http.StatusOK || !strings.Contains(string(body), `"viewer"`) {
		t.Errorf("budi after migrate: %d %s", code, body)
	}
}

// TestServeRollsOver: with rollover_max_docs set, serve checks the write
// index when it starts (and daily) and rolls it over.
func TestServeRollsOver(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	esURL := esTestURL(t)
	prefix := esPrefix(t, esURL, "serveroll")
	es := []string{"--es", esURL, "--es-index-prefix", prefix}
	dir := t.TempDir()
	posts := map[string]string{}
	for i, txt := range e2eTexts {
		posts[fmt.Sprintf("p%d", i+1)] = txt
	}
	scoreInto(t, es, dir, posts, map[string]string{})
	cfg := filepath.Join(dir, "netra.yaml")
	if err := os.WriteFile(cfg, []byte("rollover_max_docs: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	serveReplica(t, es, filepath.Join(dir, "serve"), "--config", cfg)
	deadline := time.Now().Add(time.Minute)
	for {
		var aliases map[string]any
		esGet(t, http.MethodGet, esURL+"/_alias/"+prefix+"-items", "", &aliases)
		if _, ok := aliases[prefix+"-items-000002"]; ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve with rollover_max_docs 3 over 5 records did not roll over within a minute: %v", aliases)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if n := aliasCount(t, esURL, prefix+"-records"); n != len(posts) {
		t.Errorf("after serve's rollover the read alias counts %d, want %d", n, len(posts))
	}
}
