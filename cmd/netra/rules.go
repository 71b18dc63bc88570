package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/rules"
	"github.com/spf13/cobra"
)

func newRulesCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules lint|test|keywords|report [DIR]",
		Short: "Validate, test and inspect rule packs",
		Long: `Work with a rule pack: the directory given, else --rules/$NETRA_RULES, else
the built-in pack.

  lint      load and validate the pack; every problem is printed as file:line
  test      run every rule's inline match/no_match examples
  keywords  print the first-stage keyword list, one per line
  report    rule health from reviewers' decisions in the store`,
	}
	cmd.AddCommand(
		newRulesReportCmd(g),
		&cobra.Command{
			Use:   "lint [DIR]",
			Short: "Validate a rule pack; problems are printed as file:line",
			Args:  cobra.MaximumNArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				p, err := loadPack(g, args)
				if err != nil {
					var es rules.Errors
					if errors.As(err, &es) {
						for _, e := range es {
							fmt.Fprintln(cmd.ErrOrStderr(), e)
						}
						return fmt.Errorf("rules lint: %d problem(s)", len(es))
					}
					return err
				}
				if _, err := classifier.New(p); err != nil {
					return fmt.Errorf("rules lint: %w", err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "ok: %s@%s: %d rules, %d gazetteers, %d lexicon entries\n",
					p.Name, p.Version, len(p.Rules), len(p.Gazetteers), len(p.Lexicon))
				return nil
			},
		},
		&cobra.Command{
			Use:   "test [DIR]",
			Short: "Run every rule's inline match/no_match examples",
			Args:  cobra.MaximumNArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				c, err := packClassifier(g, args)
				if err != nil {
					return err
				}
				res := c.CheckExamples()
				for _, f := range res.Failures {
					kind := "no_match example was matched"
					if f.WantMatch {
						kind = "match example was not matched"
					}
					// Name the file as lint does: inside DIR when the pack came from disk.
					where := f.Where
					if dir := packDir(g, args); dir != "" {
						where = filepath.Join(dir, where)
					}
					fmt.Fprintf(cmd.OutOrStdout(), "FAIL %s: rule %s: %s: %q\n", where, f.Rule, kind, f.Example)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%d rules, %d examples, %d failed\n", res.Rules, res.Examples, len(res.Failures))
				if len(res.Failures) > 0 {
					return fmt.Errorf("rules test: %d example(s) failed", len(res.Failures))
				}
				return nil
			},
		},
		&cobra.Command{
			Use:   "keywords [DIR]",
			Short: "Print the first-stage keyword list, one per line",
			Args:  cobra.MaximumNArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				c, err := packClassifier(g, args)
				if err != nil {
					return err
				}
				// Keywords comes sorted.
				for _, k := range c.Keywords() {
					fmt.Fprintln(cmd.OutOrStdout(), k)
				}
				return nil
			},
		},
	)
	return cmd
}

// packDir is the pack directory the rules subcommands work on: DIR, else
// --rules; "" means the built-in pack.
func packDir(g *globals, args []string) string {
	if len(args) > 0 {
		return args[0]
	}
	return g.rulesDir
}

// loadPack loads DIR, else --rules, else the built-in pack.
func loadPack(g *globals, args []string) (*rules.Pack, error) {
	dir := packDir(g, args)
	if dir == "" {
		return rules.Default()
	}
	return rules.LoadDir(dir)
}

func packClassifier(g *globals, args []string) (*classifier.Classifier, error) {
	p, err := loadPack(g, args)
	if err != nil {
		return nil, err
	}
	return classifier.New(p)
}
