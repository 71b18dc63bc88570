// Package elastic is Netra's Elasticsearch 8 store: the index.Store contract
// on a cluster, for deployments that outgrow one machine. Records live in a
// versioned index behind an alias (PREFIX-items → PREFIX-items-000001) so the
// mapping can change without downtime, the audit trail in its own index.
// Writes go through the bulk API with bounded retries; records that still
// cannot be acknowledged are spooled to a local file and delivered first on
// the next Open, so an outage loses nothing.
package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// Backend is the name of this store in index.Stats and cursors.
const Backend = "elasticsearch"

// Config says how to reach the cluster and where Netra's indices live.
type Config struct {
	// URLs of one or more nodes, e.g. http://127.0.0.1:9200.
	URLs []string
	// Username and Password for basic authentication.
	Username, Password string
	// APIKey is the base64 "id:key" token; it overrides basic auth.
	APIKey string
	// CACertPath is a PEM file with the CA that signed the cluster's
	// certificate, for https clusters with a private CA.
	CACertPath string
	// CAFingerprint is the SHA-256 fingerprint (hex) of a certificate in
	// the cluster's chain, usually its CA, trusted instead of a CA file.
	CAFingerprint string
	// ClientCertPath and ClientKeyPath are a PEM client certificate and
	// key for clusters that require one.
	ClientCertPath, ClientKeyPath string
	// RequestTimeout is the longest wait for an answer (default 2m); it
	// applies whatever the TLS options.
	RequestTimeout time.Duration
	// IndexPrefix prefixes every index, alias and template name
	// (default "netra"), so several Netra installations or tests can share
	// a cluster.
	IndexPrefix string
	// SpoolDir is where records that could not be stored are kept until
	// they can be (usually the --data directory). Empty disables spooling:
	// then Upsert just fails.
	SpoolDir string
	// SpoolMaxBytes is the disk budget of the spool; an Upsert that would
	// pass it fails with an error naming the directory. Zero means no
	// limit.
	SpoolMaxBytes int64
}

// Option tunes a Store.
type Option func(*options)

type options struct {
	analyze      index.Analyzer
	attempts     int
	backoff      time.Duration
	flushBytes   int
	workers      int
	replayOnOpen bool
	// replayed hears of every record Replay delivered (WithReplayed).
	replayed  func(context.Context, []netra.Record)
	offline   bool
	templates bool
	replayMin time.Duration
	replayMax time.Duration
	shards    int // 0: Netra's default (1)
	replicas  int // -1: Netra's default (0-1, auto-expanded)
}

// WithShards sets the shards and replicas of new generations in the index
// template (`netra index init --shards N --replicas N`); replicas below
// zero keep the default (0-1, auto-expanded). Existing generations keep
// theirs; the next rollover or migrate uses the new ones.
func WithShards(shards, replicas int) Option {
	return func(o *options) { o.shards, o.replicas = shards, replicas }
}

// WithReplayBackoff sets how often ReplayLoop looks at the spool and the
// longest it waits between tries while the cluster stays unreachable
// (default 2s and 1m).
func WithReplayBackoff(min, max time.Duration) Option {
	return func(o *options) {
		if min > 0 {
			o.replayMin = min
		}
		if max >= o.replayMin {
			o.replayMax = max
		}
	}
}

// WithAnalyzer sets the analyser that turns text into indexed terms and
// query words into search terms (the classifier's Analyze in production).
func WithAnalyzer(a index.Analyzer) Option {
	return func(o *options) {
		if a != nil {
			o.analyze = a
		}
	}
}

// WithRetry sets how many times a bulk write is attempted (at least 1) and
// the first backoff, which doubles on each retry.
func WithRetry(attempts int, backoff time.Duration) Option {
	return func(o *options) {
		if attempts > 0 {
			o.attempts = attempts
		}
		if backoff > 0 {
			o.backoff = backoff
		}
	}
}

// WithBulk sets the bulk request size in bytes and the number of
// concurrent bulk requests of one Upsert.
func WithBulk(flushBytes, workers int) Option {
	return func(o *options) {
		if flushBytes > 0 {
			o.flushBytes = flushBytes
		}
		if workers > 0 {
			o.workers = workers
		}
	}
}

// AllowOffline lets Open succeed while the cluster cannot be reached (at
// least one URL and a spool directory are needed): Upserts then go to the
// spool, other calls fail until the cluster answers, and the indices are
// set up the first time it does. Commands that store (score --index,
// crawl, serve) use it so an outage pauses delivery instead of stopping
// them.
func AllowOffline() Option { return func(o *options) { o.offline = true } }

