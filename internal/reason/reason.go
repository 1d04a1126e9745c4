// Package reason shows system errors inside bilingual messages: English as the system
// says it, Russian for the common causes.
package reason

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/i18n"
)

// osError is an error from the system shown in a message: English as the system says it,
// Russian for the common causes, so a Russian message does not quote «not a directory».
type osError struct{ err error }

func (e osError) Error() string { return e.err.Error() }
func (e osError) Unwrap() error { return e.err }

func (e osError) Localize() i18n.Text {
	path := ""
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(e.err, &pe):
		path = pe.Path
	case errors.As(e.err, &le):
		path = le.New
	}
	ru := ruReason(e.err)
	if ru == "" {
		return i18n.Same(e.err.Error())
	}
	if path != "" {
		ru = path + ": " + ru // the system named the file ("lstat x: not a directory")
	}
	return i18n.Text{RU: ru, EN: e.err.Error()}
}

// ruReason is the Russian for an error's cause, or "" when it has none here.
func ruReason(err error) string {
	var errno syscall.Errno
	switch {
	case errors.Is(err, atomicfile.ErrOutside):
		return atomicfile.ErrOutsideRU
	case errors.Is(err, atomicfile.ErrNotRegular):
		return "не обычный файл (символическая ссылка, папка или устройство): он оставлен как есть"
	case errors.Is(err, atomicfile.ErrExists):
		return "файл уже существует"
	case errors.Is(err, fs.ErrNotExist):
		return "нет такого файла или папки"
	case errors.Is(err, fs.ErrPermission):
		return "нет прав доступа"
	case errors.As(err, &errno):
		switch errno {
		case syscall.ENOTDIR:
			return "не папка"
		case syscall.EISDIR:
			return "это папка"
		case syscall.ENAMETOOLONG:
			return "слишком длинное имя файла"
		case syscall.ENOSPC:
			return "нет места на диске"
		case syscall.EFBIG:
			return "файл слишком большой"
		case syscall.EROFS:
			return "файловая система только для чтения"
		case syscall.ELOOP:
			return "слишком много уровней символических ссылок"
		case syscall.EEXIST:
			return "файл уже существует"
		}
	}
	return ""
}

// Args wraps the errors among message arguments so that they print in the message's
// language (see i18n.Msg).
func Args(args []any) []any {
	for i, a := range args {
		if err, ok := a.(error); ok {
			if _, done := a.(i18n.Localizer); !done {
				args[i] = osError{err}
			}
		}
	}
	return args
}

// Cause is the reason inside a path error ("file too large"), for messages that name the
// file themselves.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// WriteFailed words an error of atomicfile.Create for a message: the folder that could not
// be made, or the file at path that could not be written, each named by show (paths as
// the user sees them), with the cause in the message's language.
func WriteFailed(path string, err error, show func(string) string) i18n.Text {
	var de *atomicfile.DirError
	if errors.As(err, &de) {
		return i18n.Msg("не удалось создать папку %s: %v", "cannot create the folder %s: %v", show(de.Dir), osError{de.Err}) // the link or the file in the way
	}
	return i18n.Msg("не удалось записать %s: %v", "cannot write %s: %v", show(path), osError{Cause(err)})
}
