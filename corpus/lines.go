package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"io"
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
