package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, s string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "serve.yaml")
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadFileThenEnv(t *testing.T) {
	p := write(t, "addr: 0.0.0.0:9000\nsources: sources.yaml\nsession_ttl: 2h\nlog_format: json\n")
	env := map[string]string{"NETRA_ADDR": "127.0.0.1:9999", "NETRA_LOGIN_ATTEMPTS": "3"}
	c, err := Load(p, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:9999" || c.Sources != "sources.yaml" || c.SessionTTL.Duration != 2*time.Hour || c.LogFormat != "json" || c.LoginAttempts != 3 || c.ExportLimit != 100000 {
		t.Errorf("%+v", c)
	}
}

func TestLoadErrorsNamePlace(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"addr: x\nsesion_ttl: 2h\n", ":2: "},
		{"session_ttl: forever\n", ":1: "},
		{"log_level: loud\n", "log_level"},
		{"tls_cert: a.pem\n", "tls_key"},
		{"login_attempts: many\n", ":1: "},
	} {
		p := write(t, c.yaml)
		if strings.HasPrefix(c.want, ":") {
			c.want = p + c.want // a YAML problem is reported as file:line
		}
		_, err := Load(p, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), p) {
			t.Errorf("%q: %v, want error naming %s and %q", c.yaml, err, p, c.want)
		}
	}
	_, err := Load("", func(k string) string {
		if k == "NETRA_SESSION_TTL" {
			return "soon"
		}
		return ""
	})
	if err == nil || !strings.Contains(err.Error(), "NETRA_SESSION_TTL") {
		t.Errorf("bad env: %v", err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml"), nil); err == nil {
		t.Error("missing file accepted")
	}
	if c, err := Load(write(t, ""), nil); err != nil || c.Addr != Defaults().Addr {
		t.Errorf("empty file: %v %+v", err, c)
	}
}
