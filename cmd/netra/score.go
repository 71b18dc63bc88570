package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"github.com/netra-id/netra"
	"github.com/netra-id/netra/corpus"
	"github.com/netra-id/netra/index"
	"github.com/netra-id/netra/pipeline"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
)

// scoreFlags are the options of `netra score`.
type scoreFlags struct {
	format       string
	perLine      bool
	fields       corpus.Fields
	source       string
	out          string
	outputFormat string
	onlyFlagged  bool
	index        bool
	workers      int
	strict       bool
	batchSize    int
	maxRecord    int
	progress     string
	cpuProfile   string
	shutdown     time.Duration
}

// maxShownBadRecords bounds how many bad records are printed one by one; the
// summary still counts all of them.
const maxShownBadRecords = 50

func newScoreCmd(g *globals) *cobra.Command {
	f := &scoreFlags{}
	cmd := &cobra.Command{
		Use:   "score [flags] INPUT...",
		Short: "Batch-score JSONL, CSV/TSV, TXT files, directories or - (stdin)",
		Long: `Score every document of the inputs and write one verdict per document, in
input order: the verdict JSON of DESIGN.md plus the input's own id
("input_id") and where the document was read ("pos": file:line).

Inputs are files (.jsonl/.ndjson, .csv, .tsv, .txt, each optionally .gz),
directories (read recursively) or - for standard input. CSV delimiters
(, ; tab |) are detected from the header row. Fields are found by common
names (text/full_text/content/tweet/comment_text, id/id_str, title,
url/tweet_url, created_at/date/time) unless --*-field says otherwise;
dotted paths reach into nested JSON.

Bad records (malformed JSON, a row with the wrong field count, invalid
UTF-8, no text) are reported with file:line, skipped and counted; --strict
stops at the first one with exit status 1, after writing everything
scored before it. Without --index nothing is written anywhere but the
output. A document the classifier fails on (a bug) is reported by id and
skipped, and the run ends with exit status 1 after writing every other
document; --strict stops at it.`,
		Example: `  netra score --only-flagged raw/Prabowo-Gibran_01122023.csv
  netra score --format tsv --text-field tweets falsenews.txt > verdicts.jsonl
  zcat posts.jsonl.gz | netra score --index -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScore(cmd.Context(), g, f, args, cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "", "input format: jsonl, csv, tsv or txt (default: from the file name; jsonl for stdin)")
	fl.BoolVar(&f.perLine, "per-line", false, "with txt input, score every line as its own document instead of every file")
	fl.StringVar(&f.fields.Text, "text-field", "", "field with the text (default: text, full_text, content, tweet, tweets, comment_text, body, message)")
	fl.StringVar(&f.fields.ID, "id-field", "", "field with the record's id (default: id, id_str, tweet_id, comment_id)")
	fl.StringVar(&f.fields.Title, "title-field", "", "field with the title (default: title, headline, judul, judul_berita)")
	fl.StringVar(&f.fields.URL, "url-field", "", "field with the URL (default: url, tweet_url, link)")
	fl.StringVar(&f.fields.Time, "time-field", "", "field with the publication time (default: created_at, published_at, published, date, time, timestamp, tanggal)")
	fl.StringVar(&f.source, "source", "", "source name of every document (default: the record's source field, else the file name); part of the stable id of documents without a URL")
	fl.StringVarP(&f.out, "out", "o", "", "write verdicts to this file instead of stdout")
	fl.StringVar(&f.outputFormat, "output-format", "jsonl", "output format: jsonl or csv")
	fl.BoolVar(&f.onlyFlagged, "only-flagged", false, "write (and with --index, store) only flagged documents")
	fl.BoolVar(&f.index, "index", false, "store records (item + verdict) in the configured store, in batches")
	fl.IntVar(&f.workers, "workers", runtime.NumCPU(), "classifying goroutines")
	fl.BoolVar(&f.strict, "strict", false, "stop at the first bad record with exit status 1")
	fl.IntVar(&f.batchSize, "batch-size", 0, fmt.Sprintf("records per store batch with --index (default %d for the embedded store, %d for Elasticsearch: measured best, see README)", pipeline.DefaultBatchSize, esBatchSize))
	fl.IntVar(&f.maxRecord, "max-record", corpus.DefaultMaxRecord, "largest record (line, row, text file) in bytes; larger ones are reported and skipped")
	fl.StringVar(&f.progress, "progress", "auto", "progress bar on stderr: auto (when stderr is a terminal), always or never")
	fl.DurationVar(&f.shutdown, "shutdown-timeout", DefaultShutdownTimeout, "after Ctrl-C or SIGTERM, how long to keep scoring and storing what was read")
	fl.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (for bench/score)")
	_ = fl.MarkHidden("cpuprofile")
	return cmd
}

// exitError carries the exit status of a failed run to main.
type exitError struct {
	err  error
	code int
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// ExitCode is the status main exits with.
func (e *exitError) ExitCode() int { return e.code }

func runScore(ctx context.Context, g *globals, f *scoreFlags, inputs []string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	format, err := corpus.ParseFormat(f.format)
	if err != nil {
		return err
	}
	var newWriter func(io.Writer) recordWriter
	switch f.outputFormat {
	case "jsonl", "json":
		newWriter = func(w io.Writer) recordWriter { return newJSONLWriter(w) }
	case "csv":
		newWriter = func(w io.Writer) recordWriter { return newCSVWriter(w) }
	default:
		return fmt.Errorf("unknown --output-format %q (want jsonl or csv)", f.outputFormat)
	}
	if f.workers <= 0 {
		return fmt.Errorf("--workers must be positive, got %d", f.workers)
	}

	if f.cpuProfile != "" {
		pf, err := os.Create(f.cpuProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}

	cls, err := classifierFor(g)
	if err != nil {
		return err
	}

	var sink index.Store
	var stored func(context.Context, []netra.Record) // the alert hook, with --index
	if f.index {
		store, err := openStoreForWriting(ctx, g, cls.Analyze)
		if err != nil {
			return fmt.Errorf("open store: %w", err)
		}
		defer func() {
			if cerr := store.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("close store: %w", cerr)
			}
		}()
		sink = store
		al, err := startAlerts(ctx, g, store, cliLogger(stderr), 0)
		if err != nil {
			return err
		}
		defer al.close(alertFlushWait)
		stored = al.hook()
	}

	var out io.Writer = stdout
	if f.out != "" {
		if err := notAnInput(f.out, inputs); err != nil {
			return err
		}
		fh, err := os.Create(f.out)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer func() {
			if cerr := fh.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("close %s: %w", f.out, cerr)
			}
		}()
		out = fh
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	w := newWriter(bw)
	flush := func() error {
		if err := w.Flush(); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	}
	// Whatever happens later, what was scored reaches the output.
	defer func() {
		if ferr := flush(); ferr != nil && err == nil {
			err = ferr
		}
	}()

	var bytesRead atomic.Int64
	var badRecords, skippedFiles atomic.Int64
	total := corpus.TotalSize(inputs, format)
	bar := newScoreBar(f.progress, stderr, total)
	// The bar is drawn from the pipeline's goroutine and cleared for
	// messages from the reader's; it does not lock Clear itself.
	var barMu sync.Mutex
	say := func(msg string) {
		barMu.Lock()
		defer barMu.Unlock()
		if bar != nil {
			_ = bar.Clear()
		}
		fmt.Fprintln(stderr, "netra:", msg)
	}

	opts := []corpus.Option{
		corpus.WithFormat(format),
		corpus.WithPerLine(f.perLine),
		corpus.WithFields(f.fields),
		corpus.WithSource(f.source),
		corpus.WithMaxRecord(f.maxRecord),
		corpus.WithStdin(stdin),
		corpus.WithBytesRead(&bytesRead),
		corpus.OnNotice(func(msg string) {
			skippedFiles.Add(1)
			say(msg)
		}),
		corpus.OnBadRecord(func(e *corpus.RecordError) error {
			n := badRecords.Add(1)
			if f.strict {
				return &exitError{err: fmt.Errorf("bad record (--strict): %w", e), code: 1}
			}
			if n <= maxShownBadRecords {
				say(e.Error())
			} else if n == maxShownBadRecords+1 {
				say("more bad records not shown; the summary counts them")
			}
			return nil
		}),
	}

	start := time.Now()
	var readErr error
	// A read error ends the input but not the scoring of what was read
	// before it; it is returned after the pipeline drained.
	read := func(ctx context.Context, send func(netra.Item) error) error {
		readErr = corpus.Read(ctx, inputs, send, opts...)
		return nil
	}
	// Reading stops with ctx (Ctrl-C); what was read is still scored,
	// written and stored, until drain ends.
	drain, cancelDrain := drainContext(ctx, f.shutdown)
	defer cancelDrain()
	enrich, err := itemEnricher(ctx, sink)
	if err != nil {
		return err
	}
	var pc pipeline.Classifier = cls
	if g.wrapClassifier != nil {
		pc = g.wrapClassifier(cls)
	}
	st, runErr := pipeline.RunFrom(drain, pc, pipeline.Until(ctx, read), pipeline.Options{
		Enrich:    enrich,
		Workers:   f.workers,
		BatchSize: batchSize(f.batchSize, g),
		Sink:      sink,
		Stored:    stored,
		Keep: func(r *netra.Record) bool {
			return !f.onlyFlagged || r.Verdict.Flagged
		},
		Failed: func(it netra.Item, err error) error {
			// Name the record as the input does: file:line and its own id.
			where := it.Meta[corpus.MetaPos]
			if id := it.Meta[corpus.MetaInputID]; id != "" {
				where += " (id " + id + ")"
			}
			err = fmt.Errorf("%s: %w", where, err)
			if f.strict {
				return &exitError{err: fmt.Errorf("%w (--strict)", err), code: 1}
			}
			say(err.Error() + "; skipped, the rest goes on")
			return nil
		},
		Progress: func(s pipeline.Stats) {
			if bar != nil {
				barMu.Lock()
				defer barMu.Unlock()
				bar.Describe(fmt.Sprintf("%d docs, %d flagged, %.0f docs/s", s.Items, s.Flagged, float64(s.Items)/max(s.Elapsed.Seconds(), 1e-9)))
				_ = bar.Set64(bytesRead.Load())
			}
		},
	}, func(rec netra.Record) error {
		if f.onlyFlagged && !rec.Verdict.Flagged {
			return nil
		}
		if err := w.Write(&rec); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	})
	// Output first, so that on a terminal the summary comes last.
	if ferr := flush(); ferr != nil && runErr == nil {
		runErr = ferr
	}
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(stderr)
	}
	if runErr == nil && readErr != nil && !errors.Is(readErr, context.Canceled) {
		runErr = readErr
	}
	if sink != nil && runErr == nil && ctx.Err() == nil {
		replayAfter(drain, sink, stderr)
	}
	if runErr == nil && st.Failed > 0 {
		// A classifier bug: everything else was written and stored, and
		// the exit status says that something was not.
		runErr = &exitError{err: fmt.Errorf("%d document(s) could not be classified (named above); every other document was written", st.Failed), code: 1}
	}
	if runErr == nil && ctx.Err() != nil {
		runErr = &exitError{err: fmt.Errorf("interrupted: stopped reading the input after %d documents; each of them was written and (with --index) stored", st.Items), code: 130}
	}
	elapsed := time.Since(start)
	nerr := st.Failed
	if runErr != nil && st.Failed == 0 {
		nerr = 1
	}
	mb := float64(bytesRead.Load()) / 1e6
	fmt.Fprintf(stderr, "netra score: %d documents, %d flagged, %d skipped, %d errors, %.2fs, %.1f MB at %.1f MB/s, %.0f docs/s",
		st.Items, st.Flagged, badRecords.Load(), nerr, elapsed.Seconds(), mb, mb/max(elapsed.Seconds(), 1e-9),
		float64(st.Items)/max(elapsed.Seconds(), 1e-9))
	if sink != nil {
		fmt.Fprintf(stderr, ", %d stored", st.Stored)
		if st.Spooled > 0 {
			fmt.Fprintf(stderr, " (%d of them spooled: elasticsearch unreachable; delivered on the next run or by `netra index replay`)", st.Spooled)
		}
	}
	if n := skippedFiles.Load(); n > 0 {
		fmt.Fprintf(stderr, ", %d file(s) of unknown format skipped", n)
	}
	fmt.Fprintln(stderr)
	return runErr
}

// esBatchSize is the default --batch-size with Elasticsearch: 57,045 posts
// stored at 4,832 records/s in batches of 1,000, 2,933 in batches of 256
// and 4,045 in batches of 2,000 (README, Performance).
const esBatchSize = 1000

// batchSize is --batch-size, or the measured default for the store.
func batchSize(flag int, g *globals) int {
	switch {
	case flag > 0:
		return flag
	case len(g.esURLs) > 0:
		return esBatchSize
	}
	return pipeline.DefaultBatchSize
}

// notAnInput refuses an output file that is also an input: creating it would
// truncate what is about to be read.
func notAnInput(out string, inputs []string) error {
	ofi, err := os.Stat(out)
	if err != nil {
		return nil // a new file cannot be an input
	}
	for _, in := range inputs {
		if ifi, err := os.Stat(in); err == nil && os.SameFile(ofi, ifi) {
			return fmt.Errorf("--out %s is also an input; refusing to overwrite it", out)
		}
	}
	return nil
}

// newScoreBar returns a progress bar on stderr when asked for, or nil.
func newScoreBar(mode string, stderr io.Writer, total int64) *progressbar.ProgressBar {
	show := false
	switch mode {
	case "always":
		show = true
	case "never":
		show = false
	default:
		if fh, ok := stderr.(*os.File); ok {
			if fi, err := fh.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
				show = true
			}
		}
	}
	if !show {
		return nil
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionShowTotalBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionShowDescriptionAtLineEnd(),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetWidth(30),
		progressbar.OptionSetDescription("starting"),
	)
}
