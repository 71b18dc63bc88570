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

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/review/users"
	"github.com/spf13/cobra"
)

// usersFile is where the review app's accounts live.
func usersFile(g *globals) string { return filepath.Join(g.dataDir, "users.json") }

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
		Use:   "users add|passwd|role|list",
		Short: "Manage review app users (stored with bcrypt-hashed passwords in DATA/users.json)",
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
			s, err := openAccounts(cmd.Context(), g)
			if err != nil {
				return err
			}
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
			s, err := users.Open(usersFile(g))
			if err != nil {
				return err
			}
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
			s, err := users.Open(usersFile(g))
			if err != nil {
				return err
			}
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
			s, err := users.Open(usersFile(g))
			if err != nil {
				return err
			}
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
	cmd.AddCommand(add, passwd, roleCmd, list)
	return cmd
}
