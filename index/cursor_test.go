package index

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestCursorRoundTrip(t *testing.T) {
	c := Cursor{Backend: "bleve", Sort: SortTimeDesc, After: json.RawMessage(`["x","r1"]`)}
	s, err := EncodeCursor(c)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeCursor(s, "bleve", SortTimeDesc)
	if err != nil || string(got.After) != string(c.After) {
		t.Fatalf("DecodeCursor = %+v, %v", got, err)
	}
	for name, try := range map[string]func() error{
		"other sort":    func() error { _, err := DecodeCursor(s, "bleve", SortScoreDesc); return err },
		"other backend": func() error { _, err := DecodeCursor(s, "elastic", SortTimeDesc); return err },
		"garbage":       func() error { _, err := DecodeCursor("!!", "bleve", SortTimeDesc); return err },
		"not json":      func() error { _, err := DecodeCursor("YWJj", "bleve", SortTimeDesc); return err },
	} {
		if err := try(); !errors.Is(err, ErrBadCursor) {
			t.Errorf("%s: error %v, want ErrBadCursor", name, err)
		}
	}
}

func TestEffective(t *testing.T) {
	if (Query{}).EffectiveSort() != SortTimeDesc || (Query{Text: "x"}).EffectiveSort() != SortRelevance ||
		(Query{Text: "x", Sort: SortScoreDesc}).EffectiveSort() != SortScoreDesc {
		t.Errorf("EffectiveSort does not follow the Query doc")
	}
	if (Query{}).EffectiveLimit() != DefaultLimit || (Query{Limit: 5}).EffectiveLimit() != 5 || (Query{Limit: 1e6}).EffectiveLimit() != MaxLimit {
		t.Errorf("EffectiveLimit wrong")
	}
}
