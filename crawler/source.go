package crawler

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/netra-id/netra/internal/yamlerr"
	"github.com/robfig/cron/v3"
	"gopkg.in/yaml.v3"
)

// The source kinds a sources file may use.
const (
	KindFeed     = "feed"     // RSS, Atom or JSON Feed
	KindSitemap  = "sitemap"  // XML sitemap, news sitemap or sitemap index; a site root means "discover via robots.txt"
	KindHTML     = "html"     // listing pages: links picked by a CSS selector, pagination followed
	KindURL      = "url"      // single article URLs
	KindTelegram = "telegram" // public channel preview pages (t.me/s/NAME)
	KindMastodon = "mastodon" // public timeline of a tag or an account, via the public JSON API
)

// sourceKinds lists the kinds a sources file may use, in the order errors name them.
func sourceKinds() []string {
	return []string{KindFeed, KindSitemap, KindHTML, KindURL, KindTelegram, KindMastodon}
}

// Source is one entry of a sources file: what to crawl, how often and how
// hard. Zero limits mean the crawler's defaults.
type Source struct {
	Name     string `yaml:"name"`
	Kind     string `yaml:"kind"`
	Schedule string `yaml:"schedule"` // cron syntax (5 fields or @every/@hourly), used by `netra serve`
	Region   string `yaml:"region"`   // region tag copied into every item
	Language string `yaml:"language"` // expected language, e.g. "id"

	URLs []string `yaml:"urls"` // feed, sitemap, listing or article URLs; for telegram/mastodon optional overrides

	// AllowPrivate lets this source reach private, loopback and link-local
	// addresses. Off by default: crawled links are hostile.
	AllowPrivate bool `yaml:"allow_private"`

	MaxPages int           `yaml:"max_pages"`   // listing/feed/timeline pages per run
	MaxItems int           `yaml:"max_items"`   // articles or posts per run
	Since    time.Duration `yaml:"-"`           // only entries newer than this (sitemap lastmod, feed dates); 0 = all
	Delay    time.Duration `yaml:"-"`           // minimum delay between requests to one host
	Workers  int           `yaml:"parallelism"` // concurrent article fetches; per-host limits still apply

	// LinkSelector picks article links on listing pages (kind html).
	LinkSelector string `yaml:"link_selector"`
	// NextSelector picks the link to the next listing page (kind html).
	NextSelector string `yaml:"next_selector"`

	Channel  string `yaml:"channel"`  // telegram channel name (t.me/s/NAME)
	Instance string `yaml:"instance"` // mastodon instance base URL
	Tag      string `yaml:"tag"`      // mastodon hashtag (without #)
	Account  string `yaml:"account"`  // mastodon account (user or user@domain)

	UserAgent string `yaml:"user_agent"` // overrides the file-wide user agent
	Contact   string `yaml:"contact"`    // contact URL put into the user agent

	// File and Line locate the entry in its sources file, for messages.
	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// sourcesFile is the top level of a sources file.
type sourcesFile struct {
	UserAgent string      `yaml:"user_agent"`
	Contact   string      `yaml:"contact"`
	Sources   []yaml.Node `yaml:"sources"`
}

// rawSource carries the duration fields as text so errors can name them.
type rawSource struct {
	Source `yaml:",inline"`
	Since  string `yaml:"since"`
	Delay  string `yaml:"delay"`
}

// LoadSources reads a YAML sources file. Every problem is reported, each
// naming file:line and the field, so a monitoring team can fix the file in
// one pass.
func LoadSources(path string) ([]Source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read sources: %w", err)
	}
	return ParseSources(path, data)
}

