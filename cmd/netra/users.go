package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/elastic"
	"github.com/netra-id/netra/review"
	"github.com/netra-id/netra/review/users"
	"github.com/spf13/cobra"
)

// usersFile is where the review app's accounts live.
func usersFile(g *globals) string { return filepath.Join(g.dataDir, "users.json") }

// accountStore is where accounts live: DATA/users.json (users.Store) or,
// with --es, the cluster (elastic.Accounts), shared by every replica.
type accountStore interface {
	review.Accounts
	Add(name string, role users.Role, password string) error
	SetPassword(name, password string) error
	SetRole(name string, role users.Role) error
	Path() string
}

// openAccountStore opens the accounts --es or --data selects; close
// releases what it opened. Only create (users add) may set up an embedded
// store in a fresh data directory; the other commands change nothing there.
func openAccountStore(ctx context.Context, g *globals, create bool) (acc accountStore, close func() error, err error) {
	if len(g.esURLs) == 0 {
		var s *users.Store
		if create {
			s, err = openAccounts(ctx, g)
		} else {
			s, err = users.Open(usersFile(g))
		}
		return s, func() error { return nil }, err
	}
	es, err := openElastic(ctx, g, nil, elastic.WithoutReplay())
	if err != nil {
		return nil, nil, err
	}
	a, err := es.Accounts()
	if err != nil {
		es.Close()
		return nil, nil, err
	}
	return a, es.Close, nil
}

// serveAccounts gives `serve` its accounts and, with --es, the review
// options that keep sessions in the cluster, so any replica serves any
// request. store is the store serve opened.
func serveAccounts(g *globals, store index.Store, ttl time.Duration) (accountStore, []review.Option, error) {
	es, ok := store.(*elastic.Store)
	if !ok {
		a, err := users.Open(usersFile(g))
		return a, nil, err
	}
	a, err := es.Accounts(elastic.WithSessionLife(ttl))
	if err != nil {
		return nil, nil, err
	}
	return a, []review.Option{review.WithSessionStore(a.Sessions())}, nil
}

// openAccounts opens the account file for `users add`. The embedded store refuses to create
// itself in a directory that already holds other files, so on a data
// directory that has no store yet the store is created first (and closed
// again: a running server keeps its own lock).
func openAccounts(ctx context.Context, g *globals) (*users.Store, error) {
	if len(g.esURLs) == 0 {
		if _, err := os.Stat(filepath.Join(g.dataDir, "netra.db")); errors.Is(err, os.ErrNotExist) {
			st, err := openStore(ctx, g, nil)
			if err != nil {
				return nil, err
			}
			if err := st.Close(); err != nil {
				return nil, err
			}
		}
	}
	return users.Open(usersFile(g))
}

// noUserHint points at `users list` and `users add` when NAME is unknown.
func noUserHint(err error, g *globals) error {
	if errors.Is(err, users.ErrNoUser) {
		return netra.WithHint(err, "`netra --data "+g.dataDir+" users list` shows the users, `netra users add NAME` creates one")
	}
	return err
}

