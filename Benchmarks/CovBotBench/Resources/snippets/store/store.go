package snippet

import (
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
)

// NullableName converts a nullable column into a display name.
func NullableName(v sql.NullString, fallback string) string {
	if !v.Valid || strings.TrimSpace(v.String) == "" {
		return fallback
	}
	return v.String
}

// ScanAge scans a driver value into an age; NULL becomes -1.
func ScanAge(src any) (int64, error) {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return 0, err
	}
	if !n.Valid {
		return -1, nil
	}
	if n.Int64 < 0 {
		return 0, fmt.Errorf("store: negative age %d", n.Int64)
	}
	return n.Int64, nil
}

// ValueOf returns v's driver value, or nil for a nil valuer.
func ValueOf(v driver.Valuer) (driver.Value, error) {
	if v == nil {
		return nil, nil
	}
	return v.Value()
}

// Placeholders returns n comma-separated SQL placeholders.
func Placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}
