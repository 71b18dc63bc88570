package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/spf13/cobra"
)

// searchFlags are the reviewer's filters of `netra search`.
type searchFlags struct {
	statuses, categories, rules, sources, regions, assignees, reviewers, places []string

	since, until string
	minScore     float64
	maxScore     float64
	flagged      bool
	sort         string
	limit        int
	cursor       string
	json         bool
	facets       bool
	color        string
	stories      bool
}

func newSearchCmd(g *globals) *cobra.Command {
	f := &searchFlags{}
	cmd := &cobra.Command{
		Use:   "search [QUERY] [filters]",
		Short: "Search indexed records the way a reviewer would",
		Long: `Search the store (embedded in --data, or Elasticsearch with --es).

QUERY words must all occur; "OR" between words allows either; prefix*
matches word starts. Words are normalised and stemmed like the indexed
text, so "mendukung" also finds "dukungan" and "didukung", and "camat"
finds "kecamatan". "Quoted words" must occur exactly as written (not
stemmed), together and in order; =camat is the exact word camat alone.
Without QUERY every record matching the filters is listed, newest first
(records without a publication date after those with one).

List filters take a comma-separated list or repeat the flag (values are
ORed); different filters are ANDed. --since and --until take a date
(2024-01-31, meaning the whole day for --until) or an RFC 3339 time.

Output: one block per record with score, review status, date, source,
title and the evidence, matched words shown in bold on a terminal and as
[[word]] otherwise. --json prints the whole result as ONE JSON object:
{"total", "matches": [{"record", "relevance", "snippets"}], "facets",
"next_cursor"}; snippets mark matched words with the bytes \u0002 and \u0003.
When more results exist, pass the printed cursor to --cursor for the next
page.`,
		Example: `  netra search mendukung --flagged --status new --sort score
  netra search '"salam dua jari" OR kampa*' --region jawa-timur --since 2024-01-01 --facets
  netra search =camat dukung --sort newest
  netra search --category asn_campaign --json --limit 100
  netra search --flagged --place "Jawa Tengah" --stories --facets`,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := f.query(cmd, strings.Join(args, " "))
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			if len(g.esURLs) == 0 {
				// Searching must not create an empty store as a side effect.
				if _, err := os.Stat(g.dataDir); errors.Is(err, os.ErrNotExist) {
					return netra.WithHint(fmt.Errorf("no store at %s", g.dataDir),
						"store records first (netra score --index FILE, netra crawl), or point --data / $NETRA_DATA at an existing store")
				}
			}
			store, err := openStore(ctx, g, nil)
			if err != nil {
				return err
			}
			defer store.Close()
			search := store.Search
			if f.stories {
				search = func(ctx context.Context, q index.Query) (index.Result, error) {
					return index.SearchStories(ctx, store, q)
				}
			}
			res, err := search(ctx, q)
			if err != nil {
				return err
			}
			if res.Total == 0 {
				// A typo must not pass for "no cases": say which value
				// names nothing stored.
				noteUnknownValues(ctx, cmd.ErrOrStderr(), store, q)
			}
			out := cmd.OutOrStdout()
			if f.json {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				return enc.Encode(res)
			}
			return printResult(out, res, q, markStyle(out, f.color))
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&f.statuses, "status", nil, "review status: new, confirmed, dismissed, escalated")
	fl.StringSliceVar(&f.categories, "category", nil, "verdict category, e.g. asn_campaign")
	fl.StringSliceVar(&f.rules, "rule", nil, "rule ID that fired")
	fl.StringSliceVar(&f.sources, "source", nil, "source name")
	fl.StringSliceVar(&f.regions, "region", nil, "region tag")
	fl.StringSliceVar(&f.places, "place", nil, `Kemendagri code or name of a province (includes its kabupaten/kota) or a kabupaten/kota: 33, "Jawa Tengah", 33.74, "Kota Semarang"`)
	fl.BoolVar(&f.stories, "stories", false, "one result per story (copies of one text grouped), with its size and sources")
	fl.StringSliceVar(&f.assignees, "assignee", nil, "assigned reviewer")
	fl.StringSliceVar(&f.reviewers, "reviewer", nil, "who made the last review change")
	fl.StringVar(&f.since, "since", "", "items from this date or time on")
	fl.StringVar(&f.until, "until", "", "items up to this date (inclusive) or before this time")
	fl.Float64Var(&f.minScore, "min-score", 0, "lowest verdict score (inclusive)")
	fl.Float64Var(&f.maxScore, "max-score", 0, "highest verdict score (inclusive)")
	fl.BoolVar(&f.flagged, "flagged", false, "only flagged items (--flagged=false: only unflagged)")
	fl.StringVar(&f.sort, "sort", "", "score, newest (or -time), oldest (or time), or relevance (default: relevance with QUERY, else newest)")
	fl.IntVar(&f.limit, "limit", index.DefaultLimit, "records per page (at most 1000)")
	fl.StringVar(&f.cursor, "cursor", "", "continue after the previous page (printed at its end)")
	fl.BoolVar(&f.json, "json", false, "print the result as one JSON object")
	fl.BoolVar(&f.facets, "facets", false, "also print counts per status, category, rule, source, region and place")
	fl.StringVar(&f.color, "color", "auto", "bold matches: auto (on a terminal, unless $NO_COLOR), always, never")
	return cmd
}

