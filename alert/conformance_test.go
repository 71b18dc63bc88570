package alert_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/netra-id/netra/alert"
	"github.com/netra-id/netra/alert/alerttest"
	"github.com/netra-id/netra/index/bleve"
	"github.com/netra-id/netra/index/elastic"
	"github.com/netra-id/netra/index/indextest"
)

// openBleve is the embedded store with its alert state in alerts.db
// beside it, as `netra` lays the data directory out.
func openBleve(t testing.TB) alerttest.Backend {
	dir := t.TempDir()
	s, err := bleve.Open(filepath.Join(dir, "store"), bleve.WithAnalyzer(indextest.Analyze))
	if err != nil {
		t.Fatal(err)
	}
	kv, err := alert.OpenBolt(filepath.Join(dir, alert.BoltFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kv.Close(); s.Close() })
	return alerttest.Backend{Store: s, KV: kv}
}

func TestConformanceBleve(t *testing.T) {
	alerttest.Run(t, func(t *testing.T) alerttest.Backend { return openBleve(t) })
}

// esURL is the Elasticsearch the tests run against (NETRA_ES_URL, set by
// scripts/test.sh); without one the test skips, except in CI.
func esURL(t testing.TB) string {
	u := os.Getenv("NETRA_ES_URL")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NETRA_ES_URL is empty but CI=true: the Elasticsearch tests must run")
		}
		t.Skip("NETRA_ES_URL not set; run scripts/elasticsearch.sh start")
	}
	return u
}

// openElastic is a store with a fresh index prefix whose indices go when
// the test ends.
func openElastic(t testing.TB, url string) alerttest.Backend {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	prefix := "t-alert-" + hex.EncodeToString(b)
	s, err := elastic.Open(context.Background(), elastic.Config{URLs: []string{url}, IndexPrefix: prefix, SpoolDir: t.TempDir()},
		elastic.WithAnalyzer(indextest.Analyze))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, p := range []string{"/" + prefix + "-*", "/_index_template/" + prefix + "-items", "/_index_template/" + prefix + "-audit"} {
			req, _ := http.NewRequest(http.MethodDelete, url+p, nil)
			if res, err := http.DefaultClient.Do(req); err == nil {
				res.Body.Close()
			}
		}
		s.Close()
	})
	return alerttest.Backend{Store: s, KV: s.KV(alert.KeyOnlyCollections()...)}
}

func TestConformanceElastic(t *testing.T) {
	url := esURL(t)
	alerttest.Run(t, func(t *testing.T) alerttest.Backend { return openElastic(t, url) })
}
