package elastic

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/netra-id/netra/review/users"
	"golang.org/x/crypto/bcrypt"
)

// accountsTimeout bounds one account or session call. The review app's
// account interface mirrors the file store, whose calls take no context;
// a bound keeps a hung cluster from holding a request forever.
const accountsTimeout = 15 * time.Second

// Accounts keeps the review app's accounts (PREFIX-users, one document per
// user, bcrypt hashes as in users.json) and login sessions
// (PREFIX-sessions) in the cluster, so every `serve` replica sees the same
// users and any replica can serve any request. Changes are conditional on
// the document's sequence number, so two replicas cannot overwrite each
// other's change. It is safe for concurrent use.
type Accounts struct {
	s     *Store
	cost  int
	ttl   time.Duration
	now   func() time.Time
	dummy []byte

	users, sessions string

	readyMu sync.Mutex
	ready   bool

	sweepMu   sync.Mutex
	lastSweep time.Time
}

// AccountsOption configures Accounts.
type AccountsOption func(*Accounts)

// WithBcryptCost sets the bcrypt cost; tests use bcrypt.MinCost.
func WithBcryptCost(cost int) AccountsOption { return func(a *Accounts) { a.cost = cost } }

// WithSessionLife sets how long a session lasts (default 12h).
func WithSessionLife(d time.Duration) AccountsOption {
	return func(a *Accounts) {
		if d > 0 {
			a.ttl = d
		}
	}
}

// Accounts returns the account and session store of this cluster. The
// indices are created on first use.
func (s *Store) Accounts(opts ...AccountsOption) (*Accounts, error) {
	a := &Accounts{s: s, cost: bcrypt.DefaultCost, ttl: 12 * time.Hour, now: time.Now,
		users: s.cfg.IndexPrefix + "-users", sessions: s.cfg.IndexPrefix + "-sessions"}
	for _, o := range opts {
		o(a)
	}
	d, err := bcrypt.GenerateFromPassword([]byte("not a real password"), a.cost)
	if err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	a.dummy = d
	return a, nil
}

// Path names where the accounts live, for messages.
func (a *Accounts) Path() string { return a.s.url + "/" + a.users }

// TTL is how long a session lasts.
func (a *Accounts) TTL() time.Duration { return a.ttl }

const accountsMapping = `{"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
 "mappings":{"dynamic":false,"properties":{
  "name":{"type":"keyword"},"role":{"type":"keyword"},"user":{"type":"keyword"},
  "created":{"type":"date"},"password_changed":{"type":"date"},"expires":{"type":"date"}}}}`

// ensure creates the two indices once.
func (a *Accounts) ensure(ctx context.Context) error {
	a.readyMu.Lock()
	defer a.readyMu.Unlock()
	if a.ready {
		return nil
	}
	for _, idx := range []string{a.users, a.sessions} {
		// Look first: a server's user may read and write these indices
		// without the privilege to create them (an admin's `netra users
		// add` or `users migrate` creates them).
		if ok, err := a.s.aliasOrIndexExists(ctx, idx); err != nil {
			return err
		} else if ok {
			continue
		}
		_, err := a.s.do(ctx, http.MethodPut, "/"+idx, strings.NewReader(accountsMapping), nil)
		var ee *esError
		if err != nil && !(errors.As(err, &ee) && ee.Type == "resource_already_exists_exception") {
			return fmt.Errorf("elasticsearch at %s: create index %s: %w", a.s.url, idx, err)
		}
	}
	a.ready = true
	return nil
}

func (a *Accounts) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), accountsTimeout)
}

// getUser reads one account with its hash and concurrency token.
func (a *Accounts) getUser(ctx context.Context, name string) (users.User, int64, int64, error) {
	if err := a.ensure(ctx); err != nil {
		return users.User{}, 0, 0, err
	}
	var res struct {
		Found  bool       `json:"found"`
		SeqNo  int64      `json:"_seq_no"`
		Term   int64      `json:"_primary_term"`
		Source users.User `json:"_source"`
	}
	_, err := a.s.do(ctx, http.MethodGet, "/"+a.users+"/_doc/"+url.PathEscape(name), nil, &res)
	var ee *esError
	if (errors.As(err, &ee) && ee.Status == http.StatusNotFound) || (err == nil && !res.Found) {
		return users.User{}, 0, 0, fmt.Errorf("%q: %w", name, users.ErrNoUser)
	}
	if err != nil {
		return users.User{}, 0, 0, fmt.Errorf("accounts: read %s: %w", name, err)
	}
	return res.Source, res.SeqNo, res.Term, nil
}

