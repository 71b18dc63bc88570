// Command netra is Netra's one binary: classify texts, batch-score corpora,
// crawl sources, search and review flagged items. See README.md.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/pipeline"
	"github.com/spf13/cobra"
)

// globals are the flags every subcommand shares.
type globals struct {
	// replayed relays records the Elasticsearch spool delivered to the
	// alerts, once startAlerts has set them up (see openStoreForWriting).
	replayed      replayRelay
	dataDir       string // embedded store directory
	esURLs        []string
	esIndexPrefix string
	esUser        string
	esPassword    string
	esAPIKey      string
	esCACert      string
	esConn        esConnFlags // TLS, Cloud ID and timeout (store_elastic.go)
	rulesDir      string      // extra/replacement rule pack directory
	spoolMax      int64       // disk budget of the Elasticsearch outage spool, bytes
	// wrapClassifier, when set, wraps the classifier `score` hands the
	// pipeline: the seam through which a test makes it fail on a
	// document, as a classifier bug would.
	wrapClassifier func(pipeline.Classifier) pipeline.Classifier
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func newRootCmd() *cobra.Command { return newRootCmdFor(&globals{}) }

// newRootCmdFor builds the command tree over g, which tests may prepare
// (globals.wrapClassifier).
func newRootCmdFor(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:           "netra",
		Short:         "Find possible partisan activity by Indonesian civil servants (ASN) in news and posts",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.dataDir, "data", envOr("NETRA_DATA", "./netra-data"), "embedded store directory ($NETRA_DATA)")
	var esURL string
	pf.StringVar(&esURL, "es", os.Getenv("NETRA_ES_URL"), "Elasticsearch URL(s), comma-separated; selects the Elasticsearch store ($NETRA_ES_URL)")
	pf.StringVar(&g.esIndexPrefix, "es-index-prefix", envOr("NETRA_ES_INDEX_PREFIX", "netra"), "prefix of Elasticsearch index and alias names")
	pf.StringVar(&g.esUser, "es-user", os.Getenv("NETRA_ES_USER"), "Elasticsearch basic-auth user ($NETRA_ES_USER)")
	pf.StringVar(&g.esPassword, "es-password", os.Getenv("NETRA_ES_PASSWORD"), "Elasticsearch basic-auth password ($NETRA_ES_PASSWORD)")
	pf.StringVar(&g.esAPIKey, "es-api-key", os.Getenv("NETRA_ES_API_KEY"), "Elasticsearch API key ($NETRA_ES_API_KEY)")
	pf.StringVar(&g.esCACert, "es-ca-cert", os.Getenv("NETRA_ES_CA_CERT"), "PEM file with the CA certificate of the Elasticsearch cluster")
	addESConnFlags(pf, g)
	pf.StringVar(&g.rulesDir, "rules", os.Getenv("NETRA_RULES"), "rule pack directory to use instead of the built-in packs ($NETRA_RULES)")
	var spoolMax string
	pf.StringVar(&spoolMax, "spool-max", envOr("NETRA_SPOOL_MAX", "1GB"), "disk budget of the Elasticsearch outage spool in --data, e.g. 500MB, 2GB ($NETRA_SPOOL_MAX)")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		g.esURLs = splitList(esURL)
		if err := g.resolveCloudID(); err != nil {
			return err
		}
		n, err := parseSize(spoolMax)
		if err != nil {
			return fmt.Errorf("--spool-max: %w", err)
		}
		g.spoolMax = n
		return nil
	}

	root.AddCommand(
		newClassifyCmd(g),
		newScoreCmd(g),
		newEvalCmd(g),
		newRulesCmd(g),
		newCrawlCmd(g),
		newSourcesCmd(g),
		newSearchCmd(g),
		newServeCmd(g),
		newUsersCmd(g),
		newIndexCmd(g),
		newExportCmd(g),
		newAlertsCmd(g),
	)
	return root
}

func main() {
	ctx, release := signalContext(os.Stderr)
	err := newRootCmd().ExecuteContext(ctx)
	release()
	if err != nil {
		fmt.Fprintln(os.Stderr, "netra:", err)
		var h *netra.Hint
		if errors.As(err, &h) && h.Hint != "" {
			fmt.Fprintln(os.Stderr, "hint:", h.Hint)
		}
		var ec exitCoder
		if errors.As(err, &ec) {
			os.Exit(ec.ExitCode())
		}
		os.Exit(1)
	}
}

// exitCoder lets a command choose its exit status.
type exitCoder interface{ ExitCode() int }

func splitList(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if p := trimSpace(s[start:i]); p != "" {
				out = append(out, p)
			}
			start = i + 1
		}
	}
	return out
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}
