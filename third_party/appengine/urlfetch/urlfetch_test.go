package urlfetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The stand-in client never reaches a server: outside App Engine there is
// no URL Fetch service, and a silent plain client would hide that.
func TestClientRefuses(t *testing.T) {
	hit := false
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hit = true }))
	defer srv.Close()
	resp, err := Client(context.Background()).Get(srv.URL)
	if err == nil {
		resp.Body.Close()
		t.Fatal("request succeeded")
	}
	if hit {
		t.Error("the server was reached")
	}
}
