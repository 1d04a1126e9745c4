package displaypath

import (
	"runtime"
	"testing"
)

func TestFromWindows(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`profiles\a.yaml`, "profiles/a.yaml"},
		{`.\profiles\a.yaml`, "profiles/a.yaml"},
		{`..\..\ЖС\profiles\студент.yaml`, "../../ЖС/profiles/студент.yaml"},
		{`profiles/a.yaml`, "profiles/a.yaml"}, // cmd.exe and PowerShell accept '/' too
		{`profiles\\a.yaml`, "profiles/a.yaml"},
		{`profiles\`, "profiles"},
		{`C:\Users\Иван\Документы\ЖС\profiles\a.yaml`, "C:/Users/Иван/Документы/ЖС/profiles/a.yaml"},
		{`c:\work\..\ws\.\vuz\life-situation.yaml`, "c:/ws/vuz/life-situation.yaml"},
		{`C:\`, "C:/"},
		{`C:\..\x`, "C:/x"},
		{`C:`, "C:."},
		{`C:ws\a.yaml`, "C:ws/a.yaml"}, // relative to drive C's current folder
		{`\ws\a.yaml`, "/ws/a.yaml"},   // the root of the current drive
		{`\\srv\share\ЖС\profiles\a.yaml`, "//srv/share/ЖС/profiles/a.yaml"},
		{`\\srv\share\..\a.yaml`, "//srv/share/a.yaml"},
		{`\\srv\share`, "//srv/share/"},
		{`\\?\C:\very\long\..\path.yaml`, "//?/C:/very/path.yaml"},
		{`.`, "."},
		{``, "."},
		{`a\b\..\..\..`, ".."},
		{`.\A:`, "./A:"},
		{`поступление в вуз\profiles\a b.yaml`, "поступление в вуз/profiles/a b.yaml"},
	} {
		if got := FromWindows(tc.in); got != tc.want {
			t.Errorf("FromWindows(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// On Linux and macOS a backslash is part of a file name and must survive.
func TestFromOSUnix(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix rules")
	}
	for in, want := range map[string]string{
		"./profiles//a.yaml": "profiles/a.yaml",
		`odd\name.yaml`:      `odd\name.yaml`,
		"/abs/../ws/a.yaml":  "/ws/a.yaml",
	} {
		if got := FromOS(in); got != want {
			t.Errorf("FromOS(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzFromWindows(f *testing.F) {
	for _, s := range []string{`C:\a\..\b`, `\\srv\share\x`, `..\a`, `\\?\C:\x`, `//x`, `C:`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		d := FromWindows(p)
		if FromWindows(d) != d {
			t.Errorf("not idempotent: %q → %q → %q", p, d, FromWindows(d))
		}
		for i := 0; i < len(d); i++ {
			if d[i] == '\\' {
				t.Fatalf("%q → %q keeps a backslash", p, d)
			}
		}
	})
}
