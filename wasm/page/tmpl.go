package page

import (
	"errors"
	"html"
	"strconv"
	"strings"
)

// The pages' templates are rendered here without text/template: its field
// lookup calls reflect's MethodByName, which makes Go's linker keep every
// exported method of every type in the program (measured: the Worker grew
// from 2.3 to 3.6 MB gzip, over its 3 MiB limit). The templates use a
// small part of the language — {{.Field}}, {{range .List}}, {{if .Field}},
// {{if eq .A .B}}, {{else}}, {{end}} — over data given as maps, and every
// value lands in text or a quoted attribute, where escaping &, <, >, " and
// ' is html/template's answer too. A test renders the real templates both
// ways and wants the same bytes (tmpl_test.go), so the pages stay
// html/template files that any Go programmer can read.

// dot is a template's dot: fields by name.
type dot = map[string]any

// trusted is text that is already HTML (the core's drawing, which escapes
// every text it draws): written as it is.
type trusted string

// node is a parsed piece of a template.
type node struct {
	text  string   // literal text, when op == ""
	op    string   // "", "field", "range", "if"
	args  []string // field names: one, or two for "eq"
	eq    bool     // if eq .A .B
	body  []node
	elseb []node
}

type tmpl []node

// parseTmpl reads a template of the subset above. HTML comments are
// dropped, as html/template drops them: they are notes for the page's
// authors, not bytes for residents' phones.
func parseTmpl(src string) (tmpl, error) {
	nodes, rest, end, err := parseNodes(dropComments(src))
	if err != nil {
		return nil, err
	}
	if end != "" || rest != "" {
		return nil, errors.New("page: template: unexpected {{" + end + "}}")
	}
	return nodes, nil
}

func dropComments(src string) string {
	var b strings.Builder
	for {
		i := strings.Index(src, "<!--")
		if i < 0 {
			return b.String() + src
		}
		b.WriteString(src[:i])
		j := strings.Index(src[i:], "-->")
		if j < 0 {
			return b.String()
		}
		src = src[i+j+3:]
	}
}

// parseNodes reads nodes up to an {{else}} or {{end}} (returned as end).
func parseNodes(src string) (nodes []node, rest, end string, err error) {
	for src != "" {
		i := strings.Index(src, "{{")
		if i < 0 {
			return append(nodes, node{text: src}), "", "", nil
		}
		if i > 0 {
			nodes = append(nodes, node{text: src[:i]})
		}
		j := strings.Index(src[i:], "}}")
		if j < 0 {
			return nil, "", "", errors.New("page: template: unclosed {{")
		}
		action := strings.Fields(src[i+2 : i+j])
		src = src[i+j+2:]
		switch {
		case len(action) == 1 && (action[0] == "end" || action[0] == "else"):
			return nodes, src, action[0], nil
		case len(action) == 1 && strings.HasPrefix(action[0], "."):
			nodes = append(nodes, node{op: "field", args: []string{action[0][1:]}})
		case len(action) == 2 && (action[0] == "range" || action[0] == "if") && strings.HasPrefix(action[1], "."),
			len(action) == 4 && action[0] == "if" && action[1] == "eq" && strings.HasPrefix(action[2], ".") && strings.HasPrefix(action[3], "."):
			n := node{op: action[0]}
			for _, a := range action[1:] {
				if a == "eq" {
					n.eq = true
					continue
				}
				n.args = append(n.args, a[1:])
			}
			var end string
			if n.body, src, end, err = parseNodes(src); err != nil {
				return nil, "", "", err
			}
			if end == "else" && n.op == "if" {
				if n.elseb, src, end, err = parseNodes(src); err != nil {
					return nil, "", "", err
				}
			}
			if end != "end" {
				return nil, "", "", errors.New("page: template: {{" + action[0] + "}} without {{end}}")
			}
			nodes = append(nodes, n)
		default:
			return nil, "", "", errors.New("page: template: {{" + strings.Join(action, " ") + "}} is not in the subset page renders")
		}
	}
	return nodes, "", "", nil
}

// execute writes t with dot d to b.
func (t tmpl) execute(b *strings.Builder, d dot) error {
	for _, n := range t {
		switch n.op {
		case "":
			b.WriteString(n.text)
		case "field":
			s, err := text(d, n.args[0])
			if err != nil {
				return err
			}
			b.WriteString(s)
		case "range":
			list, ok := d[n.args[0]].([]dot)
			if !ok && d[n.args[0]] != nil {
				return errors.New("page: template: ." + n.args[0] + " is not a list")
			}
			for _, item := range list {
				if err := tmpl(n.body).execute(b, item); err != nil {
					return err
				}
			}
		case "if":
			branch := n.elseb
			if truth(d, n) {
				branch = n.body
			}
			if err := tmpl(branch).execute(b, d); err != nil {
				return err
			}
		}
	}
	return nil
}

// text is field name of d as it lands in the page: escaped unless trusted.
func text(d dot, name string) (string, error) {
	switch v := d[name].(type) {
	case string:
		return html.EscapeString(v), nil
	case trusted:
		return string(v), nil
	case int:
		return strconv.Itoa(v), nil
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	case bool:
		return strconv.FormatBool(v), nil
	case nil:
		return "", errors.New("page: template: no field ." + name)
	}
	return "", errors.New("page: template: ." + name + " cannot be written")
}

func truth(d dot, n node) bool {
	if n.eq {
		return d[n.args[0]] == d[n.args[1]]
	}
	switch v := d[n.args[0]].(type) {
	case string:
		return v != ""
	case bool:
		return v
	case int:
		return v != 0
	case []dot:
		return len(v) > 0
	}
	return false
}
