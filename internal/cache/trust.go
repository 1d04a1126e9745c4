package cache

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"

	"github.com/profiler-cx/profiler/internal/atomicfile"
	"github.com/profiler-cx/profiler/internal/i18n"
	"github.com/profiler-cx/profiler/internal/load"
)

// readTrusted reads the file at path that this user's caches (with magic) are kept in,
// with the checks of the package comment. It returns the file's bytes (nil when there is
// none yet) and the signing key; with a warning and a nil key, the file is neither to be
// read nor replaced.
func readTrusted(path string, magic []byte) (data, secret []byte, warning *i18n.Text) {
	no := func(t i18n.Text) ([]byte, []byte, *i18n.Text) { return nil, nil, &t }
	secret, err := loadSecret()
	if err != nil {
		return no(i18n.Msg("кэш %s не используется: негде хранить его ключ (%v)", "the cache %s is not used: there is nowhere to keep its key (%v)", path, err))
	}
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, secret, nil
	case err != nil:
		return no(i18n.Msg("кэш %s не используется: %v", "the cache %s is not used: %v", path, err))
	case st.Mode()&fs.ModeSymlink != 0 || !st.Mode().IsRegular():
		return no(i18n.Msg("кэш %s не используется: это символическая ссылка или не обычный файл; удалите его",
			"the cache %s is not used: it is a symbolic link or not a regular file; remove it", path))
	case st.Mode().Perm()&0o022 != 0 || foreignOwner(st):
		return no(i18n.Msg("кэш %s не используется: его могут менять другие пользователи; удалите его (кэш — личный файл, его не коммитят и не передают)",
			"the cache %s is not used: other users can change it; remove it (a cache is personal: never commit or share it)", path))
	}
	data, err = load.ReadFile(path, load.Limits{MaxBytes: maxBytes})
	if err != nil {
		why := i18n.Same(err.Error())
		var re *load.ReadError
		if errors.As(err, &re) {
			why = re.Message
		}
		return no(i18n.Join(": ", i18n.Msg("кэш %s не используется", "the cache %s is not used", path), why))
	}
	if len(data) > 0 && !bytes.HasPrefix(data, magic) {
		return no(i18n.Msg("%s — не файл кэша profiler: он не изменен; укажите другой --cache-location",
			"%s is not a profiler cache file: it is left as it is; choose another --cache-location", path))
	}
	return data, secret, nil
}

// Signed is a cache file holding one signed blob (render --cache keeps its manifest in
// one), with the same trust rules as a [File].
type Signed struct {
	path   string
	magic  []byte
	secret []byte
}

// forgedText is the warning for a signed file that this user did not write.
func forgedText(path string) i18n.Text {
	return i18n.Msg("кэш %s записан не этим пользователем или изменен: он не используется и будет перезаписан (кэш — личный файл, его не коммитят и не передают)",
		"the cache %s was not written by this user or was changed: it is not used and will be rewritten (a cache is personal: never commit or share it)", path)
}

// OpenSigned reads the blob kept at path under magic (a line naming its kind, a space,
// and its version). The blob is nil when there is none or it cannot be trusted; warnings
// say why when that is worth saying (a forged or foreign file, not a missing one). A file
// of the same kind in another version is replaced silently, as the validate cache of
// another version is: an upgrade must not leave a cache that is never written again.
func OpenSigned(path, magic string) (s *Signed, blob []byte, warnings []i18n.Text) {
	s = &Signed{path: path, magic: []byte(magic + "\n")}
	kind := s.magic
	if i := bytes.IndexByte(kind, ' '); i >= 0 {
		kind = kind[:i+1]
	}
	data, secret, w := readTrusted(path, kind)
	s.secret = secret
	if w != nil {
		return s, nil, []i18n.Text{*w}
	}
	if !bytes.HasPrefix(data, s.magic) || len(data) < len(s.magic)+sha256.Size {
		return s, nil, nil
	}
	body, mac := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if !hmac.Equal(mac, sign(secret, body)) {
		return s, nil, []i18n.Text{forgedText(path)}
	}
	return s, body[len(s.magic):], nil
}

// Save replaces the file with blob, signed; nothing is written when the file was not
// ours to replace.
func (s *Signed) Save(blob []byte) error {
	if s.secret == nil {
		return nil
	}
	b := make([]byte, 0, len(s.magic)+len(blob)+sha256.Size)
	b = append(append(b, s.magic...), blob...)
	b = append(b, sign(s.secret, b)...)
	return atomicfile.WriteUnsynced(s.path, b, 0o600)
}
