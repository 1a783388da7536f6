package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

// FormatVersion changes whenever the mapping or the documents change shape;
// an index of another version is rebuilt.
const FormatVersion = "coveragebot-index-12"

// Document types, kept in the "type" field of every document. A
// paragraph's statements are fields of its document: a document of their
// own each would cost bleve as much again as the paragraphs, for words the
// paragraph already holds.
const (
	typeArticle   = "article"
	typeParagraph = "paragraph"
)

// Field names shared by the mapping, the writer and the queries.
const (
	fType      = "type"
	fArticle   = "aid"     // article id (keyword)
	fDate      = "date"    // YYYY-MM-DD (keyword, range filters)
	fOutlet    = "outlet"  // outlet (keyword)
	fPText     = "ptext"   // paragraph words (English analysis)
	fADate     = "adate"   // article date (keyword): per-day and range statistics
	fAOutlet   = "aoutlet" // article outlet (keyword): per-outlet statistics
	fPara      = "para"    // paragraph index (stored number)
	fStart     = "start"   // rune offset (stored number)
	fEnd       = "end"     // rune offset (stored number)
	fCaption   = "caption" // "1" for captions (keyword)
	fKey       = "skey"    // the speakers of a paragraph's statements (keyword): quote.NameKey(name)
	fKeyMonth  = "skm"     // "key\x1fYYYY-MM" of each speaker, for their statements by month (keyword)
	fTags      = "tags"    // "cue:" and the cue lemma of each statement (keyword)
	fSDate     = "sdate"   // the date of a paragraph with statements (keyword, sortable)
	fSData     = "sdata"   // one record a statement (stored JSON, statementRecord)
	fTitle     = "title"
	fURL       = "url"
	fAuthors   = "authors"
	fAdded     = "added"
	fParas     = "paras"
	fStmts     = "stmts"
	fTextLen   = "tlen"
	formSep    = "\x1f"
	maxResults = 10000
)

// newMapping returns the explicit mapping shared by the code and its tests:
// BM25 scoring, no dynamic fields, no _all field, nothing indexed that no
// query uses and nothing stored that no answer shows.
func newMapping() mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	m.DefaultAnalyzer = en.AnalyzerName
	m.TypeField = fType
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	m.DefaultMapping.Enabled = false
	m.DefaultMapping.Dynamic = false

	kw := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	num := func() *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	sortable := func(f *mapping.FieldMapping) *mapping.FieldMapping {
		f.DocValues = true
		return f
	}
	doc := func(fields map[string]*mapping.FieldMapping) *mapping.DocumentMapping {
		d := bleve.NewDocumentStaticMapping()
		d.Dynamic = false
		// No _all: without this bleve adds an (empty) composite field to
		// every document and visits it for every field it indexes.
		d.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
		for name, f := range fields {
			d.AddFieldMappingsAt(name, f)
		}
		return d
	}

	m.AddDocumentMapping(typeArticle, doc(map[string]*mapping.FieldMapping{
		fType: kw(false), fArticle: kw(true), fADate: sortable(kw(true)), fAOutlet: sortable(kw(true)),
		fTitle: stored(), fURL: stored(), fAuthors: stored(), fAdded: stored(),
		fParas: num(), fStmts: num(), fTextLen: num(),
	}))
	m.AddDocumentMapping(typeParagraph, doc(map[string]*mapping.FieldMapping{
		// The paragraphs of an article are found by their ids (Article), so
		// their article id is only stored.
		fType: kw(false), fArticle: stored(), fDate: kw(false), fOutlet: kw(false),
		fPText: text(true), fCaption: kw(true), fPara: num(), fStart: num(), fEnd: num(),
		// The statements: only paragraphs that have some carry these, and
		// whatever a statement shows is in its record (statementRecord).
		fKey: kw(false), fKeyMonth: kw(false), fTags: kw(false), fSDate: sortable(kw(false)), fSData: stored(),
	}))
	return m
}
