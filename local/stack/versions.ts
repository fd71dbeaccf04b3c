/**
 * Every pinned version of the local stack, in one place. Each binary is built from its Go module at
 * this version and cached as `<cache>/bin/<name>-<version>`, so bumping a pin rebuilds only that part.
 * The Go modules that wrap Kubernetes and etcd (stack/go/*) pin the same versions in their go.mod.
 */
export const VERSIONS = {
  /** k8s.io/kubernetes; its staging modules are replaced with v0.<minor>.<patch> (stack/go/kubernetes/go.mod). */
  kubernetes: 'v1.34.4',
  /** go.etcd.io/etcd/server/v3, wrapped by stack/go/etcd. */
  etcd: 'v3.6.8',
  /** sigs.k8s.io/kwok: simulated nodes, and pods on them that go Running. */
  kwok: 'v0.7.0',
  /** github.com/temporalio/cli: `temporal server start-dev` (dev server + web UI, SQLite persistence). */
  temporalCli: 'v1.5.1',
  /**
   * github.com/containerd/containerd/v2: the real node's container runtime, with its runc shim and
   * `ctr` (runc itself is Debian's). Debian's containerd 1.6 has no NRI, so the NetworkPolicy
   * controller learned a new pod's address only once the kubelet published it, up to a second after
   * its containers started: their first connections were dropped, and TCP resent them a second later.
   */
  containerd: 'v2.4.2',
  /** github.com/coredns/coredns: cluster DNS of the real node tier (`stack up --real-nodes`). */
  coredns: 'v1.14.7',
  /**
   * sigs.k8s.io/kube-network-policies: enforces NetworkPolicies on the real node (nfqueue + nftables),
   * wrapped by stack/go/kube-network-policies, whose go.mod pins the same version.
   */
  kubeNetworkPolicies: 'v0.8.0',
  /**
   * github.com/dexidp/dex (`cmd/dex`): the stack's OpenID Connect provider, release v2.45.1. Dex tags
   * v2 releases without a /v2 module path, so Go sees them only as this pseudo-version (the tag's
   * commit); wrapped by stack/go/dex, whose go.mod pins the same.
   */
  dex: 'v0.0.0-20260303133905-11d2eeb52b42',
  /**
   * github.com/tsenart/vegeta: the benchmarks' constant-rate load generator (bench/load/); not a
   * stack part, built the same way the first time a benchmark needs it.
   */
  vegeta: 'v12.13.0',
  /**
   * helm.sh/helm/v4 (`cmd/helm`): lints and renders the chart in charts/microstax/ for its tests;
   * not a stack part, but `stack up` builds it when missing so `npm test` finds it cached.
   */
  helm: 'v4.3.2',
  /**
   * PyPI's `schemathesis`: fuzzes the live API from its OpenAPI document in `npm test`; installed
   * into its own virtualenv (local/stack/python-tools.ts), not a stack part.
   */
  schemathesis: '4.32.5',
  /**
   * github.com/versity/versitygw: the stack's object store (an S3 gateway over a directory), where
   * snapshot artifacts go as they would in an install on a cluster.
   */
  versitygw: 'v1.8.0',
  /**
   * github.com/jaegertracing/jaeger (`cmd/jaeger`): the stack's tracing backend (an OTLP receiver,
   * in-memory storage and the query API), Jaeger v2.13.0. Jaeger tags its v2 releases as v1.x module
   * versions (the module path has no /v2); wrapped by stack/go/jaeger, whose go.mod pins the same.
   */
  jaeger: 'v1.76.0',
  /** Debian's `postgresql` package (bookworm ships 15) when DATABASE_URL is not set. */
  postgresMajor: '15',
} as const;

/**
 * The Kubernetes commands built by ONE `go build` of the wrapper module. Add a command here (and a
 * blank import in stack/go/kubernetes/tools.go) to build it too.
 */
export const KUBERNETES_COMMANDS = [
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kubectl',
] as const;

export type KubernetesCommand = (typeof KUBERNETES_COMMANDS)[number];

/**
 * The node commands of the same Kubernetes version, built (by a second `go build` of the same wrapper
 * module) only when the stack runs a real node: `stack up --real-nodes`.
 */
export const KUBERNETES_NODE_COMMANDS = ['kubelet', 'kube-proxy'] as const;

export type KubernetesNodeCommand = (typeof KUBERNETES_NODE_COMMANDS)[number];
