// Package review is Netra's review app: the server-rendered web UI reviewers
// triage flagged items in, the JSON API with the same capabilities, and the
// authentication, authorisation, CSRF and audit rules both obey. It knows the
// store only through index.Store and the crawl scheduler only through the
// small Sources interface, so it can be tested with any backend.
package review

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/netra-id/netra/alert"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/review/metrics"
	"github.com/netra-id/netra/review/users"
)

//go:embed web
var webFS embed.FS

// SourceStatus is what the sources page shows about one crawl source.
type SourceStatus struct {
	Name      string    `json:"name"`
	Kind      string    `json:"kind,omitempty"`
	Region    string    `json:"region,omitempty"`
	Schedule  string    `json:"schedule"`
	Running   bool      `json:"running"`
	LastStart time.Time `json:"last_start,omitzero"`
	LastEnd   time.Time `json:"last_end,omitzero"`
	NextRun   time.Time `json:"next_run,omitzero"`
	LastError string    `json:"last_error,omitempty"`
	Runs      int       `json:"runs"`
	Failures  int       `json:"failures"`
	Skipped   int       `json:"skipped"`
	// Counts of the last finished run.
	Items   int `json:"items"`
	Flagged int `json:"flagged"`
	Errors  int `json:"errors"`
}

// Sources is the crawl scheduler as the review app sees it.
type Sources interface {
	// Sources lists every configured source in configuration order, for
	// the sources page and GET /api/v1/sources.
	Sources() []SourceStatus
	// RunNow starts a run of one source in the background. It returns an
	// error matching ErrSourceRunning or ErrUnknownSource when it cannot.
	RunNow(name string) error
}

// Errors a Sources implementation returns from RunNow.
var (
	ErrSourceRunning = errors.New("source is already running")
	ErrUnknownSource = errors.New("unknown source")
)

// Server is the review app. Create it with New and serve Handler().
type Server struct {
	store    index.Store
	accounts Accounts
	sessions SessionStore
	sources  Sources
	catalog  *catalog
	vocab    vocabulary
	// bulkResults holds bulk results until the queue shows them.
	bulkResults bulkStash
	metrics     *metrics.Metrics
	log         *slog.Logger
	limiter     *throttle
	auths       authCache
	secure      bool // Secure cookies even without TLS on this hop (behind a TLS proxy)
	maxRows     int  // export cap
	tmpl        map[string]*template.Template
	static      fs.FS
	version     string
	alerts      *alert.Repo   // saved searches and notifications; nil when off
	double      *doubleReview // second, blind reviews; nil when off
}

// Option configures a Server.
type Option func(*Server)

// WithLogger sets the structured logger.
func WithLogger(l *slog.Logger) Option { return func(s *Server) { s.log = l } }

// WithMetrics records into m (the command shares it with the scheduler and
// the pipeline).
func WithMetrics(m *metrics.Metrics) Option { return func(s *Server) { s.metrics = m } }

// WithSources shows and controls the crawl scheduler.
func WithSources(src Sources) Option { return func(s *Server) { s.sources = src } }

// WithSessionTTL sets how long a login lasts.
func WithSessionTTL(d time.Duration) Option {
	return func(s *Server) {
		if _, mem := s.sessions.(*users.Sessions); mem || s.sessions == nil {
			s.sessions = users.NewSessions(d)
		}
	}
}

// WithSessionStore keeps sessions in st (Elasticsearch, shared by every
// replica) instead of this process's memory.
func WithSessionStore(st SessionStore) Option { return func(s *Server) { s.sessions = st } }

// WithSecureCookies marks cookies Secure even on plain HTTP requests; use it
// behind a TLS-terminating proxy. Requests that arrive over TLS always get
// Secure cookies.
func WithSecureCookies(on bool) Option { return func(s *Server) { s.secure = on } }

// WithLoginLimit throttles failed logins: after max failures of one user
// name from one client address, that pair waits a delay that doubles with
// each further failure, up to window; one client address gets at most
// addressFactor*max failures over all user names per window. Other
// addresses are not slowed, so a stranger cannot lock a user out.
func WithLoginLimit(max int, window time.Duration) Option {
	return func(s *Server) { s.limiter = newThrottle(max, window) }
}

// WithExportLimit caps the rows of one export.
func WithExportLimit(n int) Option { return func(s *Server) { s.maxRows = n } }

// WithVersion is shown in the footer and /healthz.
func WithVersion(v string) Option { return func(s *Server) { s.version = v } }

// New makes a review server over store with the accounts in accounts.
func New(store index.Store, accounts Accounts, opts ...Option) (*Server, error) {
	if store == nil || accounts == nil {
		return nil, errors.New("review: store and accounts are required")
	}
	s := &Server{
		store:    store,
		accounts: accounts,
		sessions: users.NewSessions(12 * time.Hour),
		log:      slog.New(slog.DiscardHandler),
		limiter:  newThrottle(10, 15*time.Minute),
		auths:    authCache{m: map[[32]byte]authEntry{}},
		maxRows:  100000,
		version:  "dev",
		catalog:  newCatalog(nil),
	}
	for _, o := range opts {
		o(s)
	}
	if s.metrics == nil {
		s.metrics = metrics.New()
	}
	pn, err := newPlaceNames()
	if err != nil {
		return nil, err
	}
	s.catalog.places = pn
	if sp, ok := store.(index.Spooler); ok {
		s.metrics.WatchSpool(func() (int64, time.Time, error) {
			st, err := sp.SpoolStatus()
			return st.Bytes, st.Oldest, err
		})
	}
	if s.tmpl, err = parseTemplates(); err != nil {
		return nil, err
	}
	if s.static, err = fs.Sub(webFS, "web/static"); err != nil {
		return nil, fmt.Errorf("review: %w", err)
	}
	return s, nil
}

