package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/netra-id/netra/crawler"
	"github.com/netra-id/netra/crawler/discover"
	"github.com/spf13/cobra"
)

// newSourcesCmd groups the commands that help write a sources file.
func newSourcesCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "Help write a sources file",
	}
	cmd.AddCommand(newSourcesDiscoverCmd(g))
	return cmd
}

type discoverFlags struct {
	out          string
	contact      string
	userAgent    string
	allowPrivate bool
	allow        []string
	timeout      time.Duration
}

func newSourcesDiscoverCmd(_ *globals) *cobra.Command {
	f := &discoverFlags{}
	cmd := &cobra.Command{
		Use:   "discover URL...",
		Short: "Find the feeds, sitemaps or article links of news sites and write a sources file",
		Long: `Look at each site (a home page, or a section's listing page) for what a
crawler can use, and write a sources file saying what was found and why:

  feeds      <link rel="alternate"> on the page, else the usual paths
             (/feed, /rss, /rss.xml, /feed.xml, /atom.xml, /index.xml ...)
  sitemaps   Sitemap: lines of robots.txt, else /sitemap.xml and the usual
             news sitemap paths
  listing    the CSS selector of the page's article links

Each site becomes one source of the best kind found (feed, then news
sitemap, then sitemap, then listing); the rest is written as comments.
Every fetch goes through the crawler's client: robots.txt obeyed, private
addresses refused, sizes and times capped. Review the file, then crawl it
with netra crawl --sources FILE.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDiscover(cmd.Context(), f, args, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "out", "o", "", "write the sources file here (default: standard output)")
	fl.StringVar(&f.contact, "contact", os.Getenv("NETRA_CRAWL_CONTACT"), "contact URL for the User-Agent")
	fl.StringVar(&f.userAgent, "user-agent", "", "User-Agent product/version (default NetraBot/1.0)")
	fl.BoolVar(&f.allowPrivate, "allow-private", false, "allow private and loopback addresses (an intranet site); the written sources get allow_private: true")
	fl.StringSliceVar(&f.allow, "allow-addr", nil, "ip:port reachable although private (e.g. a local test site)")
	fl.DurationVar(&f.timeout, "timeout", 20*time.Second, "bound on one request")
	return cmd
}

func runDiscover(ctx context.Context, f *discoverFlags, sites []string, stdout, stderr io.Writer) error {
	opts := []crawler.Option{crawler.WithTimeout(f.timeout)}
	if f.contact != "" {
		opts = append(opts, crawler.WithContact(f.contact))
	}
	if f.userAgent != "" {
		opts = append(opts, crawler.WithUserAgent(f.userAgent))
	}
	if len(f.allow) > 0 {
		opts = append(opts, crawler.WithAllowedAddrs(f.allow...))
	}
	c := crawler.New(opts...)
	defer c.Close()
	reports := c.Discover(ctx, sites, f.allowPrivate)
	for _, r := range reports {
		p, ok := discover.Choose(r, "")
		if ok {
			fmt.Fprintf(stderr, "%s: %s (%d URL)\n", r.Site, p.Kind, len(p.URLs))
		} else {
			fmt.Fprintf(stderr, "%s: nothing found\n", r.Site)
		}
	}
	var extra []string
	if f.allowPrivate {
		extra = append(extra, "allow_private: true")
	}
	w := stdout
	var file *os.File
	if f.out != "" {
		var err error
		if file, err = os.Create(f.out); err != nil {
			return fmt.Errorf("sources discover: %w", err)
		}
		w = file
	}
	err := discover.WriteSources(w, reports, time.Now(), extra...)
	if file != nil {
		err = errors.Join(err, file.Close())
	}
	return err
}
