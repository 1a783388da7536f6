// Package bench measures coveragebot against the floor plain bleve sets:
// for corpora of several sizes made from one real corpus, it builds
// coveragebot's index and a plain BM25 bleve index of the same paragraphs
// (each build in a child process, so its peak RSS is its own), then times
// opening each index, answering a fixed set of questions one at a time and
// four at once, and the summary of the busiest day. The Report it returns
// renders as the Markdown of docs/benchmarks.md.
package bench
