// Package config reads the settings of `netra serve`: a YAML file, then
// environment variables over it, then command-line flags over both (the
// command applies those). Every error names the file and line or the
// variable, so a mistyped setting is found at once.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/netra-id/netra/internal/yamlerr"
	"gopkg.in/yaml.v3"
)

// Config is everything `netra serve` can be told. The YAML keys are the
// yaml tags; each has an environment variable (see envVars and the README).
type Config struct {
	Addr            string   `yaml:"addr"`             // listen address, default 127.0.0.1:8080
	Sources         string   `yaml:"sources"`          // sources file with cron schedules; empty = no scheduled crawls
	CrawlState      string   `yaml:"crawl_state"`      // crawler state directory; default DATA/crawl
	TLSCert         string   `yaml:"tls_cert"`         // PEM certificate; with tls_key serves HTTPS
	TLSKey          string   `yaml:"tls_key"`          // PEM key
	SecureCookies   bool     `yaml:"secure_cookies"`   // Secure cookies on plain HTTP (behind a TLS proxy)
	SessionTTL      Duration `yaml:"session_ttl"`      // login lifetime, default 12h
	LoginAttempts   int      `yaml:"login_attempts"`   // failed logins of one user from one address before growing delays, default 10
	LoginWindow     Duration `yaml:"login_window"`     // default 15m
	ExportLimit     int      `yaml:"export_limit"`     // max rows per export, default 100000
	LogLevel        string   `yaml:"log_level"`        // debug, info, warn, error; default info
	LogFormat       string   `yaml:"log_format"`       // text or json; default text
	ShutdownTimeout Duration `yaml:"shutdown_timeout"` // wait for requests and crawls on SIGTERM, default 30s
	CrawlGrace      Duration `yaml:"crawl_grace"`      // after that, wait this long for cancelled crawls to checkpoint, default 10s
	// With --es, a scheduled crawl of a source runs under the source's
	// lease, shared with other replicas and `netra crawl` workers; the
	// lease lasts this long unless renewed (0: no leases).
	CrawlLeaseTTL Duration `yaml:"crawl_lease_ttl"` // default 2m
	// With --es, serve checks once a day (and at start) whether the write
	// index is older or bigger than these and rolls over (0: no check).
	RolloverMaxAge  Duration `yaml:"rollover_max_age"`  // e.g. 720h
	RolloverMaxDocs int64    `yaml:"rollover_max_docs"` // e.g. 5000000
	// DoubleReviewShare of decided items (0 to 1) goes to a second, blind
	// reviewer; DoubleReviewCategories sends every item of these.
	DoubleReviewShare      float64  `yaml:"double_review_share"`
	DoubleReviewCategories []string `yaml:"double_review_categories"`
}

// Duration is a time.Duration written as "30s", "12h" in YAML.
type Duration struct{ time.Duration }

// UnmarshalYAML reads a Go duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("line %d: %q is not a duration (e.g. 30s, 15m, 12h)", n.Line, s)
	}
	d.Duration = v
	return nil
}

// Defaults are the settings with nothing configured.
func Defaults() Config {
	return Config{
		Addr:            "127.0.0.1:8080",
		SessionTTL:      Duration{12 * time.Hour},
		LoginAttempts:   10,
		LoginWindow:     Duration{15 * time.Minute},
		ExportLimit:     100000,
		LogLevel:        "info",
		LogFormat:       "text",
		ShutdownTimeout: Duration{30 * time.Second},
		CrawlGrace:      Duration{10 * time.Second},
		CrawlLeaseTTL:   Duration{2 * time.Minute},
	}
}

