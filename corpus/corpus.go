// Package corpus turns the files analysts already hold — JSON lines, CSV or
// TSV exports, plain text, whole directories of them, gzip-compressed or on
// standard input — into netra.Items with stable IDs and their position in
// the source, so a verdict can always be traced back to file:line.
//
// Reading streams: memory does not grow with the size of a file, a record
// larger than the configured maximum is reported and skipped instead of
// being buffered, and bad records (malformed JSON, a CSV row with the wrong
// number of fields, invalid UTF-8, a missing text field) are handed to the
// caller as *RecordError values with file:line and a reason, so one bad line
// never costs the records around it.
package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/netra-id/netra"
)

// Format is an input format.
type Format string

// The formats Read understands. FormatAuto picks one from the file name.
const (
	FormatAuto  Format = ""
	FormatJSONL Format = "jsonl"
	FormatCSV   Format = "csv"
	FormatTSV   Format = "tsv"
	FormatText  Format = "txt"
)

// ParseFormat accepts a format name as a user would type it.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(s, ".")) {
	case "", "auto":
		return FormatAuto, nil
	case "jsonl", "ndjson", "json":
		return FormatJSONL, nil
	case "csv":
		return FormatCSV, nil
	case "tsv", "tab":
		return FormatTSV, nil
	case "txt", "text":
		return FormatText, nil
	}
	return "", fmt.Errorf("unknown input format %q (want jsonl, csv, tsv or txt)", s)
}

// Meta keys Read sets on every item.
const (
	MetaInputID = "input_id" // the record's own id in the input, if any
	MetaPos     = "pos"      // file:line of the record
	MetaTime    = "time"     // the time field as written, when it could not be parsed
)

// Kind is the netra.Item.Kind of imported items.
const Kind = "import"

// DefaultMaxRecord is the largest record (a line, a CSV row, a text file)
// Read accepts by default. Larger ones are reported and skipped rather than
// buffered, so a file without line breaks cannot exhaust memory.
const DefaultMaxRecord = 4 << 20

// Pos is where a record starts: a file and a 1-based line number.
type Pos struct {
	File string // the path read; "stdin" for standard input
	Line int    // 1-based; 0 when no single line is to blame
}

// String formats p as file:line, the form editors and terminals jump to.
func (p Pos) String() string {
	if p.Line <= 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}

// RecordError is one bad record: it was skipped, the records around it were
// not.
type RecordError struct {
	Pos    Pos
	Reason string // what was wrong, for a person fixing the input
}

// Error leads with file:line so the message alone locates the bad record.
func (e *RecordError) Error() string { return e.Pos.String() + ": " + e.Reason }

// options are set with Option values.
type options struct {
	format    Format
	perLine   bool
	fields    Fields
	source    string
	maxRecord int
	stdin     io.Reader
	bytesRead *atomic.Int64
	onBad     func(*RecordError) error
	onNotice  func(string)
}

// Option configures Read.
type Option func(*options)

// WithFormat forces a format instead of guessing from file names.
func WithFormat(f Format) Option { return func(o *options) { o.format = f } }

// WithPerLine makes every non-empty line of a text file its own document
// instead of one document per file.
func WithPerLine(on bool) Option { return func(o *options) { o.perLine = on } }

// WithFields sets the field mapping; empty fields keep their defaults.
func WithFields(f Fields) Option { return func(o *options) { o.fields = f } }

// WithSource names the source of every item (it is part of the stable ID
// of items without a URL). By default a record's own "source" field is
// used, else the file's base name, else "stdin".
func WithSource(name string) Option { return func(o *options) { o.source = name } }

// WithMaxRecord caps the size of one record in bytes.
func WithMaxRecord(n int) Option { return func(o *options) { o.maxRecord = n } }

// WithStdin sets what "-" reads; the default is os.Stdin.
func WithStdin(r io.Reader) Option { return func(o *options) { o.stdin = r } }

// WithBytesRead makes Read add the number of input bytes it consumed (as
// stored, before decompression) to n, for progress reporting.
func WithBytesRead(n *atomic.Int64) Option { return func(o *options) { o.bytesRead = n } }

