// Package robots parses robots.txt and answers "may this agent fetch this
// URL?" the way Google's open-source matcher does (RFC 9309 plus Google's
// documented leniencies), which is what site owners test their files
// against. It also reads Crawl-delay and Sitemap lines, which Google
// ignores but a small polite crawler should honour.
package robots

import (
	"strconv"
	"strings"
	"time"
)

// maxLineLen is Google's cap on one robots.txt line (longer lines are cut).
const maxLineLen = 2083 * 8

type lineKind uint8

const (
	kindUserAgent lineKind = iota + 1
	kindAllow
	kindDisallow
	kindCrawlDelay
)

type directive struct {
	kind  lineKind
	value string
}

// Robots is a parsed robots.txt.
type Robots struct {
	lines    []directive
	sitemaps []string
	// all is set when the whole site is open (missing or 4xx robots.txt),
	// none when it is closed (5xx or unreachable robots.txt).
	all, none bool
	cause     error // why the file could not be fetched
}

// AllowAll is the answer for a missing robots.txt.
func AllowAll() *Robots { return &Robots{all: true} }

// DisallowAll is the answer for an unreachable robots.txt (RFC 9309 2.3.1.4).
func DisallowAll() *Robots { return &Robots{none: true} }

// Parse reads a robots.txt body. It never fails: unknown or malformed lines
// are skipped, as the RFC asks.
func Parse(body []byte) *Robots {
	r := &Robots{}
	s := string(body)
	// Skip a UTF-8 byte order mark, even a partial one.
	for _, b := range []byte{0xEF, 0xBB, 0xBF} {
		if len(s) == 0 || s[0] != b {
			break
		}
		s = s[1:]
	}
	for len(s) > 0 {
		end := strings.IndexAny(s, "\r\n")
		var line string
		if end < 0 {
			line, s = s, ""
		} else {
			line = s[:end]
			if s[end] == '\r' && end+1 < len(s) && s[end+1] == '\n' {
				end++
			}
			s = s[end+1:]
		}
		if len(line) > maxLineLen {
			line = line[:maxLineLen]
		}
		r.parseLine(line)
	}
	return r
}

func (r *Robots) parseLine(line string) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(line)
	if line == "" {
		return
	}
	var key, value string
	if i := strings.IndexByte(line, ':'); i >= 0 {
		key, value = strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
	} else {
		// A forgotten colon is accepted when the line is exactly two words.
		f := strings.Fields(line)
		if len(f) != 2 {
			return
		}
		key, value = f[0], f[1]
	}
	k := strings.ToLower(key)
	switch {
	case hasAnyPrefix(k, "user-agent", "useragent", "user agent"):
		r.lines = append(r.lines, directive{kindUserAgent, value})
	case strings.HasPrefix(k, "allow"):
		r.lines = append(r.lines, directive{kindAllow, escapePattern(value)})
	case hasAnyPrefix(k, "disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"):
		r.lines = append(r.lines, directive{kindDisallow, escapePattern(value)})
	case hasAnyPrefix(k, "sitemap", "site-map"):
		if value != "" {
			r.sitemaps = append(r.sitemaps, value)
		}
	case hasAnyPrefix(k, "crawl-delay", "crawldelay"):
		r.lines = append(r.lines, directive{kindCrawlDelay, value})
	}
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Sitemaps lists the Sitemap URLs the file declares.
func (r *Robots) Sitemaps() []string { return append([]string(nil), r.sitemaps...) }

// match records the best (longest) matching rule of one kind, split by
// whether it came from a group naming the agent or from the * group.
type match struct{ specific, global int }

// Allowed reports whether agent may fetch rawURL. agent is compared as
// given with the product token of each User-agent line, so pass a product
// token such as "NetraBot" (see ProductToken), not a full header value.
func (r *Robots) Allowed(agent, rawURL string) bool {
	if r.all {
		return true
	}
	if r.none {
		return false
	}
	path := pathParamsQuery(rawURL)
	allow := match{-1, -1}
	disallow := match{-1, -1}
	g := groups{agent: agent}
	for _, d := range r.lines {
		switch d.kind {
		case kindUserAgent:
			g.userAgent(d.value)
		case kindAllow, kindDisallow:
			if !g.rule() {
				continue
			}
			prio := matchPriority(path, d.value)
			if d.kind == kindAllow {
				update(&allow, prio, g.specific, g.global)
				// "index.htm(l)" also allows its directory.
				if slash := strings.LastIndexByte(d.value, '/'); slash >= 0 && strings.HasPrefix(d.value[slash:], "/index.htm") {
					p := matchPriority(path, d.value[:slash+1]+"$")
					update(&allow, p, g.specific, g.global)
				}
			} else {
				update(&disallow, prio, g.specific, g.global)
			}
		}
	}
	if allow.specific > 0 || disallow.specific > 0 {
		return disallow.specific <= allow.specific
	}
	if g.everSpecific {
		return true
	}
	if allow.global > 0 || disallow.global > 0 {
		return disallow.global <= allow.global
	}
	return true
}

