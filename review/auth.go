package review

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/netra-id/netra/review/users"
)

// Cookie names.
const (
	sessionCookie   = "netra_session"
	loginCSRFCookie = "netra_login_csrf"
	langCookie      = "netra_lang"
	csrfField       = "csrf"
	csrfHeader      = "X-CSRF-Token"
)

// Accounts is where the review app reads accounts and checks passwords:
// users.Store (DATA/users.json) for one process, or elastic.Accounts so
// every replica over one cluster sees the same users.
type Accounts interface {
	Get(name string) (users.User, error)
	List() ([]users.User, error)
	Authenticate(name, password string) (users.User, error)
	SetZone(name, zone string) error
}

// SessionStore keeps login sessions: users.Sessions in memory for one
// process, or elastic.Sessions so a login on one replica is valid on every
// other and a logout ends it everywhere.
type SessionStore interface {
	Create(user string, changed time.Time) (users.Session, error)
	Get(id string) (users.Session, bool)
	Delete(id string) error
	TTL() time.Duration
}

// principal is the authenticated caller of one request.
type principal struct {
	User    string
	Role    users.Role
	Zone    string         // the user's time zone (WIB, WITA, WIT; "" is WIB)
	Session *users.Session // nil when authenticated with HTTP basic auth
}

func (p principal) can(need users.Role) bool { return p.Role.Allows(need) }

type handlerFunc func(w http.ResponseWriter, r *http.Request, p principal)

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

var errRateLimited = errors.New("too many failed logins")

// authCache remembers recently verified basic-auth credentials for a
// minute, so API clients that send them with every request do not pay a
// bcrypt comparison (tens of milliseconds by design) each time. Entries
// hold only a SHA-256 of name and password, and die when the password
// changes.
type authCache struct {
	mu sync.Mutex
	m  map[[32]byte]authEntry
}

type authEntry struct {
	user    string
	changed time.Time
	expires time.Time
}

const authCacheTTL = time.Minute

func credKey(name, password string) [32]byte {
	return sha256.Sum256([]byte(name + "\x00" + password))
}

func (c *authCache) get(k [32]byte, now time.Time) (authEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k]
	if !ok || now.After(e.expires) {
		delete(c.m, k)
		return authEntry{}, false
	}
	return e, true
}

func (c *authCache) put(k [32]byte, e authEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) > 10000 {
		clear(c.m)
	}
	c.m[k] = e
}

// basicAuth checks API credentials, from the cache when it can.
func (s *Server) basicAuth(r *http.Request, name, password string) (users.User, time.Duration, error) {
	k := credKey(name, password)
	now := time.Now()
	if e, ok := s.auths.get(k, now); ok {
		if u, err := s.accounts.Get(e.user); err == nil && u.Changed.Equal(e.changed) {
			return u, 0, nil
		}
	}
	u, retry, err := s.checkPassword(r, name, password)
	if err == nil {
		s.auths.put(k, authEntry{user: u.Name, changed: u.Changed, expires: now.Add(authCacheTTL)})
	}
	return u, retry, err
}

// checkPassword authenticates with login throttling per (user name, client
// address) and per client address (see throttle).
func (s *Server) checkPassword(r *http.Request, name, password string) (users.User, time.Duration, error) {
	ip := clientIP(r)
	if retry, blocked := s.limiter.blocked(name, ip); blocked {
		s.metrics.LoginFailures.Inc()
		return users.User{}, retry, errRateLimited
	}
	u, err := s.accounts.Authenticate(name, password)
	if err != nil {
		s.limiter.fail(name, ip)
		s.metrics.LoginFailures.Inc()
		s.log.Warn("login failed", "user", name, "ip", ip)
		return users.User{}, 0, err
	}
	s.limiter.succeed(name, ip)
	return u, 0, nil
}

// sessionFrom returns the caller's session and current role. The role is
// read from the account file on every request so role changes and removed
// accounts take effect at once.
func (s *Server) sessionFrom(r *http.Request) (principal, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return principal{}, false
	}
	ss, ok := s.sessions.Get(c.Value)
	if !ok {
		return principal{}, false
	}
	u, err := s.accounts.Get(ss.User)
	if err != nil || !u.Changed.Equal(ss.Changed) {
		// The account is gone or its password changed (perhaps with
		// `netra users passwd` in another process): log out everywhere.
		if err := s.sessions.Delete(ss.ID); err != nil {
			s.log.Warn("end session", "user", ss.User, "err", err)
		}
		return principal{}, false
	}
	return principal{User: u.Name, Role: u.Role, Zone: u.Zone, Session: &ss}, true
}

func csrfOK(ss *users.Session, token string) bool {
	return ss != nil && token != "" && subtle.ConstantTimeCompare([]byte(ss.CSRF), []byte(token)) == 1
}

func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}