// Add creates an account.
func (a *Accounts) Add(name string, role users.Role, password string) error {
	if err := users.ValidName(name); err != nil {
		return err
	}
	if !role.Valid() {
		return fmt.Errorf("unknown role %q", role)
	}
	if err := users.ValidPassword(password); err != nil {
		return err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), a.cost)
	if err != nil {
		return fmt.Errorf("accounts: hash password: %w", err)
	}
	now := time.Now().UTC()
	ctx, cancel := a.ctx()
	defer cancel()
	return a.create(ctx, users.User{Name: name, Role: role, Hash: string(h), Created: now, Changed: now})
}

// create writes a new account; an existing one is ErrExists.
func (a *Accounts) create(ctx context.Context, u users.User) error {
	if err := a.ensure(ctx); err != nil {
		return err
	}
	body, err := jsonBody(u)
	if err != nil {
		return err
	}
	_, err = a.s.do(ctx, http.MethodPut, "/"+a.users+"/_create/"+url.PathEscape(u.Name)+"?refresh=wait_for", body, nil)
	var ee *esError
	if errors.As(err, &ee) && ee.Status == http.StatusConflict {
		return fmt.Errorf("%q: %w", u.Name, users.ErrExists)
	}
	if err != nil {
		return fmt.Errorf("accounts: add %s: %w", u.Name, err)
	}
	return nil
}

// Import adds accounts as they are (with their hashes), for moving a
// users.json into the cluster; accounts that exist are left alone and
// returned as skipped.
func (a *Accounts) Import(list []users.User) (added, skipped []string, err error) {
	ctx, cancel := a.ctx()
	defer cancel()
	for _, u := range list {
		if err := users.ValidName(u.Name); err != nil {
			return added, skipped, err
		}
		if !u.Role.Valid() || u.Hash == "" {
			return added, skipped, fmt.Errorf("accounts: import %s: needs a role and a password hash", u.Name)
		}
		err := a.create(ctx, u)
		if errors.Is(err, users.ErrExists) {
			skipped = append(skipped, u.Name)
			continue
		}
		if err != nil {
			return added, skipped, err
		}
		added = append(added, u.Name)
	}
	return added, skipped, nil
}

// modify applies edit to account name, conditional on the version read, and
// tries again when another replica changed it in between.
func (a *Accounts) modify(name string, edit func(u *users.User)) error {
	ctx, cancel := a.ctx()
	defer cancel()
	for attempt := 0; ; attempt++ {
		u, seq, term, err := a.getUser(ctx, name)
		if err != nil {
			return err
		}
		edit(&u)
		body, err := jsonBody(u)
		if err != nil {
			return err
		}
		path := fmt.Sprintf("/%s/_doc/%s?if_seq_no=%d&if_primary_term=%d&refresh=wait_for", a.users, url.PathEscape(name), seq, term)
		_, err = a.s.do(ctx, http.MethodPut, path, body, nil)
		var ee *esError
		if errors.As(err, &ee) && ee.Status == http.StatusConflict && attempt < 5 {
			continue
		}
		if err != nil {
			return fmt.Errorf("accounts: change %s: %w", name, err)
		}
		return nil
	}
}

// SetPassword replaces a user's password; the user's sessions end because
// their password-change time no longer matches.
func (a *Accounts) SetPassword(name, password string) error {
	if err := users.ValidPassword(password); err != nil {
		return err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), a.cost)
	if err != nil {
		return fmt.Errorf("accounts: hash password: %w", err)
	}
	return a.modify(name, func(u *users.User) {
		u.Hash = string(h)
		u.Changed = time.Now().UTC()
	})
}

