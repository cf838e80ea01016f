// Command pod-security-check evaluates every pod template in rendered Kubernetes manifests
// (multi-document YAML on stdin) with Kubernetes' own Pod Security admission checks, after adding
// the Dapr sidecar to the pods that ask for one with Dapr's own injector code (admission sees
// the injected pod). It prints a JSON line per workload and exits 1 when any is not allowed.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	"sigs.k8s.io/yaml"
)

// workload is the part of a Deployment, StatefulSet, DaemonSet, Job or Pod that holds a pod.
type workload struct {
	Kind     string            `json:"kind"`
	Metadata metav1.ObjectMeta `json:"metadata"`
	Spec     struct {
		Template *corev1.PodTemplateSpec `json:"template"`
	} `json:"spec"`
}

type verdict struct {
	Kind       string   `json:"kind"`
	Name       string   `json:"name"`
	Allowed    bool     `json:"allowed"`
	Containers []string `json:"containers"`
	Forbids    []string `json:"forbidden,omitempty"`
}

func main() {
	level := flag.String("level", "restricted", "Pod Security level: baseline or restricted")
	version := flag.String("version", "latest", "Pod Security version, e.g. v1.33")
	namespace := flag.String("namespace", "default", "namespace the pods run in")
	dropAll := flag.Bool("dapr-drop-all-capabilities", true,
		"Dapr installed with dapr_sidecar_injector.sidecarDropALLCapabilities=true")
	flag.Parse()
	levelVersion, err := parseLevelVersion(*level, *version)
	exitOn(err)
	evaluator, err := policy.NewEvaluator(policy.DefaultChecks())
	exitOn(err)
	input, err := io.ReadAll(bufio.NewReader(os.Stdin))
	exitOn(err)

	allAllowed := true
	for _, document := range bytes.Split(input, []byte("\n---")) {
		var object workload
		exitOn(yaml.Unmarshal(document, &object))
		pod := podOf(document, &object)
		if pod == nil {
			continue
		}
		exitOn(injectDaprSidecar(pod, *namespace, *dropAll))
		result := policy.AggregateCheckResults(evaluator.EvaluatePod(levelVersion, &pod.ObjectMeta, &pod.Spec))
		allAllowed = allAllowed && result.Allowed
		line, err := json.Marshal(verdict{
			Kind: object.Kind, Name: object.Metadata.Name, Allowed: result.Allowed,
			Containers: containerNames(pod), Forbids: result.ForbiddenReasons,
		})
		exitOn(err)
		fmt.Println(string(line))
	}
	if !allAllowed {
		os.Exit(1)
	}
}

// podOf returns the pod a manifest describes, or nil when it describes none.
func podOf(document []byte, object *workload) *corev1.Pod {
	if object.Kind == "Pod" {
		var pod corev1.Pod
		exitOn(yaml.Unmarshal(document, &pod))
		return &pod
	}
	if object.Spec.Template == nil {
		return nil
	}
	return &corev1.Pod{ObjectMeta: object.Spec.Template.ObjectMeta, Spec: object.Spec.Template.Spec}
}

// containerNames lists every container of the pod, init containers (native sidecars) first.
func containerNames(pod *corev1.Pod) []string {
	names := []string{}
	for _, container := range append(pod.Spec.InitContainers, pod.Spec.Containers...) {
		names = append(names, container.Name)
	}
	return names
}

func parseLevelVersion(level, version string) (api.LevelVersion, error) {
	parsedLevel, err := api.ParseLevel(level)
	if err != nil {
		return api.LevelVersion{}, err
	}
	parsedVersion, err := api.ParseVersion(version)
	if err != nil {
		return api.LevelVersion{}, err
	}
	return api.LevelVersion{Level: parsedLevel, Version: parsedVersion}, nil
}

func exitOn(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "pod-security-check:", err)
		os.Exit(2)
	}
}
