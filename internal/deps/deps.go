//go:build tools

// Package deps pins the libraries the design card names so that go.mod
// lists them while the packages that use them are being written.
package deps

import (
	_ "github.com/blevesearch/bleve/v2"
	_ "github.com/chromedp/chromedp"
	_ "github.com/elastic/go-elasticsearch/v8"
	_ "github.com/gocolly/colly/v2"
	_ "github.com/jdkato/prose/v2"
	_ "github.com/markusmobius/go-trafilatura"
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/robfig/cron/v3"
	_ "github.com/schollz/progressbar/v3"
	_ "github.com/spf13/cobra"
	_ "github.com/temoto/robotstxt"
	_ "golang.org/x/crypto/bcrypt"
	_ "golang.org/x/net/html"
	_ "golang.org/x/sync/errgroup"
	_ "golang.org/x/text/unicode/norm"
	_ "gopkg.in/yaml.v3"
)
