package users

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"sync"
	"time"
)

// Session is one logged-in browser. CSRF is the token every state-changing
// request made with this session must carry.
type Session struct {
	ID      string
	User    string
	CSRF    string
	Expires time.Time
	// Changed is the user's password-change time when the session began;
	// a session from before a password change is no longer valid.
	Changed time.Time
}

// Sessions keeps login sessions in memory (one process; `serve --es` keeps
// them in Elasticsearch instead).
type Sessions struct {
	ttl time.Duration
	now func() time.Time

	mu sync.Mutex
	m  map[string]Session
}

// NewSessions makes a session table whose sessions last ttl.
func NewSessions(ttl time.Duration) *Sessions {
	if ttl <= 0 {
		ttl = 12 * time.Hour
	}
	return &Sessions{ttl: ttl, now: time.Now, m: map[string]Session{}}
}

// TTL is how long a session lasts.
func (s *Sessions) TTL() time.Duration { return s.ttl }

func token() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("session token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// NewSession makes a session with fresh random session and CSRF tokens; the
// in-memory table and the Elasticsearch one both start sessions with it.
func NewSession(user string, changed, expires time.Time) (Session, error) {
	id, err := token()
	if err != nil {
		return Session{}, err
	}
	csrf, err := token()
	if err != nil {
		return Session{}, err
	}
	return Session{ID: id, User: user, CSRF: csrf, Expires: expires, Changed: changed}, nil
}

// Create starts a session for user, whose password last changed at changed.
func (s *Sessions) Create(user string, changed time.Time) (Session, error) {
	ss, err := NewSession(user, changed, s.now().Add(s.ttl))
	if err != nil {
		return Session{}, err
	}
	id := ss.ID
	s.mu.Lock()
	defer s.mu.Unlock()
	// Drop expired sessions here so the table cannot grow without bound.
	now := s.now()
	for k, v := range s.m {
		if now.After(v.Expires) {
			delete(s.m, k)
		}
	}
	s.m[id] = ss
	return ss, nil
}

// Get returns a live session.
func (s *Sessions) Get(id string) (Session, bool) {
	if id == "" {
		return Session{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ss, ok := s.m[id]
	if !ok {
		return Session{}, false
	}
	if s.now().After(ss.Expires) {
		delete(s.m, id)
		return Session{}, false
	}
	return ss, true
}

// Delete ends a session. It cannot fail; the error is there for stores
// that keep sessions elsewhere.
func (s *Sessions) Delete(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, id)
	return nil
}

// DeleteUser ends every session of user (after a password change).
func (s *Sessions) DeleteUser(user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.m {
		if v.User == user {
			delete(s.m, k)
		}
	}
}
