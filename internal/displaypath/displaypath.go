// Package displaypath turns an operating-system path into the one form profiler shows in
// messages and writes into reports: cleaned, with '/' between elements on every system.
// GitHub annotations, JUnit, SARIF and GitLab Code Quality all expect '/', and one form
// keeps reports of the same workspace comparable between a Windows workstation and Linux
// CI. A Windows drive letter (C:) or UNC share (\\server\share) is kept at the front.
//
// The Windows rules are in [FromWindows], which runs on any system, so that tests on
// Linux cover what a Windows user types.
package displaypath

import (
	"path"
	"runtime"
	"strings"
)

// FromOS returns p, a path of the running system, in display form.
func FromOS(p string) string {
	if runtime.GOOS == "windows" {
		return FromWindows(p)
	}
	return path.Clean(p) // '/' already; a backslash is an ordinary character of a name
}

// FromWindows returns p, a Windows path, in display form: `\` and `/` both separate
// elements; `.` and `..` are resolved as filepath.Clean does on Windows; the volume — a
// drive letter or a UNC share — stays in front, its letter as typed:
//
//	..\profiles\a.yaml                 → ../profiles/a.yaml
//	C:\Users\Иван\ЖС\profiles\a.yaml   → C:/Users/Иван/ЖС/profiles/a.yaml
//	\\srv\share\ЖС\.\a.yaml            → //srv/share/ЖС/a.yaml
func FromWindows(p string) string {
	p = strings.ReplaceAll(p, `\`, "/")
	vol := volume(p)
	rest := p[len(vol):]
	switch {
	case rest == "" && isShare(vol):
		return vol + "/" // the root of a share
	case rest == "" && strings.HasPrefix(vol, "//"):
		return vol // an incomplete UNC name: left as typed
	case rest == "":
		return vol + "." // "C:" alone is the current folder of drive C
	}
	c := path.Clean(rest)
	if vol == "" && volume(c) != "" {
		c = "./" + c // a file named "A:" in the current folder must not become drive A (filepath.Clean does the same)
	}
	return vol + c
}

// volume returns the leading volume of a slash-separated Windows path: "C:", "//srv/share",
// or "//?/C:" and "//./C:" for the long-path and device prefixes.
func volume(p string) string {
	if len(p) >= 2 && p[1] == ':' && isLetter(p[0]) {
		return p[:2]
	}
	if !strings.HasPrefix(p, "//") || len(p) < 3 || p[2] == '/' {
		return ""
	}
	if len(p) >= 4 && (p[2] == '?' || p[2] == '.') && p[3] == '/' {
		// //?/C:/x → volume //?/C:; //?/UNC/srv/share/x is left as a plain path element list.
		if len(p) >= 6 && p[5] == ':' && isLetter(p[4]) {
			return p[:6]
		}
		return p[:3]
	}
	// //server/share: two elements after the leading slashes.
	end := 2
	for elem := 0; elem < 2; elem++ {
		i := strings.IndexByte(p[end:], '/')
		if i < 0 {
			return p
		}
		if elem == 0 {
			end += i + 1
		} else {
			end += i
		}
	}
	return p[:end]
}

// isShare: vol is //server/share, both named.
func isShare(vol string) bool {
	if !strings.HasPrefix(vol, "//") {
		return false
	}
	server, share, ok := strings.Cut(vol[2:], "/")
	return ok && server != "" && share != "" && server != "?" && server != "." && !strings.Contains(share, "/")
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
