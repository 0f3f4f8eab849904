// Package version holds constants only: NO-STATEMENTS.
package version

// Version is the demo's version.
const Version = "1.0.0"
