//go:build allcomponents || stablecomponents

// Replaces cmd/daprd/components/nameresolution_sqlite.go of the dapr module at build time
// (go build -overlay, see daprd.sh): the same registration, built with the stable components too.
// start:dapr resolves app ids with it, from a file of its own, rather than with mDNS, which every
// daprd on the machine answers: two platforms side by side would otherwise call each other's
// sidecars (and fail mTLS, each having its own sentry).

package components

import (
	"github.com/dapr/components-contrib/nameresolution/sqlite"
	nrLoader "github.com/dapr/dapr/pkg/components/nameresolution"
)

func init() {
	nrLoader.DefaultRegistry.RegisterComponent(sqlite.NewResolver, "sqlite")
}
