package digest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/quote"
)

// Options tune a summary; the zero value gives the defaults.
type Options struct {
	// StoryThreshold is the average TF-IDF cosine, over titles and leads,
	// at which two groups of articles are one story (default 0.2).
	StoryThreshold float64
	// Sentences is how many central sentences each story quotes (default 3).
	Sentences int
	// MaxStories bounds the stories listed, biggest first (default 10;
	// negative: all). Counts.Stories still counts every story of the day.
	MaxStories int
	// MaxQuotes bounds the "who said what" statements (default 8; negative: none).
	MaxQuotes int
}

// Defaults of Options.
const (
	DefaultStoryThreshold = 0.2
	DefaultSentences      = 3
	DefaultMaxStories     = 10
	DefaultMaxQuotes      = 8
)

func (o Options) withDefaults() Options {
	if o.StoryThreshold <= 0 {
		o.StoryThreshold = DefaultStoryThreshold
	}
	if o.Sentences <= 0 {
		o.Sentences = DefaultSentences
	}
	if o.MaxStories == 0 {
		o.MaxStories = DefaultMaxStories
	}
	if o.MaxQuotes == 0 {
		o.MaxQuotes = DefaultMaxQuotes
	}
	return o
}

// leadTerms is how much of an article's opening, after its title, stands
// for it when grouping articles into stories: the paragraphs (captions
// aside) until about 50 content words, some 90 words of text.
const leadTerms = 50

// doc is one article of the day as the summary sees it.
type doc struct {
	a    *article.Article
	lead vector // title and lead paragraphs
}

// builder holds what one Build computes once for the whole day.
type builder struct {
	docs  []doc
	vocab *vocab
	// postings lists, for each term, the docs holding it, ascending.
	postings [][]int
}

// Build summarises the coverage of one day: arts are the articles of date
// (YYYY-MM-DD), quotes their statements keyed by article id. It is pure and
// deterministic: the same articles in any order give the same summary.
func Build(date string, arts []*article.Article, quotes map[string][]quote.Quote, opts Options) Summary {
	opts = opts.withDefaults()
	b := newBuilder(arts)
	s := Summary{Date: date, Stories: []Story{}, Quotes: []Quote{}}
	s.Counts.Articles = len(b.docs)
	s.Counts.Outlets = b.outlets()

	vecs := make([]vector, len(b.docs))
	for i, d := range b.docs {
		vecs[i] = d.lead
	}
	groups := cluster(vecs, float32(opts.StoryThreshold))
	stories := make([]story, 0, len(groups))
	for _, g := range groups {
		stories = append(stories, b.rank(g))
	}
	slices.SortFunc(stories, func(x, y story) int {
		if c := cmp.Compare(len(y.docs), len(x.docs)); c != 0 {
			return c
		}
		if c := cmp.Compare(y.outlets, x.outlets); c != 0 {
			return c
		}
		return cmp.Compare(x.docs[0], y.docs[0])
	})
	s.Counts.Stories = len(stories)
	if opts.MaxStories > 0 && len(stories) > opts.MaxStories {
		stories = stories[:opts.MaxStories]
	}
	for _, st := range stories {
		s.Stories = append(s.Stories, b.story(st, opts.Sentences))
	}
	if opts.MaxQuotes > 0 {
		s.Quotes = b.whoSaidWhat(quotes, opts.MaxQuotes)
	}
	return s
}

// newBuilder keeps each article once, in id order, and weighs their terms.
func newBuilder(arts []*article.Article) *builder {
	seen := make(map[string]bool, len(arts))
	b := &builder{vocab: newVocab()}
	for _, a := range arts {
		if a == nil || seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		b.docs = append(b.docs, doc{a: a})
	}
	slices.SortFunc(b.docs, func(x, y doc) int { return strings.Compare(x.a.ID, y.a.ID) })

	leads := make([][]int32, len(b.docs))
	for i := range b.docs {
		d := &b.docs[i]
		var all []int32
		add := func(t string) { all = append(all, b.vocab.id(t)) }
		terms(d.a.Title, add)
		if len(d.a.Paragraphs) == 0 {
			terms(d.a.Text, add)
		}
		lead := slices.Clone(all)
		for _, p := range d.a.Paragraphs {
			before := len(all)
			terms(p.Text, add)
			if !p.Caption && len(lead) < leadTerms {
				lead = append(lead, all[before:]...)
			}
		}
		leads[i] = lead
		slices.Sort(all)
		all = slices.Compact(all)
		b.vocab.addDoc(all)
		for _, id := range all {
			if int(id) >= len(b.postings) {
				b.postings = append(b.postings, make([][]int, int(id)+1-len(b.postings))...)
			}
			b.postings[id] = append(b.postings[id], i)
		}
	}
	for i := range b.docs {
		b.docs[i].lead = b.vocab.weigh(leads[i])
	}
	return b
}

