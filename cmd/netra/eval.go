package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newEvalCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "eval [--json] LABELED.jsonl",
		Short: "Precision, recall and F1 against a labelled set",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("eval: not implemented yet")
		},
	}
}
