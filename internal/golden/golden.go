// Package golden checks a test's output against a file checked in under
// testdata, the way the module's golden tests do: the test fails with a
// diff when they differ, and `go test -update` rewrites the file instead.
// It is for tests only; a package's tests that import it get the -update
// flag from it and must not define their own.
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Update reports whether the tests run with -update, for a test that
// compares its golden file in its own way.
func Update() bool { return *update }

// Check compares got with the file at path, or writes got there under
// -update, and returns what the file holds: read it back to check that
// what was stored still loads.
func Check(t testing.TB, path string, got []byte) []byte {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-golden +got); if the change is intended, run go test -update:\n%s", path, diff)
	}
	return want
}

// JSON writes v as the golden files hold JSON (indented by two spaces,
// one value a file, a final newline), checks it with [Check] and returns
// what the file holds.
func JSON(t testing.TB, path string, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return Check(t, path, b.Bytes())
}
