package wasmdata

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// memoryAtStart is the memory a module's data segments make at instantiation.
func memoryAtStart(t testing.TB, module []byte) (mem []byte, segments int) {
	t.Helper()
	for at := 8; at < len(module); {
		size, start, err := uleb(module, at+1)
		if err != nil {
			t.Fatal(err)
		}
		if module[at] == 11 {
			segs, err := readData(module[start : start+int(size)])
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range segs {
				if end := int(s.offset) + len(s.data); end > len(mem) {
					mem = append(mem, make([]byte, end-len(mem))...)
				}
				copy(mem[s.offset:], s.data)
			}
			segments += len(segs)
		}
		at = start + int(size)
	}
	return bytes.TrimRight(mem, "\x00"), segments
}

// module is a wasm module holding a data section of segs, between two
// other sections.
func module(segs []segment) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, 1, 4, 1, 0x60, 0, 0) // a type section: one func type
	sec := writeData(segs)
	var b bytes.Buffer
	b.WriteByte(11)
	putUleb(&b, uint64(len(sec)))
	b.Write(sec)
	m = append(m, b.Bytes()...)
	return append(m, 0, 5, 4, 'n', 'a', 'm', 'e') // a custom section
}

// Packing keeps the memory a module starts with, whatever its segments.
func TestPackKeepsMemory(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var segs []segment
		off := int64(r.IntN(100))
		for range r.IntN(60) {
			data := make([]byte, 1+r.IntN(40))
			for i := range data {
				data[i] = byte(r.IntN(256))
			}
			segs = append(segs, segment{off, data})
			off += int64(len(data)) + int64(r.IntN(3)*r.IntN(80))
		}
		if round%7 == 0 && len(segs) > 2 { // out of order, as the linker writes its last ones
			segs[1], segs[2] = segs[2], segs[1]
		}
		if round%11 == 0 && len(segs) > 2 && len(segs[0].data) > 1 { // overlapping: left as they are
			segs[1].offset = segs[0].offset + 1
		}
		before := module(segs)
		after, err := Pack(before, 32)
		if err != nil {
			t.Fatal(err)
		}
		m0, n0 := memoryAtStart(t, before)
		m1, n1 := memoryAtStart(t, after)
		if !bytes.Equal(m0, m1) {
			t.Fatalf("round %d: the packed module starts with other memory", round)
		}
		if n1 > n0 {
			t.Fatalf("round %d: %d segments became %d", round, n0, n1)
		}
		if !bytes.Equal(before[len(before)-7:], after[len(after)-7:]) || !bytes.Equal(before[:14], after[:14]) {
			t.Fatalf("round %d: the other sections changed", round)
		}
	}
}

func TestPackRefusesOtherForms(t *testing.T) {
	passive := []byte("\x00asm\x01\x00\x00\x00\x0b\x04\x01\x01\x01\x07")
	for name, m := range map[string][]byte{"not wasm": []byte("hello, world"), "passive segment": passive,
		"data count": []byte("\x00asm\x01\x00\x00\x00\x0c\x01\x00"), "truncated": []byte("\x00asm\x01\x00\x00\x00\x0b\x10\x01")} {
		if _, err := Pack(m, 32); err == nil {
			t.Errorf("%s: packed", name)
		}
	}
}

// The browser's wasm as the Go linker writes it packs to far fewer
// segments, with the same memory.
func TestPackGoWasm(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the browser wasm")
	}
	out := filepath.Join(t.TempDir(), "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./wasm")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	built, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	packed, err := Pack(built, Gap)
	if err != nil {
		t.Fatal(err)
	}
	m0, n0 := memoryAtStart(t, built)
	m1, n1 := memoryAtStart(t, packed)
	if !bytes.Equal(m0, m1) {
		t.Fatal("the packed wasm starts with other memory")
	}
	t.Logf("data segments %d → %d; %d → %d B raw", n0, n1, len(built), len(packed))
	if n1 > n0/10 {
		t.Errorf("%d segments became %d: the linker's form changed?", n0, n1)
	}
}
