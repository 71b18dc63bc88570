package pipeline_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/pipeline"
)

// keywordClassifier stands in for *classifier.Classifier in this example.
type keywordClassifier struct{}

func (keywordClassifier) Classify(it netra.Item) netra.Verdict {
	return netra.Verdict{ID: it.ID, Flagged: strings.Contains(it.Text, "kampanye")}
}

// A producer sends items and watches the same context the caller cancels
// once Run returns; Run classifies them concurrently and emits them in
// input order.
func ExampleRun() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan netra.Item)
	go func() {
		defer close(in)
		for i, text := range []string{"Camat ikut kampanye", "Harga beras naik", "Guru PNS kampanye di medsos"} {
			select {
			case in <- netra.Item{ID: fmt.Sprint("item-", i), Text: text}:
			case <-ctx.Done():
				return
			}
		}
	}()
	st, err := pipeline.Run(ctx, keywordClassifier{}, in, pipeline.Options{Workers: 2}, func(r netra.Record) error {
		fmt.Println(r.Item.ID, r.Verdict.Flagged)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(st.Items, "items,", st.Flagged, "flagged")
	// Output:
	// item-0 true
	// item-1 false
	// item-2 true
	// 3 items, 2 flagged
}
