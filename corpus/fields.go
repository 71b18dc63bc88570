package corpus

import (
	"fmt"
	"strings"
	"time"
)

// Fields maps record fields to item fields. Each is one field name, or for
// JSON a dotted path into nested objects ("user.screen_name"); empty means
// the defaults below, which recognise common exports (tweet-harvest, the
// Twitter API, YouTube comment dumps, news scrapes). Names match
// case-insensitively.
type Fields struct {
	Text, ID, Title, URL, Time, Source string
}

// defaultFields are tried in order when a Fields entry is empty.
var defaultFields = [numRoles][]string{
	roleText:   {"text", "full_text", "content", "tweet", "tweets", "comment_text", "body", "message"},
	roleID:     {"id", "id_str", "tweet_id", "comment_id"},
	roleTitle:  {"title", "headline", "judul", "judul_berita"},
	roleURL:    {"url", "tweet_url", "link"},
	roleTime:   {"created_at", "published_at", "published", "date", "time", "timestamp", "tanggal", "tanggal_publikasi"},
	roleSource: {"source"},
}

type role int

const (
	roleText role = iota
	roleID
	roleTitle
	roleURL
	roleTime
	roleSource
	numRoles
)

var roleNames = [numRoles]string{"text", "id", "title", "url", "time", "source"}

func (f Fields) get(r role) string {
	return [numRoles]string{f.Text, f.ID, f.Title, f.URL, f.Time, f.Source}[r]
}

func (f Fields) validate() error {
	for r := range numRoles {
		p := f.get(r)
		if p == "" {
			continue
		}
		for seg := range strings.SplitSeq(p, ".") {
			if seg == "" {
				return fmt.Errorf("%s field %q: empty segment in dotted path", roleNames[r], p)
			}
		}
	}
	return nil
}

// values are the fields found in one record, indexed by role. prio tells
// which candidate set each one (lower wins; -1 means unset).
type values struct {
	f    [numRoles]string
	prio [numRoles]int
}

func (v *values) reset() {
	*v = values{}
	for i := range v.prio {
		v.prio[i] = -1
	}
}

func (v *values) set(r role, prio int, s string) {
	if v.prio[r] >= 0 && v.prio[r] < prio {
		return
	}
	v.prio[r] = prio
	v.f[r] = s
}

// fieldSet is the compiled mapping: a trie over lower-cased path segments
// for JSON, and the flat candidate list for CSV headers.
type fieldSet struct {
	root  *node
	cands [numRoles][]string // lower-cased full names, in priority order
}

type node struct {
	children map[string]*node
	leaves   []leaf
}

type leaf struct {
	role role
	prio int
}

func newFieldSet(f Fields) *fieldSet {
	fs := &fieldSet{root: &node{}}
	for r := range numRoles {
		names := defaultFields[r]
		if p := f.get(r); p != "" {
			names = []string{p}
		}
		for prio, name := range names {
			name = strings.ToLower(name)
			fs.cands[r] = append(fs.cands[r], name)
			n := fs.root
			for seg := range strings.SplitSeq(name, ".") {
				if n.children == nil {
					n.children = map[string]*node{}
				}
				c := n.children[seg]
				if c == nil {
					c = &node{}
					n.children[seg] = c
				}
				n = c
			}
			n.leaves = append(n.leaves, leaf{role: r, prio: prio})
		}
	}
	return fs
}

func (fs *fieldSet) describe(r role) string {
	return strings.Join(fs.cands[r], ", ")
}

// columns maps CSV header names to roles: for each role, the column of its
// best candidate, or -1.
func (fs *fieldSet) columns(header []string) [numRoles]int {
	var cols [numRoles]int
	for r := range numRoles {
		cols[r] = -1
		best := len(fs.cands[r])
		for i, h := range header {
			h = strings.ToLower(strings.TrimSpace(h))
			for prio, c := range fs.cands[r] {
				if prio < best && h == c {
					best, cols[r] = prio, i
				}
			}
		}
	}
	return cols
}

// timeLayouts are the time formats seen in exports, tried in order.
var timeLayouts = []string{
	time.RFC3339Nano,
	time.RubyDate, // Twitter: "Fri Dec 01 23:59:45 +0000 2023"
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05-07",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02",
	"02/01/2006", // Indonesian day/month/year
	"02-01-2006",
	time.RFC1123Z,
	time.RFC1123,
}

// parseTime reads the common export time formats; times without a zone are
// taken as UTC. *last remembers the layout that worked, since one file
// almost always uses one layout; it starts at 0.
func parseTime(s string, last *int) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(timeLayouts[*last], s); err == nil {
		return t.UTC(), true
	}
	for i, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			*last = i
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
