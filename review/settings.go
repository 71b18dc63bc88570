package review

import (
	"net/http"

	"github.com/netra-id/netra/review/users"
)

// settingsPage lets a user choose the time zone times are shown in.
func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request, p principal) {
	s.render(w, r, http.StatusOK, "settings", p, map[string]any{"Zones": users.Zones()})
}

// saveSettings stores the user's time zone choice.
func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request, p principal) {
	if err := s.accounts.SetZone(p.User, r.PostFormValue("zone")); err != nil {
		s.requestError(w, r, p, http.StatusBadRequest, "zone: "+err.Error())
		return
	}
	s.log.Info("settings", "user", p.User, "zone", r.PostFormValue("zone"))
	http.Redirect(w, r, "/settings?flash=saved", http.StatusSeeOther)
}