// SetRole changes a user's role.
func (a *Accounts) SetRole(name string, role users.Role) error {
	if !role.Valid() {
		return fmt.Errorf("unknown role %q", role)
	}
	return a.modify(name, func(u *users.User) { u.Role = role })
}

// SetZone sets the time zone a user reads times in.
func (a *Accounts) SetZone(name, zone string) error {
	if !isZone(zone) {
		return fmt.Errorf("unknown time zone %q: want WIB, WITA or WIT", zone)
	}
	return a.modify(name, func(u *users.User) { u.Zone = zone })
}

func isZone(z string) bool {
	for _, k := range users.Zones() {
		if z == k {
			return true
		}
	}
	return false
}

// maxAccounts caps List; a monitoring team has dozens of reviewers.
const maxAccounts = 10000

// List returns all accounts sorted by name, without password hashes.
func (a *Accounts) List() ([]users.User, error) {
	ctx, cancel := a.ctx()
	defer cancel()
	if err := a.ensure(ctx); err != nil {
		return nil, err
	}
	var res hitsOf[users.User]
	q := fmt.Sprintf(`{"size":%d,"query":{"match_all":{}},"sort":[{"name":"asc"}]}`, maxAccounts)
	if _, err := a.s.do(ctx, http.MethodPost, "/"+a.users+"/_search", strings.NewReader(q), &res); err != nil {
		return nil, fmt.Errorf("accounts: list: %w", err)
	}
	out := make([]users.User, 0, len(res.Hits.Hits))
	for _, h := range res.Hits.Hits {
		u := h.Source
		u.Hash = ""
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Get returns one account without its hash.
func (a *Accounts) Get(name string) (users.User, error) {
	ctx, cancel := a.ctx()
	defer cancel()
	u, _, _, err := a.getUser(ctx, name)
	u.Hash = ""
	return u, err
}

// Authenticate checks a password. Unknown users and wrong passwords give the
// same error and take about the same time.
func (a *Accounts) Authenticate(name, password string) (users.User, error) {
	ctx, cancel := a.ctx()
	defer cancel()
	u, _, _, err := a.getUser(ctx, name)
	if err != nil && !errors.Is(err, users.ErrNoUser) {
		return users.User{}, err
	}
	hash := a.dummy
	if err == nil {
		hash = []byte(u.Hash)
	}
	cerr := bcrypt.CompareHashAndPassword(hash, []byte(password))
	if err != nil || cerr != nil {
		return users.User{}, users.ErrBadCredentials
	}
	u.Hash = ""
	return u, nil
}

// sessionDoc is a session as stored. The document ID is the SHA-256 of the
// session token, so whoever can read the index cannot take over sessions.
type sessionDoc struct {
	User    string    `json:"user"`
	CSRF    string    `json:"csrf"`
	Expires time.Time `json:"expires"`
	Changed time.Time `json:"password_changed"`
}

func sessionKey(id string) string {
	h := sha256.Sum256([]byte(id))
	return hex.EncodeToString(h[:])
}

// Create starts a session for user, whose password last changed at changed.
func (a *Accounts) Create(user string, changed time.Time) (users.Session, error) {
	ctx, cancel := a.ctx()
	defer cancel()
	if err := a.ensure(ctx); err != nil {
		return users.Session{}, err
	}
	ss, err := users.NewSession(user, changed, a.now().Add(a.ttl))
	if err != nil {
		return users.Session{}, err
	}
	body, err := jsonBody(sessionDoc{User: ss.User, CSRF: ss.CSRF, Expires: ss.Expires.UTC(), Changed: ss.Changed})
	if err != nil {
		return users.Session{}, err
	}
	if _, err := a.s.do(ctx, http.MethodPut, "/"+a.sessions+"/_create/"+sessionKey(ss.ID), body, nil); err != nil {
		return users.Session{}, fmt.Errorf("sessions: create: %w", err)
	}
	a.sweep(ctx)
	return ss, nil
}

// GetSession returns a live session. A session the cluster cannot be asked about
// counts as absent: the caller logs in again once the cluster answers.
func (a *Accounts) GetSession(id string) (users.Session, bool) {
	if id == "" {
		return users.Session{}, false
	}
	ctx, cancel := a.ctx()
	defer cancel()
	if err := a.ensure(ctx); err != nil {
		return users.Session{}, false
	}
	var res struct {
		Found  bool       `json:"found"`
		Source sessionDoc `json:"_source"`
	}
	if _, err := a.s.do(ctx, http.MethodGet, "/"+a.sessions+"/_doc/"+sessionKey(id), nil, &res); err != nil || !res.Found {
		return users.Session{}, false
	}
	d := res.Source
	if a.now().After(d.Expires) {
		_ = a.DeleteSession(id)
		return users.Session{}, false
	}
	return users.Session{ID: id, User: d.User, CSRF: d.CSRF, Expires: d.Expires, Changed: d.Changed}, true
}

// DeleteSession ends a session on every replica.
func (a *Accounts) DeleteSession(id string) error {
	ctx, cancel := a.ctx()
	defer cancel()
	_, err := a.s.do(ctx, http.MethodDelete, "/"+a.sessions+"/_doc/"+sessionKey(id)+"?refresh=wait_for", nil, nil)
	var ee *esError
	if errors.As(err, &ee) && ee.Status == http.StatusNotFound {
		return nil
	}
	if err != nil {
		return fmt.Errorf("sessions: delete: %w", err)
	}
	return nil
}

// sweepEvery is how often one process removes expired sessions.
const sweepEvery = time.Hour

// sweep deletes expired sessions, at most once per sweepEvery, so the index
// cannot grow without bound. Best effort: Get ignores expired ones anyway.
// Delete by query is not in every distribution, so IDs are collected and
// deleted in bulk.
func (a *Accounts) sweep(ctx context.Context) {
	a.sweepMu.Lock()
	if a.now().Sub(a.lastSweep) < sweepEvery {
		a.sweepMu.Unlock()
		return
	}
	a.lastSweep = a.now()
	a.sweepMu.Unlock()
	q := fmt.Sprintf(`{"size":1000,"_source":false,"query":{"range":{"expires":{"lt":%q}}}}`, a.now().UTC().Format(time.RFC3339))
	var res searchResponse
	if _, err := a.s.do(ctx, http.MethodPost, "/"+a.sessions+"/_search", strings.NewReader(q), &res); err != nil || len(res.Hits.Hits) == 0 {
		return
	}
	var body []byte
	for _, h := range res.Hits.Hits {
		meta, _ := json.Marshal(map[string]any{"delete": map[string]any{"_index": a.sessions, "_id": h.ID}})
		body = append(append(body, meta...), '\n')
	}
	_, _ = a.s.do(ctx, http.MethodPost, "/_bulk", strings.NewReader(string(body)), nil)
}

// Sessions is the session side of Accounts, with the method names of the
// in-memory users.Sessions, so the review app takes either.
type Sessions struct{ a *Accounts }

// Sessions returns the session table of these accounts.
func (a *Accounts) Sessions() Sessions { return Sessions{a: a} }

// Create starts a session.
func (s Sessions) Create(user string, changed time.Time) (users.Session, error) {
	return s.a.Create(user, changed)
}

// Get returns a live session.
func (s Sessions) Get(id string) (users.Session, bool) { return s.a.GetSession(id) }

// Delete ends a session on every replica.
func (s Sessions) Delete(id string) error { return s.a.DeleteSession(id) }

// TTL is how long a session lasts.
func (s Sessions) TTL() time.Duration { return s.a.ttl }

// aliasOrIndexExists reports whether an index (or alias) named name exists.
func (s *Store) aliasOrIndexExists(ctx context.Context, name string) (bool, error) {
	st, err := s.do(ctx, http.MethodHead, "/"+name, nil, nil)
	var ee *esError
	switch {
	case err == nil && st == http.StatusOK:
		return true, nil
	case errors.As(err, &ee) && ee.Status == http.StatusNotFound:
		return false, nil
	case err == nil:
		err = fmt.Errorf("status %d", st)
	}
	return false, fmt.Errorf("elasticsearch at %s: look up index %s: %w", s.url, name, err)
}
