// Package index keeps the coverage in a bleve index: one document per
// article (its metadata) and per paragraph (its text, for passages, and its
// statements, who said what, for "what did X say?"). It hides bleve behind
// plain types: callers never see a bleve value.
package index
