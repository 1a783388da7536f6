package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// memory watches the resident memory of this process while a build runs.
// Linux counts in RSS both the memory the program allocated (RssAnon: the
// Go heap, stacks) and the pages of files it maps that were touched
// (RssFile: bleve maps its segment files and reads them whole when it
// merges them; those pages are the kernel's page cache, given back under
// pressure). VmHWM, the peak of the sum, is what "peak RSS" usually means;
// the peak of RssAnon, sampled, says how much of it the program needed.
type memory struct {
	stop chan struct{}
	done sync.WaitGroup
	mu   sync.Mutex
	anon int64 // the highest RssAnon seen, in bytes
}

// watchMemory samples RssAnon every interval until stop.
func watchMemory(interval time.Duration) *memory {
	m := &memory{stop: make(chan struct{})}
	m.sample()
	m.done.Add(1)
	go func() {
		defer m.done.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-m.stop:
				return
			case <-t.C:
				m.sample()
			}
		}
	}()
	return m
}

func (m *memory) sample() {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	if n, err := statusKB(b, "RssAnon"); err == nil {
		m.mu.Lock()
		m.anon = max(m.anon, n)
		m.mu.Unlock()
	}
}

// peaks stops the sampling and returns the process's VmHWM and the highest
// RssAnon seen, in bytes.
func (m *memory) peaks() (hwm, anon int64, err error) {
	close(m.stop)
	m.done.Wait()
	m.sample()
	if hwm, err = peakRSS(); err != nil {
		return 0, 0, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return hwm, m.anon, nil
}

// peakRSS is the process's peak resident set size in bytes (VmHWM).
func peakRSS() (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("peak RSS needs Linux's /proc: %w", err)
	}
	return statusKB(b, "VmHWM")
}

// statusKB reads a "Key:   123 kB" line of /proc/*/status, in bytes.
func statusKB(status []byte, key string) (int64, error) {
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || k != key {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			break
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			break
		}
		return n << 10, nil
	}
	return 0, fmt.Errorf("no %s in /proc/self/status", key)
}
