package users

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func TestStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "users.json")
	s, err := Open(path, WithCost(bcrypt.MinCost))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add("rina", RoleReviewer, "rahasia-sekali"); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("rina", RoleAdmin, "rahasia-sekali"); !errors.Is(err, ErrExists) {
		t.Errorf("duplicate: %v", err)
	}
	for _, c := range []struct{ name, pw string }{{"Rina!", "rahasia-sekali"}, {"", "rahasia-sekali"}, {"ok", "short"}, {"ok", strings.Repeat("x", 73)}} {
		if err := s.Add(c.name, RoleViewer, c.pw); err == nil {
			t.Errorf("Add(%q, %q) accepted", c.name, c.pw)
		}
	}
	b, _ := os.ReadFile(path)
	if strings.Contains(string(b), "rahasia-sekali") || !strings.Contains(string(b), "$2a$") {
		t.Errorf("file does not hold a bcrypt hash only:\n%s", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v", fi.Mode().Perm())
	}
	if _, err := s.Authenticate("rina", "rahasia-sekali"); err != nil {
		t.Errorf("right password: %v", err)
	}
	if _, err := s.Authenticate("rina", "salah-sekali!"); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("wrong password: %v", err)
	}
	if _, err := s.Authenticate("nobody", "rahasia-sekali"); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("unknown user: %v", err)
	}
	// A second process (the `netra users` command) changes the password;
	// the first store sees it.
	time.Sleep(10 * time.Millisecond) // distinct mtime on coarse file systems
	other, err := Open(path, WithCost(bcrypt.MinCost))
	if err != nil {
		t.Fatal(err)
	}
	if err := other.SetPassword("rina", "kata-sandi-baru"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate("rina", "kata-sandi-baru"); err != nil {
		t.Errorf("new password from the other process: %v", err)
	}
	if err := other.SetPassword("nobody", "kata-sandi-baru"); !errors.Is(err, ErrNoUser) {
		t.Errorf("passwd of unknown user: %v", err)
	}
	list, err := s.List()
	if err != nil || len(list) != 1 || list[0].Hash != "" || list[0].Role != RoleReviewer {
		t.Errorf("list: %+v %v", list, err)
	}
}

func TestOpenBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "users.json")
	os.WriteFile(path, []byte(`[{"name":"x","role":"boss","hash":"h"}]`), 0o600)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "boss") {
		t.Errorf("bad role: %v", err)
	}
	os.WriteFile(path, []byte(`{nope`), 0o600)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("bad JSON: %v", err)
	}
}

func TestRoles(t *testing.T) {
	if !RoleAdmin.Allows(RoleReviewer) || !RoleReviewer.Allows(RoleViewer) || RoleViewer.Allows(RoleReviewer) || Role("x").Allows(RoleViewer) {
		t.Error("role order wrong")
	}
	if _, err := ParseRole("boss"); err == nil {
		t.Error("unknown role parsed")
	}
}

func TestSessions(t *testing.T) {
	s := NewSessions(time.Hour)
	now := time.Now()
	s.now = func() time.Time { return now }
	a, err := s.Create("rina", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == "" || a.CSRF == "" || a.ID == a.CSRF {
		t.Fatalf("tokens %+v", a)
	}
	if got, ok := s.Get(a.ID); !ok || got.User != "rina" {
		t.Error("session not found")
	}
	now = now.Add(2 * time.Hour)
	if _, ok := s.Get(a.ID); ok {
		t.Error("expired session still valid")
	}
	b, _ := s.Create("budi", time.Time{})
	s.DeleteUser("budi")
	if _, ok := s.Get(b.ID); ok {
		t.Error("session of deleted user still valid")
	}
}

func TestZone(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "users.json"), WithCost(bcrypt.MinCost))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add("rina", RoleReviewer, "a-long-password-1"); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Get("rina")
	if err := s.SetZone("rina", "WITA"); err != nil {
		t.Fatal(err)
	}
	u, _ := s.Get("rina")
	if u.Zone != "WITA" || !u.Changed.Equal(before.Changed) {
		t.Errorf("after SetZone: zone %q, password changed %v (was %v)", u.Zone, u.Changed, before.Changed)
	}
	if err := s.SetZone("rina", "Asia/Tokyo"); err == nil {
		t.Error("SetZone accepted a zone outside Indonesia")
	}
	noon := time.Date(2024, 2, 14, 5, 0, 0, 0, time.UTC)
	for zone, want := range map[string]string{"": "12:00 WIB", "WIB": "12:00 WIB", "WITA": "13:00 WITA", "WIT": "14:00 WIT", "bogus": "12:00 WIB"} {
		if got := noon.In(Location(zone)).Format("15:04 MST"); got != want {
			t.Errorf("Location(%q): %s, want %s", zone, got, want)
		}
	}
}
