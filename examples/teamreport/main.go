// Command teamreport reads a sales team's CRM export and reports how to
// develop each rep. Without files it uses a built-in, generated data set.
//
// Usage:
//
//	teamreport [-pipeline FILE [-format auto|maven|salesforce|hubspot] [-skip-bad]
//	           [-roster FILE] [-quotas FILE] [-desire FILE] [-activities FILE]]
//
// The pipeline is a Maven, Salesforce or HubSpot deals export; see
// [ReadPipeline], [ReadSalesforce] and [ReadHubSpot]. The other files are
// described by [ReadRoster], [ReadQuotas], [ReadDesires] and
// [ReadActivities].
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// maxShownSkipped is how many skipped rows main prints.
const maxShownSkipped = 10

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
	printSummary(os.Stdout, ds)
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
	if err := fs.Parse(args); err != nil {
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

// printSummary writes what ds holds, in counts.
func printSummary(w io.Writer, ds *Dataset) {
	stages := make([]int, len(stageNames))
	for _, d := range ds.Deals {
		stages[d.Stage]++
	}
	kinds := make([]int, len(activityNames))
	for _, a := range ds.Activities {
		kinds[a.Kind]++
	}
	managers := make(map[string]bool)
	for _, r := range ds.Reps {
		managers[r.Manager] = true
	}
	fmt.Fprintf(w, "deals       %6d  (open %d, engaged %d, won %d, lost %d)\n", len(ds.Deals),
		stages[StageOpen], stages[StageEngaged], stages[StageWon], stages[StageLost])
	fmt.Fprintf(w, "reps        %6d  (%d managers)\n", len(ds.Reps), len(managers))
	fmt.Fprintf(w, "quotas      %6d\n", len(ds.Quotas))
	fmt.Fprintf(w, "desire      %6d\n", len(ds.Desires))
	fmt.Fprintf(w, "activities  %6d  (call %d, conversation %d, meeting %d, proposal %d)\n", len(ds.Activities),
		kinds[ActivityCall], kinds[ActivityConversation], kinds[ActivityMeeting], kinds[ActivityProposal])
	fmt.Fprintf(w, "skipped     %6d\n", len(ds.Skipped))
}
