package load

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/profiler-cx/profiler/internal/i18n"
)

// ReadError is why ReadFile refused or failed to read a file.
type ReadError struct {
	Path    string
	Rule    string    // "file-read", "file-too-large" or "file-not-regular"
	Message i18n.Text // what happened, without the path (reports print the path themselves)
	Err     error     // the underlying error, if any
}

func (e *ReadError) Error() string { return e.Path + ": " + e.Message.EN }

func (e *ReadError) Unwrap() error { return e.Err }

// ReadFile reads a file for Parse. It refuses non-regular files (FIFO, device, socket,
// directory) without blocking on them: it stats first, opens non-blocking where the
// platform allows, and checks the opened file again. It refuses files over lim.MaxBytes
// without reading them whole (it reads at most MaxBytes+1 bytes). Errors are *ReadError.
func ReadFile(path string, lim Limits) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, readErr(path, err)
	}
	if err := checkRegular(path, st, lim.withDefaults()); err != nil {
		return nil, err
	}
	return ReadListed(path, lim)
}

// ReadListed is ReadFile for a path that a folder listing just reported as a regular
// file: it skips the first stat (a system call per file, a quarter of the reading time
// on thousands of small files). The file is still opened non-blocking and checked once
// open, so what was swapped in since the listing is refused all the same.
func ReadListed(path string, lim Limits) ([]byte, error) {
	lim = lim.withDefaults()
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, readErr(path, err)
	}
	defer f.Close()
	// The file may have been swapped since it was listed or stat'ed.
	st, err := f.Stat()
	if err != nil {
		return nil, readErr(path, err)
	}
	if err := checkRegular(path, st, lim); err != nil {
		return nil, err
	}
	buf := make([]byte, 0, min(st.Size(), lim.MaxBytes)+1)
	data, err := readAll(io.LimitReader(f, lim.MaxBytes+1), buf)
	if err != nil {
		return nil, readErr(path, err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, &ReadError{Path: path, Rule: RuleFileTooLarge,
			Message: i18n.Msg("файл слишком большой: больше %[1]s; разделите его на несколько файлов",
				"the file is too large: over %[1]s; split it into several files", sizeText(lim.MaxBytes))}
	}
	return data, nil
}

func readAll(r io.Reader, b []byte) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

func checkRegular(path string, st fs.FileInfo, lim Limits) error {
	switch {
	case st.IsDir():
		return &ReadError{Path: path, Rule: RuleFileNotRegular,
			Message: i18n.Msg("это папка, а не файл", "this is a directory, not a file")}
	case !st.Mode().IsRegular():
		return &ReadError{Path: path, Rule: RuleFileNotRegular,
			Message: i18n.Msg("это не обычный файл (канал, устройство или сокет); укажите файл YAML",
				"this is not a regular file (a pipe, device or socket); name a YAML file")}
	case st.Size() > lim.MaxBytes:
		return &ReadError{Path: path, Rule: RuleFileTooLarge, Message: tooLargeMsg(st.Size(), lim.MaxBytes)}
	}
	return nil
}

func readErr(path string, err error) *ReadError {
	var msg i18n.Text
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = i18n.Msg("файл не найден", "file not found")
	case errors.Is(err, fs.ErrPermission):
		msg = i18n.Msg("нет прав на чтение файла", "permission denied")
	default:
		detail := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			detail = pe.Err.Error()
		}
		msg = i18n.Msg("не удалось прочитать файл: %s", "cannot read the file: %s", detail)
	}
	return &ReadError{Path: path, Rule: RuleFileRead, Message: msg, Err: err}
}
