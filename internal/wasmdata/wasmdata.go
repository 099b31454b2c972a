// Package wasmdata rewrites the data section of a wasm module as the Go
// linker writes it, keeping the memory it starts with.
package wasmdata

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
	"strconv"
)

// Gap is the largest run of zero bytes Pack writes to join two segments.
//
// The Go linker writes a wasm's data as one active segment per run of
// non-zero bytes: the map's wasm had 38,683 segments, most of them a few
// bytes long, each with its own header for the browser to read and apply.
// Joined across gaps of up to 32 bytes, writing the zeros between them,
// which the memory holds anyway, they are 134, and the map's wasm went
// from 711,683 to 668,585 B as brotli (issue 17: 0.2 s on the slow
// phone's line); the Worker's from 2,870,923 to 2,696,475 B as gzip.
const Gap = 32

// Pack returns module with its data segments joined across gaps of at
// most maxGap zero bytes. It knows the form the Go linker writes (active
// segments of memory 0 at i32.const offsets, no data count section) and
// refuses any other.
func Pack(module []byte, maxGap int) ([]byte, error) {
	if len(module) < 8 || string(module[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm module")
	}
	out := bytes.NewBuffer(make([]byte, 0, len(module)+len(module)/8))
	out.Write(module[:8])
	for at := 8; at < len(module); {
		id := module[at]
		size, start, err := uleb(module, at+1)
		if err != nil || start+int(size) > len(module) {
			return nil, errors.New("wasm: a section runs past the end")
		}
		end := start + int(size)
		switch id {
		case 12:
			return nil, errors.New("wasm: a data count section (not the Go linker's form)")
		case 11:
			segs, err := readData(module[start:end])
			if err != nil {
				return nil, err
			}
			sec := writeData(joinData(segs, maxGap))
			out.WriteByte(11)
			putUleb(out, uint64(len(sec)))
			out.Write(sec)
		default:
			out.Write(module[at:end])
		}
		at = end
	}
	return out.Bytes(), nil
}

// segment is an active data segment: data written at offset in memory 0.
type segment struct {
	offset int64
	data   []byte
}

func readData(sec []byte) ([]segment, error) {
	n, at, err := uleb(sec, 0)
	if err != nil {
		return nil, err
	}
	segs := make([]segment, 0, n)
	for range n {
		// flags 0 (active, memory 0), i32.const offset, end, size, bytes
		if at+2 > len(sec) || sec[at] != 0 || sec[at+1] != 0x41 {
			return nil, errors.New("wasm: data segment " + strconv.Itoa(len(segs)) + " is not active at a constant offset")
		}
		off, next, err := sleb(sec, at+2)
		if err != nil || next >= len(sec) || sec[next] != 0x0b {
			return nil, errors.New("wasm: data segment " + strconv.Itoa(len(segs)) + " has no plain offset")
		}
		size, from, err := uleb(sec, next+1)
		if err != nil || from+int(size) > len(sec) {
			return nil, errors.New("wasm: data segment " + strconv.Itoa(len(segs)) + " runs past its section")
		}
		segs = append(segs, segment{off, sec[from : from+int(size)]})
		at = from + int(size)
	}
	if at != len(sec) {
		return nil, errors.New("wasm: bytes after the last data segment")
	}
	return segs, nil
}

// joinData joins segments that start at most maxGap bytes after the one
// before them ends, in the order of their offsets. The linker's segments
// never overlap, so the order they are written in does not matter (its
// last few thousand come at lower offsets than the ones before); where
// two do overlap, the order would, and they are kept as they are.
func joinData(segs []segment, maxGap int) []segment {
	sorted := slices.Clone(segs)
	slices.SortStableFunc(sorted, func(a, b segment) int { return cmp.Compare(a.offset, b.offset) })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].offset < sorted[i-1].offset+int64(len(sorted[i-1].data)) {
			return segs
		}
	}
	var out []segment
	for _, s := range sorted {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if gap := s.offset - (last.offset + int64(len(last.data))); gap <= int64(maxGap) {
				last.data = append(append(last.data, make([]byte, gap)...), s.data...)
				continue
			}
		}
		out = append(out, segment{s.offset, append([]byte(nil), s.data...)})
	}
	return out
}

func writeData(segs []segment) []byte {
	var b bytes.Buffer
	putUleb(&b, uint64(len(segs)))
	for _, s := range segs {
		b.Write([]byte{0, 0x41})
		putSleb(&b, s.offset)
		b.WriteByte(0x0b)
		putUleb(&b, uint64(len(s.data)))
		b.Write(s.data)
	}
	return b.Bytes()
}

func uleb(b []byte, at int) (uint64, int, error) {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if at >= len(b) {
			break
		}
		c := b[at]
		at++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, at, nil
		}
	}
	return 0, at, errors.New("wasm: a bad LEB128 number")
}

func sleb(b []byte, at int) (int64, int, error) {
	var v int64
	for shift := uint(0); shift < 64; {
		if at >= len(b) {
			break
		}
		c := b[at]
		at++
		v |= int64(c&0x7f) << shift
		shift += 7
		if c < 0x80 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, at, nil
		}
	}
	return 0, at, errors.New("wasm: a bad LEB128 number")
}

func putUleb(b *bytes.Buffer, v uint64) {
	for v >= 0x80 {
		b.WriteByte(byte(v) | 0x80)
		v >>= 7
	}
	b.WriteByte(byte(v))
}

func putSleb(b *bytes.Buffer, v int64) {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 && c&0x40 == 0 || v == -1 && c&0x40 != 0 {
			b.WriteByte(c)
			return
		}
		b.WriteByte(c | 0x80)
	}
}
