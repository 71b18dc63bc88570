package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRealExports reads the full real exports when $NETRA_RAW_DIR points at
// a directory holding them (the data/raw folder of the project's data
// collection; their licences do not allow copying them into testdata). The
// expected counts are the ones the collection's SOURCE.md notes give,
// computed there with Python's csv module.
func TestRealExports(t *testing.T) {
	raw := os.Getenv("NETRA_RAW_DIR")
	if raw == "" {
		t.Skip("set NETRA_RAW_DIR to the raw export collection to read the full files")
	}
	tests := []struct {
		path   string
		format Format
		items  int
		bad    int
	}{
		{"pilpres2024-prabowo-gibran-tweets/raw", FormatAuto, 18020, 0},
		{"youtube-debat-capres2024-comments/youtube_comments_debat_capres2024.csv", FormatAuto, 10930, 0},
		{"pilpres2019-falsenews-tweets/indonesian_falsenews_testdata.txt", FormatTSV, 6425, 0},
		{"pilpres2019-falsenews-tweets/indonesian_falsenews_traindata.txt", FormatTSV, 2360, 0},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			path := filepath.Join(raw, tc.path)
			if _, err := os.Stat(path); err != nil {
				t.Skip(err)
			}
			items, bad := readAll(t, []string{path}, WithFormat(tc.format))
			if len(items) != tc.items || len(bad) != tc.bad {
				t.Errorf("%d items, %d bad (first: %v); want %d and %d", len(items), len(bad), first(bad), tc.items, tc.bad)
			}
			for _, it := range items {
				checkIdentity(t, it)
			}
		})
	}
}

func first(bad []*RecordError) *RecordError {
	if len(bad) == 0 {
		return nil
	}
	return bad[0]
}
