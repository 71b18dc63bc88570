package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/review/config"
)

// TestUsersReadOnlyCommandsCreateNothing checks that list, passwd and role
// on a data directory that does not exist yet leave it absent and say
// what to do, instead of creating an empty store as a side effect.
func TestUsersReadOnlyCommandsCreateNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nothing-here")
	_, stderr, err := runNetra(t, "", "--data", dir, "users", "list")
	if err != nil || !strings.Contains(stderr, "no users in") {
		t.Fatalf("list: %v %q", err, stderr)
	}
	_, _, err = runNetra(t, "", "--data", dir, "users", "passwd", "rina")
	var h *netra.Hint
	if err == nil || !errors.As(err, &h) || !strings.Contains(h.Hint, "users list") {
		t.Fatalf("passwd of an unknown user: %v", err)
	}
	if _, _, err := runNetra(t, "", "--data", dir, "users", "role", "rina", "admin"); err == nil {
		t.Fatal("role of an unknown user accepted")
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("data directory was created: %v", err)
	}
}

// TestUsersAddExistingHint checks that adding a name twice points at
// passwd and role rather than at the name and password rules.
func TestUsersAddExistingHint(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := runNetra(t, "", "--data", dir, "users", "add", "rina"); err != nil {
		t.Fatal(err)
	}
	_, _, err := runNetra(t, "", "--data", dir, "users", "add", "rina")
	var h *netra.Hint
	if err == nil || !errors.As(err, &h) || !strings.Contains(h.Hint, "users passwd rina") {
		t.Fatalf("second add: %v", err)
	}
}

// TestServeWithoutUsersSaysHowToAddOne checks that serve on a fresh data
// directory tells how to create the first account, and stays quiet once
// there is one.
func TestServeWithoutUsersSaysHowToAddOne(t *testing.T) {
	_, out := startServe(t, config.Defaults(), false)
	if !strings.Contains(out.String(), "users add NAME --role admin") {
		t.Fatalf("no advice on the first account:\n%s", out.String())
	}
	_, out = startServeWithAdmin(t, config.Defaults())
	if strings.Contains(out.String(), "No users yet") {
		t.Fatalf("advice printed although an admin exists:\n%s", out.String())
	}
}
