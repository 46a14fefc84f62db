// hcldump prints the structure of HCL native-syntax files as HashiCorp's parser (hclsyntax)
// sees it, in the canonical form tests/hcl_dump.cpp prints for stackplan's parser, so the two
// can be compared file by file. A file that does not parse prints "error".
//
// Usage: hcldump FILE...
package main

import (
	"fmt"
	"math/big"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func number(v cty.Value) string {
	f, _ := new(big.Float).Set(v.AsBigFloat()).Float64()
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func literal(v cty.Value) string {
	if v.IsNull() {
		return "(null)"
	}
	switch v.Type() {
	case cty.Number:
		return "(number " + number(v) + ")"
	case cty.String:
		return "(string " + quote(v.AsString()) + ")"
	case cty.Bool:
		if v.True() {
			return "(bool true)"
		}
		return "(bool false)"
	}
	return "(unknown-literal)"
}

// template prints template parts with adjacent literal strings merged and empty ones dropped;
// a template of literal text only is a string.
func template(parts []hclsyntax.Expression) string {
	var out []string
	pending := ""
	havePending := false
	allLiteral := true
	for _, p := range parts {
		if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && !lit.Val.IsNull() {
			pending += lit.Val.AsString()
			havePending = true
			continue
		}
		if havePending && pending != "" {
			out = append(out, "(string "+quote(pending)+")")
		}
		pending, havePending = "", false
		allLiteral = false
		out = append(out, expr(p))
	}
	if allLiteral {
		return "(string " + quote(pending) + ")"
	}
	if havePending && pending != "" {
		out = append(out, "(string "+quote(pending)+")")
	}
	return "(template " + strings.Join(out, " ") + ")"
}

func traversal(base string, t hcl.Traversal) string {
	s := base
	for _, step := range t {
		switch st := step.(type) {
		case hcl.TraverseRoot:
			s = "(var " + st.Name + ")"
		case hcl.TraverseAttr:
			s = "(attr " + st.Name + " " + s + ")"
		case hcl.TraverseIndex:
			s = "(index " + s + " " + literal(st.Key) + ")"
		default:
			s = "(unknown-step " + s + ")"
		}
	}
	return s
}

var ops = map[*hclsyntax.Operation]string{
	hclsyntax.OpLogicalOr: "||", hclsyntax.OpLogicalAnd: "&&", hclsyntax.OpLogicalNot: "!",
	hclsyntax.OpEqual: "==", hclsyntax.OpNotEqual: "!=",
	hclsyntax.OpGreaterThan: ">", hclsyntax.OpGreaterThanOrEqual: ">=",
	hclsyntax.OpLessThan: "<", hclsyntax.OpLessThanOrEqual: "<=",
	hclsyntax.OpAdd: "+", hclsyntax.OpSubtract: "-", hclsyntax.OpMultiply: "*",
	hclsyntax.OpDivide: "/", hclsyntax.OpModulo: "%", hclsyntax.OpNegate: "-",
}

func opt(e hclsyntax.Expression) string {
	if e == nil {
		return "_"
	}
	return expr(e)
}

func name(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

func expr(e hclsyntax.Expression) string {
	switch x := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return literal(x.Val)
	case *hclsyntax.TemplateExpr:
		return template(x.Parts)
	case *hclsyntax.TemplateWrapExpr:
		return "(template " + expr(x.Wrapped) + ")"
	case *hclsyntax.TemplateJoinExpr:
		return "(join " + expr(x.Tuple) + ")"
	case *hclsyntax.ScopeTraversalExpr:
		return traversal("", x.Traversal)
	case *hclsyntax.RelativeTraversalExpr:
		return traversal(expr(x.Source), x.Traversal)
	case *hclsyntax.IndexExpr:
		return "(index " + expr(x.Collection) + " " + expr(x.Key) + ")"
	case *hclsyntax.SplatExpr:
		return "(splat " + expr(x.Source) + " " + expr(x.Each) + ")"
	case *hclsyntax.AnonSymbolExpr:
		return "(item)"
	case *hclsyntax.FunctionCallExpr:
		s := "(call " + x.Name
		if x.ExpandFinal {
			s += " ..."
		}
		for _, a := range x.Args {
			s += " " + expr(a)
		}
		return s + ")"
	case *hclsyntax.TupleConsExpr:
		s := "(tuple"
		for _, a := range x.Exprs {
			s += " " + expr(a)
		}
		return s + ")"
	case *hclsyntax.ObjectConsExpr:
		s := "(object"
		for _, item := range x.Items {
			s += " " + expr(item.KeyExpr) + " " + expr(item.ValueExpr)
		}
		return s + ")"
	case *hclsyntax.ObjectConsKeyExpr:
		if !x.ForceNonLiteral {
			if kw := hcl.ExprAsKeyword(x.Wrapped); kw != "" {
				return "(key " + kw + ")"
			}
		}
		return expr(x.Wrapped)
	case *hclsyntax.UnaryOpExpr:
		return "(unary " + ops[x.Op] + " " + expr(x.Val) + ")"
	case *hclsyntax.BinaryOpExpr:
		return "(binary " + ops[x.Op] + " " + expr(x.LHS) + " " + expr(x.RHS) + ")"
	case *hclsyntax.ConditionalExpr:
		return "(cond " + expr(x.Condition) + " " + expr(x.TrueResult) + " " + expr(x.FalseResult) + ")"
	case *hclsyntax.ParenthesesExpr:
		return "(paren " + expr(x.Expression) + ")"
	case *hclsyntax.ForExpr:
		if x.KeyExpr == nil {
			return "(for[] " + name(x.KeyVar) + " " + x.ValVar + " " + expr(x.CollExpr) + " " +
				expr(x.ValExpr) + " " + opt(x.CondExpr) + ")"
		}
		group := "-"
		if x.Group {
			group = "..."
		}
		return "(for{} " + name(x.KeyVar) + " " + x.ValVar + " " + group + " " + expr(x.CollExpr) +
			" " + expr(x.KeyExpr) + " " + expr(x.ValExpr) + " " + opt(x.CondExpr) + ")"
	}
	return fmt.Sprintf("(unknown %T)", e)
}

type item struct {
	pos  int
	text string
}

func body(b *hclsyntax.Body, indent string) string {
	var items []item
	for _, a := range b.Attributes {
		items = append(items, item{a.NameRange.Start.Byte, fmt.Sprintf("%sattr %s %d:%d %s\n",
			indent, a.Name, a.NameRange.Start.Line, a.NameRange.Start.Column, expr(a.Expr))})
	}
	for _, blk := range b.Blocks {
		s := fmt.Sprintf("%sblock %s", indent, blk.Type)
		for _, l := range blk.Labels {
			s += " " + quote(l)
		}
		s += fmt.Sprintf(" %d:%d {\n", blk.TypeRange.Start.Line, blk.TypeRange.Start.Column)
		s += body(blk.Body, indent+"  ")
		s += indent + "}\n"
		items = append(items, item{blk.TypeRange.Start.Byte, s})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].pos < items[j].pos })
	var out strings.Builder
	for _, it := range items {
		out.WriteString(it.text)
	}
	return out.String()
}

func main() {
	status := 0
	for _, path := range os.Args[1:] {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 2
			continue
		}
		file, diags := hclsyntax.ParseConfig(src, path, hcl.Pos{Line: 1, Column: 1})
		fmt.Printf("== %s\n", path)
		if diags.HasErrors() {
			fmt.Println("error")
			continue
		}
		fmt.Print(body(file.Body.(*hclsyntax.Body), ""))
	}
	os.Exit(status)
}
