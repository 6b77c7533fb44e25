// Command teamreport reads a sales team's CRM export and reports how to
// develop each rep: the team's benchmarks, the rules its history holds, and
// per rep the win rate with its confidence, the grade, the place on the
// desire × results grid, the help needed (training, mentoring, coaching or
// management), the next 1+1+1 focus, a mentor and the coaching hours due.
// Without files it reports on a built-in, generated data set.
//
// Usage:
//
//	teamreport -version
//	teamreport [-json] [-svg FILE] [-html FILE] [-asof YYYY-MM-DD] [-coaching-hours H]
//	           [-complexity transactional|moderate|complex] [-max-mentees N]
//	           [-pipeline FILE|- [-format auto|maven|salesforce|hubspot|pipedrive] [-skip-bad]
//	            [-stages FILE] [-history FILE] [-users FILE] [-rates FILE] [-day-first] [-tz ZONE]
//	            [-roster FILE] [-quotas FILE] [-desire FILE] [-activities FILE[,FILE]]]
//
// The pipeline is a Maven, Salesforce, HubSpot or Pipedrive deals export,
// read by package internal/crm (which says how won and lost are decided)
// over package internal/csvin (encodings, separators, dates, amounts);
// "-" reads standard input. The activities are the rep,kind,date file, or
// Salesforce Task and Event or HubSpot calls and meetings exports; every
// activity is counted per rep and week, and those linked to a deal or a
// contact also give the conversions of the items they reach
// (conversation → meeting → proposal). The roster, quotas and desire
// survey are described by [readRoster], [readQuotas] and [readDesires];
// the README shows every format.
//
// The text report is for people. -json writes a [Report], versioned by
// its schema_version ([SchemaVersion]) and described field by field by
// the JSON Schema report.schema.json beside this file; -svg FILE also
// draws the grid as a picture, and -html FILE writes the whole report as
// one self-contained web page (inline CSS and SVG, no script, nothing
// fetched). Neither overwrites an input file, and each is written whole
// or not at all. -version prints the module version the program was
// built at. A malformed row stops the run with its file, line and
// column; -skip-bad skips such
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
	"runtime/debug"
	"strings"
	"time"

	"github.com/salesdev/salesdev/competency"
	"github.com/salesdev/salesdev/examples/teamreport/internal/crm"
	"github.com/salesdev/salesdev/tmc"
)

// maxShownSkipped is how many skipped rows main prints.
const maxShownSkipped = 10

// Defaults of the report's flags.
const (
	// defaultCoachingHours is a manager's monthly coaching time: enough
	// for five reps at competency.CoachingCadence, the 3 hours a month a
	// Sales Executive Council study tied to 107% of quota.
	defaultCoachingHours = 5 * competency.CoachingCadence
	// defaultMaxMentees is the report's cap on mentees per mentor: one
	// more than salesdev.DefaultMaxMentees, since the built-in team and
	// the sample exports have few A players to go round.
	defaultMaxMentees = 3
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
	if cfg.version {
		info, ok := debug.ReadBuildInfo()
		fmt.Println(version(info, ok))
		return
	}
	cfg.progress = os.Stderr
	cfg.out.inputs = cfg.files()
	for _, out := range []string{cfg.out.svg, cfg.out.html} {
		if out == "" {
			continue
		}
		if err := checkOutput(out, cfg.out.inputs); err != nil {
			fmt.Fprintln(os.Stderr, "teamreport:", err)
			os.Exit(2)
		}
	}
	ds, err := load(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "teamreport:", err)
		os.Exit(1)
	}
	for _, re := range ds.ShownSkipped {
		fmt.Fprintln(os.Stderr, "teamreport: skipped", re.Error())
	}
	if more := ds.Skipped - len(ds.ShownSkipped); more > 0 {
		fmt.Fprintf(os.Stderr, "teamreport: … and %d more skipped rows\n", more)
	}
	if ds.Skipped > 0 {
		fmt.Fprintf(os.Stderr, "teamreport: %d rows: %d read, %d skipped\n", ds.Rows, ds.Rows-ds.Skipped, ds.Skipped)
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

// write writes the report to w as text or JSON, the SVG grid to its file
// when out names one, and the web page to its file when out names one.
func write(w io.Writer, rep *Report, out output) error {
	if out.svg != "" {
		if err := writeFile(out.svg, out.inputs, func(w io.Writer) error { return writeSVG(w, rep) }); err != nil {
			return err
		}
	}
	if out.html != "" {
		if err := writeFile(out.html, out.inputs, func(w io.Writer) error { return writeHTML(w, rep) }); err != nil {
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
	fs.StringVar(&cfg.activities, "activities", "", "activities `FILES`, comma-separated: rep,kind,date, Salesforce Task or Event, HubSpot calls or meetings exports")
	fs.TextVar(&cfg.format, "format", crm.Auto, "`format` of the pipeline: auto, maven, salesforce, hubspot or pipedrive")
	fs.StringVar(&cfg.stages, "stages", "", "stage mapping `FILE`: stage,outcome[,order,step,pipeline] (outcome open, won, lost or ignore; step conversation, appointment, gateway or close; pipeline blank for every pipeline); overrides the CRM's flags")
	fs.StringVar(&cfg.history, "history", "", "stage history `FILE`: a Salesforce OpportunityHistory export (OpportunityId,StageName,…), joined to the deals by ID")
	fs.StringVar(&cfg.users, "users", "", "users `FILE` mapping owner IDs to names: Id,Name[,IsActive]")
	fs.StringVar(&cfg.rates, "rates", "", "currency rates `FILE`: currency,rate (one unit in the report's currency)")
	fs.BoolVar(&cfg.dayFirst, "day-first", false, "read dates like 03/04/2024 as day/month (default month/day, as US exports)")
	fs.StringVar(&cfg.tz, "tz", "", "time `zone` the CRM shows days in, e.g. America/New_York (default: days as written)")
	fs.BoolVar(&cfg.skipBad, "skip-bad", false, "skip malformed rows instead of stopping at the first")
	fs.BoolVar(&cfg.version, "version", false, "print the program's version and exit")
	fs.BoolVar(&cfg.out.json, "json", false, "write the report as JSON")
	fs.StringVar(&cfg.out.svg, "svg", "", "also draw the desire × results grid into `FILE` (SVG)")
	fs.StringVar(&cfg.out.html, "html", "", "also write the report into `FILE` as one self-contained web page")
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

// version says which build of teamreport is running, from its build
// information: "teamreport v0.1.0" when installed at a released version
// (go install …@v0.1.0); built from a checkout, the module's version is
// "(devel)" (or a pseudo-version the go command stamps from the
// repository), and version adds the commit and whether the tree had
// uncommitted changes, when the go command recorded them. The Go version
// it was built with comes last.
func version(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "teamreport: unknown version (built without module information)"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel (built from a checkout, not a released version)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	var extra []string
	if rev := settings["vcs.revision"]; rev != "" {
		c := "commit " + rev[:min(len(rev), 12)]
		if settings["vcs.modified"] == "true" {
			c += " with uncommitted changes"
		}
		extra = append(extra, c)
	}
	if info.GoVersion != "" {
		extra = append(extra, info.GoVersion)
	}
	out := "teamreport " + v
	if len(extra) > 0 {
		out += ", " + strings.Join(extra, ", ")
	}
	return out
}
