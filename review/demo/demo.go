// Package demo bundles the real Indonesian sample texts that `netra serve
// --demo` imports, so a fresh clone shows flagged items with no network. The
// texts are embedded in the binary; their origins and licences are in
// data/SOURCE.md (and testdata/demo/SOURCE.md at the repository root).
package demo

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/netra-id/netra"
)

//go:embed data/items.jsonl
var items []byte

// Source names the demo import in item IDs and logs.
const Source = "demo"

// Items returns the bundled items with stable IDs (from the URL when there
// is one, else from the source and text), in file order.
func Items() ([]netra.Item, error) {
	var out []netra.Item
	sc := bufio.NewScanner(bytes.NewReader(items))
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var it netra.Item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("demo: data/items.jsonl:%d: %w", line, err)
		}
		if it.Text == "" || it.Source == "" {
			return nil, fmt.Errorf("demo: data/items.jsonl:%d: text and source are required", line)
		}
		it.ID = netra.ItemID(it.URL, it.Source, it.Text)
		out = append(out, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("demo: data/items.jsonl: %w", err)
	}
	return out, nil
}
