package discover

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
)

// Plan is what a site's report suggests crawling: one source of the
// sources file.
type Plan struct {
	Name     string
	Kind     string // the crawler's source kind: feed, sitemap or html
	URLs     []string
	Selector string   // kind html: the article link selector
	Notes    []string // why, and what else was found
}

// sourceKind maps a finding to the crawler's source kind.
func sourceKind(k string) string {
	switch k {
	case Feed:
		return "feed"
	case Listing:
		return "html"
	}
	return "sitemap"
}

// rank orders findings by usefulness: feeds carry titles and dates and are
// small; news sitemaps list recent stories; plain sitemaps list everything;
// a listing page needs every article fetched to learn its date.
func rank(k string) int {
	switch k {
	case Feed:
		return 0
	case NewsSitemap:
		return 1
	case Sitemap:
		return 2
	}
	return 3
}

// Choose picks the best kind of finding in a report (only kind want, a
// crawler source kind, when want is not empty) and every finding of it;
// ok is false when nothing usable was found.
func Choose(rep Report, want string) (Plan, bool) {
	best := -1
	for _, f := range rep.Findings {
		if want != "" && sourceKind(f.Kind) != want {
			continue
		}
		if best < 0 || rank(f.Kind) < best {
			best = rank(f.Kind)
		}
	}
	p := Plan{Name: NameFor(rep.Site)}
	if best < 0 {
		p.Notes = append(p.Notes, "nothing found: no feed, sitemap or list of article links")
		p.Notes = append(p.Notes, rep.Problems...)
		return p, false
	}
	for _, f := range rep.Findings {
		if rank(f.Kind) == best && (want == "" || sourceKind(f.Kind) == want) {
			if p.Kind == "" {
				p.Kind = sourceKind(f.Kind)
			}
			if f.Kind == Listing {
				if p.Selector != "" {
					continue // one listing page per source
				}
				p.Selector = f.Selector
			}
			p.URLs = append(p.URLs, f.URL)
			p.Notes = append(p.Notes, "uses "+describe(f))
		}
	}
	for _, f := range rep.Findings {
		if rank(f.Kind) != best {
			p.Notes = append(p.Notes, "also found "+describe(f))
		}
	}
	for _, pr := range rep.Problems {
		p.Notes = append(p.Notes, "could not fetch "+pr)
	}
	return p, true
}

func describe(f Finding) string {
	what := f.Kind
	switch f.Kind {
	case Listing:
		return fmt.Sprintf("listing %s: selector %q picks %d article links (%s)", f.URL, f.Selector, f.Entries, f.Why)
	case Feed:
		what = "feed"
	}
	return fmt.Sprintf("%s %s with %d entries (%s)", what, f.URL, f.Entries, f.Why)
}

// NameFor makes a source name from a site URL: the host without www.,
// dots as dashes, plus the path's first segment for a section page.
func NameFor(site string) string {
	u, err := url.Parse(site)
	if err != nil || u.Host == "" {
		return "site"
	}
	name := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if seg := strings.Split(strings.Trim(u.Path, "/"), "/")[0]; seg != "" {
		name += "-" + seg
	}
	if p := u.Port(); p != "" {
		name += "-" + p
	}
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '-'
	}, name)
}

// WriteSources writes a sources file for the reports, every source with
// comments saying what was found and why; sites where nothing was found
// are listed as comments only. extra lines (e.g. "allow_private: true")
// are added to every source.
func WriteSources(w io.Writer, reports []Report, now time.Time, extra ...string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Written by `netra sources discover` on %s.\n", now.UTC().Format(time.RFC3339))
	b.WriteString("# Review it before crawling: each source says what was found and why.\n")
	b.WriteString("sources:\n")
	names := map[string]int{}
	n := 0
	for _, rep := range reports {
		p, ok := Choose(rep, "")
		fmt.Fprintf(&b, "\n  # %s\n", comment(rep.Site))
		for _, note := range p.Notes {
			fmt.Fprintf(&b, "  # - %s\n", comment(note))
		}
		if !ok {
			continue
		}
		n++
		names[p.Name]++
		if names[p.Name] > 1 {
			p.Name = fmt.Sprintf("%s-%d", p.Name, names[p.Name])
		}
		fmt.Fprintf(&b, "  - name: %s\n    kind: %s\n    urls:\n", quote(p.Name), p.Kind)
		for _, u := range p.URLs {
			fmt.Fprintf(&b, "      - %s\n", quote(u))
		}
		if p.Selector != "" {
			fmt.Fprintf(&b, "    link_selector: %s\n", quote(p.Selector))
		}
		for _, e := range extra {
			fmt.Fprintf(&b, "    %s\n", e)
		}
	}
	if n == 0 {
		return fmt.Errorf("discover: nothing usable found on %d site(s)", len(reports))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// quote makes a YAML double-quoted scalar (JSON strings are valid YAML).
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// comment keeps a note on one comment line.
func comment(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
