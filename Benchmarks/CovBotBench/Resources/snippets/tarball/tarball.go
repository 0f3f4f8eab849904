package snippet

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// TarFiles writes files (name → content) into a tar archive in name order.
func TarFiles(files map[string]string) ([]byte, error) {
	if len(files) == 0 {
		return nil, errors.New("tarball: nothing to archive")
	}
	names := make([]string, 0, len(files))
	for name := range files {
		if strings.Contains(name, "..") {
			return nil, fmt.Errorf("tarball: unsafe name %q", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, name := range names {
		hdr := &tar.Header{Name: name, Mode: 0o644, Size: int64(len(files[name]))}
		if err := tw.WriteHeader(hdr); err != nil {
			return nil, err
		}
		if _, err := tw.Write([]byte(files[name])); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
