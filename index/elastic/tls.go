package elastic

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
)

// ParseCloudID turns an Elastic Cloud ID ("name:base64(host$es-id$kibana-id)",
// shown on the deployment's page) into the cluster's https URL.
func ParseCloudID(id string) (string, error) {
	i := strings.LastIndexByte(id, ':')
	if i < 0 {
		return "", fmt.Errorf("cloud ID %q: want NAME:BASE64 as the Elastic Cloud console shows it", id)
	}
	raw, err := base64.StdEncoding.DecodeString(id[i+1:])
	if err != nil {
		return "", fmt.Errorf("cloud ID: the part after %q is not base64: %w", id[:i+1], err)
	}
	parts := strings.Split(string(raw), "$")
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return "", fmt.Errorf("cloud ID: want HOST$ES-ID[$KIBANA-ID] inside, got %d parts", len(parts))
	}
	host, port := parts[0], ""
	if h, p, err := net.SplitHostPort(parts[0]); err == nil {
		host, port = h, ":"+p
	}
	for _, s := range []string{host, parts[1]} {
		for _, r := range s {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
				return "", fmt.Errorf("cloud ID: %q is not a host name", s)
			}
		}
	}
	return "https://" + parts[1] + "." + host + port, nil
}

// APIKeyToken accepts an API key as the base64 "id:key" token Netra sends,
// or as the "id:key" pair Elasticsearch's create-API-key answer shows, and
// returns the token.
func APIKeyToken(k string) string {
	if strings.Contains(k, ":") {
		return base64.StdEncoding.EncodeToString([]byte(k))
	}
	return k
}

// transport builds the HTTP transport: the same timeouts whatever TLS
// options are set, the CA from a file, a CA fingerprint, and a client
// certificate.
func transport(cfg Config) (*http.Transport, error) {
	t := &http.Transport{
		Proxy:                 nil, // tests and clusters are reached directly
		MaxIdleConnsPerHost:   16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   30 * time.Second,
		ResponseHeaderTimeout: 2 * time.Minute,
	}
	if cfg.RequestTimeout > 0 {
		t.ResponseHeaderTimeout = cfg.RequestTimeout
	}
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	used := false
	if cfg.CACertPath != "" {
		pem, err := os.ReadFile(cfg.CACertPath)
		if err != nil {
			return nil, fmt.Errorf("elasticsearch: read CA certificate (--es-ca-cert): %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("elasticsearch: %s (--es-ca-cert) holds no PEM certificate", cfg.CACertPath)
		}
		tc.RootCAs, used = pool, true
	}
	if cfg.CAFingerprint != "" {
		want, err := parseFingerprint(cfg.CAFingerprint)
		if err != nil {
			return nil, err
		}
		// As Elasticsearch's own clients do: trust the chain when one of
		// its certificates has the fingerprint; the chain itself is not
		// checked against system roots (a self-signed CA is the point).
		tc.InsecureSkipVerify = true
		tc.VerifyConnection = func(cs tls.ConnectionState) error {
			for _, c := range cs.PeerCertificates {
				if sum := sha256.Sum256(c.Raw); hex.EncodeToString(sum[:]) == want {
					return nil
				}
			}
			return &fingerprintError{want: want}
		}
		used = true
	}
	if cfg.ClientCertPath != "" || cfg.ClientKeyPath != "" {
		if cfg.ClientCertPath == "" || cfg.ClientKeyPath == "" {
			return nil, errors.New("elasticsearch: give both --es-client-cert and --es-client-key")
		}
		pair, err := tls.LoadX509KeyPair(cfg.ClientCertPath, cfg.ClientKeyPath)
		if err != nil {
			return nil, fmt.Errorf("elasticsearch: client certificate (--es-client-cert/--es-client-key): %w", err)
		}
		tc.Certificates, used = []tls.Certificate{pair}, true
	}
	if used {
		t.TLSClientConfig = tc
	}
	return t, nil
}

// parseFingerprint reads a SHA-256 fingerprint in hex, with or without
// colons, as `openssl x509 -fingerprint -sha256` and Elasticsearch's first
// start print it.
func parseFingerprint(s string) (string, error) {
	h := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), ":", ""))
	if b, err := hex.DecodeString(h); err != nil || len(b) != sha256.Size {
		return "", fmt.Errorf("elasticsearch: --es-ca-fingerprint %q: want the 64 hex digits of a SHA-256 fingerprint", s)
	}
	return h, nil
}

// fingerprintError is a TLS peer without the configured fingerprint.
type fingerprintError struct{ want string }

func (e *fingerprintError) Error() string {
	return "no certificate of the server has the SHA-256 fingerprint " + e.want
}

// tlsHint names the flag that fixes a TLS failure, or "" when err is not
// one.
func tlsHint(err error) string {
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	var ci x509.CertificateInvalidError
	var fp *fingerprintError
	var rec tls.RecordHeaderError
	msg := err.Error()
	switch {
	case errors.As(err, &fp):
		return "--es-ca-fingerprint does not match the cluster's certificate: check it (openssl x509 -fingerprint -sha256 -in CA.crt)"
	case errors.As(err, &ua) || strings.Contains(msg, "certificate signed by unknown authority"):
		return "the cluster's certificate is signed by a CA this machine does not trust: pass --es-ca-cert CA.pem or --es-ca-fingerprint SHA256"
	case errors.As(err, &hn) || strings.Contains(msg, "certificate is valid for"):
		return "the cluster's certificate is for another host name: use that name in --es, or pass --es-ca-fingerprint SHA256 to trust the certificate itself"
	case errors.As(err, &ci) || strings.Contains(msg, "certificate has expired"):
		return "the cluster's certificate is not valid (expired or not yet valid): renew it, or check this machine's clock"
	case strings.Contains(msg, "certificate required") || strings.Contains(msg, "bad certificate"):
		return "the cluster asks for a client certificate: pass --es-client-cert CERT.pem and --es-client-key KEY.pem"
	case errors.As(err, &rec) || strings.Contains(msg, "server gave HTTP response to HTTPS client"):
		return "the cluster speaks plain HTTP there: use http:// in --es"
	case strings.Contains(msg, "malformed HTTP response"):
		return "the cluster speaks HTTPS there: use https:// in --es (with --es-ca-cert or --es-ca-fingerprint for a private CA)"
	}
	return ""
}

// tlsFailure reports whether the cluster cannot be reached because of TLS
// (a setting to fix, which connect then reports with its flag) rather than
// an outage (which an offline Open waits out).
func (s *Store) tlsFailure(ctx context.Context) bool {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "/", nil)
	if err != nil {
		return false
	}
	res, err := s.probe.Perform(req)
	if err != nil {
		return tlsHint(err) != ""
	}
	res.Body.Close()
	return false
}
