package eval

import (
	"context"
	"fmt"
	"sync"

	"github.com/coveragebot/coveragebot/retrieval"
)

// Counted is how many items of an answer are scored.
const Counted = 5

// Answerer answers a question, as coveragebot's library does.
type Answerer interface {
	Answer(ctx context.Context, question string) (retrieval.Answer, error)
}

// Result sums up an evaluation.
type Result struct {
	Questions int // questions asked
	Hits      int // questions with a right item among the first five
	Given     int // items given, five at most per question
	Good      int // right items among them
	Empty     int // questions answered with no item

	HitAt5       float64 // Hits / Questions, from 0 to 1
	PrecisionAt5 float64 // Good / Given (Good / 1 when nothing was given)
	EmptyShare   float64 // Empty / Questions

	// Misses are the questions with no right item, in the order asked.
	Misses []Miss
}

// Miss is a question none of whose first five items was right.
type Miss struct {
	Q       string
	Speaker string // the gold speaker
	Kind    retrieval.AnswerKind
	Message string
	Items   []retrieval.Item // the items given, five at most
}

// Run asks every question of cases, one after the other, and scores the
// answers. An error from the answerer, or ctx ending, stops it.
func Run(ctx context.Context, cases []Case, a Answerer) (Result, error) {
	return RunN(ctx, cases, a, 1)
}

// RunN is Run asking up to workers questions at once, for an answerer safe
// for concurrent use. The result is the same as Run's, Misses in the order
// of cases.
func RunN(ctx context.Context, cases []Case, a Answerer, workers int) (Result, error) {
	workers = max(1, min(workers, len(cases)))
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	answers := make([]retrieval.Answer, len(cases))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				ans, err := a.Answer(ctx, cases[i].Q)
				if err != nil {
					cancel(fmt.Errorf("question %d %q: %w", i+1, cases[i].Q, err))
					return
				}
				answers[i] = ans
			}
		})
	}
	asked := 0
feed:
	for i := range cases {
		select {
		case next <- i:
			asked++
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return Result{}, fmt.Errorf("eval stopped after %d of %d questions: %w", asked, len(cases), err)
	}
	var r Result
	for i, c := range cases {
		r.add(c, answers[i])
	}
	r.finish()
	return r, nil
}

// add scores one answer.
func (r *Result) add(c Case, ans retrieval.Answer) {
	items := ans.Items
	if len(items) > Counted {
		items = items[:Counted]
	}
	r.Questions++
	if len(items) == 0 {
		r.Empty++
	}
	hit := false
	for _, ok := range c.Right(items) {
		if ok {
			r.Good++
			hit = true
		}
	}
	r.Given += len(items)
	if hit {
		r.Hits++
		return
	}
	r.Misses = append(r.Misses, Miss{Q: c.Q, Speaker: c.Speaker, Kind: ans.Kind, Message: ans.Message, Items: items})
}

// finish computes the shares.
func (r *Result) finish() {
	if r.Questions > 0 {
		r.HitAt5 = float64(r.Hits) / float64(r.Questions)
		r.EmptyShare = float64(r.Empty) / float64(r.Questions)
	}
	r.PrecisionAt5 = float64(r.Good) / float64(max(r.Given, 1))
}

// String prints the result as the scorer's last line does:
// "speakers: hit@5 66.7% (2/3), precision@5 50.0% (3/6), empty 0.0%".
func (r Result) String() string {
	return fmt.Sprintf("speakers: hit@5 %s (%d/%d), precision@5 %s (%d/%d), empty %s",
		percent(r.HitAt5), r.Hits, r.Questions, percent(r.PrecisionAt5), r.Good, r.Given, percent(r.EmptyShare))
}

// percent formats a share as Python's "{:.1%}": multiplied by 100, then
// rounded to one decimal, halves to even on the binary value.
func percent(share float64) string {
	return fmt.Sprintf("%.1f%%", share*100)
}
