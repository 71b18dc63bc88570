package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/netra-id/netra/review"
	"github.com/spf13/cobra"
)

func newRulesReportCmd(g *globals) *cobra.Command {
	var since, until string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "report [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json]",
		Short: "Rule health from reviewers' decisions: fired, confirmed, dismissed (by reason), precision",
		Long: `For every rule of the pack in use: how many stored records it fired on,
how many of those reviewers confirmed, dismissed (by reason) or left open,
its precision (confirmed / (confirmed + dismissed)) over the period and over
its last 30 days, and the newest dismissed examples. When the pack's
calibration weighs cancelled_model, a row "word-model" does the same for
the flags that rest on the word model alone (hits whose rules had
cancelled their sentences, counted there and not under those rules).
The same figures as the review app's rule-health page and GET /api/v1/rules.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var from, to time.Time
			for _, f := range []struct {
				name, v string
				t       *time.Time
			}{{"--since", since, &from}, {"--until", until, &to}} {
				if f.v == "" {
					continue
				}
				t, err := time.Parse(time.DateOnly, f.v)
				if err != nil {
					return fmt.Errorf("rules report: %s: want YYYY-MM-DD, got %q", f.name, f.v)
				}
				*f.t = t
			}
			c, err := classifierFor(g)
			if err != nil {
				return err
			}
			st, err := openStore(cmd.Context(), g, nil)
			if err != nil {
				return err
			}
			rep, err := review.RuleHealthReport(cmd.Context(), st, ruleInfos(c.Pack()), from, to, time.Now())
			st.Close()
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetEscapeHTML(false)
				return enc.Encode(map[string]any{"rules": rep})
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "rule\tfired\tconfirmed\tdismissed\topen\tprecision\tlast 30 days\tdismissed by\t")
			for _, h := range rep {
				reasons := make([]string, 0, len(h.DismissedBy))
				for k, v := range h.DismissedBy {
					reasons = append(reasons, fmt.Sprintf("%s %d", k, v))
				}
				sort.Strings(reasons)
				fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t\n", h.Rule, h.Fired, h.Confirmed, h.Dismissed, h.Open, h.PrecisionText(), h.RecentText(), strings.Join(reasons, ", "))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "only records whose item time is on or after this day")
	cmd.Flags().StringVar(&until, "until", "", "only records whose item time is before this day")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}
