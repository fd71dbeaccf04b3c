//go:build tools

// Package tools pins the command this module builds (Dex v2.45.1's cmd/dex), so `go mod tidy`
// keeps its dependencies.
package tools

import (
	_ "github.com/dexidp/dex/cmd/dex"
)
