package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newIndexCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "index init|migrate|replay|stats",
		Short: "Manage the store",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("index: not implemented yet")
		},
	}
}