// WithTemplates makes Open install the current index templates even when
// the indices exist (`netra index init` and `migrate` use it). Without it
// Open only creates what is missing, so commands on an existing store need
// no privilege to manage templates or indices.
func WithTemplates() Option { return func(o *options) { o.templates = true } }

// WithReplayed calls fn with the records each Replay delivered, after it
// delivered them and outside the spool's lock, so what an outage held back
// reaches the same after-store steps (alerts) as what was stored at once.
func WithReplayed(fn func(context.Context, []netra.Record)) Option {
	return func(o *options) { o.replayed = fn }
}

// WithoutReplay makes Open leave the spool alone; `netra index replay`
// and tests that look at the spool use it.
func WithoutReplay() Option { return func(o *options) { o.replayOnOpen = false } }

// Store is the Elasticsearch store. It is safe for concurrent use.
type Store struct {
	es      *elasticsearch.Client
	cfg     Config
	opt     options
	url     string // first URL, for messages
	version string // cluster version

	itemsAlias, auditAlias string
	// readAlias spans every generation of the items (see
	// generations.go).
	readAlias string
	notesMu   sync.Mutex
	notes     []string

	spoolMu sync.Mutex
	// down is set when records were spooled because the cluster could not
	// be reached, so the next Upserts check quickly before retrying.
	down atomic.Bool
	// lastProbe is when reachable last asked (UnixNano); probe is a
	// client without retries for that question.
	lastProbe atomic.Int64
	probe     *elasticsearch.Client
	// readyMu guards ready: whether the version was checked and the
	// indices set up (false after an offline Open until the cluster
	// answers).
	readyMu sync.Mutex
	ready   bool
}

var (
	_ index.Store   = (*Store)(nil)
	_ index.Spooler = (*Store)(nil)
)

// Open connects to the cluster, checks that it is Elasticsearch 8, creates
// the index templates, indices and aliases when missing, and delivers
// records left in the spool by an earlier run.
func Open(ctx context.Context, cfg Config, opts ...Option) (*Store, error) {
	o := options{analyze: index.Words, attempts: 5, backoff: 200 * time.Millisecond, flushBytes: 1 << 20, workers: 2, replayOnOpen: true,
		replayMin: 2 * time.Second, replayMax: time.Minute, replicas: -1}
	for _, f := range opts {
		f(&o)
	}
	if len(cfg.URLs) == 0 {
		return nil, netra.WithHint(errors.New("elasticsearch: no URL"), "pass --es http://HOST:9200 or set NETRA_ES_URL")
	}
	if cfg.IndexPrefix == "" {
		cfg.IndexPrefix = "netra"
	}
	if err := checkPrefix(cfg.IndexPrefix); err != nil {
		return nil, err
	}
	ecfg := elasticsearch.Config{
		Addresses:     cfg.URLs,
		Username:      cfg.Username,
		Password:      cfg.Password,
		APIKey:        APIKeyToken(cfg.APIKey),
		RetryOnStatus: []int{429, 502, 503, 504},
		MaxRetries:    3,
		RetryBackoff: func(attempt int) time.Duration {
			return o.backoff * time.Duration(1<<min(attempt, 6))
		},
	}
	// One transport for every TLS option, so the timeouts hold with a CA
	// file, a fingerprint or a client certificate too.
	tr, err := transport(cfg)
	if err != nil {
		return nil, err
	}
	ecfg.Transport = tr
	es, err := elasticsearch.NewClient(ecfg)
	if err != nil {
		return nil, fmt.Errorf("elasticsearch at %s: %w", strings.Join(cfg.URLs, ","), err)
	}
	pcfg := ecfg
	pcfg.DisableRetry = true
	probe, err := elasticsearch.NewClient(pcfg)
	if err != nil {
		return nil, fmt.Errorf("elasticsearch at %s: %w", strings.Join(cfg.URLs, ","), err)
	}
	s := &Store{
		es: es, probe: probe, cfg: cfg, opt: o, url: strings.Join(cfg.URLs, ","),
		itemsAlias: cfg.IndexPrefix + "-items",
		auditAlias: cfg.IndexPrefix + "-audit",
		readAlias:  cfg.IndexPrefix + "-records",
	}
	if o.offline && cfg.SpoolDir != "" && !s.reachable(ctx) && !s.tlsFailure(ctx) {
		// An outage at start: keep records in the spool until it ends,
		// without waiting out the retries of a full connect.
		s.down.Store(true)
		return s, nil
	}
	if err := s.connect(ctx); err != nil {
		if !o.offline || cfg.SpoolDir == "" || !isOutage(err) {
			return nil, err
		}
		// An outage at start: keep records in the spool until it ends.
		s.down.Store(true)
		return s, nil
	}
	if o.replayOnOpen {
		if _, err := s.Replay(ctx); err != nil {
			// Records still waiting because the cluster stopped
			// answering: carry on, they stay in the spool. Anything
			// else (a spool set aside) the caller must hear of.
			if !o.offline || !isOutage(err) || !s.hasSpool() {
				return nil, err
			}
			s.down.Store(true)
		}
	}
	return s, nil
}

