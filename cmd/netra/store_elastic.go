package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/netra-id/netra"
	"github.com/spf13/pflag"

	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/elastic"
)

// openElasticStore opens the Elasticsearch store at g.esURLs. Records that
// cannot be stored during an outage are spooled in --data and delivered
// first the next time a command opens the store. As with the embedded
// store, a nil analyzer means the classifier's, so index and search time
// analyse text alike.
func openElasticStore(ctx context.Context, g *globals, analyzer index.Analyzer) (index.Store, error) {
	s, err := openElastic(ctx, g, analyzer)
	if err != nil {
		return nil, err // not a typed nil in a non-nil interface
	}
	return s, nil
}

// openElastic is openElasticStore returning the concrete store, for the
// `netra index` commands that go beyond index.Store.
func openElastic(ctx context.Context, g *globals, analyzer index.Analyzer, opts ...elastic.Option) (*elastic.Store, error) {
	analyzer, err := storeAnalyzer(g, analyzer)
	if err != nil {
		return nil, err
	}
	cfg := elastic.Config{
		URLs:       g.esURLs,
		Username:   g.esUser,
		Password:   g.esPassword,
		APIKey:     g.esAPIKey,
		CACertPath: g.esCACert,

		CAFingerprint:  g.esConn.caFingerprint,
		ClientCertPath: g.esConn.clientCert,
		ClientKeyPath:  g.esConn.clientKey,
		RequestTimeout: g.esConn.timeout,

		IndexPrefix: g.esIndexPrefix,
		SpoolDir:    g.dataDir,

		SpoolMaxBytes: g.spoolMax,
	}
	return elastic.Open(ctx, cfg, append([]elastic.Option{elastic.WithAnalyzer(analyzer)}, opts...)...)
}

// esConnFlags are the connection options beyond URL and credentials.
type esConnFlags struct {
	caFingerprint string
	clientCert    string
	clientKey     string
	cloudID       string
	timeout       time.Duration
}

// addESConnFlags declares the TLS, Cloud ID and timeout flags.
func addESConnFlags(pf *pflag.FlagSet, g *globals) {
	c := &g.esConn
	pf.StringVar(&c.caFingerprint, "es-ca-fingerprint", os.Getenv("NETRA_ES_CA_FINGERPRINT"), "SHA-256 fingerprint of the cluster's CA certificate, as Elasticsearch prints it at first start ($NETRA_ES_CA_FINGERPRINT)")
	pf.StringVar(&c.clientCert, "es-client-cert", os.Getenv("NETRA_ES_CLIENT_CERT"), "PEM client certificate for clusters that require one ($NETRA_ES_CLIENT_CERT)")
	pf.StringVar(&c.clientKey, "es-client-key", os.Getenv("NETRA_ES_CLIENT_KEY"), "PEM key of --es-client-cert ($NETRA_ES_CLIENT_KEY)")
	pf.StringVar(&c.cloudID, "es-cloud-id", os.Getenv("NETRA_ES_CLOUD_ID"), "Elastic Cloud ID of the deployment, instead of --es ($NETRA_ES_CLOUD_ID)")
	pf.DurationVar(&c.timeout, "es-timeout", envDuration("NETRA_ES_TIMEOUT", 2*time.Minute), "longest wait for an Elasticsearch answer ($NETRA_ES_TIMEOUT)")
}

// envDuration reads a duration from the environment, def when unset or
// not a duration (the flag's own parsing reports a bad --es-timeout).
func envDuration(key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(key)); err == nil {
		return d
	}
	return def
}

// resolveCloudID turns --es-cloud-id into the cluster URL, which selects
// the Elasticsearch store as --es does.
func (g *globals) resolveCloudID() error {
	if g.esConn.cloudID == "" {
		return nil
	}
	if len(g.esURLs) > 0 {
		return netra.WithHint(errors.New("--es-cloud-id and --es both name a cluster"), "give one of them")
	}
	u, err := elastic.ParseCloudID(g.esConn.cloudID)
	if err != nil {
		return fmt.Errorf("--es-cloud-id: %w", err)
	}
	g.esURLs = []string{u}
	return nil
}
