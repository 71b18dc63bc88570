package review

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/alert"
	"github.com/netra-id/netra/review/users"
)

// WithAlerts enables saved searches and notifications, kept in repo.
func WithAlerts(repo *alert.Repo) Option { return func(s *Server) { s.alerts = repo } }

// registerAlerts adds the saved-search and notification routes.
func (s *Server) registerAlerts(mux *http.ServeMux) {
	mux.Handle("GET /api/v1/searches", s.api(users.RoleViewer, s.alertsAPI(s.apiSearches)))
	mux.Handle("POST /api/v1/searches", s.api(users.RoleViewer, s.alertsAPI(s.apiSaveSearch)))
	mux.Handle("PUT /api/v1/searches/{id}", s.api(users.RoleViewer, s.alertsAPI(s.apiSaveSearch)))
	mux.Handle("DELETE /api/v1/searches/{id}", s.api(users.RoleViewer, s.alertsAPI(s.apiDeleteSearch)))
	mux.Handle("POST /api/v1/searches/{id}/subscriptions", s.api(users.RoleViewer, s.alertsAPI(s.apiSubscribe)))
	mux.Handle("DELETE /api/v1/searches/{id}/subscriptions/{sub}", s.api(users.RoleViewer, s.alertsAPI(s.apiUnsubscribe)))
	mux.Handle("GET /api/v1/notifications", s.api(users.RoleViewer, s.alertsAPI(s.apiNotifications)))
	mux.Handle("POST /api/v1/notifications/read", s.api(users.RoleViewer, s.alertsAPI(s.apiMarkRead)))
	mux.Handle("GET /api/v1/alerts/dead", s.api(users.RoleAdmin, s.alertsAPI(s.apiDeadLetters)))
	mux.Handle("POST /api/v1/alerts/dead/{id}/retry", s.api(users.RoleAdmin, s.alertsAPI(s.apiRetryDead)))

	mux.Handle("GET /alerts", s.ui(users.RoleViewer, s.alertsUI(s.alertsPage)))
	mux.Handle("POST /alerts", s.ui(users.RoleViewer, s.alertsUI(s.alertsSave)))
	mux.Handle("POST /alerts/{id}/delete", s.ui(users.RoleViewer, s.alertsUI(s.alertsDelete)))
	mux.Handle("POST /alerts/read", s.ui(users.RoleViewer, s.alertsUI(s.alertsRead)))
	mux.Handle("POST /alerts/dead/{id}/retry", s.ui(users.RoleAdmin, s.alertsUI(s.alertsRetry)))
}

// alertsAPI answers 404 for h when the server runs without alerts.
func (s *Server) alertsAPI(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p principal) {
		if s.alerts == nil {
			writeError(w, http.StatusNotFound, "saved searches are not enabled on this server", nil)
			return
		}
		h(w, r, p)
	}
}

// alertsUI is alertsAPI for the pages.
func (s *Server) alertsUI(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, p principal) {
		if s.alerts == nil {
			s.errorPage(w, r, p, http.StatusNotFound, "err_not_found")
			return
		}
		h(w, r, p)
	}
}

// redact hides other users' webhook secrets.
func redact(se alert.Search, p principal) alert.Search {
	subs := make([]alert.Subscription, len(se.Subscriptions))
	for i, sub := range se.Subscriptions {
		if sub.User != p.User {
			sub.Secret = ""
			if !p.can(users.RoleAdmin) {
				sub.Target = ""
			}
		}
		subs[i] = sub
	}
	se.Subscriptions = subs
	return se
}

func (s *Server) visibleSearches(r *http.Request, p principal) ([]alert.Search, error) {
	all, err := s.alerts.Searches(r.Context())
	if err != nil {
		return nil, err
	}
	out := []alert.Search{}
	for _, se := range all {
		if se.VisibleTo(p.User) || p.can(users.RoleAdmin) {
			out = append(out, redact(se, p))
		}
	}
	return out, nil
}

func (s *Server) apiSearches(w http.ResponseWriter, r *http.Request, p principal) {
	out, err := s.visibleSearches(r, p)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"searches": out})
}

// searchRequest is the body of POST and PUT /api/v1/searches.
type searchRequest struct {
	Name          string               `json:"name"`
	Shared        bool                 `json:"shared"`
	Filter        alert.Filter         `json:"filter"`
	Subscriptions []alert.Subscription `json:"subscriptions,omitempty"` // POST only: the caller's own
}

