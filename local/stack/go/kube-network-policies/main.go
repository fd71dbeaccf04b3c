// Command kube-network-policies runs SIG Network's NetworkPolicy controller on the host for the
// stack's real node: new connections from and to pods go through an nfqueue, and the controller
// drops those the NetworkPolicies do not allow. Upstream's command only reads in-cluster
// credentials, so this wrapper builds the same controller from the library with a kubeconfig, and
// steers packets with iptables (steering.go).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/google/nftables"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
	"k8s.io/klog/v2"
	"sigs.k8s.io/kube-network-policies/pkg/networkpolicy"
)

// tableName is the controller's nftables table; --cleanup deletes it.
const tableName = "kube-network-policies"

func main() {
	kubeconfig := flag.String("kubeconfig", "", "kubeconfig of the node's identity (required)")
	nodeName := flag.String("hostname-override", "", "name of the Node whose pods this enforces (required)")
	listen := flag.String("health-bind-address", "127.0.0.1:9080", "address of /healthz and /metrics")
	queueID := flag.Int("nfqueue-id", 100, "nfqueue number the packets are sent to")
	podCIDR := flag.String("pod-cidr", "", "the node's pod network, whose connections are policed (required)")
	cleanup := flag.Bool("cleanup", false, "remove the steering chain and the controller's nftables table, and exit")
	klog.InitFlags(nil)
	flag.Parse()

	if *cleanup {
		if err := errors.Join(removeSteering(), deleteTable()); err != nil {
			fmt.Fprintf(os.Stderr, "cleanup: %v\n", err)
			os.Exit(1)
		}
		return
	}
	if *kubeconfig == "" || *nodeName == "" || *podCIDR == "" {
		fmt.Fprintln(os.Stderr, "--kubeconfig, --hostname-override and --pod-cidr are required")
		os.Exit(2)
	}
	err := run(options{kubeconfig: *kubeconfig, nodeName: *nodeName, listen: *listen, podCIDR: *podCIDR, queueID: *queueID})
	// Steering belongs to a running controller: never leave it behind.
	if removeErr := removeSteering(); removeErr != nil {
		klog.ErrorS(removeErr, "removing the steering chain")
	}
	if err != nil {
		klog.ErrorS(err, "kube-network-policies stopped")
		os.Exit(1)
	}
}

type options struct {
	kubeconfig, nodeName, listen, podCIDR string
	queueID                               int
}

func run(o options) error {
	// SIGTERM too: that is what the stack's stop sends; the controller removes its table on return.
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()

	config, err := clientcmd.BuildConfigFromFlags("", o.kubeconfig)
	if err != nil {
		return fmt.Errorf("reading %s: %w", o.kubeconfig, err)
	}
	client, err := kubernetes.NewForConfig(config)
	if err != nil {
		return err
	}
	factory := informers.NewSharedInformerFactory(client, 0)
	controller, err := networkpolicy.NewController(
		client,
		factory.Networking().V1().NetworkPolicies(),
		factory.Core().V1().Namespaces(),
		factory.Core().V1().Pods(),
		nil, nil, nil, nil,
		networkpolicy.Config{
			QueueID:  o.queueID,
			NodeName: o.nodeName,
			// Left on although Debian's containerd has no NRI socket (the plugin just logs that and
			// pod IPs come from the API server): with it off, v0.8.0 dereferences a nil plugin on
			// the first packet from an address no pod has.
			NRIdisabled: false,
			// Its DNS rules need the nftables queue expression too; the steering passes DNS instead.
			NetfilterBug1766Fix: false,
		},
	)
	if err != nil {
		return err
	}

	// Healthy once the informers have synced, the controller reads the queue and packets go to it.
	var synced atomic.Bool
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		if !synced.Load() {
			http.Error(w, "not enforcing yet", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	server := &http.Server{Addr: o.listen, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- server.ListenAndServe() }()
	defer server.Close()

	done := make(chan error, 1)
	go func() { done <- controller.Run(ctx) }()
	factory.Start(ctx.Done())
	for informer, ok := range factory.WaitForCacheSync(ctx.Done()) {
		if !ok {
			return fmt.Errorf("informer %v did not sync", informer)
		}
	}
	// Steer only once the controller reads the queue, so no connection goes unjudged.
	for !queueBound(o.queueID) {
		select {
		case err := <-done:
			return fmt.Errorf("controller exited before reading queue %d: %w", o.queueID, err)
		case <-ctx.Done():
			return nil
		case <-time.After(100 * time.Millisecond):
		}
	}
	if err := installSteering(o.podCIDR, o.queueID); err != nil {
		cancel()
		<-done
		return err
	}
	synced.Store(true)
	klog.InfoS("enforcing NetworkPolicies", "node", o.nodeName, "queue", o.queueID, "podCIDR", o.podCIDR)

	select {
	case err := <-serveErr:
		cancel()
		<-done
		return fmt.Errorf("health server: %w", err)
	case err := <-done:
		if ctx.Err() == nil {
			return fmt.Errorf("controller exited: %w", err)
		}
		return nil
	case <-ctx.Done():
		// Stop steering before the reader goes, then let Run clean up; briefly.
		if err := removeSteering(); err != nil {
			klog.ErrorS(err, "removing the steering chain")
		}
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			return errors.New("controller did not stop within 10s")
		}
		return nil
	}
}

// deleteTable removes the controller's table (add then delete, so a missing table is no error).
func deleteTable() error {
	conn, err := nftables.New()
	if err != nil {
		return err
	}
	table := &nftables.Table{Name: tableName, Family: nftables.TableFamilyINet}
	conn.AddTable(table)
	conn.DelTable(table)
	return conn.Flush()
}
