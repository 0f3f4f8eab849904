package snippet

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// FuncStats counts the functions and methods of a Go source file.
func FuncStats(src string) (funcs, methods int, err error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "input.go", src, parser.SkipObjectResolution)
	if err != nil {
		return 0, 0, err
	}
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		if fn.Recv != nil {
			methods++
		} else {
			funcs++
		}
	}
	return funcs, methods, nil
}
