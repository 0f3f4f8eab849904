package snippet

import (
	"io/fs"
	"path"
	"strings"
)

// CountByExt counts files by extension in fsys, skipping hidden directories.
func CountByExt(fsys fs.FS) (map[string]int, error) {
	counts := map[string]int{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		ext := path.Ext(p)
		if ext == "" {
			ext = "(none)"
		}
		counts[ext]++
		return nil
	})
	return counts, err
}
