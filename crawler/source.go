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

	// DelaySet is true when the file gave a delay, so an explicit 0 (no
	// delay, allowed only with allow_private or polite: false) differs from
	// "use the crawler's default".
	DelaySet bool `yaml:"-"`
	// HostParallel is how many requests may be in flight to one of the
	// source's hosts at once; 0 keeps the crawler's default (2).
	HostParallel int `yaml:"host_parallelism"`
	// Retries is how many times a transient failure is retried; nil keeps
	// the crawler's default (2).
	Retries *int `yaml:"retries"`
	// Polite false turns off per-host delays and adaptive throttling for
	// this source; robots.txt is still obeyed. nil means polite.
	Polite *bool `yaml:"polite"`
	// Discover makes the crawler find the site's feeds, sitemaps or
	// listing links itself (see package discover) instead of a kind's URLs.
	Discover bool `yaml:"discover"`
	// MinInterval turns on adaptive polling: the source is checked no more
	// often than MinInterval and no less often than its schedule, at the
	// pace new entries have been appearing. 0 = every scheduled run.
	MinInterval time.Duration `yaml:"-"`
	// Location is the clock of Schedule: the file's `timezone`, else UTC.
	Location *time.Location `yaml:"-"`

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
	Timezone  string      `yaml:"timezone"`
	Sources   []yaml.Node `yaml:"sources"`
}

// rawSource carries the duration fields as text so errors can name them.
type rawSource struct {
	Source      `yaml:",inline"`
	Since       string `yaml:"since"`
	Delay       string `yaml:"delay"`
	MinInterval string `yaml:"min_interval"`
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
	known := map[string]bool{"user_agent": true, "contact": true, "timezone": true, "sources": true}
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
	loc := time.UTC
	if top.Timezone != "" {
		l, err := time.LoadLocation(top.Timezone)
		if err != nil {
			fail(fieldLine(doc, "timezone"), "timezone: %q is not an IANA zone name (examples: UTC, Asia/Jakarta)", top.Timezone)
		} else {
			loc = l
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
		s.File, s.Line, s.Location = name, n.Line, loc
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
		s.DelaySet = rs.Delay != ""
		if s.MinInterval, err = parseDuration(rs.MinInterval); err != nil {
			fail(line("min_interval"), "min_interval: %v", err)
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
		"account", "user_agent", "contact",
		"host_parallelism", "retries", "polite", "discover", "min_interval":
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
	if kinds := sourceKinds(); !slices.Contains(kinds, s.Kind) && !(s.Discover && s.Kind == "") {
		add("kind", "%q is not one of %s", s.Kind, strings.Join(kinds, ", "))
	}
	if s.Schedule != "" && s.Schedule != ScheduleManual {
		if _, err := cronParser.Parse(s.Schedule); err != nil {
			add("schedule", "%q is not cron syntax: %v", s.Schedule, err)
		}
	}
	if s.Discover {
		if len(s.URLs) == 0 {
			add("urls", "required with discover: true (the sites to look at)")
		}
		if s.Kind != "" && s.Kind != KindFeed && s.Kind != KindSitemap && s.Kind != KindHTML {
			add("discover", "only for kinds feed, sitemap and html (or no kind)")
		}
	}
	if s.DelaySet && s.Delay == 0 && !s.AllowPrivate && !s.Impolite() {
		add("delay", "0 is allowed only with allow_private: true or polite: false (other people's servers get at least a pause between requests)")
	}
	if s.HostParallel < 0 {
		add("host_parallelism", "must not be negative")
	}
	if s.Retries != nil && (*s.Retries < 0 || *s.Retries > 10) {
		add("retries", "must be between 0 and 10")
	}
	if s.MinInterval > 0 && s.MinInterval < time.Minute {
		add("min_interval", "must be at least 1m")
	}
	for _, u := range s.URLs {
		if err := checkHTTPURL(u); err != nil {
			add("urls", "%v", err)
		}
	}
	switch s.Kind {
	case KindFeed, KindSitemap, KindURL:
		if len(s.URLs) == 0 && !s.Discover {
			add("urls", "required for kind %s", s.Kind)
		}
	case KindHTML:
		if len(s.URLs) == 0 {
			add("urls", "required for kind html")
		}
		if s.LinkSelector == "" && !s.Discover {
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
