package stem_test

import (
	"fmt"

	"github.com/netra-id/netra/classifier/stem"
)

func ExampleStem() {
	for _, w := range []string{"mendukung", "didukung", "dukungannya", "menulis", "memenangkan", "kepalanya"} {
		fmt.Println(w, stem.Stem(w))
	}
	// Output:
	// mendukung dukung
	// didukung dukung
	// dukungannya dukung
	// menulis tulis
	// memenangkan menang
	// kepalanya kepala
}

func ExampleNew() {
	// Roots from a rule pack let their derived forms reach them.
	s := stem.New(stem.WithRoots("tanam"), stem.WithCache(10000))
	fmt.Println(s.Stem("menanam"), s.Stem("penanaman"))
	// Output: tanam tanam
}
