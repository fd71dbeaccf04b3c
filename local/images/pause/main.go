// Command pause is the pod sandbox process: it holds the pod's namespaces open, reaps the zombies
// that orphaned processes of a shared PID namespace leave behind, and exits on SIGTERM or SIGINT.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-v" {
		fmt.Println("microstax pause 3.10")
		return
	}
	if os.Getpid() != 1 {
		fmt.Fprintln(os.Stderr, "pause: warning: not running as PID 1")
	}
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT, syscall.SIGCHLD)
	for sig := range signals {
		if sig == syscall.SIGCHLD {
			reapZombies()
			continue
		}
		fmt.Fprintf(os.Stderr, "pause: %s, exiting\n", sig)
		os.Exit(0)
	}
}

// reapZombies waits for every child that has exited, without blocking on those still running.
func reapZombies() {
	for {
		var status syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &status, syscall.WNOHANG, nil)
		if pid <= 0 || err != nil {
			return
		}
	}
}
