package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newRulesCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "rules lint|test|keywords [DIR]",
		Short: "Validate, test and inspect rule packs",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("rules: not implemented yet")
		},
	}
}
