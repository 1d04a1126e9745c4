package displaypath

import (
	"path/filepath"
	"testing"
)

// On Windows the rules must agree with the standard library's.
func TestFromWindowsAgreesWithFilepath(t *testing.T) {
	for _, p := range []string{`profiles\a.yaml`, `..\a\..\b`, `C:\Users\Иван\ЖС\a.yaml`, `c:\x\..\y`, `C:\`, `C:`, `C:ws\a`,
		`\ws\a.yaml`, `\\srv\share\ЖС\a.yaml`, `\\srv\share`, `.\A:`, `a\\b`, `.`} {
		if got, want := FromWindows(p), filepath.ToSlash(filepath.Clean(p)); got != want {
			t.Errorf("FromWindows(%q) = %q, filepath gives %q", p, got, want)
		}
	}
}
