//go:build unix

package elastic

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/indextest"
)

// TestBasicAuth runs against a node of its own with security on, as real
// clusters have it: without or with wrong credentials Open says they were
// refused; with them, records are stored and found.
func TestBasicAuth(t *testing.T) {
	esURL(t)
	if testing.Short() {
		t.Skip("starts a second Elasticsearch")
	}
	const user, password = "netra", "rahasia-uji-123"
	in := startInstance(t)
	in.env = append(in.env, "NETRA_ES_SECURE_USER="+user, "NETRA_ES_SECURE_PASSWORD="+password)
	url := in.start()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	prefix := testPrefix(t)

	for name, cfg := range map[string]Config{
		"no credentials":  {URLs: []string{url}, IndexPrefix: prefix},
		"wrong password":  {URLs: []string{url}, IndexPrefix: prefix, Username: user, Password: "salah"},
		"unknown API key": {URLs: []string{url}, IndexPrefix: prefix, APIKey: "aWQ6a3VuY2k="},
	} {
		_, err := Open(ctx, cfg, WithRetry(1, time.Millisecond))
		var h *netra.Hint
		if err == nil || !strings.Contains(err.Error(), "refused the credentials") || !errors.As(err, &h) {
			t.Errorf("Open with %s: error %v, want one saying the credentials were refused, with a hint", name, err)
		}
	}

	s, err := Open(ctx, Config{URLs: []string{url}, IndexPrefix: prefix, Username: user, Password: password},
		WithAnalyzer(indextest.Analyze))
	if err != nil {
		t.Fatalf("Open with the right credentials: %v", err)
	}
	defer s.Close()
	if err := s.Upsert(ctx, []netra.Record{rec(1, "Camat terekam mendukung pasangan calon")}); err != nil {
		t.Fatal(err)
	}
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, index.Query{Text: "dukungan"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Errorf("search on the secured cluster found %d records, want 1", res.Total)
	}
}