// query turns the flags into an index.Query, rejecting bad values with the
// flag's name.
func (f *searchFlags) query(cmd *cobra.Command, text string) (index.Query, error) {
	q := index.Query{
		Text: text, Categories: f.categories, Rules: f.rules, Sources: f.sources,
		Regions: f.regions, Assignees: f.assignees, Reviewers: f.reviewers, Limit: f.limit, Cursor: f.cursor,
		Highlight: true,
	}
	// Syntax errors (an unclosed quote) do not depend on the analyser:
	// report them before opening anything.
	if _, err := index.ParseText(text, nil); err != nil {
		return q, err
	}
	if f.limit < 1 || f.limit > index.MaxLimit {
		return q, fmt.Errorf("--limit %d: want 1 to %d", f.limit, index.MaxLimit)
	}
	for _, s := range f.statuses {
		st := netra.Status(strings.ToLower(strings.TrimSpace(s)))
		if !st.Valid() {
			return q, fmt.Errorf("--status %q: want new, confirmed, dismissed or escalated", s)
		}
		q.Statuses = append(q.Statuses, st)
	}
	if cmd.Flags().Changed("flagged") {
		q.Flagged = &f.flagged
	}
	if cmd.Flags().Changed("min-score") {
		q.MinScore = &f.minScore
	}
	if cmd.Flags().Changed("max-score") {
		q.MaxScore = &f.maxScore
	}
	var err error
	if q.Since, err = parseWhen(f.since, false); err != nil {
		return q, fmt.Errorf("--since: %w", err)
	}
	if q.Until, err = parseWhen(f.until, true); err != nil {
		return q, fmt.Errorf("--until: %w", err)
	}
	switch strings.ToLower(f.sort) {
	case "":
	case "score":
		q.Sort = index.SortScoreDesc
	case "-time", "newest":
		q.Sort = index.SortTimeDesc
	case "time", "oldest":
		q.Sort = index.SortTimeAsc
	case "relevance":
		q.Sort = index.SortRelevance
	default:
		return q, fmt.Errorf("--sort %q: want score, newest, -time, oldest, time or relevance", f.sort)
	}
	if f.facets {
		q.Facets = []string{index.FacetStatus, index.FacetCategory, index.FacetRule, index.FacetSource, index.FacetRegion, index.FacetPlace}
	}
	if len(f.places) > 0 {
		if q.Places, err = placeCodes(f.places); err != nil {
			return q, err
		}
	}
	return q, nil
}

// parseWhen reads a date or an RFC 3339 time; a date given as an upper
// bound means the end of that day.
func parseWhen(s string, upper bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, nil
		}
	}
	t, err := time.ParseInLocation("2006-01-02", s, time.UTC)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date (2024-01-31) or an RFC 3339 time", s)
	}
	if upper {
		t = t.AddDate(0, 0, 1)
	}
	return t, nil
}

// marks are how matched words are shown.
type marks struct{ pre, post string }

func markStyle(w io.Writer, mode string) marks {
	plain := marks{"[[", "]]"}
	bold := marks{"\x1b[1m", "\x1b[0m"}
	switch mode {
	case "always":
		return bold
	case "never":
		return plain
	}
	if os.Getenv("NO_COLOR") != "" {
		return plain
	}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			return bold
		}
	}
	return plain
}

// render makes crawled text safe for a terminal (no escape sequences, no
// control characters, one line) and turns highlight markers into m.
func render(s string, m marks) string {
	var b strings.Builder
	open := false
	for _, r := range s {
		switch {
		case string(r) == index.HighlightPre:
			b.WriteString(m.pre)
			open = true
		case string(r) == index.HighlightPost:
			if open {
				b.WriteString(m.post)
				open = false
			}
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || r == unicode.ReplacementChar || unicode.Is(unicode.Bidi_Control, r):
			// dropped: escape sequences and bidi overrides could disguise text
		default:
			b.WriteRune(r)
		}
	}
	if open {
		b.WriteString(m.post)
	}
	return b.String()
}