// envVars lists the environment variable of each setting (named after its
// YAML key) and how to read it into a Config.
var envVars = []struct {
	Var string
	set func(c *Config, v string) error
}{
	{"NETRA_ADDR", func(c *Config, v string) error { c.Addr = v; return nil }},
	{"NETRA_SOURCES", func(c *Config, v string) error { c.Sources = v; return nil }},
	{"NETRA_CRAWL_STATE", func(c *Config, v string) error { c.CrawlState = v; return nil }},
	{"NETRA_TLS_CERT", func(c *Config, v string) error { c.TLSCert = v; return nil }},
	{"NETRA_TLS_KEY", func(c *Config, v string) error { c.TLSKey = v; return nil }},
	{"NETRA_SECURE_COOKIES", func(c *Config, v string) (err error) { c.SecureCookies, err = strconv.ParseBool(v); return }},
	{"NETRA_SESSION_TTL", func(c *Config, v string) (err error) { c.SessionTTL.Duration, err = time.ParseDuration(v); return }},
	{"NETRA_LOGIN_ATTEMPTS", func(c *Config, v string) (err error) { c.LoginAttempts, err = strconv.Atoi(v); return }},
	{"NETRA_LOGIN_WINDOW", func(c *Config, v string) (err error) { c.LoginWindow.Duration, err = time.ParseDuration(v); return }},
	{"NETRA_EXPORT_LIMIT", func(c *Config, v string) (err error) { c.ExportLimit, err = strconv.Atoi(v); return }},
	{"NETRA_LOG_LEVEL", func(c *Config, v string) error { c.LogLevel = v; return nil }},
	{"NETRA_LOG_FORMAT", func(c *Config, v string) error { c.LogFormat = v; return nil }},
	{"NETRA_SHUTDOWN_TIMEOUT", func(c *Config, v string) (err error) { c.ShutdownTimeout.Duration, err = time.ParseDuration(v); return }},
	{"NETRA_CRAWL_GRACE", func(c *Config, v string) (err error) { c.CrawlGrace.Duration, err = time.ParseDuration(v); return }},
	{"NETRA_CRAWL_LEASE_TTL", func(c *Config, v string) (err error) { c.CrawlLeaseTTL.Duration, err = time.ParseDuration(v); return }},
}

// Load reads path (when not empty) over the defaults, then the environment
// (getenv, usually os.Getenv) over that, and checks the result.
func Load(path string, getenv func(string) string) (Config, error) {
	c := Defaults()
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("config: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
			return c, fmt.Errorf("config: %w", yamlerr.Error(path, err))
		}
	}
	if getenv != nil {
		if err := c.applyEnv(getenv); err != nil {
			return c, err
		}
	}
	if err := c.Validate(); err != nil {
		if path != "" {
			return c, fmt.Errorf("config %s: %w", path, err)
		}
		return c, fmt.Errorf("config: %w", err)
	}
	return c, nil
}

func (c *Config) applyEnv(getenv func(string) string) error {
	for _, e := range envVars {
		v := getenv(e.Var)
		if v == "" {
			continue
		}
		if err := e.set(c, v); err != nil {
			return fmt.Errorf("config: $%s=%q: %w", e.Var, v, err)
		}
	}
	return nil
}

// Validate checks values that parse but make no sense.
func (c Config) Validate() error {
	var errs []string
	if c.Addr == "" {
		errs = append(errs, "addr: empty")
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		errs = append(errs, "tls_cert and tls_key: give both or neither")
	}
	if c.SessionTTL.Duration < time.Minute {
		errs = append(errs, "session_ttl: must be at least 1m")
	}
	if c.LoginAttempts < 1 {
		errs = append(errs, "login_attempts: must be at least 1")
	}
	if c.LoginWindow.Duration < time.Second {
		errs = append(errs, "login_window: must be at least 1s")
	}
	if c.RolloverMaxAge.Duration < 0 || c.RolloverMaxDocs < 0 {
		errs = append(errs, "rollover_max_age and rollover_max_docs: must not be negative")
	}
	if c.CrawlLeaseTTL.Duration < 0 {
		errs = append(errs, "crawl_lease_ttl: must not be negative")
	}
	if c.ExportLimit < 1 {
		errs = append(errs, "export_limit: must be at least 1")
	}
	if c.DoubleReviewShare < 0 || c.DoubleReviewShare > 1 || c.DoubleReviewShare != c.DoubleReviewShare {
		errs = append(errs, fmt.Sprintf("double_review_share: %v is not between 0 and 1 (0.1 is 10 %%)", c.DoubleReviewShare))
	}
	switch strings.ToLower(c.LogLevel) {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Sprintf("log_level: %q is not debug, info, warn or error", c.LogLevel))
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		errs = append(errs, fmt.Sprintf("log_format: %q is not text or json", c.LogFormat))
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}
