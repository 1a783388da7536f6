// Package index keeps the coverage in a bleve index: one document per
// article (its metadata), per paragraph (its text, for passages) and per
// statement (who said what, for "what did X say?"). It hides bleve behind
// plain types: callers never see a bleve value.
package index
