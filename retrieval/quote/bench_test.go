package quote

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/coveragebot/coveragebot/retrieval/article"
	"github.com/coveragebot/coveragebot/retrieval/sample"
)

// benchArticles returns the seed articles and, when ../shared is present,
// the first 200 PolNeAR articles.
func benchArticles(b *testing.B) []*article.Article {
	b.Helper()
	var arts []*article.Article
	err := fs.WalkDir(sample.FS(), sample.Root, func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sample.FS(), path)
		if err != nil {
			return err
		}
		arts = append(arts, segment(path, string(data)))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if shared := sharedDir(b); shared != "" {
		f, err := os.Open(filepath.Join(shared, "corpora", "polnear-train.jsonl"))
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() && len(arts) < 202 {
			var pa polnearArticle
			if err := json.Unmarshal(sc.Bytes(), &pa); err != nil {
				b.Fatal(err)
			}
			arts = append(arts, segment(pa.ID, pa.Text))
		}
	}
	return arts
}

// BenchmarkExtract measures Extract per article over the seeds and a
// PolNeAR sample (ns/op is per article).
func BenchmarkExtract(b *testing.B) {
	arts := benchArticles(b)
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size / len(arts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(arts[i%len(arts)])
	}
}
