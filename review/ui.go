package review

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/review/users"
	"github.com/netra-id/netra/rules/regulation"
)

// templateFuncs are the helpers the templates call.
func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"fmtScore": func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) },
		// signed and plainNumber show score parts (scoreparts.go), on the
		// app's pages and in the evidence bundle.
		"signed":      signed,
		"plainNumber": plainNumber,
		"short": func(s string, n int) string {
			if len(s) <= n {
				return s
			}
			// Cut on a rune boundary.
			for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
				n--
			}
			return s[:n] + "…"
		},
		"join": strings.Join,
		// countSelected counts the chosen options of a dropdown (more than
		// one makes it a multiple select).
		"countSelected": func(opts []option) int {
			n := 0
			for _, o := range opts {
				if o.Selected {
					n++
				}
			}
			return n
		},
		"inc": func(i int) int { return i + 1 },
		// cite resolves a hit's regulation field against the regulation
		// table; parts it does not know are left out (the field itself is
		// shown beside them).
		"cite": func(field string) []regulation.Citation {
			cs, _ := regulation.Cite(field)
			return cs
		},
		// storyURL is the queue of a story's members (a local URL built
		// from encoded values, so safe as an href).
		"storyURL": func(id string) template.URL {
			return template.URL("/?" + url.Values{"story": {id}, "flagged": {"all"}}.Encode())
		},
		// storiesOff is the queue with one row per record.
		"storiesOff": func(v url.Values) template.URL {
			c := maps.Clone(v)
			c.Set("stories", "off")
			return template.URL("/?" + c.Encode())
		},
		// st shows a record without a review state as new.
		"st": func(s netra.Status) string {
			if s == "" {
				return string(netra.StatusNew)
			}
			return string(s)
		},
	}
}

func parseTemplates() (map[string]*template.Template, error) {
	base, err := fs.ReadFile(webFS, "web/templates/base.html")
	if err != nil {
		return nil, fmt.Errorf("review: templates: %w", err)
	}
	baseT, err := template.New("base").Funcs(templateFuncs()).Parse(string(base))
	if err != nil {
		return nil, fmt.Errorf("review: templates: base.html: %w", err)
	}
	out := map[string]*template.Template{}
	// The templates under web/templates that render a whole page inside
	// base.html; each page gets its own copy of base to define blocks in.
	for _, p := range []string{"login", "queue", "item", "bulk", "sources", "settings", "rules", "dashboard", "error", "alerts", "double"} {
		b, err := fs.ReadFile(webFS, "web/templates/"+p+".html")
		if err != nil {
			return nil, fmt.Errorf("review: templates: %w", err)
		}
		t, err := baseT.Clone()
		if err != nil {
			return nil, fmt.Errorf("review: templates: %w", err)
		}
		if _, err := t.Parse(string(b)); err != nil {
			return nil, fmt.Errorf("review: templates: %s.html: %w", p, err)
		}
		out[p] = t
	}
	return out, nil
}

// view is what every template gets: the page's data plus who is looking and
// in which language.
type view struct {
	Lang    string
	User    principal
	CSRF    string
	Path    string
	Flash   string
	Version string
	Data    map[string]any
	cat     *catalog
}

// Time shows t in the viewer's time zone (WIB unless they chose WITA or
// WIT); "–" for an unknown time.
func (v view) Time(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.In(users.Location(v.User.Zone)).Format("2006-01-02 15:04 MST")
}

// Date shows the calendar day of t (a period boundary, kept in UTC).
func (v view) Date(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.UTC().Format(time.DateOnly)
}

// Zone is the viewer's time zone name.
func (v view) Zone() string { return users.Location(v.User.Zone).String() }

// Name translates a fixed value of one group (role, kind, meta, feature)
// through the message key group_value; values without a message show as
// they are, meta keys with spaces for underscores (they come from import
// files).
func (v view) Name(group, value string) string { return name(v.Lang, group, value) }

