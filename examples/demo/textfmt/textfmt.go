// Package textfmt pads and truncates text. Its floor lags its coverage: LOOSE.
package textfmt

import "strings"

// PadRight pads s with spaces to width w.
func PadRight(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return s + strings.Repeat(" ", w-len(s))
}

// Truncate cuts s to at most n bytes, adding an ellipsis when it cuts.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if n < 1 {
		return ""
	}
	return s[:n-1] + "…"
}
