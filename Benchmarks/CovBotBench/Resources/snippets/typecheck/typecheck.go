package snippet

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// ExportedObjects type-checks a self-contained Go file and lists its exported objects.
func ExportedObjects(src string) ([]string, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "input.go", src, 0)
	if err != nil {
		return nil, err
	}
	conf := types.Config{Error: func(error) {}}
	pkg, err := conf.Check(file.Name.Name, fset, []*ast.File{file}, nil)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, name := range pkg.Scope().Names() {
		obj := pkg.Scope().Lookup(name)
		if !obj.Exported() {
			continue
		}
		if _, isFunc := obj.(*types.Func); isFunc {
			names = append(names, "func "+name)
		} else {
			names = append(names, name)
		}
	}
	return names, nil
}
