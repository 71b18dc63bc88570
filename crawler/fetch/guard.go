// Package fetch is the crawler's one way to the network: a dialer that
// refuses private addresses after DNS resolution (so redirects and DNS
// rebinding are covered), and a transport that adds politeness (robots.txt,
// per-host parallelism and delay, adaptive throttling), bounded retries,
// timeouts, body and redirect limits, decompression and charset decoding.
package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// Guard decides which addresses may be dialled.
type Guard struct {
	// AllowPrivate opens every address (a source's allow_private).
	AllowPrivate bool
	// Allowed lists exact "ip:port" addresses reachable although private.
	Allowed map[string]bool
}

// blockedPrefixes are ranges no crawled link may reach: RFC 1918, CGNAT,
// loopback, link-local (including cloud metadata at 169.254.169.254),
// "this network", benchmarking, documentation, IETF protocol assignments,
// multicast and reserved space, and their IPv6 equivalents.
var blockedPrefixes = mustPrefixes(
	"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
	"172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
	"198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
	"::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001:db8::/32",
	"fc00::/7", "fe80::/10", "ff00::/8",
)

func mustPrefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// Blocked reports whether ip is in a range crawled links must not reach.
func Blocked(ip netip.Addr) bool {
	ip = ip.Unmap()
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// Control is a net.Dialer Control func: it runs after DNS resolution with
// the literal address about to be dialled, so every hop of a redirect chain
// and every resolved name passes through it.
func (g Guard) Control(network, address string, _ syscall.RawConn) error {
	if g.AllowPrivate {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &Error{Reason: ReasonBlocked, URL: address, Err: fmt.Errorf("unparsable dial address %q", address)}
	}
	if Blocked(ap.Addr()) && !g.Allowed[address] {
		return &Error{Reason: ReasonBlocked, URL: address, Err: fmt.Errorf("refusing to dial private address %s", address)}
	}
	return nil
}

// Dialer returns a dialer guarded by g.
func (g Guard) Dialer(d net.Dialer) *net.Dialer {
	d.Control = g.Control
	return &d
}
