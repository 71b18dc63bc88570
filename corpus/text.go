package corpus

import (
	"bytes"
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
	v.f[roleText] = string(bytes.TrimSpace(b))
	return fr.item(1, &v)
}

// lineAt is the 1-based line of byte offset off in b.
func lineAt(b []byte, off int) int {
	return bytes.Count(b[:off], []byte{'\n'}) + 1
}

// textLines makes each non-empty line a document.
func (fr *fileReader) textLines(src io.Reader) error {
	return fr.eachLine(src, func(line []byte, v *values) error {
		v.f[roleText] = string(line)
		return nil
	})
}
