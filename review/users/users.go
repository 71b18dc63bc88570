// Package users keeps the review app's accounts and login sessions. Accounts
// live in one JSON file in the data directory with bcrypt-hashed passwords, so
// `netra users add` and a running `netra serve` share them; sessions live in
// memory and end when the server restarts. With Elasticsearch (`--es`) both
// live in the cluster instead (index/elastic.Accounts), with the same types.
package users

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Role is what a user may do. Roles are ordered: an admin can do everything a
// reviewer can, a reviewer everything a viewer can.
type Role string

// The roles.
const (
	RoleViewer   Role = "viewer"   // read and export
	RoleReviewer Role = "reviewer" // also confirm, dismiss, escalate, note, assign
	RoleAdmin    Role = "admin"    // also run crawls now
)

func (r Role) rank() int {
	switch r {
	case RoleViewer:
		return 1
	case RoleReviewer:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r.rank() > 0 }

// Allows reports whether a user with role r may do what needs role need.
func (r Role) Allows(need Role) bool { return r.rank() > 0 && r.rank() >= need.rank() }

// ParseRole checks a role name given by a person.
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if !r.Valid() {
		return "", fmt.Errorf("unknown role %q: want viewer, reviewer or admin", s)
	}
	return r, nil
}

// User is one account. Hash is the bcrypt hash of the password; it never
// leaves this package's file.
type User struct {
	Name    string    `json:"name"`
	Role    Role      `json:"role"`
	Hash    string    `json:"hash,omitempty"`
	Created time.Time `json:"created"`
	Changed time.Time `json:"password_changed"`
	// Zone is the Indonesian time zone the user reads times in (WIB, WITA
	// or WIT); empty means WIB. Times are stored in UTC whatever it is.
	Zone string `json:"zone,omitempty"`
}

// The Indonesian time zones. They have no daylight saving time, so fixed
// offsets are exact and need no time zone database.
var zones = map[string]*time.Location{
	"WIB":  time.FixedZone("WIB", 7*3600),  // Waktu Indonesia Barat: Sumatra, Java, West and Central Kalimantan
	"WITA": time.FixedZone("WITA", 8*3600), // Waktu Indonesia Tengah: Bali, Nusa Tenggara, South, East and North Kalimantan, Sulawesi
	"WIT":  time.FixedZone("WIT", 9*3600),  // Waktu Indonesia Timur: Maluku, Papua
}

// DefaultZone is the zone of a user who chose none.
const DefaultZone = "WIB"

// Zones lists the time zones a user may choose, west to east.
func Zones() []string { return []string{"WIB", "WITA", "WIT"} }

// Location returns the zone named name, or WIB for an empty or unknown name.
func Location(name string) *time.Location {
	if l, ok := zones[name]; ok {
		return l
	}
	return zones[DefaultZone]
}

// SetZone sets the time zone a user reads times in.
func (s *Store) SetZone(name, zone string) error {
	if _, ok := zones[zone]; !ok {
		return fmt.Errorf("unknown time zone %q: want WIB, WITA or WIT", zone)
	}
	return s.modify(name, func(u *User) { u.Zone = zone })
}

// Errors callers match with errors.Is.
var (
	ErrExists         = errors.New("user already exists")
	ErrNoUser         = errors.New("no such user")
	ErrBadCredentials = errors.New("wrong user name or password")
)

// Store is the account file. It re-reads the file when another process (the
// `netra users` command) changed it, so a running server sees new accounts
// and passwords without a restart.
type Store struct {
	path string
	cost int

	mu      sync.Mutex
	users   map[string]User
	modTime time.Time
	size    int64
	dummy   []byte // hash compared against when the user is unknown, to keep timing alike
}

// Option configures a Store.
type Option func(*Store)

// WithCost sets the bcrypt cost; tests use bcrypt.MinCost to stay fast.
func WithCost(cost int) Option { return func(s *Store) { s.cost = cost } }

// Open opens (or prepares to create) the account file at path.
func Open(path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, cost: bcrypt.DefaultCost, users: map[string]User{}}
	for _, o := range opts {
		o(s)
	}
	d, err := bcrypt.GenerateFromPassword([]byte("not a real password"), s.cost)
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	s.dummy = d
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.reloadLocked(); err != nil {
		return nil, err
	}
	return s, nil
}

// Path is the account file's location.
func (s *Store) Path() string { return s.path }

func (s *Store) reloadLocked() error {
	fi, err := os.Stat(s.path)
	if errors.Is(err, os.ErrNotExist) {
		s.users = map[string]User{}
		s.modTime, s.size = time.Time{}, 0
		return nil
	}
	if err != nil {
		return fmt.Errorf("users: %w", err)
	}
	if fi.ModTime().Equal(s.modTime) && fi.Size() == s.size {
		return nil
	}
	b, err := os.ReadFile(s.path)
	if err != nil {
		return fmt.Errorf("users: %w", err)
	}
	var list []User
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("users: %s: %w", s.path, err)
	}
	m := make(map[string]User, len(list))
	for i, u := range list {
		if err := ValidName(u.Name); err != nil {
			return fmt.Errorf("users: %s: entry %d: %w", s.path, i+1, err)
		}
		if !u.Role.Valid() {
			return fmt.Errorf("users: %s: user %q: unknown role %q", s.path, u.Name, u.Role)
		}
		m[u.Name] = u
	}
	s.users, s.modTime, s.size = m, fi.ModTime(), fi.Size()
	return nil
}

