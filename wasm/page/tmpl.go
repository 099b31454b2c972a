package page

import (
	"errors"
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
	url   bool     // a field in a URL attribute (href, src): filtered as html/template does
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
	var seen strings.Builder
	nodes, rest, end, err := parseNodes(dropComments(src), &seen)
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
// seen is the template's literal text so far, for the context of a field.
func parseNodes(src string, seen *strings.Builder) (nodes []node, rest, end string, err error) {
	for src != "" {
		i := strings.Index(src, "{{")
		if i < 0 {
			seen.WriteString(src)
			return append(nodes, node{text: src}), "", "", nil
		}
		if i > 0 {
			nodes = append(nodes, node{text: src[:i]})
			seen.WriteString(src[:i])
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
			attr, bad := context(seen.String())
			if bad != "" {
				return nil, "", "", errors.New("page: template: {{" + action[0] + "}} " + bad + ": html/template's escaping there is not in the subset page renders")
			}
			nodes = append(nodes, node{op: "field", args: []string{action[0][1:]}, url: attr == "href" || attr == "src"})
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
			if n.body, src, end, err = parseNodes(src, seen); err != nil {
				return nil, "", "", err
			}
			if end == "else" && n.op == "if" {
				if n.elseb, src, end, err = parseNodes(src, seen); err != nil {
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
			s, err := text(d, n.args[0], n.url)
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

// text is field name of d as it lands in the page: escaped unless trusted,
// and in a URL attribute only a URL of the web's own schemes.
func text(d dot, name string, url bool) (string, error) {
	switch v := d[name].(type) {
	case string:
		if url {
			return escaper.Replace(normalURL(v)), nil
		}
		return escaper.Replace(v), nil
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

// escaper is html/template's for text and quoted attributes.
var escaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// normalURL is html/template's treatment of a URL in an attribute: a
// scheme other than http, https or mailto (javascript:) becomes
// "#ZgotmplZ", and bytes a URL may not hold are percent-encoded.
func normalURL(s string) string {
	if i := strings.IndexAny(s, ":/?#"); i >= 0 && s[i] == ':' {
		switch strings.ToLower(s[:i]) {
		case "http", "https", "mailto":
		default:
			return "#ZgotmplZ"
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~!#$&*+,/:;=?@[]%", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)>>4, 16)+strconv.FormatUint(uint64(c)&15, 16)))
		}
	}
	return b.String()
}

// context tells where a field after the literal text seen lands: the
// quoted attribute it is in (attr), or why the subset cannot escape it
// there (bad: an event handler, a style, a script or an unquoted value).
func context(seen string) (attr, bad string) {
	lower := strings.ToLower(seen)
	for _, el := range []string{"script", "style"} {
		if open := strings.LastIndex(lower, "<"+el); open >= 0 && open > strings.LastIndex(lower, "</"+el) {
			return "", "in a <" + el + ">"
		}
	}
	tag := strings.LastIndex(seen, "<")
	if tag < 0 || tag < strings.LastIndex(seen, ">") {
		return "", "" // text
	}
	inTag := seen[tag:]
	if strings.Count(inTag, `"`)%2 == 0 {
		return "", "in a tag, outside a quoted value"
	}
	q := strings.LastIndex(inTag, `="`)
	if q < 0 {
		return "", "in a tag, outside a quoted value"
	}
	name := strings.ToLower(inTag[:q])
	if sp := strings.LastIndexAny(name, " \t\n"); sp >= 0 {
		name = name[sp+1:]
	}
	if strings.HasPrefix(name, "on") || name == "style" {
		return "", "in the attribute " + name
	}
	return name, ""
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
