package indextest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/index"
)

func testReview(t *testing.T, s index.Store) {
	seed(t, s)
	start := time.Now().Add(-time.Minute)
	cur := get(t, s, "r1")

	// new → confirmed → new (reopen) → dismissed → escalated → confirmed,
	// then a note-only change and an assignment.
	steps := []struct {
		to       *netra.Status
		note     *string
		assignee *string
		who      string
	}{
		{ptr(netra.StatusConfirmed), ptr("video terverifikasi"), nil, "siti"},
		{ptr(netra.StatusNew), ptr("dibuka lagi: perlu cek tanggal"), nil, "budi"},
		{ptr(netra.StatusDismissed), ptr("kejadian sebelum masa kampanye"), nil, "siti"},
		{ptr(netra.StatusEscalated), nil, ptr("dewi"), "andi"},
		{ptr(netra.StatusConfirmed), ptr("diteruskan ke BKN"), nil, "dewi"},
		{nil, ptr("catatan tambahan"), nil, "siti"},
	}
	var want []netra.AuditEntry
	for i, st := range steps {
		from := cur.Review.Status
		got := review(t, s, "r1", index.ReviewUpdate{Status: st.to, Note: st.note, Assignee: st.assignee, Who: st.who, BaseVersion: cur.Version})
		to := from
		if st.to != nil {
			to = *st.to
		}
		if got.Version <= cur.Version {
			t.Errorf("step %d: version %d, want > %d", i, got.Version, cur.Version)
		}
		if got.Review.Status != to || got.Review.Reviewer != st.who {
			t.Errorf("step %d: review = %+v, want status %q by %q", i, got.Review, to, st.who)
		}
		if st.note != nil && got.Review.Note != *st.note {
			t.Errorf("step %d: note = %q, want %q", i, got.Review.Note, *st.note)
		}
		if st.assignee != nil && got.Review.Assignee != *st.assignee {
			t.Errorf("step %d: assignee = %q, want %q", i, got.Review.Assignee, *st.assignee)
		}
		if got.Review.UpdatedAt.Before(start) {
			t.Errorf("step %d: UpdatedAt = %v, want the time of the change", i, got.Review.UpdatedAt)
		}
		if got.Verdict.Score != cur.Verdict.Score || got.Item.Text != cur.Item.Text {
			t.Errorf("step %d: review changed item or verdict", i)
		}
		stored := get(t, s, "r1")
		if stored.Version != got.Version || stored.Review.Status != to {
			t.Errorf("step %d: Get after Review = version %d status %q, want %d %q", i, stored.Version, stored.Review.Status, got.Version, to)
		}
		wantIDs(t, "search by the new status", search(t, s, index.Query{IDs: []string{"r1"}, Statuses: []netra.Status{to}}), "r1")
		// A review must not drop the record's searchable text (a backend
		// that rewrites the document on review can lose derived fields).
		wantIDs(t, "text search after a review", search(t, s, index.Query{Text: "Magelang", Statuses: []netra.Status{to}}), "r1")
		e := netra.AuditEntry{ItemID: "r1", Who: st.who, From: from, To: to, Version: got.Version}
		if st.note != nil {
			e.Note = *st.note
		}
		want = append(want, e)
		cur = got
	}
	if cur.Review.Assignee != "dewi" {
		t.Errorf("assignee lost by later changes: %+v", cur.Review)
	}

	audit, err := s.Audit(t.Context(), "r1")
	if err != nil {
		t.Fatalf("Audit: %v", err)
	}
	if len(audit) != len(want) {
		t.Fatalf("audit has %d entries, want %d: %+v", len(audit), len(want), audit)
	}
	for i, a := range audit {
		w := want[i]
		if a.ItemID != w.ItemID || a.Who != w.Who || a.From != w.From || a.To != w.To || a.Note != w.Note || a.Version != w.Version {
			t.Errorf("audit[%d] = %+v, want %+v", i, a, w)
		}
		if a.When.Before(start) || (i > 0 && a.When.Before(audit[i-1].When)) {
			t.Errorf("audit[%d].When = %v: want the time of the change, oldest first", i, a.When)
		}
	}
	if audit[3].Assignee != "dewi" {
		t.Errorf("audit of the assignment has assignee %q, want dewi", audit[3].Assignee)
	}

	// Items without reviews have an empty trail; unknown items are not found.
	if a, err := s.Audit(t.Context(), "r2"); err != nil || len(a) != 0 {
		t.Errorf("Audit(unreviewed) = %v, %v; want empty", a, err)
	}
	if _, err := s.Review(t.Context(), "tidak-ada", index.ReviewUpdate{Status: ptr(netra.StatusConfirmed), Who: "siti", BaseVersion: 1}); !errors.Is(err, netra.ErrNotFound) {
		t.Errorf("Review(missing) error = %v, want netra.ErrNotFound", err)
	}

	// Invalid changes fail without touching the record.
	r2 := get(t, s, "r2")
	bad := []struct {
		name string
		u    index.ReviewUpdate
	}{
		{"no user", index.ReviewUpdate{Status: ptr(netra.StatusConfirmed), BaseVersion: r2.Version}},
		{"unknown status", index.ReviewUpdate{Status: ptr(netra.Status("dipecat")), Who: "siti", BaseVersion: r2.Version}},
	}
	for _, b := range bad {
		_, err := s.Review(t.Context(), "r2", b.u)
		if err == nil || errors.Is(err, netra.ErrConflict) || errors.Is(err, netra.ErrNotFound) {
			t.Errorf("Review with %s: error = %v, want a validation error", b.name, err)
		}
	}
	if after := get(t, s, "r2"); after.Version != r2.Version || after.Review.Status != netra.StatusNew {
		t.Errorf("failed reviews changed r2: version %d → %d, status %q", r2.Version, after.Version, after.Review.Status)
	}
	if a, _ := s.Audit(t.Context(), "r2"); len(a) != 0 {
		t.Errorf("failed reviews left audit entries: %+v", a)
	}
}

