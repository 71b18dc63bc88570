package review

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// exportPage is how many records one store round trip of an export fetches.
const exportPage = 200

// eachRecord walks every record matching q, page by page, up to max.
func (s *Server) eachRecord(ctx context.Context, q index.Query, max int, fn func(netra.Record) error) (int, error) {
	q.Limit = exportPage
	q.Facets = nil
	q.Cursor = ""
	n := 0
	seen := map[string]bool{}
	for {
		res, err := s.store.Search(ctx, q)
		if err != nil {
			return n, err
		}
		for _, m := range res.Matches {
			if n >= max {
				return n, nil
			}
			if err := fn(m.Record); err != nil {
				return n, err
			}
			n++
		}
		// Stop on the last page, and never loop on a cursor seen before.
		if res.NextCursor == "" || len(res.Matches) == 0 || seen[res.NextCursor] {
			return n, nil
		}
		seen[res.NextCursor] = true
		q.Cursor = res.NextCursor
	}
}

// csvHeader is the column order of CSV exports. Columns are only ever added
// at the end, so scripts that read them by position keep working.
var csvHeader = []string{
	"id", "published", "source", "region", "url", "title", "flagged", "score",
	"categories", "rules", "regulations", "status", "assignee", "reviewer", "note",
	"evidence", "text", "fetched",
}

// cell defuses spreadsheet formula injection: a crawled text starting with
// = + - @ (or a tab/CR) would otherwise run as a formula when a recipient
// opens the report.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func csvRow(rec netra.Record) []string {
	var regs, ev []string
	for _, h := range rec.Verdict.Hits {
		if h.Regulation != "" && !slices.Contains(regs, h.Regulation) {
			regs = append(regs, h.Regulation)
		}
		ev = append(ev, h.Sentence)
	}
	// published stays empty when the item has no publication date: the
	// fetch time (its own column) is not when it was published.
	rfc := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	published := rfc(rec.Item.Published)
	row := []string{
		rec.Item.ID, published, rec.Item.Source, rec.Item.Region, rec.Item.URL, rec.Item.Title,
		strconv.FormatBool(rec.Verdict.Flagged), strconv.FormatFloat(rec.Verdict.Score, 'f', 3, 64),
		strings.Join(rec.Verdict.Categories, ";"), strings.Join(hitRules(rec.Verdict.Hits), ";"), strings.Join(regs, ";"),
		string(rec.Review.Status), rec.Review.Assignee, rec.Review.Reviewer, rec.Review.Note,
		strings.Join(ev, " | "), rec.Item.Text, rfc(rec.Item.Fetched),
	}
	for i := range row {
		row[i] = cell(row[i])
	}
	return row
}

// export streams every record matching the request's query as CSV or JSONL
// (?format=). The UI's /export and the API's /api/v1/export both serve it;
// only their authentication differs.
func (s *Server) export(w http.ResponseWriter, r *http.Request, p principal) {
	format := r.URL.Query().Get("format")
	q, err := s.searchQuery(r.Context(), r.URL.Query())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	stamp := time.Now().UTC().Format("20060102-150405")
	var write func(netra.Record) error
	var flush func() error
	switch format {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="netra-%s.csv"`, stamp))
		cw := csv.NewWriter(w)
		if err := cw.Write(csvHeader); err != nil {
			return
		}
		write = func(rec netra.Record) error { return cw.Write(csvRow(rec)) }
		flush = func() error { cw.Flush(); return cw.Error() }
	case "jsonl":
		w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="netra-%s.jsonl"`, stamp))
		enc := json.NewEncoder(w)
		write = func(rec netra.Record) error { return enc.Encode(rec) }
		flush = func() error { return nil }
	default:
		writeError(w, http.StatusBadRequest, fmt.Sprintf("format: %q is not csv or jsonl", format), map[string]any{"field": "format"})
		return
	}
	n, err := s.eachRecord(r.Context(), q, s.maxRows, write)
	if ferr := flush(); err == nil {
		err = ferr
	}
	s.metrics.Exports.WithLabelValues(format).Inc()
	s.metrics.ExportedRecords.Add(float64(n))
	s.log.Info("export", "user", p.User, "format", format, "records", n, "query", r.URL.RawQuery)
	if err != nil && err != io.EOF {
		// Headers are gone; the truncated file is the only signal left,
		// so log loudly.
		s.log.Error("export failed", "user", p.User, "records", n, "err", err)
	}
}
