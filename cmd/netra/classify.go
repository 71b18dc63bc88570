package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newClassifyCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "classify [--explain] [TEXT | -]",
		Short: "Classify one text and print its verdict JSON",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("classify: not implemented yet")
		},
	}
}
