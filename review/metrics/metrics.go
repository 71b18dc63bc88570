// Package metrics holds Netra's Prometheus metrics on one registry per
// server (no global default registry), so tests and several servers in one
// process never collide. The review server records HTTP and review metrics;
// the command wires crawl, classify and index metrics from the scheduler and
// the pipeline into the same registry.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics is the set of collectors one server exposes on /metrics.
type Metrics struct {
	Registry *prometheus.Registry

	HTTPRequests *prometheus.CounterVec   // route, method, code
	HTTPDuration *prometheus.HistogramVec // route

	Reviews         *prometheus.CounterVec // action
	ReviewConflicts prometheus.Counter
	ReviewAge       prometheus.Histogram // seconds from indexing to a review change
	LoginFailures   prometheus.Counter
	Exports         *prometheus.CounterVec // format
	ExportedRecords prometheus.Counter

	CrawlRuns     *prometheus.CounterVec   // source, result
	CrawlItems    *prometheus.CounterVec   // source
	CrawlErrors   *prometheus.CounterVec   // source
	CrawlSkipped  *prometheus.CounterVec   // source: runs skipped because one was still running
	CrawlDuration *prometheus.HistogramVec // source

	Classified     prometheus.Counter
	Flagged        prometheus.Counter
	ClassifyErrors prometheus.Counter
	Indexed        prometheus.Counter
	IndexErrors    prometheus.Counter
}

// New makes and registers all collectors, plus the Go runtime and process
// collectors.
func New() *Metrics {
	r := prometheus.NewRegistry()
	m := &Metrics{
		Registry: r,
		HTTPRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "netra_http_requests_total", Help: "HTTP requests by route, method and status code.",
		}, []string{"route", "method", "code"}),
		HTTPDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "netra_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route"}),
		Reviews: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "netra_review_actions_total", Help: "Review changes by action (confirmed, dismissed, escalated, new, note, assign).",
		}, []string{"action"}),
		ReviewConflicts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "netra_review_conflicts_total", Help: "Review changes refused because the record changed meanwhile.",
		}),
		ReviewAge: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "netra_review_age_seconds", Help: "Time from indexing a record to a review change of it.",
			Buckets: []float64{60, 600, 3600, 4 * 3600, 24 * 3600, 3 * 24 * 3600, 7 * 24 * 3600, 30 * 24 * 3600},
		}),
		LoginFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "netra_login_failures_total", Help: "Failed or rate-limited logins (UI and API).",
		}),
		Exports: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "netra_exports_total", Help: "Exports by format.",
		}, []string{"format"}),
		ExportedRecords: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "netra_exported_records_total", Help: "Records written by exports.",
		}),
		CrawlRuns: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "netra_crawl_runs_total", Help: "Crawl runs by source and result (ok, error, canceled).",
		}, []string{"source", "result"}),
		CrawlItems: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "netra_crawl_items_total", Help: "Items emitted by crawls, by source.",
		}, []string{"source"}),
		CrawlErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "netra_crawl_errors_total", Help: "Fetch or extraction errors during crawls, by source.",
		}, []string{"source"}),
		CrawlSkipped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "netra_crawl_skipped_total", Help: "Scheduled runs skipped because the previous run of the source was still going.",
		}, []string{"source"}),
		CrawlDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "netra_crawl_duration_seconds", Help: "Crawl run duration by source.",
			Buckets: []float64{1, 5, 15, 60, 300, 900, 3600},
		}, []string{"source"}),
		Classified: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "netra_classified_items_total", Help: "Items classified.",
		}),
		Flagged: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "netra_flagged_items_total", Help: "Items the classifier flagged.",
		}),
		ClassifyErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "netra_classify_errors_total", Help: "Items the pipeline could not classify or emit.",
		}),
		Indexed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "netra_indexed_records_total", Help: "Records upserted into the store.",
		}),
		IndexErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "netra_index_errors_total", Help: "Failed store upserts.",
		}),
	}
	r.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.HTTPRequests, m.HTTPDuration,
		m.Reviews, m.ReviewConflicts, m.ReviewAge, m.LoginFailures, m.Exports, m.ExportedRecords,
		m.CrawlRuns, m.CrawlItems, m.CrawlErrors, m.CrawlSkipped, m.CrawlDuration,
		m.Classified, m.Flagged, m.ClassifyErrors, m.Indexed, m.IndexErrors,
	)
	return m
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{Registry: m.Registry})
}

// WatchSpool adds netra_spool_bytes and netra_spool_age_seconds, read from
// status at each scrape: how much waits in the outage spool and for how
// long. A status error reads as -1.
func (m *Metrics) WatchSpool(status func() (bytes int64, oldest time.Time, err error)) {
	m.Registry.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "netra_spool_bytes", Help: "Bytes of records waiting in the outage spool for the store to answer again.",
		}, func() float64 {
			n, _, err := status()
			if err != nil {
				return -1
			}
			return float64(n)
		}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "netra_spool_age_seconds", Help: "Age of the oldest record in the outage spool; 0 when it is empty.",
		}, func() float64 {
			_, oldest, err := status()
			if err != nil {
				return -1
			}
			if oldest.IsZero() {
				return 0
			}
			return time.Since(oldest).Seconds()
		}),
	)
}
