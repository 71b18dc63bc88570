package elastic

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

// writePEM writes one PEM block to a file in dir.
func writePEM(t *testing.T, dir, name, typ string, der []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// clientCA makes a CA and a client certificate it signed, as files.
func clientCA(t *testing.T, dir string) (pool *x509.CertPool, certPath, keyPath string) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "netra test client CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "netra"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	kder, _ := x509.MarshalECPrivateKey(key)
	pool = x509.NewCertPool()
	pool.AddCert(ca)
	return pool, writePEM(t, dir, "client.pem", "CERTIFICATE", der), writePEM(t, dir, "client-key.pem", "EC PRIVATE KEY", kder)
}

// hintOf is the hint attached to err, or "".
func hintOf(err error) string {
	var h *netra.Hint
	if errors.As(err, &h) {
		return h.Hint
	}
	return ""
}

// TestTLSOptions puts a TLS-terminating proxy in front of the real
// cluster (the test distribution serves plain HTTP) and connects with each
// TLS option: a failure names the flag that fixes it, the right setting
// connects and stores.
func TestTLSOptions(t *testing.T) {
	target, err := url.Parse(esURL(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pool, clientCert, clientKey := clientCA(t, dir)
	proxy := httptest.NewUnstartedServer(httputil.NewSingleHostReverseProxy(target))
	proxy.TLS = &tls.Config{ClientAuth: tls.VerifyClientCertIfGiven, ClientCAs: pool}
	proxy.StartTLS()
	defer proxy.Close()
	caPath := writePEM(t, dir, "ca.pem", "CERTIFICATE", proxy.Certificate().Raw)
	sum := sha256.Sum256(proxy.Certificate().Raw)
	fingerprint := hex.EncodeToString(sum[:])

	open := func(cfg Config) (*Store, error) {
		cfg.URLs = []string{proxy.URL}
		cfg.IndexPrefix = testPrefix(t)
		s, err := Open(context.Background(), cfg, WithRetry(1, time.Millisecond))
		if err == nil {
			t.Cleanup(func() { drop(t, s); s.Close() })
		}
		return s, err
	}
	_, err = open(Config{})
	if h := hintOf(err); err == nil || !strings.Contains(h, "--es-ca-cert") || !strings.Contains(h, "--es-ca-fingerprint") {
		t.Errorf("no CA: %v (hint %q), want a hint naming --es-ca-cert and --es-ca-fingerprint", err, h)
	}
	// An offline-tolerant open must not take a TLS failure for an outage.
	_, err = Open(context.Background(), Config{URLs: []string{proxy.URL}, IndexPrefix: testPrefix(t), SpoolDir: t.TempDir()}, AllowOffline())
	if err == nil || !strings.Contains(hintOf(err), "--es-ca-cert") {
		t.Errorf("no CA, AllowOffline: %v, want the TLS failure with its flag, not an offline store", err)
	}
	if _, err := open(Config{CACertPath: caPath}); err != nil {
		t.Errorf("--es-ca-cert: %v", err)
	}
	s, err := open(Config{CAFingerprint: strings.ToUpper(fingerprint[:2]) + ":" + fingerprint[2:]})
	if err != nil {
		t.Fatalf("--es-ca-fingerprint: %v", err)
	}
	if err := s.Upsert(context.Background(), []netra.Record{rec(1, "camat kampanye")}); err != nil {
		t.Errorf("upsert over TLS with a fingerprint: %v", err)
	}
	wrong := strings.Repeat("ab", 32)
	_, err = open(Config{CAFingerprint: wrong})
	if h := hintOf(err); err == nil || !strings.Contains(h, "--es-ca-fingerprint does not match") {
		t.Errorf("wrong fingerprint: %v (hint %q)", err, h)
	}
	if _, err := open(Config{CAFingerprint: "12345"}); err == nil || !strings.Contains(err.Error(), "64 hex digits") {
		t.Errorf("malformed fingerprint: %v", err)
	}

	// A cluster that requires a client certificate.
	strict := httptest.NewUnstartedServer(httputil.NewSingleHostReverseProxy(target))
	strict.TLS = &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
	strict.StartTLS()
	defer strict.Close()
	strictCA := writePEM(t, dir, "strict-ca.pem", "CERTIFICATE", strict.Certificate().Raw)
	openStrict := func(cfg Config) error {
		cfg.URLs, cfg.IndexPrefix, cfg.CACertPath = []string{strict.URL}, testPrefix(t), strictCA
		s, err := Open(context.Background(), cfg, WithRetry(1, time.Millisecond))
		if err == nil {
			drop(t, s)
			s.Close()
		}
		return err
	}
	if err := openStrict(Config{}); err == nil || !strings.Contains(hintOf(err), "--es-client-cert") {
		t.Errorf("no client certificate: %v (hint %q), want a hint naming --es-client-cert", err, hintOf(err))
	}
	if err := openStrict(Config{ClientCertPath: clientCert, ClientKeyPath: clientKey}); err != nil {
		t.Errorf("with --es-client-cert/--es-client-key: %v", err)
	}
	if err := openStrict(Config{ClientCertPath: clientCert}); err == nil || !strings.Contains(err.Error(), "--es-client-key") {
		t.Errorf("a certificate without its key: %v", err)
	}
}

// TestRequestTimeoutWithCA: the request timeout holds when a CA file is
// set (it used to be lost with the transport the client built for the CA).
func TestRequestTimeoutWithCA(t *testing.T) {
	dir := t.TempDir()
	hang := httptest.NewUnstartedServer(nil)
	block := make(chan struct{})
	hang.Config.Handler = httputilHang(block)
	hang.StartTLS()
	defer hang.Close()
	defer close(block)
	ca := writePEM(t, dir, "ca.pem", "CERTIFICATE", hang.Certificate().Raw)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := Open(ctx, Config{URLs: []string{hang.URL}, CACertPath: ca, RequestTimeout: 300 * time.Millisecond}, WithRetry(1, time.Millisecond))
	if err == nil || !strings.Contains(err.Error(), "timeout") {
		t.Errorf("a cluster that never answers, with a CA and a 300ms timeout: %v, want a timeout error", err)
	}
}

func TestParseCloudID(t *testing.T) {
	enc := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	for in, want := range map[string]string{
		"my-deploy:" + enc("europe-west1.gcp.cloud.es.io$abc123$def456"):     "https://abc123.europe-west1.gcp.cloud.es.io",
		"my:deploy:" + enc("eastus2.azure.elastic-cloud.com:443$es1$kb1"):    "https://es1.eastus2.azure.elastic-cloud.com:443",
		"x:" + enc("us-central1.gcp.cloud.es.io$0123456789abcdef0123456789"): "https://0123456789abcdef0123456789.us-central1.gcp.cloud.es.io",
	} {
		got, err := ParseCloudID(in)
		if err != nil || got != want {
			t.Errorf("ParseCloudID(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "nocolon", "x:!!!", "x:" + enc("onlyhost"), "x:" + enc("$id"), "x:" + enc("evil.com/path$id"), "x:" + enc("host$id@other")} {
		if got, err := ParseCloudID(in); err == nil {
			t.Errorf("ParseCloudID(%q) = %q, want an error", in, got)
		}
	}
}

func FuzzParseCloudID(f *testing.F) {
	f.Add("d:" + base64.StdEncoding.EncodeToString([]byte("h.example$id$kb")))
	f.Add("x:!!!")
	f.Fuzz(func(t *testing.T, in string) {
		u, err := ParseCloudID(in)
		if err != nil {
			return
		}
		p, perr := url.Parse(u)
		if perr != nil || p.Scheme != "https" || p.Path != "" || p.User != nil || p.RawQuery != "" {
			t.Errorf("ParseCloudID(%q) = %q: not a plain https host URL", in, u)
		}
	})
}

func TestAPIKeyToken(t *testing.T) {
	if got := APIKeyToken("id1:secret"); got != base64.StdEncoding.EncodeToString([]byte("id1:secret")) {
		t.Errorf("id:key pair: %q", got)
	}
	if got := APIKeyToken("aWQxOnNlY3JldA=="); got != "aWQxOnNlY3JldA==" {
		t.Errorf("token: %q", got)
	}
}

// httputilHang is a handler that answers only when block closes: a
// cluster that accepted the connection and hangs.
func httputilHang(block chan struct{}) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	})
}
