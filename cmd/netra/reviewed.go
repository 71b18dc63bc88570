package main

import (
	"context"
	"fmt"
	"io"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/classifier"
	"github.com/netra-id/netra/index"
)

// dismissReasons maps each of netra.DismissReasons to the GUIDE.md label
// it stands for. An empty label means the
// dismissal says nothing about the text's label (a duplicate, another
// region's case) and the record is left out of the labels.
var dismissReasons = map[string]string{
	"not_asn":      "official_non_asn",
	"norm":         "neutrality",
	"not_election": "unrelated",
	"duplicate":    "",
	"wrong_place":  "",
	"other":        "unrelated",
}

// reviewedLabel is a reviewed record as a GUIDE.md label.
type reviewedLabel struct {
	labelled
	Reason       string `json:"dismiss_reason,omitempty"`
	Reviewer     string `json:"reviewer,omitempty"`
	Why          string `json:"why,omitempty"`
	Source       string `json:"source,omitempty"`
	StoredFlag   bool   `json:"stored_flagged"`
	RulesVersion string `json:"rules_version,omitempty"`
}

// reviewedLabels reads every confirmed and dismissed record of the store,
// page by page, as labels: confirmed is partisan; dismissed takes the label
// of its reason (unrelated when it gives none); reasons that say nothing
// about the text leave the record out.
func reviewedLabels(ctx context.Context, st index.Store) ([]reviewedLabel, error) {
	q := index.Query{Statuses: []netra.Status{netra.StatusConfirmed, netra.StatusDismissed}, Sort: index.SortTimeDesc, Limit: 500}
	var out []reviewedLabel
	for {
		res, err := st.Search(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("read reviewed records: %w", err)
		}
		for _, m := range res.Matches {
			r := m.Record
			l := reviewedLabel{
				labelled:     labelled{ID: r.Item.ID, URL: r.Item.URL, Title: r.Item.Title, Text: r.Item.Text},
				Reviewer:     r.Review.Reviewer,
				Why:          r.Review.Note,
				Source:       r.Item.Source,
				StoredFlag:   r.Verdict.Flagged,
				RulesVersion: r.Verdict.RulesVersion,
			}
			switch r.Review.Status {
			case netra.StatusConfirmed:
				l.Label = "partisan"
			case netra.StatusDismissed:
				l.Reason = netra.DismissReasonOf(r.Review.Note)
				l.Label = "unrelated"
				if l.Reason != "" {
					l.Label = dismissReasons[l.Reason]
				}
				if l.Label == "" {
					continue
				}
			}
			out = append(out, l)
		}
		if res.NextCursor == "" || len(res.Matches) == 0 {
			return out, nil
		}
		q.Cursor = res.NextCursor
	}
}

// printChanges lists the reviewed records whose flag the classifier in use
// would change against the verdict stored with them: what a new rule pack
// would newly flag or stop flagging, before it is deployed.
func printChanges(w io.Writer, c *classifier.Classifier, recs []reviewedLabel) {
	var newly, gone []string
	for _, r := range recs {
		v := c.Classify(netra.Item{ID: r.ID, URL: r.URL, Title: r.Title, Text: r.Text})
		switch {
		case v.Flagged && !r.StoredFlag:
			newly = append(newly, fmt.Sprintf("%s [%s] %s", r.ID, r.Label, truncate(r.Title, 80)))
		case !v.Flagged && r.StoredFlag:
			gone = append(gone, fmt.Sprintf("%s [%s] %s", r.ID, r.Label, truncate(r.Title, 80)))
		}
	}
	fmt.Fprintf(w, "\nagainst the stored verdicts (%s): %d newly flagged, %d no longer flagged\n", c.RulesVersion(), len(newly), len(gone))
	for _, s := range newly {
		fmt.Fprintln(w, "+ "+s)
	}
	for _, s := range gone {
		fmt.Fprintln(w, "- "+s)
	}
}
