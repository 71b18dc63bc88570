package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// parseAge reads an age for rollover and retention: a whole number with a
// unit of y (365 days), w, d, h, m or s ("2y", "30d", "12h"). Go durations
// such as "1h30m" are accepted too.
func parseAge(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("age is empty: want a number and a unit, e.g. 30d or 2y")
	}
	units := map[byte]time.Duration{'y': 365 * 24 * time.Hour, 'w': 7 * 24 * time.Hour, 'd': 24 * time.Hour}
	if u, ok := units[s[len(s)-1]]; ok {
		n, err := strconv.ParseInt(s[:len(s)-1], 10, 64)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("age %q: want a whole number before %q, e.g. 30d or 2y", s, s[len(s)-1:])
		}
		if n > int64(1<<62)/int64(u) {
			return 0, fmt.Errorf("age %q is too long", s)
		}
		return time.Duration(n) * u, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("age %q: want a number and a unit (y, w, d, h, m, s), e.g. 30d or 2y", s)
	}
	return d, nil
}
