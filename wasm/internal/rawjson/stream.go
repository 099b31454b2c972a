package rawjson

import (
	"io"
)

// First splits off the first JSON value of data as json.Decoder.Decode
// reads it: the value, and what follows it. Its error is the Decoder's:
// io.EOF when data holds only space, io.ErrUnexpectedEOF when the value
// is cut short, or a *SyntaxError.
func First(data []byte) (value, rest []byte, err error) {
	var s scanner
	s.reset()
	for i, c := range data {
		s.bytes++
		switch s.step(&s, c) {
		case scanEnd: // told one byte late: the value ended before c
			return Trim(data[:i]), data[i:], nil
		case scanEndObject, scanEndArray:
			if stateEndValue(&s, ' ') == scanEnd {
				return Trim(data[:i+1]), data[i+1:], nil
			}
		case scanError:
			return nil, nil, s.err
		}
	}
	if s.step(&s, ' ') == scanEnd {
		return Trim(data), nil, nil
	}
	if len(Trim(data)) > 0 {
		return nil, nil, io.ErrUnexpectedEOF
	}
	return nil, nil, io.EOF
}

// Blank reports whether data is only JSON space, as json.Decoder.Token
// finds io.EOF after a value.
func Blank(data []byte) bool { return len(Trim(data)) == 0 }