// mayEdit reports whether p may change or delete se.
func mayEdit(se alert.Search, p principal) bool { return se.Owner == p.User || p.can(users.RoleAdmin) }

// checkSubscription keeps subscriptions to the caller and webhooks (which
// make the server call out) to admins.
func checkSubscription(sub *alert.Subscription, p principal) error {
	sub.User = p.User
	if sub.Channel == alert.ChannelWebhook && !p.can(users.RoleAdmin) {
		return &FieldError{"channel", errors.New("only admins may add webhooks")}
	}
	return nil
}

func (s *Server) apiSaveSearch(w http.ResponseWriter, r *http.Request, p principal) {
	var req searchRequest
	if err := decodeBody(w, r, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	se := alert.Search{Name: req.Name, Shared: req.Shared, Filter: req.Filter, Owner: p.User}
	code := http.StatusCreated
	if id := r.PathValue("id"); id != "" {
		old, err := s.alerts.Search(r.Context(), id)
		if err != nil {
			s.storeError(w, r, err)
			return
		}
		if !mayEdit(old, p) {
			writeError(w, http.StatusForbidden, "only the owner or an admin may change a saved search", nil)
			return
		}
		se.ID, se.Subscriptions, code = id, old.Subscriptions, http.StatusOK
	} else {
		for i := range req.Subscriptions {
			if err := checkSubscription(&req.Subscriptions[i], p); err != nil {
				writeError(w, http.StatusBadRequest, err.Error(), nil)
				return
			}
		}
		se.Subscriptions = req.Subscriptions
	}
	saved, err := s.alerts.SaveSearch(r.Context(), se)
	if err != nil {
		s.alertError(w, r, err)
		return
	}
	writeJSON(w, code, redact(saved, p))
}

// alertError answers a validation error with 400, the rest as store errors.
func (s *Server) alertError(w http.ResponseWriter, r *http.Request, err error) {
	var ie *alert.InvalidError
	if errors.As(err, &ie) {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	s.storeError(w, r, err)
}

func (s *Server) apiDeleteSearch(w http.ResponseWriter, r *http.Request, p principal) {
	se, err := s.alerts.Search(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if !mayEdit(se, p) {
		writeError(w, http.StatusForbidden, "only the owner or an admin may delete a saved search", nil)
		return
	}
	if err := s.alerts.DeleteSearch(r.Context(), se.ID); err != nil {
		s.storeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiSubscribe(w http.ResponseWriter, r *http.Request, p principal) {
	var sub alert.Subscription
	if err := decodeBody(w, r, &sub); err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	if err := checkSubscription(&sub, p); err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	se, err := s.alerts.Search(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if !se.VisibleTo(p.User) && !p.can(users.RoleAdmin) {
		s.storeError(w, r, netra.ErrNotFound)
		return
	}
	for _, x := range se.Subscriptions {
		if sub.ID != "" && x.ID == sub.ID && x.User != p.User {
			writeError(w, http.StatusConflict, "subscription id taken by another user", nil)
			return
		}
	}
	saved, err := s.alerts.Subscribe(r.Context(), se.ID, sub)
	if err != nil {
		s.alertError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, redact(saved, p))
}

func (s *Server) apiUnsubscribe(w http.ResponseWriter, r *http.Request, p principal) {
	if _, err := s.alerts.Unsubscribe(r.Context(), r.PathValue("id"), r.PathValue("sub"), p.User); err != nil {
		s.storeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiNotifications(w http.ResponseWriter, r *http.Request, p principal) {
	ns, unread, err := s.alerts.Notifications(r.Context(), p.User, 50)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if ns == nil {
		ns = []alert.Notification{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"unread": unread, "notifications": ns})
}

func (s *Server) apiMarkRead(w http.ResponseWriter, r *http.Request, p principal) {
	var req struct {
		IDs []string `json:"ids"`
	}
	if err := decodeBody(w, r, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	if err := s.alerts.MarkRead(r.Context(), p.User, req.IDs); err != nil {
		s.storeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiDeadLetters(w http.ResponseWriter, r *http.Request, p principal) {
	dead, err := s.alerts.Deliveries(r.Context(), true)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	for i := range dead {
		dead[i].Secret = ""
	}
	if dead == nil {
		dead = []alert.Delivery{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"dead": dead})
}

func (s *Server) apiRetryDead(w http.ResponseWriter, r *http.Request, p principal) {
	if err := s.alerts.Requeue(r.Context(), r.PathValue("id")); err != nil {
		s.storeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// filterFromForm reads a saved search's filter from the queue's query
// parameters (q, category, rule, region, source, min_score, max_score,
// flagged), so "save this search" keeps exactly what the queue showed.
func filterFromForm(v url.Values) (alert.Filter, error) {
	q, err := parseQuery(v)
	if err != nil {
		return alert.Filter{}, err
	}
	return alert.Filter{Q: q.Text, Categories: q.Categories, Rules: q.Rules, Regions: q.Regions, Sources: q.Sources,
		MinScore: q.MinScore, MaxScore: q.MaxScore, Flagged: q.Flagged}, nil
}

func (s *Server) alertsPage(w http.ResponseWriter, r *http.Request, p principal) {
	s.renderAlerts(w, r, p, http.StatusOK, "")
}

func (s *Server) renderAlerts(w http.ResponseWriter, r *http.Request, p principal, code int, msg string) {
	searches, err := s.visibleSearches(r, p)
	if err != nil {
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
		return
	}
	ns, unread, err := s.alerts.Notifications(r.Context(), p.User, 50)
	if err != nil {
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
		return
	}
	var dead []alert.Delivery
	if p.can(users.RoleAdmin) {
		if dead, err = s.alerts.Deliveries(r.Context(), true); err != nil {
			s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
			return
		}
	}
	v := r.URL.Query()
	flagged := v.Get("flagged")
	if flagged == "" {
		flagged = "true" // as the queue: flagged items unless asked otherwise
	}
	s.render(w, r, code, "alerts", p, map[string]any{
		"Searches": searches, "Notifications": ns, "Unread": unread, "Dead": dead, "Error": msg,
		"Q": v.Get("q"), "Region": v.Get("region"), "Category": v.Get("category"), "Rule": v.Get("rule"),
		"MinScore": v.Get("min_score"), "Flagged": flagged,
	})
}

func (s *Server) alertsSave(w http.ResponseWriter, r *http.Request, p principal) {
	if err := r.ParseForm(); err != nil {
		s.renderAlerts(w, r, p, http.StatusBadRequest, err.Error())
		return
	}
	vals := url.Values{}
	for _, k := range []string{"q", "category", "rule", "region", "source", "min_score", "max_score", "flagged"} {
		for _, x := range r.PostForm[k] {
			if strings.TrimSpace(x) != "" {
				vals.Add(k, x)
			}
		}
	}
	f, err := filterFromForm(vals)
	if err != nil {
		s.renderAlerts(w, r, p, http.StatusBadRequest, err.Error())
		return
	}
	se := alert.Search{Name: r.PostFormValue("name"), Shared: r.PostFormValue("shared") != "", Filter: f, Owner: p.User}
	switch r.PostFormValue("notify") {
	case "app":
		se.Subscriptions = []alert.Subscription{{User: p.User, Channel: alert.ChannelApp, Digest: r.PostFormValue("digest")}}
	case "email":
		se.Subscriptions = []alert.Subscription{{User: p.User, Channel: alert.ChannelEmail,
			Target: r.PostFormValue("email"), Digest: r.PostFormValue("digest")}}
	}
	if _, err := s.alerts.SaveSearch(r.Context(), se); err != nil {
		s.renderAlerts(w, r, p, http.StatusBadRequest, err.Error())
		return
	}
	http.Redirect(w, r, "/alerts", http.StatusSeeOther)
}

func (s *Server) alertsDelete(w http.ResponseWriter, r *http.Request, p principal) {
	se, err := s.alerts.Search(r.Context(), r.PathValue("id"))
	if err != nil || !mayEdit(se, p) {
		s.errorPage(w, r, p, http.StatusForbidden, "err_forbidden")
		return
	}
	if err := s.alerts.DeleteSearch(r.Context(), se.ID); err != nil {
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
		return
	}
	http.Redirect(w, r, "/alerts", http.StatusSeeOther)
}

func (s *Server) alertsRead(w http.ResponseWriter, r *http.Request, p principal) {
	if err := s.alerts.MarkRead(r.Context(), p.User, nil); err != nil {
		s.errorPage(w, r, p, http.StatusInternalServerError, "err_internal")
		return
	}
	http.Redirect(w, r, "/alerts", http.StatusSeeOther)
}

func (s *Server) alertsRetry(w http.ResponseWriter, r *http.Request, p principal) {
	if err := s.alerts.Requeue(r.Context(), r.PathValue("id")); err != nil {
		s.errorPage(w, r, p, http.StatusNotFound, "err_not_found")
		return
	}
	http.Redirect(w, r, "/alerts", http.StatusSeeOther)
}