// api authenticates an API request by session cookie (then state changes
// need the X-CSRF-Token header) or HTTP basic auth, and checks the role.
func (s *Server) api(need users.Role, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		p, ok := s.sessionFrom(r)
		if ok {
			if unsafeMethod(r.Method) && !csrfOK(p.Session, r.Header.Get(csrfHeader)) {
				writeError(w, http.StatusForbidden, "missing or wrong CSRF token (send the X-CSRF-Token header)", nil)
				return
			}
		} else if name, pw, has := r.BasicAuth(); has {
			u, retry, err := s.basicAuth(r, name, pw)
			if errors.Is(err, errRateLimited) {
				w.Header().Set("Retry-After", strconv.Itoa(int(retry.Seconds())+1))
				writeError(w, http.StatusTooManyRequests, "too many failed logins; try again later", nil)
				return
			}
			if err != nil {
				w.Header().Set("WWW-Authenticate", `Basic realm="netra", charset="UTF-8"`)
				writeError(w, http.StatusUnauthorized, "wrong user name or password", nil)
				return
			}
			p = principal{User: u.Name, Role: u.Role, Zone: u.Zone}
		} else {
			w.Header().Set("WWW-Authenticate", `Basic realm="netra", charset="UTF-8"`)
			writeError(w, http.StatusUnauthorized, "authentication required (session cookie or HTTP basic auth)", nil)
			return
		}
		if !p.can(need) {
			writeError(w, http.StatusForbidden, "your role ("+string(p.Role)+") may not do this; needs "+string(need), nil)
			return
		}
		h(w, r, p)
	})
}

// ui authenticates a page request by session cookie, checks the CSRF token
// of every state change and the role.
func (s *Server) ui(need users.Role, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		p, ok := s.sessionFrom(r)
		if !ok {
			if unsafeMethod(r.Method) {
				s.errorPage(w, r, principal{}, http.StatusUnauthorized, "err_login_required")
				return
			}
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if unsafeMethod(r.Method) {
			r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
			tok := r.Header.Get(csrfHeader)
			if tok == "" {
				tok = r.PostFormValue(csrfField)
			}
			if !csrfOK(p.Session, tok) {
				s.errorPage(w, r, p, http.StatusForbidden, "err_csrf")
				return
			}
		}
		if !p.can(need) {
			s.errorPage(w, r, p, http.StatusForbidden, "err_forbidden")
			return
		}
		h(w, r, p)
	})
}

func (s *Server) secureRequest(r *http.Request) bool { return s.secure || r.TLS != nil }

func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.secureRequest(r), SameSite: http.SameSiteStrictMode,
	})
}

// localNext keeps a post-login redirect on this site.
func localNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	if u, err := url.Parse(next); err != nil || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return next
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.sessionFrom(r); ok {
		http.Redirect(w, r, localNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.renderLogin(w, r, http.StatusOK, "")
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, code int, msg string) {
	// Login has no session yet, so its CSRF token is a double-submit
	// cookie: the form must echo the cookie's random value.
	tok, err := users.GeneratePassword()
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	s.setCookie(w, r, loginCSRFCookie, tok, 3600)
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, code, "login", principal{}, map[string]any{
		"LoginCSRF": tok, "Next": localNext(r.URL.Query().Get("next")), "Error": msg,
	})
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	c, err := r.Cookie(loginCSRFCookie)
	if err != nil || c.Value == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue(csrfField))) != 1 {
		s.errorPage(w, r, principal{}, http.StatusForbidden, "err_csrf")
		return
	}
	name := strings.TrimSpace(r.PostFormValue("user"))
	u, retry, err := s.checkPassword(r, name, r.PostFormValue("password"))
	if errors.Is(err, errRateLimited) {
		w.Header().Set("Retry-After", strconv.Itoa(int(retry.Seconds())+1))
		s.renderLogin(w, r, http.StatusTooManyRequests, "err_rate_limited")
		return
	}
	if err != nil {
		s.renderLogin(w, r, http.StatusUnauthorized, "err_bad_login")
		return
	}
	ss, err := s.sessions.Create(u.Name, u.Changed)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	s.setCookie(w, r, sessionCookie, ss.ID, int(s.sessions.TTL().Seconds()))
	s.setCookie(w, r, loginCSRFCookie, "", -1)
	s.log.Info("login", "user", u.Name, "role", u.Role, "ip", clientIP(r))
	next := r.PostFormValue("next")
	http.Redirect(w, r, localNext(next), http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, p principal) {
	if p.Session != nil {
		if err := s.sessions.Delete(p.Session.ID); err != nil {
			// The session would stay valid on other replicas: say so
			// rather than pretend the logout worked.
			s.log.Error("logout", "user", p.User, "err", err)
			http.Error(w, "logout failed; try again", http.StatusServiceUnavailable)
			return
		}
	}
	s.setCookie(w, r, sessionCookie, "", -1)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
