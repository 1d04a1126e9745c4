package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/profiler-cx/profiler/internal/finding"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// BenchmarkFormats writes 10,000 findings over 1,000 files in every format:
// go test ./internal/report -run '^$' -bench Formats -benchmem
func BenchmarkFormats(b *testing.B) {
	var fs []finding.Finding
	var sum Summary
	for i := range 1000 {
		file := fmt.Sprintf("жс-%03d/profiles/профиль-%d.yaml", i/10, i)
		sum.Paths = append(sum.Paths, file)
		for j := range 10 {
			fs = append(fs, finding.Finding{File: file, Line: j + 1, Column: 3, Severity: finding.Severity(j % 3), Rule: "schema-enum",
				Message: i18n.Msg("значение %d вне списка", "value %d is not allowed", j)})
		}
	}
	sum.Files = len(sum.Paths)
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			r, _ := New(format, Options{Lang: i18n.RU})
			for b.Loop() {
				if err := r.Report(io.Discard, fs, sum); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
