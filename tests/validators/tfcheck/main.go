// tfcheck validates Terraform files against the Terraform AWS provider schema subset in
// tests/validators/tf-aws-schema.json, with HashiCorp's own HCL parser:
//
//   - syntax (hclsyntax.ParseConfig diagnostics, with file:line:col);
//   - top-level blocks are Terraform's (terraform, provider, variable, output, locals, resource, data);
//   - every resource and data block: no unknown argument or block, no missing required one, blocks
//     that allow one at most appear at most once (dynamic blocks counted by their label);
//   - every reference (var.x, local.x, aws_t.n, data.aws_t.n) names something the module declares.
//
// Usage: tfcheck SCHEMA.json DIR_OR_FILE...   Exit 0 when clean, 1 on any problem, 2 on bad usage.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

type node struct {
	Attributes map[string]bool  `json:"attributes"`
	Blocks     map[string]*block `json:"blocks"`
}

type block struct {
	Required bool `json:"required"`
	MaxOne   bool `json:"max_one"`
	node
}

type schema struct {
	Resource map[string]*node `json:"resource"`
	Data     map[string]*node `json:"data"`
}

var problems []string

func report(rng hcl.Range, format string, args ...interface{}) {
	problems = append(problems, fmt.Sprintf("%s:%d:%d: %s", rng.Filename, rng.Start.Line,
		rng.Start.Column, fmt.Sprintf(format, args...)))
}

var resourceMeta = map[string]bool{"count": true, "for_each": true, "depends_on": true, "provider": true}

func checkBody(what string, body *hclsyntax.Body, n *node, top bool) {
	for name, attr := range body.Attributes {
		if _, ok := n.Attributes[name]; ok || (top && resourceMeta[name]) {
			continue
		}
		report(attr.NameRange, "%s: unsupported argument %q", what, name)
	}
	for name, required := range n.Attributes {
		if _, ok := body.Attributes[name]; required && !ok {
			report(body.SrcRange, "%s: missing required argument %q", what, name)
		}
	}
	counts := map[string]int{}
	for _, b := range body.Blocks {
		typ := b.Type
		inner := b.Body
		if typ == "lifecycle" && top {
			continue
		}
		if typ == "dynamic" {
			if len(b.Labels) != 1 {
				report(b.TypeRange, "%s: dynamic block needs one label", what)
				continue
			}
			typ = b.Labels[0]
			inner = nil
			for _, c := range b.Body.Blocks {
				if c.Type == "content" {
					inner = c.Body
				}
			}
		}
		spec, ok := n.Blocks[typ]
		if !ok {
			report(b.TypeRange, "%s: unsupported block %q", what, typ)
			continue
		}
		counts[typ]++
		if spec.MaxOne && counts[typ] == 2 {
			report(b.TypeRange, "%s: block %q allows at most one", what, typ)
		}
		if inner != nil {
			checkBody(what+"."+typ, inner, &spec.node, false)
		}
	}
	for name, spec := range n.Blocks {
		if spec.Required && counts[name] == 0 {
			report(body.SrcRange, "%s: missing required block %q", what, name)
		}
	}
}

type declared struct {
	variables, locals, resources, data map[string]bool
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: tfcheck SCHEMA.json DIR_OR_FILE...")
		os.Exit(2)
	}
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var sch schema
	if err := json.Unmarshal(raw, &sch); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var files []string
	for _, arg := range os.Args[2:] {
		info, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if info.IsDir() {
			matches, _ := filepath.Glob(filepath.Join(arg, "*.tf"))
			sort.Strings(matches)
			files = append(files, matches...)
		} else {
			files = append(files, arg)
		}
	}
	if len(files) == 0 {
		fmt.Fprintln(os.Stderr, "tfcheck: no .tf files")
		os.Exit(2)
	}

	decl := declared{map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}}
	var bodies []*hclsyntax.Body
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		file, diags := hclsyntax.ParseConfig(src, path, hcl.Pos{Line: 1, Column: 1, Byte: 0})
		for _, d := range diags {
			if d.Subject != nil {
				report(*d.Subject, "%s; %s", d.Summary, d.Detail)
			} else {
				problems = append(problems, path+": "+d.Summary+"; "+d.Detail)
			}
		}
		if diags.HasErrors() {
			continue
		}
		body := file.Body.(*hclsyntax.Body)
		bodies = append(bodies, body)
		for name, attr := range body.Attributes {
			report(attr.NameRange, "argument %q is not allowed at the top level", name)
		}
		for _, b := range body.Blocks {
			switch b.Type {
			case "terraform", "provider":
			case "variable":
				decl.variables[b.Labels[0]] = true
			case "output":
			case "locals":
				for name := range b.Body.Attributes {
					decl.locals[name] = true
				}
			case "resource", "data":
				if len(b.Labels) != 2 {
					report(b.TypeRange, "%s block needs two labels", b.Type)
					continue
				}
				set, types := decl.resources, sch.Resource
				if b.Type == "data" {
					set, types = decl.data, sch.Data
				}
				key := b.Labels[0] + "." + b.Labels[1]
				if set[key] {
					report(b.TypeRange, "%s %s is declared twice", b.Type, key)
				}
				set[key] = true
				n, ok := types[b.Labels[0]]
				if !ok {
					report(b.LabelRanges[0], "%s type %q is not in the schema", b.Type, b.Labels[0])
					continue
				}
				checkBody(key, b.Body, n, true)
			default:
				report(b.TypeRange, "unknown top-level block %q", b.Type)
			}
		}
	}

	for _, body := range bodies {
		hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
			expr, ok := n.(hclsyntax.Expression)
			if !ok {
				return nil
			}
			for _, t := range expr.Variables() {
				checkReference(t, decl)
			}
			return nil
		})
	}

	sort.Strings(problems)
	uniq := problems[:0]
	for i, p := range problems {
		if i == 0 || p != problems[i-1] {
			uniq = append(uniq, p)
		}
	}
	for _, p := range uniq {
		fmt.Println(p)
	}
	if len(uniq) > 0 {
		os.Exit(1)
	}
	fmt.Printf("tfcheck: %d files OK\n", len(files))
}

func attrName(t hcl.Traverser) string {
	if a, ok := t.(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}

func checkReference(t hcl.Traversal, decl declared) {
	root := t.RootName()
	switch {
	case root == "var" && len(t) > 1:
		if !decl.variables[attrName(t[1])] {
			report(t.SourceRange(), "reference to undeclared variable var.%s", attrName(t[1]))
		}
	case root == "local" && len(t) > 1:
		if !decl.locals[attrName(t[1])] {
			report(t.SourceRange(), "reference to undeclared local.%s", attrName(t[1]))
		}
	case root == "data" && len(t) > 2:
		key := attrName(t[1]) + "." + attrName(t[2])
		if !decl.data[key] {
			report(t.SourceRange(), "reference to undeclared data.%s", key)
		}
	case strings.HasPrefix(root, "aws_") && len(t) > 1:
		key := root + "." + attrName(t[1])
		if !decl.resources[key] {
			report(t.SourceRange(), "reference to undeclared resource %s", key)
		}
	}
}