// vectorOf weighs a sentence's terms by the day's document frequencies.
func (b *builder) vectorOf(text string) vector {
	var ids []int32
	terms(text, func(t string) {
		if id, ok := b.vocab.lookup(t); ok {
			ids = append(ids, id)
		}
	})
	return b.vocab.weigh(ids)
}

// nameTerms returns the term ids of a name, or nil when the name has no
// content terms or one of them appears nowhere in the day's coverage.
func (b *builder) nameTerms(name string) []int32 {
	var ids []int32
	missing := false
	terms(name, func(t string) {
		id, ok := b.vocab.lookup(t)
		if !ok {
			missing = true
		}
		ids = append(ids, id)
	})
	if missing {
		return nil
	}
	return ids
}

// holding returns the docs that hold every one of the terms, ascending.
func (b *builder) holding(ids []int32) []int {
	if len(ids) == 0 {
		return nil
	}
	out := b.postings[ids[0]]
	for _, id := range ids[1:] {
		var both []int
		for i, j, p := 0, 0, b.postings[id]; i < len(out) && j < len(p); {
			switch {
			case out[i] < p[j]:
				i++
			case out[i] > p[j]:
				j++
			default:
				both = append(both, out[i])
				i++
				j++
			}
		}
		out = both
	}
	return out
}

func (b *builder) outlets() int {
	set := make(map[string]bool)
	for _, d := range b.docs {
		if o := strings.ToLower(strings.TrimSpace(d.a.Outlet)); o != "" {
			set[o] = true
		}
	}
	return len(set)
}

// story is a group of the day's docs, the most central first.
type story struct {
	docs    []int
	outlets int
}

// rank orders a group's docs by how close each lies to the group's centroid.
func (b *builder) rank(group []int) story {
	vecs := make([]vector, len(group))
	for i, di := range group {
		vecs[i] = b.docs[di].lead
	}
	c := centroid(vecs)
	score := make(map[int]float32, len(group))
	outlets := make(map[string]bool)
	for _, di := range group {
		score[di] = cosine(b.docs[di].lead, c)
		if o := strings.ToLower(strings.TrimSpace(b.docs[di].a.Outlet)); o != "" {
			outlets[o] = true
		}
	}
	docs := slices.Clone(group)
	slices.SortStableFunc(docs, func(x, y int) int { return cmp.Compare(score[y], score[x]) })
	return story{docs: docs, outlets: len(outlets)}
}

// story lays out a group: its title, central sentences and sources.
func (b *builder) story(st story, k int) Story {
	out := Story{Articles: []string{}, Sentences: []Sentence{}, Sources: []article.Source{}}
	var cands []candidate
	for _, di := range st.docs {
		a := b.docs[di].a
		if out.Title == "" {
			out.Title = strings.TrimSpace(a.Title)
		}
		out.Articles = append(out.Articles, a.ID)
		out.Sources = append(out.Sources, leadSource(a))
		cands = append(cands, b.candidates(di)...)
	}
	for _, c := range central(cands, k) {
		a := b.docs[c.doc].a
		out.Sentences = append(out.Sentences, Sentence{Text: c.sent.Text, Source: a.Cite(c.para, c.sent.Start, c.sent.End)})
	}
	return out
}

// leadSource cites an article by its first paragraph that is not a caption.
func leadSource(a *article.Article) article.Source {
	for _, p := range a.Paragraphs {
		if !p.Caption {
			return a.Cite(p.Index, p.Start, p.End)
		}
	}
	return a.Cite(0, 0, 0)
}
