package main

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/alert"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/elastic"
)

// alertFlushWait is how long crawl and score --index wait at the end for
// webhooks and mails still being retried; the rest stays in the outbox.
const alertFlushWait = 30 * time.Second

// alerting is the alert engine of one command, with what it opened.
type alerting struct {
	engine  *alert.Engine
	closeKV func() error
	log     *slog.Logger
}

// openAlertKV opens the alert state beside the store: indices of the
// cluster for Elasticsearch, alerts.db in --data for the embedded store.
func openAlertKV(g *globals, store any) (alert.KV, func() error, error) {
	if es, ok := store.(*elastic.Store); ok {
		return es.KV(alert.KeyOnlyCollections()...), func() error { return nil }, nil
	}
	if err := os.MkdirAll(g.dataDir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("alerts: %w", err)
	}
	kv, err := alert.OpenBolt(filepath.Join(g.dataDir, alert.BoltFile))
	if err != nil {
		return nil, nil, netra.WithHint(err, "another netra process (serve?) holds the embedded alert state; stop it or manage saved searches in the review app")
	}
	return kv, kv.Close, nil
}

// alertSender delivers webhooks, and e-mail when $NETRA_SMTP_ADDR names a
// server (host:port; STARTTLS is required) with $NETRA_SMTP_FROM,
// $NETRA_SMTP_USER and $NETRA_SMTP_PASSWORD.
func alertSender() *alert.Sender {
	s := &alert.Sender{Client: &http.Client{Timeout: 10 * time.Second}}
	if addr := os.Getenv("NETRA_SMTP_ADDR"); addr != "" {
		host, _, _ := net.SplitHostPort(addr)
		s.Mailer = &alert.Mailer{Addr: addr, From: envOr("NETRA_SMTP_FROM", "netra@localhost"),
			Username: os.Getenv("NETRA_SMTP_USER"), Password: os.Getenv("NETRA_SMTP_PASSWORD"),
			TLS: &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}}
	}
	return s
}

// startAlerts opens the alert state for store and starts delivering;
// digestEvery > 0 also sends due digests (serve does, short commands not).
func startAlerts(ctx context.Context, g *globals, store index.Store, log *slog.Logger, digestEvery time.Duration) (*alerting, error) {
	kv, closeKV, err := openAlertKV(g, store)
	if err != nil {
		return nil, err
	}
	e := alert.NewEngine(alert.NewRepo(kv), store, alertSender(), alert.WithLogger(log))
	e.Start(ctx, digestEvery)
	a := &alerting{engine: e, closeKV: closeKV, log: log}
	// What the spool delivers, at open or later, alerts like what is
	// stored at once.
	g.replayed.set(ctx, a.hook())
	return a, nil
}

// hook is the pipeline's Stored option: match each stored batch. Alerting
// problems are logged; they never stop storing.
func (a *alerting) hook() func(context.Context, []netra.Record) {
	if a == nil {
		return nil
	}
	return func(ctx context.Context, recs []netra.Record) {
		if err := a.engine.Stored(ctx, recs); err != nil && ctx.Err() == nil {
			a.log.Warn("alerts", "records", len(recs), "err", err)
		}
	}
}

// close waits up to wait for queued webhooks and mails, then closes.
func (a *alerting) close(wait time.Duration) {
	if a == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := a.engine.Close(ctx); err != nil {
		a.log.Warn("alerts: deliveries wait for the next run", "err", err)
	}
	_ = a.closeKV()
}

// cliLogger logs alert problems of the short commands to stderr.
func cliLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

func newAlertsCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alerts",
		Short: "Manage saved searches that alert when new records match",
		Long: `Saved searches are matched against every batch that crawl, score --index
and serve's scheduled crawls store; each new match alerts each subscription
once: in the review app, by webhook (JSON signed with HMAC-SHA256 in the
X-Netra-Signature header), or by e-mail (set NETRA_SMTP_ADDR, NETRA_SMTP_FROM,
NETRA_SMTP_USER, NETRA_SMTP_PASSWORD; STARTTLS is required), at once or as
a daily or weekly digest. The state lives beside the store: alerts.db in
--data, or the PREFIX-searches and PREFIX-alerts-* indices on Elasticsearch.`,
	}
	cmd.AddCommand(newAlertsListCmd(g), newAlertsAddCmd(g), newAlertsRmCmd(g), newAlertsTestCmd(g))
	return cmd
}

// withRepo opens the alert state (and, for Elasticsearch, the store it
// lives in) for a management command.
func withRepo(ctx context.Context, g *globals, fn func(*alert.Repo) error) error {
	var store any
	if len(g.esURLs) > 0 {
		s, err := openElastic(ctx, g, nil)
		if err != nil {
			return err
		}
		defer s.Close()
		store = s
	}
	kv, closeKV, err := openAlertKV(g, store)
	if err != nil {
		return err
	}
	defer closeKV()
	return fn(alert.NewRepo(kv))
}

func newAlertsListCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List saved searches and their subscriptions",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return withRepo(cmd.Context(), g, func(r *alert.Repo) error {
				ss, err := r.Searches(cmd.Context())
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				if asJSON {
					if ss == nil {
						ss = []alert.Search{}
					}
					enc := json.NewEncoder(out)
					enc.SetIndent("", "  ")
					return enc.Encode(ss)
				}
				if len(ss) == 0 {
					fmt.Fprintln(out, "no saved searches (netra alerts add NAME --owner USER --q WORDS ...)")
					return nil
				}
				tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tNAME\tOWNER\tSHARED\tREV\tFILTER\tSUBSCRIPTIONS")
				for _, s := range ss {
					var subs []string
					for _, sub := range s.Subscriptions {
						d := sub.User + ":" + string(sub.Channel)
						if sub.Target != "" {
							d += "=" + sub.Target
						}
						if sub.Digest != "" {
							d += "/" + sub.Digest
						}
						subs = append(subs, d)
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%v\t%d\t%s\t%s\n", s.ID, s.Name, s.Owner, s.Shared, s.Revision, s.Filter.Summary(), strings.Join(subs, " "))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the saved searches as a JSON array")
	return cmd
}