// ParseSources parses the contents of a sources file; name is used in
// messages only.
func ParseSources(name string, data []byte) ([]Source, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlerr.Error(name, err)
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("%s: empty sources file", name)
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: top level must be a mapping with a `sources` list", name, doc.Line)
	}
	var errs []error
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...)))
	}
	known := map[string]bool{"user_agent": true, "contact": true, "sources": true}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if k := doc.Content[i]; !known[k.Value] {
			fail(k.Line, "unknown top-level field %q", k.Value)
		}
	}
	var top sourcesFile
	if err := doc.Decode(&top); err != nil {
		return nil, yamlerr.Error(name, err)
	}
	if top.Contact != "" {
		if err := checkHTTPURL(top.Contact); err != nil {
			fail(fieldLine(doc, "contact"), "contact: %v", err)
		}
	}
	if len(top.Sources) == 0 {
		fail(doc.Line, "no sources: add a `sources:` list")
	}
	seen := map[string]int{}
	var out []Source
	for i := range top.Sources {
		n := &top.Sources[i]
		if n.Kind != yaml.MappingNode {
			fail(n.Line, "source %d: must be a mapping", i+1)
			continue
		}
		for j := 0; j+1 < len(n.Content); j += 2 {
			if k := n.Content[j]; !isSourceField(k.Value) {
				fail(k.Line, "unknown field %q", k.Value)
			}
		}
		var rs rawSource
		if err := n.Decode(&rs); err != nil {
			fail(n.Line, "%v", err)
			continue
		}
		s := rs.Source
		s.File, s.Line = name, n.Line
		if s.UserAgent == "" {
			s.UserAgent = top.UserAgent
		}
		if s.Contact == "" {
			s.Contact = top.Contact
		}
		line := func(field string) int { return fieldLine(n, field) }
		var err error
		if s.Since, err = parseDuration(rs.Since); err != nil {
			fail(line("since"), "since: %v", err)
		}
		if s.Delay, err = parseDuration(rs.Delay); err != nil {
			fail(line("delay"), "delay: %v", err)
		}
		for _, e := range validate(&s) {
			fail(line(e.field), "%s: %s", e.field, e.msg)
		}
		if s.Name != "" {
			if prev, ok := seen[s.Name]; ok {
				fail(line("name"), "name: %q already used at line %d", s.Name, prev)
			}
			seen[s.Name] = n.Line
		}
		out = append(out, s)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// isSourceField reports whether key may appear in a source entry.
func isSourceField(key string) bool {
	switch key {
	case "name", "kind", "schedule", "region", "language",
		"urls", "allow_private", "max_pages", "max_items",
		"since", "delay", "parallelism", "link_selector",
		"next_selector", "channel", "instance", "tag",
		"account", "user_agent", "contact":
		return true
	}
	return false
}

type fieldError struct{ field, msg string }

// Validate checks one source on its own (LoadSources does this for every
// entry); the error names the field.
func (s Source) Validate() error {
	var errs []error
	for _, e := range validate(&s) {
		errs = append(errs, fmt.Errorf("source %q: %s: %s", s.Name, e.field, e.msg))
	}
	return errors.Join(errs...)
}

func validate(s *Source) []fieldError {
	var out []fieldError
	add := func(field, format string, args ...any) {
		out = append(out, fieldError{field, fmt.Sprintf(format, args...)})
	}
	if strings.TrimSpace(s.Name) == "" {
		add("name", "required")
	}
	if kinds := sourceKinds(); !slices.Contains(kinds, s.Kind) {
		add("kind", "%q is not one of %s", s.Kind, strings.Join(kinds, ", "))
	}
	if s.Schedule != "" {
		if _, err := cron.ParseStandard(s.Schedule); err != nil {
			add("schedule", "%q is not cron syntax: %v", s.Schedule, err)
		}
	}
	for _, u := range s.URLs {
		if err := checkHTTPURL(u); err != nil {
			add("urls", "%v", err)
		}
	}
	switch s.Kind {
	case KindFeed, KindSitemap, KindURL:
		if len(s.URLs) == 0 {
			add("urls", "required for kind %s", s.Kind)
		}
	case KindHTML:
		if len(s.URLs) == 0 {
			add("urls", "required for kind html")
		}
		if s.LinkSelector == "" {
			add("link_selector", "required for kind html (CSS selector of article links)")
		}
	case KindTelegram:
		if s.Channel == "" && len(s.URLs) == 0 {
			add("channel", "required for kind telegram")
		}
	case KindMastodon:
		if s.Instance == "" {
			add("instance", "required for kind mastodon (e.g. https://mastodon.social)")
		} else if err := checkHTTPURL(s.Instance); err != nil {
			add("instance", "%v", err)
		}
		if (s.Tag == "") == (s.Account == "") {
			add("tag", "kind mastodon needs exactly one of tag or account")
		}
	}
	if s.MaxPages < 0 {
		add("max_pages", "must not be negative")
	}
	if s.MaxItems < 0 {
		add("max_items", "must not be negative")
	}
	if s.Workers < 0 {
		add("parallelism", "must not be negative")
	}
	if s.Contact != "" {
		if err := checkHTTPURL(s.Contact); err != nil {
			add("contact", "%v", err)
		}
	}
	return out
}

func checkHTTPURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("bad URL %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("URL %q must start with http:// or https://", raw)
	}
	if u.Host == "" {
		return fmt.Errorf("URL %q has no host", raw)
	}
	return nil
}

func parseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	// Days are the natural unit for "only the last N days".
	if d, ok := strings.CutSuffix(s, "d"); ok {
		if n, err := strconv.Atoi(d); err == nil && n >= 0 && strconv.Itoa(n) == d {
			return time.Duration(n) * 24 * time.Hour, nil
		}
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration (examples: 90s, 6h, 7d)", s)
	}
	if v < 0 {
		return 0, fmt.Errorf("%q must not be negative", s)
	}
	return v, nil
}

// fieldLine finds the line of a mapping key, falling back to the mapping.
func fieldLine(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return m.Line
}