func update(m *match, prio int, specific, global bool) {
	if prio < 0 {
		return
	}
	if specific && prio > m.specific {
		m.specific = prio
	}
	if global && prio > m.global {
		m.global = prio
	}
}

// CrawlDelay is the Crawl-delay of the group that applies to agent (the
// agent's own groups, else the * groups), zero when none is given.
func (r *Robots) CrawlDelay(agent string) time.Duration {
	var specific, global time.Duration
	g := groups{agent: agent}
	for _, d := range r.lines {
		switch d.kind {
		case kindUserAgent:
			g.userAgent(d.value)
		case kindAllow, kindDisallow:
			g.rule()
		case kindCrawlDelay:
			v, err := strconv.ParseFloat(d.value, 64)
			if err != nil || v < 0 || v > 86400 {
				continue
			}
			dur := time.Duration(v * float64(time.Second))
			if g.specific {
				specific = max(specific, dur)
			}
			if g.global {
				global = max(global, dur)
			}
		}
	}
	if g.everSpecific {
		return specific
	}
	return global
}

// groups follows which groups the current robots.txt line belongs to, as
// Allowed and CrawlDelay walk the file: consecutive user-agent lines open
// one group, and the first rule line after them ends the run, so the next
// user-agent line starts a new group.
type groups struct {
	agent string
	// global and specific: the current group names * or the agent;
	// everSpecific: some group named the agent, so * groups do not apply.
	global, specific, everSpecific bool
	inRules                        bool
}

func (g *groups) userAgent(value string) {
	if g.inRules {
		g.global, g.specific, g.inRules = false, false, false
	}
	if isGlobalAgent(value) {
		g.global = true
	} else if g.agent != "" && strings.EqualFold(ProductToken(value), g.agent) {
		g.specific, g.everSpecific = true, true
	}
}

// rule records an allow or disallow line and reports whether it applies
// to the agent (its group names the agent or *).
func (g *groups) rule() bool {
	if !g.global && !g.specific {
		return false
	}
	g.inRules = true
	return true
}

func isGlobalAgent(v string) bool {
	return len(v) > 0 && v[0] == '*' && (len(v) == 1 || v[1] == ' ' || v[1] == '\t')
}

// ProductToken is the name robots.txt groups match: the leading
// [A-Za-z_-] run of a User-Agent value ("NetraBot/1.0 (+url)" gives
// "NetraBot").
func ProductToken(ua string) string {
	for i := 0; i < len(ua); i++ {
		c := ua[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_') {
			return ua[:i]
		}
	}
	return ua
}

// escapePattern percent-encodes non-ASCII bytes and upper-cases existing
// escapes so patterns compare with already-escaped URL paths.
func escapePattern(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			b.WriteByte('%')
			b.WriteByte(upper(p[i+1]))
			b.WriteByte(upper(p[i+2]))
			i += 2
		case c >= 0x80:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}

// pathParamsQuery extracts path, params and query from a URL ("/" when
// there is none), dropping the fragment, the way Google's matcher does.
func pathParamsQuery(u string) string {
	start := 0
	if strings.HasPrefix(u, "//") {
		start = 2
	}
	early := indexAnyFrom(u, "/?;", start)
	proto := strings.Index(u[start:], "://")
	if proto >= 0 {
		proto += start
	}
	if early >= 0 && (proto < 0 || early < proto) {
		proto = -1
	}
	if proto < 0 {
		proto = start
	} else {
		proto += 3
	}
	ps := indexAnyFrom(u, "/?;", proto)
	if ps < 0 {
		return "/"
	}
	hash := strings.IndexByte(u[start:], '#')
	if hash >= 0 {
		hash += start
	}
	if hash >= 0 && hash < ps {
		return "/"
	}
	end := len(u)
	if hash >= 0 {
		end = hash
	}
	if u[ps] != '/' {
		return "/" + u[ps:end]
	}
	return u[ps:end]
}

func indexAnyFrom(s, chars string, from int) int {
	if from > len(s) {
		return -1
	}
	i := strings.IndexAny(s[from:], chars)
	if i < 0 {
		return -1
	}
	return i + from
}

// matchPriority returns the pattern's length when it matches path (its
// priority: the longest match wins), -1 otherwise. '*' matches any run of
// characters and a final '$' anchors the end.
func matchPriority(path, pattern string) int {
	if matches(path, pattern) {
		return len(pattern)
	}
	return -1
}

func matches(path, pattern string) bool {
	n := len(path)
	// pos holds every path offset the pattern prefix read so far can end at.
	pos := make([]int, 1, 8)
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c == '$' && i == len(pattern)-1 {
			return pos[len(pos)-1] == n
		}
		if c == '*' {
			first := pos[0]
			pos = pos[:0]
			for p := first; p <= n; p++ {
				pos = append(pos, p)
			}
			continue
		}
		k := 0
		for _, p := range pos {
			if p < n && path[p] == c {
				pos[k] = p + 1
				k++
			}
		}
		pos = pos[:k]
		if k == 0 {
			return false
		}
	}
	return true
}