// OnBadRecord sets what happens to a bad record. The default returns it as
// an error, which stops Read (strict mode); a handler that records it and
// returns nil skips it.
func OnBadRecord(fn func(*RecordError) error) Option { return func(o *options) { o.onBad = fn } }

// OnNotice receives remarks that are not errors, such as files in a
// directory that were skipped for having no known format.
func OnNotice(fn func(string)) Option { return func(o *options) { o.onNotice = fn } }

// Read reads every input in order — a file, a directory (recursively, in
// lexical order, skipping hidden entries and files of unknown format), or
// "-" for standard input — and calls emit with each item. It stops at the
// first error from emit, from the bad-record handler, or from an input that
// cannot be opened or read; that error names the file.
func Read(ctx context.Context, inputs []string, emit func(netra.Item) error, opts ...Option) error {
	o := options{maxRecord: DefaultMaxRecord, stdin: os.Stdin}
	for _, opt := range opts {
		opt(&o)
	}
	if o.onBad == nil {
		o.onBad = func(e *RecordError) error { return e }
	}
	if o.onNotice == nil {
		o.onNotice = func(string) {}
	}
	if err := o.fields.validate(); err != nil {
		return err
	}
	r := &reader{o: o, emit: emit, fields: newFieldSet(o.fields)}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.input(ctx, in); err != nil {
			return err
		}
	}
	return nil
}

// TotalSize is the number of bytes Read will consume from inputs, or -1
// when that is unknown (standard input).
func TotalSize(inputs []string, format Format) int64 {
	var total int64
	for _, in := range inputs {
		if in == "-" {
			return -1
		}
		fi, err := os.Stat(in)
		if err != nil {
			continue // Read reports it
		}
		if !fi.IsDir() {
			total += fi.Size()
			continue
		}
		_ = filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // Read reports it
			}
			if skipEntry(path, in, d) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && (format != FormatAuto || formatOf(path) != FormatAuto) {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	return total
}

type reader struct {
	o      options
	emit   func(netra.Item) error
	fields *fieldSet
}

func (r *reader) input(ctx context.Context, in string) error {
	if in == "-" {
		return r.stream(ctx, "stdin", r.o.stdin, r.o.format, 1<<20)
	}
	fi, err := os.Stat(in)
	if err != nil {
		return fmt.Errorf("read %s: %w", in, err)
	}
	if !fi.IsDir() {
		f := r.o.format
		if f == FormatAuto {
			if f = formatOf(in); f == FormatAuto {
				return netra.WithHint(fmt.Errorf("read %s: cannot tell its format from the name", in),
					"name it .jsonl, .csv, .tsv or .txt (optionally .gz), or pass --format")
			}
		}
		return r.file(ctx, in, f)
	}
	return filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if skipEntry(path, in, d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		f := r.o.format
		if f == FormatAuto {
			if f = formatOf(path); f == FormatAuto {
				r.o.onNotice(fmt.Sprintf("%s: skipped: not a .jsonl, .csv, .tsv or .txt file", path))
				return nil
			}
		}
		return r.file(ctx, path, f)
	})
}

// skipEntry hides dot-files and dot-directories below a walked root.
func skipEntry(path, root string, d fs.DirEntry) bool {
	return path != root && strings.HasPrefix(d.Name(), ".")
}

func (r *reader) file(ctx context.Context, path string, f Format) error {
	fh, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	defer fh.Close()
	// Small files (a folder of articles) get small buffers.
	bufSize := 1 << 20
	if fi, err := fh.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() < int64(bufSize) {
		bufSize = max(int(fi.Size())+1, 4096)
	}
	return r.stream(ctx, path, fh, f, bufSize)
}

