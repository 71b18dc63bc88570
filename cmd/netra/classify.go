package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/rules"
	"github.com/netra-id/netra/textmodel"
	"github.com/spf13/cobra"
)

// maxClassifyInput caps what `classify -` reads from stdin.
const maxClassifyInput = 16 << 20

// classifierFor returns the classifier for --rules (or $NETRA_RULES), else
// the built-in pack.
func classifierFor(g *globals) (*classifier.Classifier, error) {
	if g.rulesDir != "" {
		c, err := classifier.Load(g.rulesDir)
		if err != nil {
			return nil, netra.WithHint(fmt.Errorf("load rules %s: %w", g.rulesDir, err), "run `netra rules lint "+g.rulesDir+"` to see every problem")
		}
		return c, nil
	}
	c, err := classifier.Default()
	if err != nil {
		return nil, fmt.Errorf("load built-in rules: %w", err)
	}
	return c, nil
}

func newClassifyCmd(g *globals) *cobra.Command {
	var explain bool
	var title string
	cmd := &cobra.Command{
		Use:   "classify [--explain] [TEXT | -]",
		Short: "Classify one text and print its verdict JSON",
		Long: `Classify one text (an argument, or standard input with "-" or no argument)
and print its verdict as JSON. --explain also prints, on standard error, the
evidence in plain words: which rule fired on which sentence and why.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := classifierFor(g)
			if err != nil {
				return err
			}
			var text string
			if len(args) == 0 || args[0] == "-" {
				b, err := io.ReadAll(io.LimitReader(cmd.InOrStdin(), maxClassifyInput+1))
				if err != nil {
					return fmt.Errorf("classify: read stdin: %w", err)
				}
				if len(b) > maxClassifyInput {
					return fmt.Errorf("classify: input larger than %d bytes", maxClassifyInput)
				}
				text = string(b)
			} else {
				text = args[0]
			}
			if strings.TrimSpace(text) == "" && title == "" {
				return errors.New("classify: empty text")
			}
			it := netra.Item{ID: netra.ItemID("", "classify", text), Source: "classify", Title: title, Text: text}
			var near []classifier.NearMiss
			var v netra.Verdict
			if explain {
				v, near = c.Explain(it)
			} else {
				v = c.Classify(it)
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(v); err != nil {
				return fmt.Errorf("classify: write verdict: %w", err)
			}
			if explain {
				writeExplanation(cmd.ErrOrStderr(), v, c.Candidate(title, text))
				writeWordModel(cmd.ErrOrStderr(), v, c.Pack().TextModel, textmodel.Document(title, text))
				if len(v.Hits) == 0 {
					writeNearMisses(cmd.ErrOrStderr(), near)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&explain, "explain", false, "explain the verdict on standard error")
	cmd.Flags().StringVar(&title, "title", "", "title of the item, classified with the text")
	return cmd
}

func writeExplanation(w io.Writer, v netra.Verdict, candidate bool) {
	if !candidate {
		fmt.Fprintln(w, "first stage: no actor keyword together with an act keyword; not analysed further")
		return
	}
	state := "not flagged"
	if v.Flagged {
		state = "FLAGGED"
	}
	fmt.Fprintf(w, "%s (score %.3f, rules %s)\n", state, v.Score, v.RulesVersion)
	if len(v.ScoreParts) > 0 {
		fmt.Fprint(w, "score = σ(")
		for i, p := range v.ScoreParts {
			if i > 0 {
				fmt.Fprint(w, " + ")
			}
			fmt.Fprintf(w, "%s %.2f", p.Feature, p.Contribution)
		}
		fmt.Fprintln(w, ")")
	}
	if len(v.Hits) == 0 && len(v.Suppressed) == 0 {
		fmt.Fprintln(w, "candidate, but no rule matched a sentence")
	}
	for _, h := range v.Hits {
		where := fmt.Sprintf("text[%d:%d]", h.Start, h.End)
		if h.Field != "" {
			where = fmt.Sprintf("%s[%d:%d]", h.Field, h.Start, h.End)
		}
		fmt.Fprintf(w, "- %s (%s, weight %.2f, mode %s) %s\n  %s\n  sentence: %q\n", h.Rule, h.Category, h.Weight, h.Mode, where, h.Regulation, h.Sentence)
		switch {
		case h.Mode == netra.ModeOverruled && h.CancelledAs == classifier.NearMode:
			fmt.Fprintf(w, "  the rule came near the sentence (%s), and the word model reads the whole article as a report (near_model)\n", h.Cue)
		case h.Mode == netra.ModeOverruled:
			fmt.Fprintf(w, "  the sentence read as a %s (cue %q), but the word model reads the whole article as a report (cancelled_model)\n", h.CancelledAs, h.Cue)
		}
		for i, s := range h.Spans {
			term := ""
			if i < len(h.Terms) {
				term = h.Terms[i]
			}
			fmt.Fprintf(w, "  %s: %q\n", s.Role, term)
		}
		for i := len(h.Spans); i < len(h.Terms); i++ {
			other := "article"
			if h.Field != "title" {
				other = "headline"
			}
			fmt.Fprintf(w, "  side from the %s: %q\n", other, h.Terms[i])
		}
	}
	for _, h := range v.Suppressed {
		where := fmt.Sprintf("text[%d:%d]", h.Start, h.End)
		if h.Field != "" {
			where = fmt.Sprintf("%s[%d:%d]", h.Field, h.Start, h.End)
		}
		if h.Mode == "generic" {
			fmt.Fprintf(w, "- cancelled %s %s: the actor %q is civil servants as a class, and no word reports an incident (mode generic)\n  sentence: %q\n", h.Rule, where, h.Cue, h.Sentence)
			continue
		}
		fmt.Fprintf(w, "- cancelled %s %s: the sentence is a %s (cue %q)\n  sentence: %q\n", h.Rule, where, h.Mode, h.Cue, h.Sentence)
	}
}

// writeWordModel says which words and word pairs moved the word model's
// part of the score (feature text_model, or cancelled_model for an article
// whose every hit was cancelled), when the verdict has one.
func writeWordModel(w io.Writer, v netra.Verdict, m *textmodel.Model, doc string) {
	weighed := false
	for _, p := range v.ScoreParts {
		weighed = weighed || rules.IsModelFeature(p.Feature)
	}
	if !weighed || m == nil {
		return
	}
	z, parts := m.Explain(doc, 10)
	fmt.Fprintf(w, "word model: logit %.2f (bias %.2f); the words that moved it most:\n", z, m.Bias)
	for _, p := range parts {
		fmt.Fprintf(w, "  %+.3f %q\n", p.Contribution, p.Gram)
	}
}

// writeNearMisses lists the rules that came close to matching a sentence
// and what stopped each: why a text a reviewer expected flagged is not.
func writeNearMisses(w io.Writer, near []classifier.NearMiss) {
	for _, n := range near {
		where := ""
		if n.Field != "" {
			where = " (" + n.Field + ")"
		}
		fmt.Fprintf(w, "- near %s%s: %s\n  sentence: %q\n", n.Rule, where, n.Why, n.Sentence)
		if len(n.Found) > 0 {
			fmt.Fprintf(w, "  found: %s\n", strings.Join(n.Found, ", "))
		}
	}
}