func newAlertsAddCmd(g *globals) *cobra.Command {
	var (
		owner, q, notify, target, digest, id, minScore, maxScore, flagged string
		shared                                                            bool
		cats, rules, regions, sources                                     []string
	)
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Save a search (or change one with --id) and subscribe its owner",
		Example: `  netra alerts add "kampanye Jawa Tengah" --owner ani --q kampanye --region "Jawa Tengah" --notify app
  netra alerts add "harian" --owner ani --min-score 0.6 --notify email --target ani@example.org --digest daily
  netra alerts add "hook" --owner admin --q camat --notify webhook --target https://hooks.example.org/netra
  netra alerts add "kampanye Jawa Tengah" --id 3f2a... --q kampanye --region "Jawa Barat"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f := alert.Filter{Q: q, Categories: cats, Rules: rules, Regions: regions, Sources: sources}
			for _, b := range []struct {
				flag, v string
				dst     **float64
			}{{"--min-score", minScore, &f.MinScore}, {"--max-score", maxScore, &f.MaxScore}} {
				if b.v == "" {
					continue
				}
				x, err := strconv.ParseFloat(b.v, 64)
				if err != nil {
					return fmt.Errorf("%s: %q is not a number", b.flag, b.v)
				}
				*b.dst = &x
			}
			switch flagged {
			case "":
			case "true", "false":
				v := flagged == "true"
				f.Flagged = &v
			default:
				return fmt.Errorf("--flagged: %q (want true or false)", flagged)
			}
			return withRepo(cmd.Context(), g, func(r *alert.Repo) error {
				s := alert.Search{ID: id, Name: args[0], Owner: owner, Shared: shared, Filter: f}
				if id != "" {
					old, err := r.Search(cmd.Context(), id)
					if err != nil {
						return err
					}
					s.Subscriptions = old.Subscriptions
				} else if owner == "" {
					return errors.New("--owner: required for a new saved search")
				}
				if notify != "" && notify != "none" {
					s.Subscriptions = append(s.Subscriptions, alert.Subscription{User: s.Owner, Channel: alert.Channel(notify), Target: target, Digest: digest})
					if id != "" {
						s.Subscriptions[len(s.Subscriptions)-1].User = owner
					}
				}
				saved, err := r.SaveSearch(cmd.Context(), s)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "saved %s %q revision %d\n", saved.ID, saved.Name, saved.Revision)
				for _, sub := range saved.Subscriptions {
					if sub.Channel == alert.ChannelWebhook && sub.Secret != "" {
						fmt.Fprintf(cmd.OutOrStdout(), "webhook %s secret (verify %s): %s\n", sub.Target, alert.SignatureHeader, sub.Secret)
					}
				}
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&id, "id", "", "change the saved search with this ID instead of adding one")
	fl.StringVar(&owner, "owner", "", "user who owns the search (and the subscription --notify adds)")
	fl.BoolVar(&shared, "shared", false, "share with the team")
	fl.StringVar(&q, "q", "", "query text, as in netra search")
	fl.StringSliceVar(&cats, "category", nil, "categories (comma-separated or repeated)")
	fl.StringSliceVar(&rules, "rule", nil, "rule IDs")
	fl.StringSliceVar(&regions, "region", nil, "regions")
	fl.StringSliceVar(&sources, "source", nil, "sources")
	fl.StringVar(&minScore, "min-score", "", "lowest score (inclusive)")
	fl.StringVar(&maxScore, "max-score", "", "highest score (inclusive)")
	fl.StringVar(&flagged, "flagged", "", "true: flagged only; false: not flagged only")
	fl.StringVar(&notify, "notify", "app", "subscribe the owner: app, email, webhook or none")
	fl.StringVar(&target, "target", "", "e-mail address or webhook URL")
	fl.StringVar(&digest, "digest", "", "daily or weekly digest instead of at once (app, email)")
	return cmd
}

func newAlertsRmCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "rm ID...",
		Short: "Delete saved searches",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withRepo(cmd.Context(), g, func(r *alert.Repo) error {
				for _, id := range args {
					if err := r.DeleteSearch(cmd.Context(), id); err != nil {
						return err
					}
					fmt.Fprintf(cmd.OutOrStdout(), "deleted %s\n", id)
				}
				return nil
			})
		},
	}
}

func newAlertsTestCmd(g *globals) *cobra.Command {
	var limit int
	cmd := &cobra.Command{
		Use:   "test ID",
		Short: "Show which stored records a saved search matches now (sends nothing)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if len(g.esURLs) == 0 {
				if _, err := os.Stat(g.dataDir); errors.Is(err, os.ErrNotExist) {
					return fmt.Errorf("no store at %s", g.dataDir)
				}
			}
			store, err := openStore(ctx, g, nil)
			if err != nil {
				return err
			}
			defer store.Close()
			kv, closeKV, err := openAlertKV(g, store)
			if err != nil {
				return err
			}
			defer closeKV()
			s, err := alert.NewRepo(kv).Search(ctx, args[0])
			if err != nil {
				return err
			}
			q := s.Filter.Query(nil)
			q.IDs, q.Limit, q.Sort = nil, limit, index.SortTimeDesc
			res, err := store.Search(ctx, q)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%q (%s) matches %d stored records; newest %d:\n", s.Name, s.Filter.Summary(), res.Total, len(res.Matches))
			for _, m := range res.Matches {
				r := m.Record
				title := r.Item.Title
				if title == "" {
					title = r.Item.URL
				}
				fmt.Fprintf(out, "  %s  %.2f  %s  %s\n", r.Item.ID, r.Verdict.Score, r.Item.Region, title)
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "records to show")
	return cmd
}
