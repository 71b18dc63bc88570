package bleve_test

import (
	"testing"

	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/index/bleve"
	"github.com/netra-id/netra/index/indextest"
)

func TestConformance(t *testing.T) {
	indextest.Run(t, func(t *testing.T) index.Store {
		s, err := bleve.Open(t.TempDir(), bleve.WithAnalyzer(indextest.Analyze))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Error(err)
			}
		})
		return s
	})
}
