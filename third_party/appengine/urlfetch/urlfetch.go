// Package urlfetch stands in for google.golang.org/appengine/urlfetch in
// Netra's build. colly imports it for its Collector.Appengine method, which
// only programs running on Google App Engine call; Netra never does. The
// real package pulls in App Engine's internal packages and protobuf
// descriptors whose package initialisation every netra command would pay.
package urlfetch

import (
	"context"
	"net/http"
)

// Client returns an HTTP client whose requests fail: App Engine's URL
// Fetch service does not exist outside App Engine.
func Client(ctx context.Context) *http.Client {
	return &http.Client{Transport: unavailable{}}
}

type unavailable struct{}

// RoundTrip refuses every request with an error that says why.
func (unavailable) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errUnavailable
}

var errUnavailable = errorString("urlfetch: App Engine URL Fetch is not available in this build")

type errorString string

func (e errorString) Error() string { return string(e) }
