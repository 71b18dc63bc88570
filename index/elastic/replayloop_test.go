package elastic

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/netra-id/netra"
)

// TestReplayLoopDelivers: records left in the spool (by an outage) reach
// the cluster through the background loop `netra serve` and scheduled
// crawls run, without any command being started.
func TestReplayLoopDelivers(t *testing.T) {
	s := openTest(t, esURL(t), WithReplayBackoff(20*time.Millisecond, 100*time.Millisecond))
	var recs []netra.Record
	for i := range 300 {
		recs = append(recs, rec(i, fmt.Sprintf("laporan nomor %d tentang kampanye", i)))
	}
	if _, err := s.spool(recs); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reported := make(chan int, 10)
	go s.ReplayLoop(ctx, func(n int, err error) {
		if err != nil {
			t.Errorf("replay: %v", err)
		}
		reported <- n
	})
	select {
	case n := <-reported:
		if n != len(recs) {
			t.Errorf("the loop delivered %d records, want %d", n, len(recs))
		}
	case <-time.After(time.Minute):
		t.Fatal("the loop delivered nothing within a minute")
	}
	if n, err := s.Spooled(); err != nil || n != 0 {
		t.Errorf("spool after the loop: %d records, %v", n, err)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Records != len(recs) {
		t.Errorf("the index holds %d records, want %d", st.Records, len(recs))
	}
}
