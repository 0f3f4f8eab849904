package snippet

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
)

// EncodeFrame packs a kind byte and payload as base64 of [kind][length uint32][payload].
func EncodeFrame(kind byte, payload []byte) (string, error) {
	if len(payload) > 1<<20 {
		return "", errors.New("wire: payload too large")
	}
	buf := make([]byte, 5+len(payload))
	buf[0] = kind
	binary.BigEndian.PutUint32(buf[1:5], uint32(len(payload)))
	copy(buf[5:], payload)
	return base64.StdEncoding.EncodeToString(buf), nil
}

// DecodeFrame reverses EncodeFrame.
func DecodeFrame(s string) (byte, []byte, error) {
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return 0, nil, err
	}
	if len(raw) < 5 {
		return 0, nil, errors.New("wire: short frame")
	}
	if n := binary.BigEndian.Uint32(raw[1:5]); int(n) != len(raw)-5 {
		return 0, nil, errors.New("wire: length mismatch")
	}
	return raw[0], raw[5:], nil
}
