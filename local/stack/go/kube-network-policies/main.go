// Command kube-network-policies runs SIG Network's NetworkPolicy controller (nfqueue + nftables)
// on the host for the stack's real node. Upstream's command only reads in-cluster credentials, so
// this wrapper builds the same controller from the library with the node's kubeconfig.
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
	cleanup := flag.Bool("cleanup", false, "delete the controller's nftables table and exit")
	klog.InitFlags(nil)
	flag.Parse()

	if *cleanup {
		if err := deleteTable(); err != nil {
			fmt.Fprintf(os.Stderr, "cleanup: %v\n", err)
			os.Exit(1)
		}
		return
	}
	if *kubeconfig == "" || *nodeName == "" {
		fmt.Fprintln(os.Stderr, "--kubeconfig and --hostname-override are required")
		os.Exit(2)
	}
	if err := run(*kubeconfig, *nodeName, *listen, *queueID); err != nil {
		klog.ErrorS(err, "kube-network-policies stopped")
		os.Exit(1)
	}
}

func run(kubeconfig, nodeName, listen string, queueID int) error {
	// SIGTERM too: that is what the stack's stop sends; the controller removes its table on return.
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()

	config, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		return fmt.Errorf("reading %s: %w", kubeconfig, err)
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
			QueueID:  queueID,
			NodeName: nodeName,
			// Debian's containerd has no NRI socket; pod IPs come from the API server.
			NRIdisabled:         true,
			NetfilterBug1766Fix: true,
		},
	)
	if err != nil {
		return err
	}

	// Healthy once the informers have synced and the controller has not failed.
	var synced atomic.Bool
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.Handler())
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		if !synced.Load() {
			http.Error(w, "informers not synced", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	server := &http.Server{Addr: listen, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
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
	synced.Store(true)
	klog.InfoS("enforcing NetworkPolicies", "node", nodeName, "queue", queueID)

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
		// Run removes the nftables table on its way out; wait for it, briefly.
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
