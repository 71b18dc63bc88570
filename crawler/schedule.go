package crawler

import (
	"time"

	"github.com/robfig/cron/v3"
)

// DefaultSchedule is the schedule of a source that names none, in both
// `netra crawl` (without --once) and `netra serve`: a source listed in a
// sources file is meant to be watched, and hourly is frequent enough for
// news without weighing on small regional sites.
const DefaultSchedule = "@hourly"

// ScheduleManual as a source's schedule means "only when started by hand":
// `netra serve` runs it from the sources page, `netra crawl` once at start.
const ScheduleManual = "manual"

// cronParser is the one cron dialect of sources files, `netra crawl` and
// `netra serve`: five fields with an optional leading seconds field, and
// descriptors such as @hourly and @every 10m.
var cronParser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ScheduleSpec is the source's cron spec with the default filled in; ""
// when the source runs by hand only.
func (s Source) ScheduleSpec() string {
	switch s.Schedule {
	case "":
		return DefaultSchedule
	case ScheduleManual:
		return ""
	}
	return s.Schedule
}

// Clock is the time zone the schedule is read in: the sources file's
// `timezone`, else UTC (never the machine's local zone, so a crawl
// scheduled "0 6 * * *" runs at the same instant on every server).
func (s Source) Clock() *time.Location {
	if s.Location == nil {
		return time.UTC
	}
	return s.Location
}

// ParseSchedule parses the source's effective schedule in its clock; nil
// for a manual source.
func (s Source) ParseSchedule() (cron.Schedule, error) {
	spec := s.ScheduleSpec()
	if spec == "" {
		return nil, nil
	}
	return cronParser.Parse("CRON_TZ=" + s.Clock().String() + " " + spec)
}

// Tick is the parsed TickSpec in the source's clock; nil for a manual
// source.
func (s Source) Tick() (cron.Schedule, error) {
	spec := s.TickSpec()
	if spec == "" {
		return nil, nil
	}
	return cronParser.Parse("CRON_TZ=" + s.Clock().String() + " " + spec)
}

// Impolite reports whether the source said `polite: false`.
func (s Source) Impolite() bool { return s.Polite != nil && !*s.Polite }

// scheduleGap is the time between two runs of the schedule after now,
// the ceiling of the adaptive interval; 0 for a manual source.
func (s Source) scheduleGap(now time.Time) time.Duration {
	sc, err := s.ParseSchedule()
	if err != nil || sc == nil {
		return 0
	}
	a := sc.Next(now)
	return sc.Next(a).Sub(a)
}