// evidence returns marked excerpts from a record's verdict hits, for
// searches without QUERY (no snippets): the sentence of each hit with its
// matched spans marked.
func evidence(r netra.Record, max int) []string {
	var out []string
	for _, h := range r.Verdict.Hits {
		if len(out) == max {
			break
		}
		src := r.Item.Text
		if h.Field == "title" {
			src = r.Item.Title
		}
		if h.Start < 0 || h.End > len(src) || h.Start >= h.End {
			if h.Sentence != "" {
				out = append(out, h.Rule+": "+h.Sentence)
			}
			continue
		}
		spans := append([]netra.Span(nil), h.Spans...)
		sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
		var b strings.Builder
		pos := h.Start
		for _, sp := range spans {
			if sp.Start < pos || sp.End > h.End || sp.Start >= sp.End {
				continue
			}
			b.WriteString(strip(src[pos:sp.Start]))
			b.WriteString(index.HighlightPre + strip(src[sp.Start:sp.End]) + index.HighlightPost)
			pos = sp.End
		}
		b.WriteString(strip(src[pos:h.End]))
		out = append(out, h.Rule+": "+b.String())
	}
	return out
}

// markerStripper drops the highlight marker bytes; built once, not per span.
var markerStripper = strings.NewReplacer(index.HighlightPre, "", index.HighlightPost, "")

// strip removes highlight marker bytes that crawled text might carry.
func strip(s string) string { return markerStripper.Replace(s) }

func printResult(w io.Writer, res index.Result, q index.Query, m marks) error {
	bw := &errWriter{w: w}
	for _, match := range res.Matches {
		r := match.Record
		// The publication date only: a fetch or import time is not when
		// the item appeared, so an undated item says so.
		date := "no date   "
		if !r.Item.Published.IsZero() {
			date = r.Item.Published.UTC().Format("2006-01-02")
		}
		title := r.Item.Title
		if title == "" {
			title = firstWords(r.Item.Text, 12)
		}
		flag := " "
		if r.Verdict.Flagged {
			flag = "!"
		}
		bw.printf("%s %.2f  %-9s  %s  %s  %s\n", flag, r.Verdict.Score, index.RecordStatus(r), date,
			render(r.Item.Source, m), render(title, m))
		meta := []string{"id " + r.Item.ID}
		if len(r.Verdict.Categories) > 0 {
			meta = append(meta, strings.Join(r.Verdict.Categories, ","))
		}
		if r.Item.Region != "" {
			meta = append(meta, r.Item.Region)
		}
		if r.Review.Assignee != "" {
			meta = append(meta, "assignee "+r.Review.Assignee)
		}
		if st := match.Story; st != nil && st.Size > 1 {
			meta = append(meta, fmt.Sprintf("story of %d (%s)", st.Size, render(strings.Join(st.Sources, ", "), m)))
		}
		if r.Item.URL != "" {
			meta = append(meta, r.Item.URL)
		}
		bw.printf("         %s\n", render(strings.Join(meta, " · "), m))
		lines := match.Snippets
		if len(lines) == 0 {
			lines = evidence(r, 2)
		}
		for _, l := range lines {
			bw.printf("         %s\n", render(l, m))
		}
		bw.printf("\n")
	}
	bw.printf("%d of %d records\n", len(res.Matches), res.Total)
	if res.NextCursor != "" {
		bw.printf("next page: --cursor %s\n", res.NextCursor)
	}
	for _, name := range q.Facets {
		var parts []string
		for _, fc := range res.Facets[name] {
			parts = append(parts, fmt.Sprintf("%s %d", render(fc.Value, m), fc.Count))
		}
		if len(parts) == 0 {
			parts = []string{"-"}
		}
		bw.printf("%-9s %s\n", name+":", strings.Join(parts, ", "))
	}
	return bw.err
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return strings.Join(f[:n], " ") + " …"
	}
	return strings.Join(f, " ")
}

// errWriter keeps the first write error so printing code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// noteUnknownValues writes a note for each category, rule, source or region
// value of q that no stored record has, with the values that are stored.
func noteUnknownValues(ctx context.Context, w io.Writer, store index.Store, q index.Query) {
	for _, f := range []struct {
		flag, facet string
		vals        []string
		only        func(v string) index.Query
	}{
		{"--category", index.FacetCategory, q.Categories, func(v string) index.Query { return index.Query{Categories: []string{v}, Limit: 1} }},
		{"--rule", index.FacetRule, q.Rules, func(v string) index.Query { return index.Query{Rules: []string{v}, Limit: 1} }},
		{"--source", index.FacetSource, q.Sources, func(v string) index.Query { return index.Query{Sources: []string{v}, Limit: 1} }},
		{"--region", index.FacetRegion, q.Regions, func(v string) index.Query { return index.Query{Regions: []string{v}, Limit: 1} }},
	} {
		for _, v := range f.vals {
			res, err := store.Search(ctx, f.only(v))
			if err != nil || res.Total > 0 {
				continue
			}
			all, err := store.Search(ctx, index.Query{Limit: 1, Facets: []string{f.facet}})
			if err != nil {
				continue
			}
			var known []string
			for _, fc := range all.Facets[f.facet] {
				known = append(known, fc.Value)
			}
			fmt.Fprintf(w, "note: no stored record has %s %q; stored values: %s\n", f.flag, v, strings.Join(known, ", "))
		}
	}
}
