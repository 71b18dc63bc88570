package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// readJSONL decodes every non-blank line of a JSONL file into a T and
// hands it to each with its line number; errors name file and line.
func readJSONL[T any](name string, each func(v T, line int) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if err := each(v, line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
