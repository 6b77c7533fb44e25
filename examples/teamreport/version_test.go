package main

import (
	"io"
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersion checks what -version prints for a released build, a build
// from a checkout with and without VCS stamps, and no build information.
func TestVersion(t *testing.T) {
	vcs := []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}
	tests := []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"released", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/salesdev/salesdev", Version: "v0.1.0"}}, true,
			"teamreport v0.1.0, go1.26.0"},
		{"checkout", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}}, true,
			"teamreport devel (built from a checkout, not a released version), go1.26.0"},
		{"checkout with vcs", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: vcs}, true,
			"teamreport devel (built from a checkout, not a released version), commit 0123456789ab with uncommitted changes, go1.26.0"},
		{"pseudo-version", &debug.BuildInfo{Main: debug.Module{Version: "v0.1.1-0.20261201120000-0123456789ab+dirty"}}, true,
			"teamreport v0.1.1-0.20261201120000-0123456789ab+dirty"},
		{"no build info", nil, false, "teamreport: unknown version (built without module information)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := version(tt.info, tt.ok); got != tt.want {
				t.Errorf("version() = %q, want %q", got, tt.want)
			}
		})
	}
	// The test binary's own build information names the Go version.
	info, ok := debug.ReadBuildInfo()
	if got := version(info, ok); !ok || !strings.HasPrefix(got, "teamreport ") || !strings.Contains(got, info.GoVersion) {
		t.Errorf("version(ReadBuildInfo()) = %q", got)
	}
	cfg, err := parseFlags([]string{"-version"}, io.Discard)
	if err != nil || !cfg.version {
		t.Errorf("parseFlags(-version) = %+v, %v; want version set", cfg, err)
	}
}
