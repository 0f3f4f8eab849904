package snippet

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

// SumColumn parses CSV and sums the numeric column col, skipping the header.
func SumColumn(data string, col int) (float64, error) {
	records, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		return 0, err
	}
	if len(records) < 2 {
		return 0, nil
	}
	var sum float64
	for i, rec := range records[1:] {
		if col >= len(rec) {
			return 0, fmt.Errorf("table: row %d has no column %d", i+2, col)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[col]), 64)
		if err != nil {
			return 0, fmt.Errorf("table: row %d: %w", i+2, err)
		}
		sum += v
	}
	return sum, nil
}
