// Package salesdev is a library for turning CRM data into decisions about
// developing sales people. This package holds only documentation; the work
// is done by its sub-packages:
//
//   - [github.com/salesdev/salesdev/benchmark]: the ratios a sales leader
//     runs instead of chasing quota — conversion rates with honest
//     confidence, team benchmarks, funnels and the reverse funnel.
//
// Start with the benchmark package's documentation.
package salesdev