func (s *Store) saveLocked() error {
	list := make([]User, 0, len(s.users))
	for _, u := range s.users {
		list = append(list, u)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	b, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return fmt.Errorf("users: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return fmt.Errorf("users: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), ".users-*.json")
	if err != nil {
		return fmt.Errorf("users: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("users: write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("users: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("users: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("users: %w", err)
	}
	if err := os.Rename(tmp.Name(), s.path); err != nil {
		return fmt.Errorf("users: %w", err)
	}
	s.modTime = time.Time{} // force a re-stat on the next read
	return s.reloadLocked()
}

// ValidName checks a user name: 1–64 characters of a-z, 0-9, '.', '_', '-'.
func ValidName(name string) error {
	if name == "" || len(name) > 64 {
		return fmt.Errorf("user name must be 1 to 64 characters")
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return fmt.Errorf("user name %q: only a-z, 0-9, '.', '_' and '-' are allowed", name)
		}
	}
	return nil
}

// ValidPassword checks a new password: at least 10 characters and at most 72
// bytes (bcrypt ignores anything longer).
func ValidPassword(pw string) error {
	if utf8.RuneCountInString(pw) < 10 {
		return fmt.Errorf("password must have at least 10 characters")
	}
	if len(pw) > 72 {
		return fmt.Errorf("password must be at most 72 bytes")
	}
	return nil
}

// hash validates a new password and hashes it before the store is
// locked: bcrypt is slow on purpose and must not hold up other requests.
func (s *Store) hash(password string) ([]byte, error) {
	if err := ValidPassword(password); err != nil {
		return nil, err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), s.cost)
	if err != nil {
		return nil, fmt.Errorf("users: hash password: %w", err)
	}
	return h, nil
}

// Add creates an account.
func (s *Store) Add(name string, role Role, password string) error {
	if err := ValidName(name); err != nil {
		return err
	}
	if !role.Valid() {
		return fmt.Errorf("unknown role %q", role)
	}
	h, err := s.hash(password)
	if err != nil {
		return err
	}
	return s.update(func(users map[string]User) error {
		if _, ok := users[name]; ok {
			return fmt.Errorf("%q: %w", name, ErrExists)
		}
		now := time.Now().UTC()
		users[name] = User{Name: name, Role: role, Hash: string(h), Created: now, Changed: now}
		return nil
	})
}

// update applies change to the accounts as they are on disk now (another
// process may have changed the file) and saves the result; nothing is
// saved when change fails.
func (s *Store) update(change func(users map[string]User) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.reloadLocked(); err != nil {
		return err
	}
	if err := change(s.users); err != nil {
		return err
	}
	return s.saveLocked()
}

// modify applies edit to the existing account name.
func (s *Store) modify(name string, edit func(u *User)) error {
	return s.update(func(users map[string]User) error {
		u, ok := users[name]
		if !ok {
			return fmt.Errorf("%q: %w", name, ErrNoUser)
		}
		edit(&u)
		users[name] = u
		return nil
	})
}

// SetPassword replaces a user's password.
func (s *Store) SetPassword(name, password string) error {
	h, err := s.hash(password)
	if err != nil {
		return err
	}
	return s.modify(name, func(u *User) {
		u.Hash = string(h)
		u.Changed = time.Now().UTC()
	})
}

// SetRole changes a user's role.
func (s *Store) SetRole(name string, role Role) error {
	if !role.Valid() {
		return fmt.Errorf("unknown role %q", role)
	}
	return s.modify(name, func(u *User) { u.Role = role })
}

// List returns all accounts sorted by name, without password hashes.
func (s *Store) List() ([]User, error) {
	out, err := s.Export()
	for i := range out {
		out[i].Hash = ""
	}
	return out, err
}

// Get returns one account without its hash.
func (s *Store) Get(name string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.reloadLocked(); err != nil {
		return User{}, err
	}
	u, ok := s.users[name]
	if !ok {
		return User{}, fmt.Errorf("%q: %w", name, ErrNoUser)
	}
	u.Hash = ""
	return u, nil
}

// Authenticate checks a password. Unknown users and wrong passwords give the
// same error and take about the same time.
func (s *Store) Authenticate(name, password string) (User, error) {
	s.mu.Lock()
	if err := s.reloadLocked(); err != nil {
		s.mu.Unlock()
		return User{}, err
	}
	u, ok := s.users[name]
	s.mu.Unlock()
	hash := s.dummy
	if ok {
		hash = []byte(u.Hash)
	}
	err := bcrypt.CompareHashAndPassword(hash, []byte(password))
	if !ok || err != nil {
		return User{}, ErrBadCredentials
	}
	u.Hash = ""
	return u, nil
}

// GeneratePassword makes a random password for first-run and reset use.
func GeneratePassword() (string, error) {
	b := make([]byte, 15)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("users: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Export returns all accounts with their password hashes, sorted by name,
// for `netra users migrate` to copy them into Elasticsearch.
func (s *Store) Export() ([]User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.reloadLocked(); err != nil {
		return nil, err
	}
	out := make([]User, 0, len(s.users))
	for _, u := range s.users {
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