func testReviewConflict(t *testing.T, s index.Store) {
	seed(t, s)
	base := get(t, s, "r3")
	first := review(t, s, "r3", index.ReviewUpdate{Status: ptr(netra.StatusConfirmed), Who: "siti", BaseVersion: base.Version})

	// A second reviewer who loaded the record before the first change.
	_, err := s.Review(t.Context(), "r3", index.ReviewUpdate{Status: ptr(netra.StatusDismissed), Who: "budi", BaseVersion: base.Version})
	if !errors.Is(err, netra.ErrConflict) {
		t.Fatalf("stale review: error = %v, want one matching netra.ErrConflict", err)
	}
	var ce *netra.ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("stale review: error %T is not a *netra.ConflictError", err)
	}
	if ce.ID != "r3" || ce.Based != base.Version || ce.Current != first.Version {
		t.Errorf("conflict = %+v, want ID r3, based %d, current %d", ce, base.Version, first.Version)
	}
	if got := get(t, s, "r3"); got.Review.Status != netra.StatusConfirmed || got.Version != first.Version {
		t.Errorf("conflicting review changed the record: %+v version %d", got.Review, got.Version)
	}
	if a, _ := s.Audit(t.Context(), "r3"); len(a) != 1 {
		t.Errorf("conflicting review was audited: %d entries, want 1", len(a))
	}

	// A re-upsert also changes the version: a review based on the version
	// before it conflicts too.
	again := fixtures()[2]
	again.Verdict.Score = 0.8
	upsert(t, s, []netra.Record{again})
	if _, err := s.Review(t.Context(), "r3", index.ReviewUpdate{Note: ptr("x"), Who: "siti", BaseVersion: first.Version}); !errors.Is(err, netra.ErrConflict) {
		upd := get(t, s, "r3")
		if upd.Version != first.Version {
			t.Errorf("review based on the version before a re-upsert: error = %v, want a conflict", err)
		}
	}

	// Racing reviewers on the same version: exactly one wins.
	cur := get(t, s, "r5")
	const racers = 6
	var wg sync.WaitGroup
	errs := make([]error, racers)
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.Review(t.Context(), "r5", index.ReviewUpdate{Status: ptr(netra.StatusEscalated), Who: "racer", BaseVersion: cur.Version})
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, netra.ErrConflict):
			t.Errorf("racing review: unexpected error %v", err)
		}
	}
	if won != 1 {
		t.Errorf("%d of %d racing reviews on the same version succeeded, want exactly 1", won, racers)
	}
	if a, _ := s.Audit(t.Context(), "r5"); len(a) != 1 {
		t.Errorf("racing reviews left %d audit entries, want 1", len(a))
	}
}

