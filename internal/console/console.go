// Package console prepares the terminal a profiler process writes to. On Windows it makes
// the console read UTF-8 and ANSI colours while profiler runs and puts it back afterwards;
// elsewhere there is nothing to do.
//
// Go writes to a Windows console through WriteConsoleW, so Russian text printed straight
// to cmd.exe or PowerShell reads right under any code page. What the code page still
// decides is how the same window decodes bytes it does not get from us that way: the
// output of programs profiler starts (git), and a console program reading profiler's
// output through a pipe (`profiler validate . | more`). With a Russian locale that code
// page is 866 (OEM), which turns UTF-8 into «╨Я╤А╨╛...»; so it is 65001 (UTF-8) while
// profiler runs. Output captured by PowerShell itself (`$r = profiler …`, `| Out-File`)
// is decoded with PowerShell's own [Console]::OutputEncoding: see .docs/install.md.
package console
