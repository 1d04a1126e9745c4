//go:build !unix

package cli

// ttyWidth is the width of the terminal w writes to, or 0 (unknown here: COLUMNS decides).
func ttyWidth(any) int { return 0 }
