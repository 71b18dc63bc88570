package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newSearchCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "search QUERY [filters]",
		Short: "Search indexed records",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("search: not implemented yet")
		},
	}
}
