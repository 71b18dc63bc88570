package lease

import "time"

// SetClock lets tests move a manager's clock (to see leases expire).
func SetClock(m *Manager, now func() time.Time) { m.now = now }