// stream reads one input, transparently gunzipping it.
func (r *reader) stream(ctx context.Context, name string, raw io.Reader, f Format, bufSize int) error {
	if r.o.bytesRead != nil {
		raw = &countingReader{r: raw, n: r.o.bytesRead}
	}
	br := bufio.NewReaderSize(raw, bufSize)
	src := br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		defer zr.Close()
		src = bufio.NewReaderSize(zr, 1<<20)
	}
	if f == FormatAuto {
		// Only standard input gets here: JSON lines unless it plainly is
		// not, in which case one clear error beats an error per line.
		head, _ := src.Peek(4096)
		head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
		if len(head) > 0 && head[0] != '{' {
			return netra.WithHint(fmt.Errorf("read %s: not JSON lines and no --format given", name),
				"pass --format csv, tsv or txt")
		}
		f = FormatJSONL
	}
	source := r.o.source
	if source == "" && name != "stdin" {
		source = strings.TrimSuffix(filepath.Base(name), ".gz")
	} else if source == "" {
		source = "stdin"
	}
	fr := &fileReader{reader: r, ctx: ctx, name: name, source: source}
	if bom, _ := src.Peek(2); len(bom) == 2 && (bom[0] == 0xff && bom[1] == 0xfe || bom[0] == 0xfe && bom[1] == 0xff) {
		// Spreadsheets save "Unicode text" as UTF-16; every row would
		// otherwise be reported as invalid UTF-8.
		return fr.bad(1, "the file is UTF-16, not UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8); file skipped")
	}
	var err error
	switch f {
	case FormatJSONL:
		err = fr.jsonl(src)
	case FormatCSV:
		err = fr.csv(src, 0, true)
	case FormatTSV:
		err = fr.csv(src, '\t', false)
	case FormatText:
		if r.o.perLine {
			err = fr.textLines(src)
		} else {
			err = fr.textFile(src)
		}
	default:
		err = fmt.Errorf("unknown format %q", f)
	}
	if err != nil && !isStop(err) {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return err
}

// stopError wraps errors from emit or the bad-record handler so they pass
// through unchanged instead of being re-wrapped with the file name.
type stopError struct{ err error }

func (s stopError) Error() string { return s.err.Error() }
func (s stopError) Unwrap() error { return s.err }

func isStop(err error) bool {
	var s stopError
	return errors.As(err, &s)
}

// formatOf guesses a format from a file name, ignoring a .gz suffix.
func formatOf(path string) Format {
	name := strings.TrimSuffix(strings.ToLower(path), ".gz")
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".csv":
		return FormatCSV
	case ".tsv", ".tab":
		return FormatTSV
	case ".txt", ".text":
		return FormatText
	}
	return FormatAuto
}

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// fileReader holds the per-input state shared by the format readers.
type fileReader struct {
	*reader
	ctx    context.Context
	name   string
	source string
	items  int
	// timeLayout is the index of the time layout that parsed last.
	timeLayout int
}

// bad hands a bad record to the handler; a non-nil result stops reading.
func (fr *fileReader) bad(line int, format string, args ...any) error {
	if err := fr.o.onBad(&RecordError{Pos: Pos{File: fr.name, Line: line}, Reason: fmt.Sprintf(format, args...)}); err != nil {
		return stopError{err}
	}
	return nil
}

// item finishes and emits one item built from a record's fields.
func (fr *fileReader) item(line int, v *values) error {
	if v.f[roleText] == "" {
		return fr.bad(line, "no text: none of the fields %s is present or non-empty", fr.fields.describe(roleText))
	}
	source := v.f[roleSource]
	if fr.o.source != "" || source == "" {
		source = fr.source
	}
	it := netra.Item{
		Source: source,
		Kind:   Kind,
		URL:    v.f[roleURL],
		Title:  v.f[roleTitle],
		Text:   v.f[roleText],
		Meta:   make(map[string]string, 3),
	}
	it.ID = netra.ItemID(it.URL, it.Source, it.Text)
	it.Meta[MetaPos] = Pos{File: fr.name, Line: line}.String()
	if v.f[roleID] != "" {
		it.Meta[MetaInputID] = v.f[roleID]
	}
	if v.f[roleTime] != "" {
		if t, ok := parseTime(v.f[roleTime], &fr.timeLayout); ok {
			it.Published = t
		} else {
			it.Meta[MetaTime] = v.f[roleTime]
		}
	}
	fr.items++
	if fr.items&63 == 0 {
		if err := fr.ctx.Err(); err != nil {
			return stopError{err}
		}
	}
	if err := fr.emit(it); err != nil {
		return stopError{err}
	}
	return nil
}
