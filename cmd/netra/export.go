package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

func newExportCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export data from the store",
	}
	cmd.AddCommand(newExportLabelsCmd(g))
	return cmd
}

func newExportLabelsCmd(g *globals) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "labels [-o FILE]",
		Short: "Write reviewed records as labelled JSONL (GUIDE.md format), ready for netra eval",
		Long: `Write every confirmed and dismissed record of the store as one JSON line
with the fields of the labelling guide (id, url, title, text, label, why)
plus dismiss_reason, reviewer, source, stored_flagged and rules_version.
Confirmed is "partisan"; a dismissal takes the label of the reason that
starts its note (see netra eval --help). netra eval on the output gives the
same figures as netra eval --reviewed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openStore(cmd.Context(), g, nil)
			if err != nil {
				return err
			}
			recs, err := reviewedLabels(cmd.Context(), st)
			st.Close()
			if err != nil {
				return err
			}
			var w io.Writer = cmd.OutOrStdout()
			var f *os.File
			if out != "" && out != "-" {
				if f, err = os.Create(out); err != nil {
					return fmt.Errorf("export labels: %w", err)
				}
				w = f
			}
			bw := bufio.NewWriter(w)
			enc := json.NewEncoder(bw)
			enc.SetEscapeHTML(false)
			for _, r := range recs {
				if err := enc.Encode(r); err != nil {
					return fmt.Errorf("export labels: %w", err)
				}
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("export labels: %w", err)
			}
			if f != nil {
				if err := f.Close(); err != nil {
					return fmt.Errorf("export labels: %w", err)
				}
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "netra export labels: %d reviewed records\n", len(recs))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "write to this file instead of standard output")
	return cmd
}
