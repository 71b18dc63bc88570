package main

import (
	"os"
	"testing"
)

// testEnv holds the NETRA_* variables the test process was started with.
// TestMain removes them from the environment so that every command a test
// runs (in-process or as a child) uses only the flags the test gives it: a
// NETRA_ES_URL exported by scripts/test.sh for the Elasticsearch tests must
// not silently switch the embedded-store tests to Elasticsearch.
var testEnv = map[string]string{}

func TestMain(m *testing.M) {
	for _, k := range []string{"NETRA_ES_URL", "NETRA_DATA", "NETRA_RULES", "NETRA_ES_INDEX_PREFIX", "NETRA_ES_USER", "NETRA_ES_PASSWORD", "NETRA_ES_API_KEY", "NETRA_ES_CA_CERT",
		"NETRA_ES_CA_FINGERPRINT", "NETRA_ES_CLIENT_CERT", "NETRA_ES_CLIENT_KEY", "NETRA_ES_CLOUD_ID", "NETRA_ES_TIMEOUT"} {
		if v, ok := os.LookupEnv(k); ok {
			testEnv[k] = v
			os.Unsetenv(k)
		}
	}
	os.Exit(m.Run())
}
