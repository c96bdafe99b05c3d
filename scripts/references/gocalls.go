// Ground truth for reference resolution from go/types: type-checks the named standard library
// packages from source (go/parser, go/types, the "source" importer; no golang.org/x/tools) and
// writes one JSON line per call site that go/types resolved to a function or method: the site
// (path relative to GOROOT/src, 1-based line, 0-based byte column of the called name, the name)
// and the declaration (its file and line) when it is in GOROOT/src, else {"external": true}.
// Calls of builtins and conversions are left out. A fixed-seed sample of -sample sites (0: all).
//
// Usage: go run gocalls.go -sample 3000 -seed 16 -out calls.jsonl PKG...
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type site struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Col        int    `json:"col"`
	Name       string `json:"name"`
	Target     string `json:"target,omitempty"`
	TargetLine int    `json:"targetLine,omitempty"`
	External   bool   `json:"external,omitempty"`
}

func main() {
	sample := flag.Int("sample", 3000, "sites to keep (0: all)")
	seed := flag.Int64("seed", 16, "sampling seed")
	out := flag.String("out", "go-calls.jsonl", "output file")
	flag.Parse()
	src := filepath.Join(build.Default.GOROOT, "src")
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real
	}
	rel := func(name string) (string, bool) {
		if real, err := filepath.EvalSymlinks(name); err == nil {
			name = real
		}
		r, err := filepath.Rel(src, name)
		if err != nil || strings.HasPrefix(r, "..") {
			return "", false
		}
		return filepath.ToSlash(r), true
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	var sites []site
	for _, path := range flag.Args() {
		pkg, err := build.Import(path, "", 0)
		if err != nil {
			fmt.Fprintln(os.Stderr, path, err)
			continue
		}
		var files []*ast.File
		for _, name := range pkg.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(pkg.Dir, name), nil, 0)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				continue
			}
			files = append(files, f)
		}
		info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
		conf := types.Config{Importer: imp.(types.ImporterFrom), Error: func(error) {}}
		if _, err := conf.Check(path, fset, files, info); err != nil {
			fmt.Fprintln(os.Stderr, path, "(type errors tolerated):", err)
		}
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var id *ast.Ident
				fun := call.Fun
				for {
					p, ok := fun.(*ast.ParenExpr)
					if !ok {
						break
					}
					fun = p.X
				}
				switch fun := fun.(type) {
				case *ast.Ident:
					id = fun
				case *ast.SelectorExpr:
					id = fun.Sel
				case *ast.IndexExpr: // generic instantiation f[T](...)
					if x, ok := fun.X.(*ast.Ident); ok {
						id = x
					} else if s, ok := fun.X.(*ast.SelectorExpr); ok {
						id = s.Sel
					}
				}
				if id == nil {
					return true
				}
				fn, ok := info.Uses[id].(*types.Func)
				if !ok {
					return true
				}
				at := fset.Position(id.Pos())
				file, ok := rel(at.Filename)
				if !ok {
					return true
				}
				s := site{File: file, Line: at.Line, Col: at.Column - 1, Name: id.Name}
				decl := fset.Position(fn.Pos())
				if target, ok := rel(decl.Filename); ok && fn.Pos().IsValid() {
					s.Target, s.TargetLine = target, decl.Line
				} else {
					s.External = true
				}
				sites = append(sites, s)
				return true
			})
		}
	}
	sort.SliceStable(sites, func(i, j int) bool {
		if sites[i].File != sites[j].File {
			return sites[i].File < sites[j].File
		}
		if sites[i].Line != sites[j].Line {
			return sites[i].Line < sites[j].Line
		}
		return sites[i].Col < sites[j].Col
	})
	chosen := sites
	if *sample > 0 && *sample < len(sites) {
		order := rand.New(rand.NewSource(*seed)).Perm(len(sites))[:*sample]
		sort.Ints(order)
		chosen = make([]site, 0, *sample)
		for _, i := range order {
			chosen = append(chosen, sites[i])
		}
	}
	w, err := os.Create(*out)
	if err != nil {
		panic(err)
	}
	defer w.Close()
	enc := json.NewEncoder(w)
	inSources := 0
	for _, s := range chosen {
		if !s.External {
			inSources++
		}
		enc.Encode(s)
	}
	fmt.Fprintf(os.Stderr, "go/types: %d call sites resolved, wrote %d (%d into the sources)\n", len(sites), len(chosen), inSources)
}