func testStats(t *testing.T, s index.Store) {
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatalf("Stats on an empty store: %v", err)
	}
	if st.Records != 0 || st.Flagged != 0 {
		t.Errorf("empty store Stats = %+v", st)
	}
	recs := seed(t, s)
	review(t, s, "r1", index.ReviewUpdate{Status: ptr(netra.StatusConfirmed), Who: "siti", BaseVersion: get(t, s, "r1").Version})
	review(t, s, "r2", index.ReviewUpdate{Status: ptr(netra.StatusDismissed), Who: "siti", BaseVersion: get(t, s, "r2").Version})
	st, err = s.Stats(t.Context())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	flagged := len(where(recs, func(r netra.Record) bool { return r.Verdict.Flagged }))
	if st.Records != len(recs) || st.Flagged != flagged {
		t.Errorf("Stats = %d records, %d flagged; want %d, %d", st.Records, st.Flagged, len(recs), flagged)
	}
	wantBy := map[netra.Status]int{netra.StatusNew: len(recs) - 2, netra.StatusConfirmed: 1, netra.StatusDismissed: 1}
	for k, v := range wantBy {
		if st.ByStatus[k] != v {
			t.Errorf("Stats.ByStatus[%s] = %d, want %d (all: %v)", k, st.ByStatus[k], v, st.ByStatus)
		}
	}
	if st.Backend == "" {
		t.Errorf("Stats.Backend is empty")
	}
}

func testDeleteByQuery(t *testing.T, s index.Store) {
	recs := seed(t, s)
	kompas := where(recs, func(r netra.Record) bool { return r.Item.Source == "kompas" })
	n, err := s.DeleteByQuery(t.Context(), index.Query{Sources: []string{"kompas"}, Limit: 1})
	if err != nil {
		t.Fatalf("DeleteByQuery: %v", err)
	}
	if n != len(kompas) {
		t.Errorf("DeleteByQuery removed %d, want %d (Limit does not apply)", n, len(kompas))
	}
	for _, id := range kompas {
		if _, err := s.Get(t.Context(), id); !errors.Is(err, netra.ErrNotFound) {
			t.Errorf("Get(%s) after delete: %v, want ErrNotFound", id, err)
		}
	}
	rest := where(recs, func(r netra.Record) bool { return r.Item.Source != "kompas" })
	wantIDs(t, "after delete", search(t, s, index.Query{Limit: 50}), rest...)
	if st, err := s.Stats(t.Context()); err != nil || st.Records != len(rest) {
		t.Errorf("Stats after delete = %+v, %v; want %d records", st, err, len(rest))
	}
	if n, err := s.DeleteByQuery(t.Context(), index.Query{Sources: []string{"kompas"}}); err != nil || n != 0 {
		t.Errorf("second DeleteByQuery = %d, %v; want 0, nil", n, err)
	}
	// Text queries select too: kampanye is left only in r6.
	if n, err := s.DeleteByQuery(t.Context(), index.Query{Text: "kampanye"}); err != nil || n != 1 {
		t.Errorf("DeleteByQuery(kampanye) = %d, %v; want 1, nil", n, err)
	}
	// A deleted record can come back with a fresh history.
	upsert(t, s, fixtures()[1:2])
	if got := get(t, s, "r2"); got.Review.Status != netra.StatusNew {
		t.Errorf("re-added r2 has review %+v", got.Review)
	}
}
