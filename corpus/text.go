package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// textFile reads a whole file as one document at line 1.
func (fr *fileReader) textFile(src io.Reader) error {
	b, err := io.ReadAll(io.LimitReader(src, int64(fr.o.maxRecord)+1))
	if err != nil {
		return err
	}
	if len(b) > fr.o.maxRecord {
		return fr.bad(1, "document larger than %d bytes; skipped (score it with --per-line?)", fr.o.maxRecord)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		return fr.bad(lineAt(b, invalidUTF8At(b)), "invalid UTF-8 at byte %d", invalidUTF8At(b))
	}
	var v values
	v.reset()
	v.text = string(bytes.TrimSpace(b))
	return fr.item(1, &v)
}

// lineAt is the 1-based line of byte offset off in b.
func lineAt(b []byte, off int) int {
	return bytes.Count(b[:off], []byte{'\n'}) + 1
}

// textLines makes each non-empty line a document.
func (fr *fileReader) textLines(src io.Reader) error {
	lr := newLineReader(src, fr.o.maxRecord)
	var v values
	for {
		line, err := lr.next()
		if err == io.EOF {
			return nil
		}
		if errors.Is(err, errTooLong) {
			if err := fr.bad(lr.line, "line longer than %d bytes; skipped", fr.o.maxRecord); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", lr.line, err)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if !utf8.Valid(line) {
			if err := fr.bad(lr.line, "invalid UTF-8 at byte %d", invalidUTF8At(line)); err != nil {
				return err
			}
			continue
		}
		v.reset()
		v.text = string(line)
		if err := fr.item(lr.line, &v); err != nil {
			return err
		}
	}
}
