// Package sample embeds the sample corpus: the two articles coveragebot
// started from (Xi Jinping's visit to Moscow, March 2023). It is what the
// index is built from when no corpus is configured.
//
// The files are the seed articles verbatim; the first carries front matter
// with its id and a publication date inferred from its text ("two days of
// talks yesterday", Kishida's Kyiv visit of 21 March), since it has none.
package sample

import (
	"embed"
	"io/fs"
)

//go:embed corpus/*.txt
var files embed.FS

// Root is the folder of FS holding the article files.
const Root = "corpus"

// FS returns the embedded sample corpus; its articles are under Root.
func FS() fs.FS { return files }