// name is view.Name for pages rendered outside a request (the evidence
// bundle's, in Indonesian).
func name(lang, group, value string) string {
	if _, ok := messages[group+"_"+value]; ok {
		return tr(lang, group+"_"+value)
	}
	if group == "meta" {
		return strings.ReplaceAll(value, "_", " ")
	}
	return value
}

// Label names a facet value (category, rule, status, source, region) for
// people in the page's language: never a snake_case id where a name exists.
func (v view) Label(facet, value string) string { return v.cat.label(v.Lang, facet, value) }

// T translates a UI string.
func (v view) T(key string) string { return tr(v.Lang, key) }

// Tf translates a UI string with fmt arguments.
func (v view) Tf(key string, args ...any) string { return fmt.Sprintf(tr(v.Lang, key), args...) }

// CanReview reports whether the viewer may change reviews.
func (v view) CanReview() bool { return v.User.can(users.RoleReviewer) }

// IsAdmin reports whether the viewer is an admin.
func (v view) IsAdmin() bool { return v.User.can(users.RoleAdmin) }

// LangURL is the current page in the other language.
func (v view) LangURL() string {
	other := langEN
	if v.Lang == langEN {
		other = langID
	}
	u, err := url.Parse(v.Path)
	if err != nil {
		return "/?lang=" + other
	}
	q := u.Query()
	q.Set("lang", other)
	u.RawQuery = q.Encode()
	return u.String()
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, page string, p principal, data map[string]any) {
	t, ok := s.tmpl[page]
	if !ok {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	v := view{Lang: s.langOf(w, r), User: p, Path: r.URL.RequestURI(), Version: s.version, Data: data, cat: s.catalog}
	if p.Session != nil {
		v.CSRF = p.Session.CSRF
	}
	if f := r.URL.Query().Get("flash"); f != "" {
		if _, known := messages[f]; known { // only our own messages, never caller text
			v.Flash = f
		}
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", v); err != nil {
		s.log.Error("render", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = buf.WriteTo(w)
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, p principal, code int, key string) {
	s.render(w, r, code, "error", p, map[string]any{"Code": code, "Message": key})
}

// requestError is the error page for a request the app refused, with the
// reason under the title (the template escapes it).
func (s *Server) requestError(w http.ResponseWriter, r *http.Request, p principal, code int, detail string) {
	s.render(w, r, code, "error", p, map[string]any{"Code": code, "Message": "err_bad_request", "Detail": detail})
}

// safeHref returns u when it is an absolute http(s) URL, else "". Crawled
// links are hostile: javascript:, data: and the like must never be hrefs.
func safeHref(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

type metaRow struct{ Key, Value string }

func (s *Server) itemPage(w http.ResponseWriter, r *http.Request, p principal) {
	id := r.PathValue("id")
	rec, err := s.store.Get(r.Context(), id)
	if errors.Is(err, netra.ErrNotFound) {
		s.errorPage(w, r, p, http.StatusNotFound, "err_not_found")
		return
	}
	if err != nil {
		s.log.Error("item", "id", id, "err", err)
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
		return
	}
	trail, err := s.store.Audit(r.Context(), id)
	if err != nil {
		s.log.Error("audit", "id", id, "err", err)
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
		return
	}
	// Newest change first: that is what a reviewer checks.
	sort.SliceStable(trail, func(i, j int) bool { return trail[i].Version > trail[j].Version })
	var meta []metaRow
	keys := make([]string, 0, len(rec.Item.Meta))
	for k := range rec.Item.Meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		meta = append(meta, metaRow{k, rec.Item.Meta[k]})
	}
	accts, _ := s.accounts.List()
	s.render(w, r, http.StatusOK, "item", p, map[string]any{
		"Rec":      rec,
		"Segments": Segments(rec.Item.Text, rec.Verdict.Hits, ""),
		"TitleSeg": Segments(rec.Item.Title, rec.Verdict.Hits, FieldTitle),
		"Href":     safeHref(rec.Item.URL),
		"Why":      explainScore(rec.Verdict),
		"Meta":     meta,
		"Audit":    trail,
		"Users":    accts,
		"Back":     localNext(r.URL.Query().Get("back")),

		"DismissReasons": netra.DismissReasons,
	})
}

// itemReview handles the action forms of the item page.
func (s *Server) itemReview(w http.ResponseWriter, r *http.Request, p principal) {
	id := r.PathValue("id")
	ver, err := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	if err != nil {
		s.requestError(w, r, p, http.StatusBadRequest, "version: missing or not a number")
		return
	}
	req := reviewRequest{Version: &ver}
	for _, f := range []struct {
		name string
		dst  **string
	}{{"status", &req.Status}, {"note", &req.Note}, {"assignee", &req.Assignee}, {"reason", &req.Reason}} {
		if _, ok := r.PostForm[f.name]; ok {
			v := r.PostFormValue(f.name)
			*f.dst = &v
		}
	}
	u, action, err := s.update(req, p.User, true)
	if err != nil {
		s.requestError(w, r, p, http.StatusBadRequest, err.Error())
		return
	}
	queue := localNext(r.PostFormValue("back"))
	next := ""
	if u.Status != nil && *u.Status != netra.StatusNew {
		// A decision: the next item of the reviewer's queue opens, found
		// before the change moves this one out of a filtered queue.
		next = s.nextItem(r.Context(), queue, id)
	}
	_, err = s.applyReview(r.Context(), id, u, action)
	// Back to the item (or on to the next), remembering the queue the
	// reviewer came from.
	back := "/items/" + url.PathEscape(id) + "?back=" + url.QueryEscape(queue) + "&"
	if next != "" && err == nil {
		http.Redirect(w, r, "/items/"+url.PathEscape(next)+"?back="+url.QueryEscape(queue)+"&flash=saved_next", http.StatusSeeOther)
		return
	}
	switch {
	case errors.Is(err, netra.ErrConflict):
		http.Redirect(w, r, back+"flash=conflict", http.StatusSeeOther)
	case errors.Is(err, netra.ErrNotFound):
		s.errorPage(w, r, p, http.StatusNotFound, "err_not_found")
	case err != nil:
		s.log.Error("review", "id", id, "err", err)
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
	default:
		http.Redirect(w, r, back+"flash=saved", http.StatusSeeOther)
	}
}

// nextItem is the ID of the item after id in the queue at the local URL
// queue, or "" when id is not on that page of it or is the last.
func (s *Server) nextItem(ctx context.Context, queue, id string) string {
	u, err := url.Parse(queue)
	if err != nil || u.Path != "/" {
		return ""
	}
	_, q, err := queueQuery(u.Query(), "50", false, false)
	if err != nil {
		return ""
	}
	res, err := s.store.Search(ctx, q)
	if err != nil {
		return ""
	}
	for i, m := range res.Matches {
		if m.Record.Item.ID == id && i+1 < len(res.Matches) {
			return res.Matches[i+1].Record.Item.ID
		}
	}
	return ""
}

func (s *Server) sourcesPage(w http.ResponseWriter, r *http.Request, p principal) {
	var list []SourceStatus
	if s.sources != nil {
		list = s.sources.Sources()
	}
	s.render(w, r, http.StatusOK, "sources", p, map[string]any{"Sources": list})
}

func (s *Server) uiRunSource(w http.ResponseWriter, r *http.Request, p principal) {
	code, msg := s.runSource(r.PathValue("name"))
	if code != http.StatusAccepted {
		s.requestError(w, r, p, code, msg)
		return
	}
	s.log.Info("run now", "source", r.PathValue("name"), "user", p.User)
	http.Redirect(w, r, "/sources?flash=src_started", http.StatusSeeOther)
}
