package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index/elastic"
	"github.com/spf13/cobra"
)

func newIndexCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "index init|migrate|replay|stats|rollover|generations|prune|kibana",
		Short: "Manage the store (embedded, or Elasticsearch with --es)",
		Long: `Manage the store that --data (embedded) or --es (Elasticsearch) selects.

  init     create the store: for Elasticsearch the index templates, the first
           indices and their aliases (PREFIX-items, PREFIX-audit)
  migrate  Elasticsearch: copy the records into a new index with the current
           mapping and move the alias to it, without downtime.
           Embedded: rebuild the search index from the record database.
  replay   Elasticsearch: deliver the records spooled in --data during an
           outage. Embedded: replay the search-index journal after a crash.
  stats    counts of records, flagged records and review states
  rollover Elasticsearch: start a new generation behind the write alias when
           the newest is old or big enough (the core rollover API)
  generations  Elasticsearch: list the generations with ages and counts
  prune    Elasticsearch: delete generations retired before --older-than
           (lists them; deletes only with --yes)
  kibana   Elasticsearch: print Kibana saved objects (data view, saved
           search, dashboard) to import`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("index: say init, migrate, replay, stats, rollover, generations, prune or kibana")
		},
	}
	var asJSON bool
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Print counts of records, flagged records and review states",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIndexStats(cmd.Context(), g, asJSON, cmd.OutOrStdout())
		},
	}
	stats.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	var shards, replicas int
	initCmd := &cobra.Command{
		Use:   "init [--shards N] [--replicas N]",
		Short: "Create the store (templates, indices and aliases on Elasticsearch)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("replicas") {
				replicas = -1
			}
			if !cmd.Flags().Changed("shards") {
				shards = 0
			}
			if (shards < 0 || cmd.Flags().Changed("shards") && shards == 0) || replicas < -1 {
				return errors.New("index init: --shards must be at least 1 and --replicas at least 0")
			}
			return runIndexInit(cmd.Context(), g, shards, replicas, cmd.OutOrStdout())
		},
	}
	initCmd.Flags().IntVar(&shards, "shards", 1, "Elasticsearch: primary shards of each new generation")
	initCmd.Flags().IntVar(&replicas, "replicas", 0, "Elasticsearch: replicas of each new generation (default: 0, or 1 once the cluster has a second node)")
	cmd.AddCommand(
		initCmd,
		newRolloverCmd(g), newGenerationsCmd(g), newPruneCmd(g), newKibanaCmd(g),
		storeCmd("migrate", "Move the records to the current mapping without downtime", g, runIndexMigrate),
		storeCmd("replay", "Deliver records spooled during an Elasticsearch outage", g, runIndexReplay),
		stats,
	)
	return cmd
}

// storeCmd makes an argument-less index subcommand; init, migrate and replay
// differ only in what they run against the selected store.
func storeCmd(use, short string, g *globals, run func(context.Context, *globals, io.Writer) error) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(cmd.Context(), g, cmd.OutOrStdout())
		},
	}
}

func runIndexInit(ctx context.Context, g *globals, shards, replicas int, w io.Writer) error {
	if len(g.esURLs) > 0 {
		s, err := openElastic(ctx, g, nil, elastic.WithoutReplay(), elastic.WithTemplates(), elastic.WithShards(shards, replicas))
		if err != nil {
			return err
		}
		defer s.Close()
		for _, n := range s.TemplateNotes() {
			fmt.Fprintln(w, n)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "elasticsearch %s at %s: write alias %s → %s, read alias %s, %d records\n",
			s.Version(), st.Extra["url"], s.ItemsAlias(), st.Extra["index"], s.ReadAlias(), st.Records)
		if shards > 0 || replicas >= 0 {
			fmt.Fprintf(w, "new generations get %s; %s keeps its own until `netra index rollover --now` (or migrate)\n",
				shardWords(shards, replicas), st.Extra["index"])
		}
		if v, err := s.IndexMappingVersion(ctx); err == nil && v < elastic.MappingVersion {
			fmt.Fprintf(w, "%s has mapping version %d, the current is %d: run `netra index migrate`\n", st.Extra["index"], v, elastic.MappingVersion)
		}
		if n, _ := s.Spooled(); n > 0 {
			fmt.Fprintf(w, "%d records wait in the spool %s: run `netra index replay`\n", n, s.SpoolPath())
		}
		return nil
	}
	s, err := openBleveStore(ctx, g, nil)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "embedded store at %s: %d records\n", g.dataDir, st.Records)
	return nil
}

func runIndexMigrate(ctx context.Context, g *globals, w io.Writer) error {
	if len(g.esURLs) > 0 {
		// The current templates first, so the new index gets the
		// current mapping.
		s, err := openElastic(ctx, g, nil, elastic.WithTemplates())
		if err != nil {
			return err
		}
		defer s.Close()
		start := time.Now()
		res, err := s.Migrate(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "migrated %d records from %s to %s in %s; alias %s now points to %s (the old index is kept: delete it when satisfied)\n",
			res.Copied, res.From, res.To, time.Since(start).Round(time.Millisecond), s.ItemsAlias(), res.To)
		return nil
	}
	// The embedded store's search index is derived from its record
	// database and rebuilt when missing: move it aside, let Open rebuild
	// it, and delete the old one only when that worked.
	search := filepath.Join(g.dataDir, "search")
	if _, err := os.Stat(search); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("migrate: no embedded store at %s", g.dataDir)
	}
	old := search + ".old-" + time.Now().UTC().Format("20060102T150405")
	if err := os.Rename(search, old); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	start := time.Now()
	s, err := openBleveStore(ctx, g, nil)
	if err != nil {
		if rerr := os.Rename(old, search); rerr != nil {
			return fmt.Errorf("migrate: rebuild failed (%w) and restoring %s failed: %w", err, old, rerr)
		}
		return fmt.Errorf("migrate: rebuild: %w", err)
	}
	st, err := s.Stats(ctx)
	cerr := s.Close()
	if err != nil {
		return err
	}
	if cerr != nil {
		return cerr
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("migrate: remove %s: %w", old, err)
	}
	fmt.Fprintf(w, "rebuilt the search index of %s (%d records) in %s\n", g.dataDir, st.Records, time.Since(start).Round(time.Millisecond))
	return nil
}

func runIndexReplay(ctx context.Context, g *globals, w io.Writer) error {
	if len(g.esURLs) > 0 {
		s, err := openElastic(ctx, g, nil, elastic.WithoutReplay())
		if err != nil {
			return err
		}
		defer s.Close()
		n, err := s.Replay(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "delivered %d spooled records to %s\n", n, s.ItemsAlias())
		return nil
	}
	// Opening the embedded store replays its journal.
	s, err := openBleveStore(ctx, g, nil)
	if err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	fmt.Fprintf(w, "embedded store at %s is consistent (its journal is replayed on open)\n", g.dataDir)
	return nil
}

func runIndexStats(ctx context.Context, g *globals, asJSON bool, w io.Writer) error {
	s, err := openStore(ctx, g, nil)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	fmt.Fprintf(w, "backend   %s\nrecords   %d\nflagged   %d\n", st.Backend, st.Records, st.Flagged)
	statuses := []netra.Status{netra.StatusNew, netra.StatusConfirmed, netra.StatusDismissed, netra.StatusEscalated}
	for _, k := range statuses {
		fmt.Fprintf(w, "%-9s %d\n", k, st.ByStatus[k])
	}
	keys := make([]string, 0, len(st.Extra))
	for k := range st.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "%-9s %s\n", k, st.Extra[k])
	}
	return nil
}
