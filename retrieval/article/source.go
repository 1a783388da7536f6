package article

// Source cites the place an excerpt comes from: the article and the
// paragraph, with the excerpt's rune offsets within the article text.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD, empty when undated
	Paragraph int    `json:"paragraph"`           // 1-based, as a reader counts
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Cite returns the Source of the runes start..end of a's text, which lie in
// paragraph p (0-based index into a.Paragraphs).
func (a *Article) Cite(p, start, end int) Source {
	s := Source{ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Paragraph: p + 1, Start: start, End: end}
	if !a.Published.IsZero() {
		s.Published = a.Published.Format("2006-01-02")
	}
	return s
}