// connect checks the version and sets up the indices, once.
func (s *Store) connect(ctx context.Context) error {
	s.readyMu.Lock()
	defer s.readyMu.Unlock()
	if s.ready {
		return nil
	}
	if err := s.checkVersion(ctx); err != nil {
		return err
	}
	if err := s.setup(ctx); err != nil {
		return err
	}
	s.ready = true
	return nil
}

func checkPrefix(p string) error {
	for _, r := range p {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("elasticsearch: index prefix %q: only lower-case letters, digits, '-', '_' and '.' are allowed", p)
		}
	}
	if strings.HasPrefix(p, "-") || strings.HasPrefix(p, "_") || strings.HasPrefix(p, ".") {
		return fmt.Errorf("elasticsearch: index prefix %q must start with a letter or digit", p)
	}
	return nil
}

// Version is the version of the cluster, as reported when the store opened.
func (s *Store) Version() string { return s.version }

// ItemsAlias is the alias searches and writes go through.
func (s *Store) ItemsAlias() string { return s.itemsAlias }

// Close releases idle connections.
func (s *Store) Close() error {
	if t, ok := s.es.Transport.(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
	return nil
}

// checkVersion names the URL when the cluster cannot be reached and the
// version when it is not 8.x.
func (s *Store) checkVersion(ctx context.Context) error {
	var info struct {
		Version struct {
			Number string `json:"number"`
		} `json:"version"`
	}
	_, err := s.do(ctx, http.MethodGet, "/", nil, &info)
	if err != nil {
		var ee *esError
		if !errors.As(err, &ee) {
			hint := tlsHint(err)
			if hint == "" {
				hint = "check the URL, or start a local one with scripts/elasticsearch.sh start"
			}
			return netra.WithHint(fmt.Errorf("elasticsearch at %s is unreachable: %w", s.url, err), hint)
		}
		if ee.Status == http.StatusUnauthorized {
			return netra.WithHint(fmt.Errorf("elasticsearch at %s refused the credentials: %w", s.url, err),
				"set --es-user/--es-password or --es-api-key")
		}
		// Some distributions (and restricted users) do not serve "/":
		// ask the local node instead.
		var nodes struct {
			Nodes map[string]struct {
				Version string `json:"version"`
			} `json:"nodes"`
		}
		if _, err2 := s.do(ctx, http.MethodGet, "/_nodes/_local?filter_path=nodes.*.version", nil, &nodes); err2 != nil {
			var e2 *esError
			if errors.As(err2, &e2) && e2.Status == http.StatusForbidden {
				// A user with privileges on Netra's indices only (no
				// cluster "monitor") cannot read the version: go on.
				return nil
			}
			return fmt.Errorf("elasticsearch at %s: cannot read its version: %w", s.url, err2)
		}
		for _, n := range nodes.Nodes {
			info.Version.Number = n.Version
		}
	}
	s.version = info.Version.Number
	if !strings.HasPrefix(s.version, "8.") {
		return netra.WithHint(fmt.Errorf("elasticsearch at %s is version %q; Netra supports 8.x", s.url, s.version),
			"use an Elasticsearch 8 cluster (scripts/elasticsearch.sh starts one)")
	}
	return nil
}

// setup creates the templates, the first indices and their aliases where
// they are missing (every template with WithTemplates). It is idempotent
// and safe to run from several processes at once. On an existing store it
// only looks (view_index_metadata), so readers and writers need no
// privilege to manage indices.
func (s *Store) setup(ctx context.Context) error {
	for _, x := range []struct{ alias, mapping string }{
		{s.itemsAlias, itemsMapping},
		{s.auditAlias, auditMapping},
	} {
		if !s.opt.templates {
			exists, err := s.aliasExists(ctx, x.alias)
			if err != nil {
				return err
			}
			if exists {
				continue
			}
		}
		if err := s.installTemplate(ctx, x.alias, x.mapping); err != nil {
			return err
		}
		if err := s.ensureAlias(ctx, x.alias); err != nil {
			return err
		}
	}
	return s.ensureReadAlias(ctx)
}

// aliasExists reports whether alias is there.
func (s *Store) aliasExists(ctx context.Context, alias string) (bool, error) {
	st, err := s.do(ctx, http.MethodHead, "/_alias/"+alias, nil, nil)
	if err == nil && st == http.StatusOK {
		return true, nil
	}
	var ee *esError
	if errors.As(err, &ee) && ee.Status == http.StatusNotFound {
		return false, nil
	}
	if err == nil {
		err = fmt.Errorf("status %d", st)
	}
	return false, fmt.Errorf("elasticsearch at %s: look up alias %s: %w", s.url, alias, err)
}

func (s *Store) ensureAlias(ctx context.Context, alias string) error {
	st, err := s.do(ctx, http.MethodHead, "/_alias/"+alias, nil, nil)
	if err == nil && st == http.StatusOK {
		return nil
	}
	var ee *esError
	if err != nil && !(errors.As(err, &ee) && ee.Status == http.StatusNotFound) {
		return fmt.Errorf("elasticsearch at %s: look up alias %s: %w", s.url, alias, err)
	}
	body := fmt.Sprintf(`{"aliases":{%q:{"is_write_index":true}}}`, alias)
	if alias == s.itemsAlias {
		body = fmt.Sprintf(`{"aliases":{%q:{"is_write_index":true},%q:{}}}`, alias, s.readAlias)
	}
	_, err = s.do(ctx, http.MethodPut, "/"+alias+"-000001", strings.NewReader(body), nil)
	if err != nil && !(errors.As(err, &ee) && ee.Type == "resource_already_exists_exception") {
		return fmt.Errorf("elasticsearch at %s: create index %s-000001: %w", s.url, alias, err)
	}
	return nil
}

// esError is an error answer of Elasticsearch.
type esError struct {
	Status int
	Type   string
	Reason string
}

func (e *esError) Error() string {
	if e.Type == "" {
		return fmt.Sprintf("status %d", e.Status)
	}
	return fmt.Sprintf("%s: %s (status %d)", e.Type, e.Reason, e.Status)
}

// maxErrorBody caps how much of an error answer is read.
const maxErrorBody = 64 << 10

// do sends one request and decodes a 2xx answer into out (when not nil).
// Other answers become *esError; a HEAD 404 is reported as an *esError too.
func (s *Store) do(ctx context.Context, method, path string, body io.Reader, out any) (int, error) {
	return s.doOn(ctx, s.es, method, path, body, out)
}

// doOn is do on a given client: s.es retries what failed, s.probe does
// not (callers that must not wait out an outage).
func (s *Store) doOn(ctx context.Context, client *elasticsearch.Client, method, path string, body io.Reader, out any) (int, error) {
	req, err := http.NewRequestWithContext(ctx, method, path, body)
	if err != nil {
		return 0, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	res, err := client.Perform(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if res.StatusCode < 200 || res.StatusCode > 299 {
		raw, _ := io.ReadAll(io.LimitReader(res.Body, maxErrorBody))
		return res.StatusCode, parseError(res.StatusCode, raw)
	}
	if out != nil && method != http.MethodHead {
		if err := json.NewDecoder(res.Body).Decode(out); err != nil {
			return res.StatusCode, fmt.Errorf("decode answer of %s %s: %w", method, path, err)
		}
	}
	// Read to the end so the connection goes back to the pool.
	_, _ = io.Copy(io.Discard, res.Body)
	return res.StatusCode, nil
}

func parseError(status int, raw []byte) *esError {
	e := &esError{Status: status}
	var body struct {
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal(raw, &body) == nil && len(body.Error) > 0 {
		var obj struct {
			Type   string `json:"type"`
			Reason string `json:"reason"`
		}
		if json.Unmarshal(body.Error, &obj) == nil && obj.Type != "" {
			e.Type, e.Reason = obj.Type, obj.Reason
		} else {
			var str string
			if json.Unmarshal(body.Error, &str) == nil {
				e.Reason = str
			}
		}
	}
	if e.Reason == "" && e.Type == "" {
		e.Reason = string(bytes.TrimSpace(raw))
		if len(e.Reason) > 300 {
			e.Reason = e.Reason[:300]
		}
	}
	return e
}

// jsonBody marshals v for a request body.
func jsonBody(v any) (io.Reader, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return bytes.NewReader(b), nil
}

// bulkResponse is the part of a _bulk answer the hand-built bulk requests
// (migrate, delete by query) read: one result per action.
type bulkResponse struct {
	Items []map[string]struct {
		Status int    `json:"status"`
		Result string `json:"result"`
		Error  *struct {
			Type   string `json:"type"`
			Reason string `json:"reason"`
		} `json:"error"`
	} `json:"items"`
}
