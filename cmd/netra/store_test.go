package main

import (
	"context"
	"slices"
	"testing"

	"github.com/netra-id/netra"
)

// Records the spool replays before the alerts exist wait in the relay and
// reach the hook when it is set; later ones go straight through.
func TestReplayRelayHoldsEarlyRecords(t *testing.T) {
	var r replayRelay
	ctx := context.Background()
	r.deliver(ctx, []netra.Record{{Item: netra.Item{ID: "a"}}, {Item: netra.Item{ID: "b"}}})
	var heard []string
	r.set(ctx, func(_ context.Context, recs []netra.Record) {
		for _, x := range recs {
			heard = append(heard, x.Item.ID)
		}
	})
	if !slices.Equal(heard, []string{"a", "b"}) {
		t.Fatalf("after set: heard %v, want the two early records", heard)
	}
	r.deliver(ctx, []netra.Record{{Item: netra.Item{ID: "c"}}})
	if !slices.Equal(heard, []string{"a", "b", "c"}) {
		t.Fatalf("after a later replay: heard %v", heard)
	}
}
