//go:build tools

// Package tools pins the commands this module builds, so `go mod tidy` keeps their dependencies.
// Add a command here and to KUBERNETES_COMMANDS (or KUBERNETES_NODE_COMMANDS) in stack/versions.ts.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
	_ "k8s.io/kubernetes/cmd/kubelet"
	_ "k8s.io/kubernetes/cmd/kube-proxy"
)
