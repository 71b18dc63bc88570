package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newCrawlCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "crawl --sources FILE [--once]",
		Short: "Crawl sources, classify and index new items",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("crawl: not implemented yet")
		},
	}
}
