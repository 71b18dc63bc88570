//go:build unix

package elastic

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/indextest"
)

// TestBasicAuth runs against a node of its own with security on, as real
// clusters have it: without or with wrong credentials Open says they were
// refused; with them, records are stored and found.
func TestBasicAuth(t *testing.T) {
	esURL(t)
	if testing.Short() {
		t.Skip("starts a second Elasticsearch")
	}
	const user, password = "netra", "rahasia-uji-123"
	prefix := testPrefix(t)
	// The least-privilege roles README documents, in the file realm (the
	// integ-test distribution has no security index for native roles).
	roles := filepath.Join(t.TempDir(), "roles.yml")
	adminPrefix := prefix + "adm"
	if err := os.WriteFile(roles, []byte(privilegeRoles(prefix)+adminRole(adminPrefix)), 0o644); err != nil {
		t.Fatal(err)
	}
	in := startInstance(t)
	in.env = append(in.env, "NETRA_ES_SECURE_USER="+user, "NETRA_ES_SECURE_PASSWORD="+password,
		"NETRA_ES_ROLES_FILE="+roles, "NETRA_ES_EXTRA_USERS=pembaca:baca-saja-123:netra_reader penulis:tulis-saja-123:netra_writer pengelola:kelola-saja-123:netra_admin")
	url := in.start()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	for name, cfg := range map[string]Config{
		"no credentials":  {URLs: []string{url}, IndexPrefix: prefix},
		"wrong password":  {URLs: []string{url}, IndexPrefix: prefix, Username: user, Password: "salah"},
		"unknown API key": {URLs: []string{url}, IndexPrefix: prefix, APIKey: "aWQ6a3VuY2k="},
	} {
		_, err := Open(ctx, cfg, WithRetry(1, time.Millisecond))
		var h *netra.Hint
		if err == nil || !strings.Contains(err.Error(), "refused the credentials") || !errors.As(err, &h) {
			t.Errorf("Open with %s: error %v, want one saying the credentials were refused, with a hint", name, err)
		}
	}

	s, err := Open(ctx, Config{URLs: []string{url}, IndexPrefix: prefix, Username: user, Password: password},
		WithAnalyzer(indextest.Analyze))
	if err != nil {
		t.Fatalf("Open with the right credentials: %v", err)
	}
	defer s.Close()
	if err := s.Upsert(ctx, []netra.Record{rec(1, "Camat terekam mendukung pasangan calon")}); err != nil {
		t.Fatal(err)
	}
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, index.Query{Text: "dukungan"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Errorf("search on the secured cluster found %d records, want 1", res.Total)
	}
	testLeastPrivilege(t, ctx, s, Config{URLs: []string{url}, IndexPrefix: prefix})
	testAdminRole(t, ctx, Config{URLs: []string{url}, IndexPrefix: adminPrefix})
}

// adminRole is the netra_admin role of README "Least privilege" for the
// indices of prefix.
func adminRole(prefix string) string {
	return `netra_admin:
  cluster: ["manage_index_templates", "monitor"]
  indices:
    - names: ["` + prefix + `-*"]
      privileges: ["all"]
`
}

// testAdminRole: on a prefix nobody has used, a user with the netra_admin
// role (no superuser) creates the templates and indices on first use and
// stores and finds records; a reader of another prefix cannot.
func testAdminRole(t *testing.T, ctx context.Context, cfg Config) {
	a := cfg
	a.Username, a.Password = "pengelola", "kelola-saja-123"
	admin, err := Open(ctx, a, WithAnalyzer(indextest.Analyze), WithRetry(1, time.Millisecond))
	if err != nil {
		t.Fatalf("Open a new prefix as netra_admin: %v", err)
	}
	defer admin.Close()
	if err := admin.Upsert(ctx, []netra.Record{rec(7, "Sekda hadir di deklarasi calon bupati")}); err != nil {
		t.Fatalf("Upsert as netra_admin: %v", err)
	}
	if err := admin.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if res, err := admin.Search(ctx, index.Query{}); err != nil || res.Total != 1 {
		t.Errorf("search as netra_admin: %v, %v", res.Total, err)
	}
	rd := cfg
	rd.Username, rd.Password = "pembaca", "baca-saja-123"
	if _, err := Open(ctx, rd, WithAnalyzer(indextest.Analyze), WithRetry(1, time.Millisecond)); err == nil {
		t.Error("a reader of another prefix opened the admin's store")
	}
}

// privilegeRoles is roles.yml with the roles of README "Least privilege"
// for the indices of prefix.
func privilegeRoles(prefix string) string {
	return `netra_reader:
  indices:
    - names: ["` + prefix + `-*"]
      privileges: ["read", "view_index_metadata"]
netra_writer:
  indices:
    - names: ["` + prefix + `-*"]
      privileges: ["read", "write", "view_index_metadata"]
`
}

// testLeastPrivilege: on a store the superuser created, a writer with
// index privileges only stores records and reviews; a reader with read
// and view_index_metadata only searches, and an attempt to write fails with
// an error naming the privilege it lacks, never a silent "0 stored".
func testLeastPrivilege(t *testing.T, ctx context.Context, admin *Store, cfg Config) {
	w := cfg
	w.Username, w.Password = "penulis", "tulis-saja-123"
	writer, err := Open(ctx, w, WithAnalyzer(indextest.Analyze), WithRetry(1, time.Millisecond))
	if err != nil {
		t.Fatalf("Open as a writer with index privileges only: %v", err)
	}
	defer writer.Close()
	if err := writer.Upsert(ctx, []netra.Record{rec(2, "Lurah hadir dalam kampanye akbar partai")}); err != nil {
		t.Fatalf("Upsert as the writer: %v", err)
	}
	r, err := writer.Get(ctx, "rec-00002")
	if err != nil {
		t.Fatal(err)
	}
	st := netra.StatusConfirmed
	if _, err := writer.Review(ctx, "rec-00002", index.ReviewUpdate{Status: &st, Who: "siti", BaseVersion: r.Version}); err != nil {
		t.Fatalf("Review as the writer: %v", err)
	}
	if err := admin.Refresh(ctx); err != nil {
		t.Fatal(err)
	}

	rd := cfg
	rd.Username, rd.Password = "pembaca", "baca-saja-123"
	reader, err := Open(ctx, rd, WithAnalyzer(indextest.Analyze), WithRetry(1, time.Millisecond))
	if err != nil {
		t.Fatalf("Open as a reader with read and view_index_metadata only: %v", err)
	}
	defer reader.Close()
	res, err := reader.Search(ctx, index.Query{})
	if err != nil {
		t.Fatalf("Search as the reader: %v", err)
	}
	if res.Total != 2 {
		t.Errorf("the reader finds %d records, want 2", res.Total)
	}
	if trail, err := reader.Audit(ctx, "rec-00002"); err != nil || len(trail) != 1 {
		t.Errorf("the reader's audit trail: %v, %v", trail, err)
	}
	err = reader.Upsert(ctx, []netra.Record{rec(3, "Camat ikut kampanye")})
	if err == nil || !strings.Contains(err.Error(), "privileges [") {
		t.Errorf("Upsert as the reader: %v, want an error naming the missing privilege", err)
	}
	var se *index.SpooledError
	if errors.As(err, &se) {
		t.Errorf("a refused write was spooled as if the cluster were down: %v", err)
	}
}
