// Package date holds the result type of the date parser: a time and how
// precise it is. It mirrors the upstream go-dateparser's date package, the
// part of it go-htmldate uses.
package date

import "time"

// Period is the precision of a parsed date.
type Period uint8

// Precisions, coarsest last.
const (
	None Period = iota
	Second
	Minute
	Hour
	Day
	Month
	Year
)

// String names the period.
func (p Period) String() string {
	switch p {
	case Second:
		return "Second"
	case Minute:
		return "Minute"
	case Hour:
		return "Hour"
	case Day:
		return "Day"
	case Month:
		return "Month"
	case Year:
		return "Year"
	}
	return ""
}

// IsTime reports whether the period is finer than a day.
func (p Period) IsTime() bool { return p == Second || p == Minute || p == Hour }

// Date is a parsed date.
type Date struct {
	Locale string
	Period Period
	Time   time.Time
}

// IsZero reports whether the date is empty.
func (d Date) IsZero() bool { return d.Period == None || d.Time.IsZero() }
