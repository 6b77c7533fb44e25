// Command teamreport reads a sales team's CRM export and reports how to
// develop each rep: the team's benchmarks, the rules its history holds, and
// per rep the win rate with its confidence, the grade, the place on the
// desire × results grid, the help needed (training, mentoring, coaching or
// management), the next 1+1+1 focus, a mentor and the coaching hours due.
// Without files it reports on a built-in, generated data set.
//
// Usage:
//
//	teamreport [-json | -svg FILE] [-asof YYYY-MM-DD] [-coaching-hours H]
//	           [-complexity transactional|moderate|complex] [-max-mentees N]
//	           [-pipeline FILE [-format auto|maven|salesforce|hubspot] [-skip-bad]
//	            [-roster FILE] [-quotas FILE] [-desire FILE] [-activities FILE]]
//
// The pipeline is a Maven, Salesforce or HubSpot deals export; see
// [ReadPipeline], [ReadSalesforce] and [ReadHubSpot]. The other files are
// described by [ReadRoster], [ReadQuotas], [ReadDesires] and
// [ReadActivities].
//
// The text report is for people. -json writes a [Report], whose field
// names are stable; -svg FILE also draws the grid as a picture. A malformed
// row stops the run with its file, line and column; -skip-bad skips such
// rows, counts them and names the first few on stderr. Inputs over 100,000
// rows print a progress line on stderr every 100,000 rows.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"time"

	"github.com/salesdev/salesdev/tmc"
)

// maxShownSkipped is how many skipped rows main prints.
const maxShownSkipped = 10

// Defaults of the report's flags.
const (
	// defaultCoachingHours is a manager's monthly coaching time: enough
	// for five reps at the 3 hours a month the Sales Executive Council
	// tied to 107% of quota.
	defaultCoachingHours = 15
	defaultMaxMentees    = 3
)

// main loads the data set the flags name and prints what it holds.
func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		os.Exit(2) // the flag package has printed the error and usage
	}
	cfg.progress = os.Stderr
	ds, err := load(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "teamreport:", err)
		os.Exit(1)
	}
	for i, re := range ds.Skipped {
		if i == maxShownSkipped {
			fmt.Fprintf(os.Stderr, "teamreport: … and %d more skipped rows\n", len(ds.Skipped)-i)
			break
		}
		fmt.Fprintln(os.Stderr, "teamreport: skipped", re.Error())
	}
	rep, err := buildReport(ds, cfg.report)
	if err != nil {
		fmt.Fprintln(os.Stderr, "teamreport:", err)
		os.Exit(1)
	}
	if err := write(os.Stdout, rep, cfg.out); err != nil {
		fmt.Fprintln(os.Stderr, "teamreport:", err)
		os.Exit(1)
	}
}

// write writes the report to w as text or JSON, and the SVG grid to its
// file when out names one.
func write(w io.Writer, rep *Report, out output) error {
	if out.svg != "" {
		f, err := os.Create(out.svg)
		if err != nil {
			return err
		}
		if err := writeSVG(f, rep); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	if out.json {
		return writeJSON(w, rep)
	}
	return writeText(w, rep)
}

// parseFlags parses the command line args (without the program name);
// errors and usage go to stderr.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("teamreport", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.pipeline, "pipeline", "", "deals export `FILE` (default: the built-in data set)")
	fs.StringVar(&cfg.roster, "roster", "", "team roster `FILE`: sales_agent,manager,regional_office")
	fs.StringVar(&cfg.quotas, "quotas", "", "monthly quotas `FILE`: rep,monthly_quota")
	fs.StringVar(&cfg.desire, "desire", "", "desire survey `FILE`: rep,desire (1 to 5)")
	fs.StringVar(&cfg.activities, "activities", "", "activities `FILE`: rep,kind,date")
	fs.TextVar(&cfg.format, "format", FormatAuto, "`format` of the pipeline: auto, maven, salesforce or hubspot")
	fs.BoolVar(&cfg.skipBad, "skip-bad", false, "skip malformed rows instead of stopping at the first")
	fs.BoolVar(&cfg.out.json, "json", false, "write the report as JSON")
	fs.StringVar(&cfg.out.svg, "svg", "", "also draw the desire × results grid into `FILE` (SVG)")
	fs.Func("asof", "report as of this `date` (YYYY-MM-DD; default: the latest date in the data)", func(s string) error {
		t, err := time.Parse(time.DateOnly, s)
		cfg.report.asOf = t
		return err
	})
	fs.Float64Var(&cfg.report.coachingHours, "coaching-hours", defaultCoachingHours, "each manager's coaching `hours` a month, shared across the team")
	fs.TextVar(&cfg.report.complexity, "complexity", tmc.Moderate, "`complexity` of what the team sells: transactional, moderate or complex")
	fs.IntVar(&cfg.report.maxMentees, "max-mentees", defaultMaxMentees, "most mentees per mentor")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if !(cfg.report.coachingHours >= 0) || math.IsInf(cfg.report.coachingHours, 0) || cfg.report.maxMentees < 1 {
		err := errors.New("-coaching-hours must be a finite number ≥ 0 and -max-mentees at least 1")
		fmt.Fprintln(stderr, err)
		return config{}, err
	}
	if fs.NArg() > 0 {
		err := fmt.Errorf("unexpected argument %q", fs.Arg(0))
		fmt.Fprintln(stderr, err)
		fs.Usage()
		return config{}, err
	}
	return cfg, nil
}
