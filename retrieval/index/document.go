package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// fieldSpec is how the mapping indexes one field of one document type.
type fieldSpec struct {
	text     bool // a text field; otherwise a number
	options  bleveindex.FieldIndexingOptions
	analyzer analysis.Analyzer
}

// docBuilder makes the bleve documents the mapping would make of the
// writer's maps, without walking them by reflection: the writer hands
// bleve documents ready to analyse (Batch.IndexAdvanced). The specs are
// read from the index's own mapping, so the two cannot drift apart.
type docBuilder struct {
	specs map[string]map[string]fieldSpec // document type → field → spec
}

func newDocBuilder(im mapping.IndexMapping) (*docBuilder, error) {
	impl, ok := im.(*mapping.IndexMappingImpl)
	if !ok {
		return nil, fmt.Errorf("index mapping: unexpected %T", im)
	}
	b := &docBuilder{specs: map[string]map[string]fieldSpec{}}
	for typ, dm := range impl.TypeMapping {
		fields := map[string]fieldSpec{}
		for name, prop := range dm.Properties {
			if len(prop.Fields) != 1 {
				continue // _all and other sub-documents hold no field
			}
			fm := prop.Fields[0]
			name := name
			if fm.Name != "" {
				name = fm.Name
			}
			spec := fieldSpec{text: fm.Type == "text", options: fm.Options()}
			if spec.text {
				an := fm.Analyzer
				if an == "" {
					an = impl.DefaultAnalyzer
				}
				if spec.analyzer = impl.AnalyzerNamed(an); spec.analyzer == nil {
					return nil, fmt.Errorf("index mapping: field %s.%s: no analyzer %q", typ, name, an)
				}
			} else if fm.Type != "number" {
				return nil, fmt.Errorf("index mapping: field %s.%s: unsupported type %q", typ, name, fm.Type)
			}
			fields[name] = spec
		}
		b.specs[typ] = fields
	}
	return b, nil
}

// doc is a document being built: its type's specs and the fields so far.
type doc struct {
	d     *document.Document
	specs map[string]fieldSpec
	err   error
}

// start begins a document of a type, its type field set.
func (b *docBuilder) start(id, typ string) *doc {
	d := &doc{d: document.NewDocument(id), specs: b.specs[typ]}
	if d.specs == nil {
		d.err = fmt.Errorf("index mapping: no document type %q", typ)
	}
	if _, typed := d.specs[fType]; typed {
		d.str(fType, typ)
	}
	return d
}

func (d *doc) spec(name string) (fieldSpec, bool) {
	s, ok := d.specs[name]
	if !ok && d.err == nil {
		d.err = fmt.Errorf("index mapping: no field %q", name)
	}
	return s, ok
}

// str adds a string field, as the mapping maps a string value.
func (d *doc) str(name, v string) *doc { return d.strAt(name, v, nil) }

func (d *doc) strAt(name, v string, pos []uint64) *doc {
	s, ok := d.spec(name)
	if !ok {
		return d
	}
	if !s.text {
		d.err = fmt.Errorf("index mapping: field %q is not text", name)
		return d
	}
	d.d.AddField(document.NewTextFieldCustom(name, pos, []byte(v), s.options, s.analyzer))
	return d
}

// strs adds a string list, each value at its array position, as the
// mapping maps a []string.
func (d *doc) strs(name string, vs []string) *doc {
	for i, v := range vs {
		d.strAt(name, v, []uint64{uint64(i)})
	}
	return d
}

// num adds a number field, as the mapping maps an int.
func (d *doc) num(name string, v int) *doc {
	s, ok := d.spec(name)
	if !ok {
		return d
	}
	if s.text {
		d.err = fmt.Errorf("index mapping: field %q is not a number", name)
		return d
	}
	d.d.AddField(document.NewNumericFieldWithIndexingOptions(name, nil, float64(v), s.options))
	return d
}

// done returns the finished document.
func (d *doc) done() (*document.Document, error) {
	if d.err != nil {
		return nil, d.err
	}
	d.d.SetIndexed()
	return d.d, nil
}
