// Package web holds the page templates, so every host renders a map's
// pages from the same files: serve and the Worker at each request for a
// new revision, `buurtkaart build` once. The rest of web/ (scripts, style,
// fonts) is copied into the built site as it is.
package web

import "embed"

// Templates are index.html (the map), embed.html (for other sites'
// iframes) and poster.html (the poster composer), as html/template files,
// and manifest.webmanifest, which each map gets with its own name.
//
//go:embed index.html embed.html poster.html manifest.webmanifest
var Templates embed.FS
