package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// errTooLong marks a line over the record limit; the line was consumed and
// reading can go on with the next one.
var errTooLong = errors.New("line too long")

// lineReader yields lines without their terminator, numbering them from 1.
// A line is returned as a slice of the reader's buffer, valid until the next
// call; lines longer than max are skipped without being held in memory.
type lineReader struct {
	r    *bufio.Reader
	long []byte // accumulates lines longer than the bufio buffer
	max  int
	line int
}

func newLineReader(r io.Reader, max int) *lineReader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 1<<20)
	}
	return &lineReader{r: br, max: max}
}

func (lr *lineReader) next() ([]byte, error) {
	lr.line++
	lr.long = lr.long[:0]
	tooLong := false
	for {
		frag, err := lr.r.ReadSlice('\n')
		switch {
		case err == nil || (err == io.EOF && (len(frag) > 0 || len(lr.long) > 0 || tooLong)):
			if tooLong {
				return nil, errTooLong
			}
			var line []byte
			if len(lr.long) > 0 {
				line = append(lr.long, frag...)
				lr.long = line
			} else {
				line = frag
			}
			if len(line) > lr.max+2 { // allow for "\r\n"
				return nil, errTooLong
			}
			line = bytes.TrimSuffix(line, []byte("\n"))
			line = bytes.TrimSuffix(line, []byte("\r"))
			if lr.line == 1 {
				line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
			}
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			if !tooLong {
				if len(lr.long)+len(frag) > lr.max {
					tooLong = true
					lr.long = lr.long[:0]
				} else {
					lr.long = append(lr.long, frag...)
				}
			}
		default:
			return nil, err
		}
	}
}

// nextLine returns the next non-empty line of a line-per-record file,
// trimmed of surrounding space. Over-long and undecodable lines are reported
// with their line number and skipped (or end the read under --strict, when
// fr.bad returns an error); io.EOF marks the end.
func (fr *fileReader) nextLine(lr *lineReader) ([]byte, error) {
	for {
		line, err := lr.next()
		if err == io.EOF {
			return nil, io.EOF
		}
		if errors.Is(err, errTooLong) {
			if err := fr.bad(lr.line, "line longer than %d bytes; skipped", fr.o.maxRecord); err != nil {
				return nil, err
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", lr.line, err)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if !utf8.Valid(line) {
			if err := fr.bad(lr.line, "invalid UTF-8 at byte %d", invalidUTF8At(line)); err != nil {
				return nil, err
			}
			continue
		}
		return line, nil
	}
}

// eachLine makes an item of every non-empty line of a line-per-record file:
// fill reads the line's fields into v (reset for each line); an error from
// fill is the reason the line is a bad record, and reading goes on.
func (fr *fileReader) eachLine(src io.Reader, fill func(line []byte, v *values) error) error {
	lr := newLineReader(src, fr.o.maxRecord)
	var v values
	for {
		line, err := fr.nextLine(lr)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		v.reset()
		if err := fill(line, &v); err != nil {
			if err := fr.bad(lr.line, "%v", err); err != nil {
				return err
			}
			continue
		}
		if err := fr.item(lr.line, &v); err != nil {
			return err
		}
	}
}
