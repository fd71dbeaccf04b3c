package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// This kernel has nfnetlink_queue but not nftables' queue expression (CONFIG_NFT_QUEUE), so the
// controller's own nftables rules cannot load. The same steering is done with iptables' NFQUEUE
// target instead, in a chain of our own in mangle POSTROUTING (before kube-proxy's masquerade, so
// the controller sees pod addresses).

const (
	steeringTable = "mangle"
	steeringChain = "MSX-NETPOL"
)

// steeringRules mirror the controller's nftables rules: DNS, the host's root processes (kubelet
// probes, the gateway) and established connections pass; every new connection from or to a pod
// goes to the queue. --queue-bypass: if the controller dies without cleaning up (a crash, SIGKILL),
// packets pass instead of every pod on this shared machine going dark; the health check says so.
func steeringRules(podCIDR string, queueID int) [][]string {
	queue := []string{"-j", "NFQUEUE", "--queue-num", strconv.Itoa(queueID), "--queue-bypass"}
	return [][]string{
		{"-p", "udp", "--dport", "53", "-j", "RETURN"},
		{"-m", "owner", "--uid-owner", "0", "-j", "RETURN"},
		{"-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "RETURN"},
		append([]string{"-s", podCIDR}, queue...),
		append([]string{"-d", podCIDR}, queue...),
	}
}

func iptables(args ...string) error {
	var stderr bytes.Buffer
	cmd := exec.Command("iptables", append([]string{"-w", "5", "-t", steeringTable}, args...)...)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("iptables %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// installSteering (re)writes the chain and jumps to it from POSTROUTING once.
func installSteering(podCIDR string, queueID int) error {
	if iptables("-N", steeringChain) != nil {
		if err := iptables("-F", steeringChain); err != nil {
			return err
		}
	}
	for _, rule := range steeringRules(podCIDR, queueID) {
		if err := iptables(append([]string{"-A", steeringChain}, rule...)...); err != nil {
			return err
		}
	}
	if iptables("-C", "POSTROUTING", "-j", steeringChain) == nil {
		return nil
	}
	return iptables("-I", "POSTROUTING", "-j", steeringChain)
}

// removeSteering deletes the jump and the chain; a missing chain is no error.
func removeSteering() error {
	for iptables("-C", "POSTROUTING", "-j", steeringChain) == nil {
		if err := iptables("-D", "POSTROUTING", "-j", steeringChain); err != nil {
			return err
		}
	}
	if iptables("-L", steeringChain, "-n") != nil {
		return nil
	}
	if err := iptables("-F", steeringChain); err != nil {
		return err
	}
	return iptables("-X", steeringChain)
}

// queueBound tells whether a reader is bound to the queue (/proc lists each bound queue).
func queueBound(queueID int) bool {
	table, err := os.ReadFile("/proc/net/netfilter/nfnetlink_queue")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(table), "\n") {
		fields := strings.Fields(line)
		if len(fields) >= 2 && fields[0] == strconv.Itoa(queueID) {
			return true
		}
	}
	return false
}
