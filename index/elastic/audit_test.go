package elastic

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

// TestAuditRepairedAfterLostWrite puts the store in the state a crash (or
// an outage) between a review's record write and its audit write leaves:
// the record at a new version, its trail without that version's entry.
// Reading the trail, and the next review, write the missing entry, so
// record and trail agree again; re-classifying the record keeps it.
func TestAuditRepairedAfterLostWrite(t *testing.T) {
	s := openTest(t, esURL(t))
	ctx := context.Background()
	const id = "rec-00001"
	if err := s.Upsert(ctx, []netra.Record{rec(1, "Camat terekam mendukung pasangan calon")}); err != nil {
		t.Fatal(err)
	}
	confirmed, escalated, dismissed := netra.StatusConfirmed, netra.StatusEscalated, netra.StatusDismissed
	r, err := s.Review(ctx, id, index.ReviewUpdate{Status: &confirmed, Who: "siti", BaseVersion: 1})
	if err != nil {
		t.Fatal(err)
	}

	// A review change whose record write happened and whose audit write
	// did not: the document as Review writes it, without the entry.
	c, err := s.get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	d := c.doc
	d.Review.Status, d.Review.Reviewer, d.Review.UpdatedAt = escalated, "budi", time.Now().UTC()
	d.Version = r.Version + 1
	lost := netra.AuditEntry{ItemID: id, Who: "budi", When: d.Review.UpdatedAt, From: confirmed, To: escalated, Version: d.Version}
	nd := newDocument(d.record(), s.opt.analyze)
	nd.LastAudit = &lost
	body, err := jsonBody(nd)
	if err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/%s/_doc/%s?if_seq_no=%d&if_primary_term=%d&refresh=wait_for", s.itemsAlias, url.PathEscape(id), c.seqNo, c.term)
	if _, err := s.do(ctx, http.MethodPut, path, body, nil); err != nil {
		t.Fatal(err)
	}
	// A re-classification in between keeps the entry with the record.
	again := rec(1, "Camat terekam mendukung pasangan calon nomor 2")
	if err := s.Upsert(ctx, []netra.Record{again}); err != nil {
		t.Fatal(err)
	}

	trail, err := s.Audit(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(trail) != 2 || trail[1].Version != lost.Version || trail[1].To != escalated || trail[1].Who != "budi" {
		t.Fatalf("trail after the lost write: %+v, want the confirmation and budi's escalation", trail)
	}
	cur, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Review(ctx, id, index.ReviewUpdate{Status: &dismissed, Note: ptr("bukan ASN"), Who: "siti", BaseVersion: cur.Version}); err != nil {
		t.Fatal(err)
	}
	trail, err = s.Audit(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range trail {
		got = append(got, fmt.Sprintf("%s->%s@%d", e.From, e.To, e.Version))
	}
	want := fmt.Sprintf("[new->confirmed@2 confirmed->escalated@3 escalated->dismissed@%d]", cur.Version+1)
	if fmt.Sprint(got) != want {
		t.Errorf("trail %v, want %s (each change once, in order)", got, want)
	}
}

func ptr[T any](v T) *T { return &v }

// TestOpenLeavesExistingStoreAlone: opening an existing store only looks
// at it, so a reader or writer needs no privilege to manage templates or
// indices; `index init` and `migrate` (WithTemplates) install the current
// templates again.
func TestOpenLeavesExistingStoreAlone(t *testing.T) {
	url := esURL(t)
	s := openTest(t, url)
	ctx := context.Background()
	// Mark the installed template, as an operator's own change would.
	marked := `{"index_patterns":["` + s.itemsAlias + `-*"],"priority":200,"_meta":{"netra_mapping_version":1,"marker":"operator"},"template":{"settings":{"number_of_shards":1}}}`
	if _, err := s.do(ctx, http.MethodPut, "/_index_template/"+s.itemsAlias, strings.NewReader(marked), nil); err != nil {
		t.Fatal(err)
	}
	marker := func() string {
		var res struct {
			IndexTemplates []struct {
				IndexTemplate struct {
					Meta map[string]any `json:"_meta"`
				} `json:"index_template"`
			} `json:"index_templates"`
		}
		if _, err := s.do(ctx, http.MethodGet, "/_index_template/"+s.itemsAlias, nil, &res); err != nil {
			t.Fatal(err)
		}
		if len(res.IndexTemplates) != 1 {
			t.Fatalf("%d templates", len(res.IndexTemplates))
		}
		m, _ := res.IndexTemplates[0].IndexTemplate.Meta["marker"].(string)
		return m
	}
	cfg := s.cfg
	s2, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if marker() != "operator" {
		t.Fatal("Open of an existing store rewrote its template")
	}
	s3, err := Open(ctx, cfg, WithTemplates())
	if err != nil {
		t.Fatal(err)
	}
	s3.Close()
	if marker() != "" {
		t.Fatal("Open WithTemplates left the old template in place")
	}
}