// readPassword reads one line from r (for --password-stdin).
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func newUsersCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "users add|passwd|role|list|migrate",
		Short: "Manage review app users (bcrypt-hashed passwords in DATA/users.json, or in Elasticsearch with --es)",
	}
	var role string
	var fromStdin bool
	password := func(cmd *cobra.Command) (string, bool, error) {
		if fromStdin {
			pw, err := readPassword(cmd.InOrStdin())
			return pw, false, err
		}
		pw, err := users.GeneratePassword()
		return pw, true, err
	}
	add := &cobra.Command{
		Use:   "add NAME [--role viewer|reviewer|admin] [--password-stdin]",
		Short: "Create a user; prints a generated password unless --password-stdin",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := users.ParseRole(role)
			if err != nil {
				return err
			}
			s, closeAcc, err := openAccountStore(cmd.Context(), g, true)
			if err != nil {
				return err
			}
			defer closeAcc()
			pw, generated, err := password(cmd)
			if err != nil {
				return err
			}
			if err := s.Add(args[0], r, pw); err != nil {
				if errors.Is(err, users.ErrExists) {
					return netra.WithHint(err, "`netra users passwd "+args[0]+"` sets a new password, `netra users role "+args[0]+" ROLE` changes the role")
				}
				return netra.WithHint(err, "names are a-z, 0-9, '.', '_', '-'; passwords need at least 10 characters")
			}
			fmt.Fprintf(cmd.OutOrStdout(), "added %s (%s) to %s\n", args[0], r, s.Path())
			if generated {
				fmt.Fprintf(cmd.OutOrStdout(), "password: %s\n", pw)
			}
			return nil
		},
	}
	add.Flags().StringVar(&role, "role", string(users.RoleReviewer), "viewer, reviewer or admin")
	add.Flags().BoolVar(&fromStdin, "password-stdin", false, "read the password from the first line of stdin")

	passwd := &cobra.Command{
		Use:   "passwd NAME [--password-stdin]",
		Short: "Set a new password; prints a generated one unless --password-stdin (running servers pick it up at once)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, closeAcc, err := openAccountStore(cmd.Context(), g, false)
			if err != nil {
				return err
			}
			defer closeAcc()
			pw, generated, err := password(cmd)
			if err != nil {
				return err
			}
			if err := s.SetPassword(args[0], pw); err != nil {
				return noUserHint(err, g)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "password of %s changed\n", args[0])
			if generated {
				fmt.Fprintf(cmd.OutOrStdout(), "password: %s\n", pw)
			}
			return nil
		},
	}
	passwd.Flags().BoolVar(&fromStdin, "password-stdin", false, "read the password from the first line of stdin")

	roleCmd := &cobra.Command{
		Use:   "role NAME viewer|reviewer|admin",
		Short: "Change a user's role",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := users.ParseRole(args[1])
			if err != nil {
				return err
			}
			s, closeAcc, err := openAccountStore(cmd.Context(), g, false)
			if err != nil {
				return err
			}
			defer closeAcc()
			if err := s.SetRole(args[0], r); err != nil {
				return noUserHint(err, g)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s is now %s\n", args[0], r)
			return nil
		},
	}

	list := &cobra.Command{
		Use:   "list",
		Short: "List users and roles",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, closeAcc, err := openAccountStore(cmd.Context(), g, false)
			if err != nil {
				return err
			}
			defer closeAcc()
			us, err := s.List()
			if err != nil {
				return err
			}
			if len(us) == 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "no users in %s; `netra users add NAME --role admin` creates one\n", s.Path())
				return nil
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tROLE\tCREATED\tPASSWORD CHANGED")
			for _, u := range us {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Name, u.Role, u.Created.Format("2006-01-02 15:04"), u.Changed.Format("2006-01-02 15:04"))
			}
			return tw.Flush()
		},
	}
	migrate := &cobra.Command{
		Use:   "migrate",
		Short: "Copy the accounts of DATA/users.json into Elasticsearch (--es); existing ones are kept",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runUsersMigrate(cmd.Context(), g, cmd.OutOrStdout())
		},
	}
	cmd.AddCommand(add, passwd, roleCmd, list, migrate)
	return cmd
}

// runUsersMigrate copies users.json into the cluster with the password
// hashes as they are, so nobody needs a new password. Accounts already in
// the cluster are left alone: the cluster may know newer passwords.
func runUsersMigrate(ctx context.Context, g *globals, w io.Writer) error {
	if len(g.esURLs) == 0 {
		return netra.WithHint(errors.New("users migrate: no cluster to copy into"), "pass --es URL (or set NETRA_ES_URL) and --data with the users.json to copy")
	}
	path := usersFile(g)
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("users migrate: %w", err)
	}
	file, err := users.Open(path)
	if err != nil {
		return err
	}
	list, err := file.Export()
	if err != nil {
		return err
	}
	es, err := openElastic(ctx, g, nil, elastic.WithoutReplay())
	if err != nil {
		return err
	}
	defer es.Close()
	acc, err := es.Accounts()
	if err != nil {
		return err
	}
	added, skipped, err := acc.Import(list)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "copied %d accounts from %s to %s", len(added), path, acc.Path())
	if len(skipped) > 0 {
		fmt.Fprintf(w, "; kept %d already there: %s", len(skipped), strings.Join(skipped, ", "))
	}
	fmt.Fprintln(w)
	return nil
}
