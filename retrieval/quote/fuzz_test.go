package quote

import (
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/article"
)

// FuzzExtract checks that no text makes extraction panic or produce a
// quote whose text is not the article's text at its offsets.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“I agree,” Putin said, to which Xi responded: “Take care.”",
		"''We assess,'' Mr. Comey said. ''It is possible.''",
		"According to Paula Grant, the factory will close.",
		"Rep. Bobby Scott (D-Va.), a member, said he supports it.",
		"“Open\n\n“still open,” she said.",
		"‘Single,’ he said.", "\"", "said, said X, said.",
		// texts ending inside the phrase a rule reads on
		"Ana Lopez said about", "Ana Lopez said little", "Ana Lopez asked to", "Ana Lopez tweeted a",
		"In a speech, Ana Lopez said", "Since May, according to Ana Lopez,",
		// the session's readers of offices, asides and unnamed subjects
		"Ambassador to the", "Ambassador to the UN Geng", "Vice President of Football Operations Troy",
		"Ana Lopez said after the ruling that", "Ana Lopez denied it and issued", "One man, Ben",
		"On Thursday, a resident delivered", "Ana Lopez added, as the crowd cheered, that",
		"said in a post before the poll had closed:", "Khizr and Ghazala Khan. Mr. Khan said",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := &article.Article{ID: "fuzz", Text: text}
		article.Segment(a)
		runes := []rune(a.Text)
		for _, q := range extract(a) {
			if q.Start < 0 || q.End > len(runes) || q.Start >= q.End || string(runes[q.Start:q.End]) != string([]rune(q.Text)) {
				t.Fatalf("bad quote %+v", q)
			}
		}
	})
}