// Sessions exposes the session table (tests read a session's CSRF token).
// A password change needs no call here: sessionFrom ends sessions whose
// password-changed time no longer matches the account.
func (s *Server) Sessions() SessionStore { return s.sessions }

// Handler is the whole app: UI, API, /healthz, /metrics and static files.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()

	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /metrics", s.metrics.Handler())
	mux.Handle("GET /static/", http.StripPrefix("/static/", s.staticHandler()))

	// JSON API.
	mux.Handle("GET /api/v1/items", s.api(users.RoleViewer, s.apiSearch))
	mux.Handle("GET /api/v1/items/{id}", s.api(users.RoleViewer, s.apiGet))
	mux.Handle("POST /api/v1/items/{id}/review", s.api(users.RoleReviewer, s.apiReview))
	mux.Handle("GET /api/v1/items/{id}/audit", s.api(users.RoleViewer, s.apiAudit))
	mux.Handle("GET /api/v1/items/{id}/evidence", s.api(users.RoleViewer, s.apiEvidence))
	mux.Handle("POST /api/v1/review", s.api(users.RoleReviewer, s.apiBulkReview))
	mux.Handle("POST /api/v1/items/{id}/split", s.api(users.RoleReviewer, s.apiSplit))
	mux.Handle("POST /api/v1/stories/{id}/review", s.api(users.RoleReviewer, s.apiStoryReview))
	mux.Handle("GET /api/v1/export", s.api(users.RoleViewer, s.export))
	mux.Handle("GET /api/v1/sources", s.api(users.RoleViewer, s.apiSources))
	mux.Handle("POST /api/v1/sources/{name}/run", s.api(users.RoleAdmin, s.apiRunSource))
	mux.Handle("GET /api/v1/stats", s.api(users.RoleViewer, s.apiStats))
	mux.Handle("GET /api/v1/me", s.api(users.RoleViewer, s.apiMe))
	mux.Handle("GET /api/v1/rules", s.api(users.RoleViewer, s.apiRules))
	mux.Handle("GET /api/v1/dashboard", s.api(users.RoleViewer, s.apiDashboard))
	s.registerAlerts(mux)
	s.registerDouble(mux)
	mux.HandleFunc("GET /api/v1/openapi.json", s.apiOpenAPI) // public: clients read it before they log in
	mux.Handle("/api/", s.api(users.RoleViewer, func(w http.ResponseWriter, r *http.Request, p principal) {
		writeError(w, http.StatusNotFound, "no such endpoint", nil)
	}))

	// UI.
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.loginSubmit)
	mux.Handle("POST /logout", s.ui(users.RoleViewer, s.logout))
	mux.Handle("GET /{$}", s.ui(users.RoleViewer, s.queuePage))
	mux.Handle("GET /items/{id}", s.ui(users.RoleViewer, s.itemPage))
	mux.Handle("POST /items/{id}/review", s.ui(users.RoleReviewer, s.itemReview))
	mux.Handle("POST /bulk", s.ui(users.RoleReviewer, s.bulkReview))
	mux.Handle("POST /items/{id}/split", s.ui(users.RoleReviewer, s.uiSplit))
	mux.Handle("GET /export", s.ui(users.RoleViewer, s.export))
	mux.Handle("GET /sources", s.ui(users.RoleViewer, s.sourcesPage))
	mux.Handle("GET /rules", s.ui(users.RoleViewer, s.rulesPage))
	mux.Handle("GET /dashboard", s.ui(users.RoleViewer, s.dashboardPage))
	mux.Handle("GET /settings", s.ui(users.RoleViewer, s.settingsPage))
	mux.Handle("POST /settings", s.ui(users.RoleViewer, s.saveSettings))
	mux.Handle("POST /sources/{name}/run", s.ui(users.RoleAdmin, s.uiRunSource))

	return s.recoverer(s.instrument(securityHeaders(mux)))
}

func (s *Server) staticHandler() http.Handler {
	fsrv := http.FileServerFS(s.static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	body := map[string]any{"version": s.version}
	if sp, ok := s.store.(index.Spooler); ok {
		// Records kept while the store was unreachable: an operator
		// sees how much waits and since when.
		if st, err := sp.SpoolStatus(); err == nil {
			spool := map[string]any{"path": st.Path, "bytes": st.Bytes, "age_seconds": 0.0}
			if !st.Oldest.IsZero() {
				spool["age_seconds"] = time.Since(st.Oldest).Seconds()
				spool["oldest"] = st.Oldest
			}
			body["spool"] = spool
		}
	}
	st, err := s.store.Stats(ctx)
	if err != nil {
		s.log.Error("healthz", "err", err)
		body["status"], body["error"] = "unavailable", "store unavailable"
		writeJSON(w, http.StatusServiceUnavailable, body)
		return
	}
	body["status"], body["backend"] = "ok", st.Backend
	writeJSON(w, http.StatusOK, body)
}

// contentSecurityPolicy allows only this origin's own scripts, styles and
// images: no inline script, no framing, forms only back to us.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Flush lets streaming exports reach the client while they run.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (s *Server) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		route := r.Pattern // set by ServeMux on the same request
		if route == "" {
			route = "unmatched"
		}
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		d := time.Since(start)
		s.metrics.HTTPRequests.WithLabelValues(route, r.Method, strconv.Itoa(sw.code)).Inc()
		s.metrics.HTTPDuration.WithLabelValues(route).Observe(d.Seconds())
		s.log.Debug("http", "method", r.Method, "path", r.URL.Path, "route", route, "code", sw.code, "ms", d.Milliseconds())
	})
}

func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "path", r.URL.Path, "panic", fmt.Sprint(v))
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
