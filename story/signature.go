package story

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
)

// SigSize is the number of MinHash values in a [Sig].
const SigSize = 64

// emptySlot marks a signature position no shingle has filled: the signature of
// a text without words has it everywhere.
const emptySlot = math.MaxUint32

// Sig is the MinHash signature of one text: for each of SigSize hash
// functions, the smallest hash of the text's word shingles. It is a plain
// value (256 bytes) that can be stored with a record, compared with == and
// encoded with MarshalBinary or MarshalText. The zero Sig is not a valid
// signature of any text; Similar treats it as empty.
type Sig [SigSize]uint32

// hashParams are the multipliers and addends of the SigSize hash functions
// h_i(x) = (a_i·x + b_i) >> 32 over a shingle's 64-bit hash x. They are
// derived from fixed seeds so that signatures stay comparable across
// processes and versions; the table is never written after initialisation.
var hashParams = func() (p [SigSize][2]uint64) {
	s := uint64(0x6e65747261) // "netra"
	for i := range p {
		p[i][0] = splitmix(&s) | 1
		p[i][1] = splitmix(&s)
	}
	return p
}()

// splitmix advances the SplitMix64 generator at s and returns its next value.
func splitmix(s *uint64) uint64 {
	*s += 0x9e3779b97f4a7c15
	z := *s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// fnv64 is the FNV-1a hash of w.
func fnv64(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// mix64 is the MurmurHash3 finaliser: it spreads the bits of x.
func mix64(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	return x ^ (x >> 33)
}

// signature computes the MinHash signature of title and text with shingles
// of k words. A text with fewer than k words is one shingle of all its words.
func signature(title, text string, k int) Sig {
	var sig Sig
	for i := range sig {
		sig[i] = emptySlot
	}
	sh := shingler{k: k, ring: make([]uint64, k), sig: &sig}
	eachWord(title, sh.word)
	eachWord(text, sh.word)
	if sh.n > 0 && sh.n < k {
		sh.add(sh.shingle())
	}
	return sig
}

// shingler turns a stream of words into shingle hashes and folds them into
// a MinHash signature.
type shingler struct {
	k    int
	n    int      // words seen
	ring []uint64 // hashes of the last k words
	sig  *Sig
}

// word takes the next word.
func (s *shingler) word(w []byte) {
	s.ring[s.n%s.k] = fnv64(w)
	s.n++
	if s.n >= s.k {
		s.add(s.shingle())
	}
}

// shingle combines the hashes of the last k (or, in a shorter text, all)
// words, oldest first.
func (s *shingler) shingle() uint64 {
	h := uint64(s.k)
	m := min(s.n, s.k)
	for j := m; j > 0; j-- {
		h = mix64((h ^ s.ring[(s.n-j)%s.k]) * 0x100000001b3)
	}
	return h
}

// add folds one shingle hash x into the signature.
func (s *shingler) add(x uint64) {
	sig := s.sig
	for i := range sig {
		v := uint32((hashParams[i][0]*x + hashParams[i][1]) >> 32)
		if v < sig[i] {
			sig[i] = v
		}
	}
}

// Empty reports whether s is the signature of a text without words (or the
// zero Sig).
func (s Sig) Empty() bool {
	return s[0] == emptySlot || s == Sig{}
}

// Similar estimates the Jaccard similarity of the shingle sets behind a and b:
// the fraction of signature positions where they agree, from 0 (nothing in
// common) to 1 (the same shingles). An empty signature is similar to nothing.
func Similar(a, b Sig) float64 {
	if a.Empty() || b.Empty() {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / SigSize
}

// MarshalBinary encodes s as 4·SigSize bytes, little-endian.
func (s Sig) MarshalBinary() ([]byte, error) {
	b := make([]byte, 4*SigSize)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *Sig) UnmarshalBinary(b []byte) error {
	if len(b) != 4*SigSize {
		return fmt.Errorf("story: signature is %d bytes, want %d", len(b), 4*SigSize)
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return nil
}

// MarshalText encodes s as unpadded URL-safe base64 (342 characters), so it
// can be kept in JSON.
func (s Sig) MarshalText() ([]byte, error) {
	b, _ := s.MarshalBinary()
	out := make([]byte, base64.RawURLEncoding.EncodedLen(len(b)))
	base64.RawURLEncoding.Encode(out, b)
	return out, nil
}

// UnmarshalText decodes what MarshalText wrote.
func (s *Sig) UnmarshalText(t []byte) error {
	b := make([]byte, base64.RawURLEncoding.DecodedLen(len(t)))
	n, err := base64.RawURLEncoding.Decode(b, t)
	if err != nil {
		return fmt.Errorf("story: decode signature: %w", err)
	}
	return s.UnmarshalBinary(b[:n])
}
