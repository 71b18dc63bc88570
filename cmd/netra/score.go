package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newScoreCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "score [flags] INPUT...",
		Short: "Batch-score JSONL, CSV, TXT files or directories",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("score: not implemented yet")
		},
	}
}
