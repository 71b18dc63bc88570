package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newUsersCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "users add|passwd|list",
		Short: "Manage review app users",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("users: not implemented yet")
		},
	}
}
