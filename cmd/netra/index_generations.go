package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index/elastic"
	"github.com/spf13/cobra"
)

// shardWords describes the shard settings index init was given.
func shardWords(shards, replicas int) string {
	s := "Netra's default shards"
	if shards > 0 {
		s = fmt.Sprintf("%d shards", shards)
	}
	if replicas >= 0 {
		return fmt.Sprintf("%s and %d replicas", s, replicas)
	}
	return s + " and 0-1 replicas"
}

// needES is the error of an Elasticsearch-only index command without --es.
func needES(what string) error {
	return netra.WithHint(fmt.Errorf("index %s: only for Elasticsearch", what), "pass --es URL (or set NETRA_ES_URL)")
}

// rolloverFlags are the conditions `index rollover` and serve's daily
// check share.
type rolloverFlags struct {
	maxAge  string
	maxDocs int64
	now     bool
}

func (f rolloverFlags) conditions() (elastic.RolloverConditions, error) {
	var c elastic.RolloverConditions
	if f.maxAge != "" {
		d, err := parseAge(f.maxAge)
		if err != nil {
			return c, fmt.Errorf("--max-age: %w", err)
		}
		c.MaxAge = d
	}
	if f.maxDocs < 0 {
		return c, errors.New("--max-docs must be at least 1")
	}
	c.MaxDocs = f.maxDocs
	if c.MaxAge == 0 && c.MaxDocs == 0 && !f.now {
		return c, netra.WithHint(errors.New("index rollover: no condition"), "give --max-age 30d and/or --max-docs N, or --now to start a new generation at once")
	}
	return c, nil
}

// describeRollover says what a rollover did in one line.
func describeRollover(r elastic.RolloverResult) string {
	var met []string
	for k, v := range r.Conditions {
		met = append(met, fmt.Sprintf("%s %v", strings.TrimPrefix(k, "[")+"", v))
	}
	sort.Strings(met)
	if !r.RolledOver {
		return fmt.Sprintf("no rollover: %s stays the write index (conditions: %s)", r.OldIndex, strings.Join(met, ", "))
	}
	return fmt.Sprintf("rolled over: new records go to %s; %s is retired (conditions: %s)", r.NewIndex, r.OldIndex, strings.Join(met, ", "))
}

func newRolloverCmd(g *globals) *cobra.Command {
	var f rolloverFlags
	cmd := &cobra.Command{
		Use:   "rollover [--max-age 30d] [--max-docs N] [--now]",
		Short: "Start a new index generation when the newest is older or bigger than given",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(g.esURLs) == 0 {
				return needES("rollover")
			}
			c, err := f.conditions()
			if err != nil {
				return err
			}
			s, err := openElastic(cmd.Context(), g, nil, elastic.WithoutReplay())
			if err != nil {
				return err
			}
			defer s.Close()
			r, err := s.Rollover(cmd.Context(), c)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), describeRollover(r))
			return nil
		},
	}
	cmd.Flags().StringVar(&f.maxAge, "max-age", "", "roll over when the write index is older than this (e.g. 30d)")
	cmd.Flags().Int64Var(&f.maxDocs, "max-docs", 0, "roll over when the write index holds at least this many records")
	cmd.Flags().BoolVar(&f.now, "now", false, "roll over at once (no conditions)")
	return cmd
}

func printGenerations(w io.Writer, gens []elastic.Generation) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "INDEX\tCREATED\tRETIRED\tRECORDS")
	for _, g := range gens {
		retired := "(write index)"
		if !g.Write {
			retired = g.Retired.Format(time.RFC3339)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", g.Index, g.Created.Format(time.RFC3339), retired, g.Records)
	}
	return tw.Flush()
}

func newGenerationsCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "generations",
		Short: "List the index generations behind the aliases",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(g.esURLs) == 0 {
				return needES("generations")
			}
			s, err := openElastic(cmd.Context(), g, nil, elastic.WithoutReplay())
			if err != nil {
				return err
			}
			defer s.Close()
			gens, err := s.Generations(cmd.Context())
			if err != nil {
				return err
			}
			return printGenerations(cmd.OutOrStdout(), gens)
		},
	}
}

func newPruneCmd(g *globals) *cobra.Command {
	var olderThan string
	var yes bool
	cmd := &cobra.Command{
		Use:   "prune --older-than 2y [--yes]",
		Short: "Delete index generations retired longer ago than --older-than (lists first; deletes with --yes)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(g.esURLs) == 0 {
				return needES("prune")
			}
			if olderThan == "" {
				return errors.New("index prune: --older-than is required (e.g. 2y)")
			}
			age, err := parseAge(olderThan)
			if err != nil {
				return fmt.Errorf("--older-than: %w", err)
			}
			return runPrune(cmd.Context(), g, age, yes, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&olderThan, "older-than", "", "delete generations retired longer ago than this (e.g. 2y, 180d)")
	cmd.Flags().BoolVar(&yes, "yes", false, "delete them (without it, only list)")
	return cmd
}

func runPrune(ctx context.Context, g *globals, age time.Duration, yes bool, w io.Writer) error {
	s, err := openElastic(ctx, g, nil, elastic.WithoutReplay())
	if err != nil {
		return err
	}
	defer s.Close()
	gens, err := s.Generations(ctx)
	if err != nil {
		return err
	}
	cutoff := time.Now().Add(-age)
	old := elastic.PruneCandidates(gens, cutoff)
	if len(old) == 0 {
		fmt.Fprintf(w, "no generation was retired before %s; nothing to prune\n", cutoff.UTC().Format(time.RFC3339))
		return nil
	}
	records := 0
	for _, x := range old {
		records += x.Records
	}
	fmt.Fprintf(w, "%d generations retired before %s hold %d records:\n", len(old), cutoff.UTC().Format(time.RFC3339), records)
	if err := printGenerations(w, old); err != nil {
		return err
	}
	if !yes {
		fmt.Fprintln(w, "nothing deleted; run again with --yes to delete them (their audit entries are kept)")
		return nil
	}
	if err := s.DeleteGenerations(ctx, old); err != nil {
		return err
	}
	fmt.Fprintf(w, "deleted %d generations (%d records)\n", len(old), records)
	return nil
}

func newKibanaCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "kibana > netra-kibana.ndjson",
		Short: "Print Kibana saved objects (data view on the read alias, review queue search, dashboard) as NDJSON",
		Long: `Print Kibana saved objects for the records under --es-index-prefix: a data
view on the read alias PREFIX-records (each record counted once across
generations) with field formats, a saved search of the review queue, and a
dashboard of flagged items over time, by category, by region and by status.
Import the file in Kibana (Stack Management → Saved objects → Import) or with
  curl -X POST KIBANA/api/saved_objects/_import -H 'kbn-xsrf: true' --form file=@netra-kibana.ndjson
It needs no connection to the cluster.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			prefix := g.esIndexPrefix
			if prefix == "" {
				prefix = "netra"
			}
			b, err := elastic.KibanaObjects(prefix, prefix+"-records")
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(b)
			return err
		},
	}
}

// rolloverLoop is serve's rollover check: at start and then every period
// it rolls the write index over when a condition holds. Replicas may all
// run it: Elasticsearch evaluates the conditions on the write index of
// the moment, so a second replica's check finds the new, empty one and
// does nothing.
func rolloverLoop(ctx context.Context, s *elastic.Store, c elastic.RolloverConditions, period time.Duration, log *slog.Logger) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		r, err := s.Rollover(ctx, c)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("rollover check", "err", err)
		case err == nil && r.RolledOver:
			log.Info("rolled over", "old", r.OldIndex, "new", r.NewIndex)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
