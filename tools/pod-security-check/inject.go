package main

import (
	"encoding/json"

	"github.com/dapr/dapr/pkg/injector/patcher"
	corev1 "k8s.io/api/core/v1"
)

// injectDaprSidecar adds the daprd container to a pod that asks for it, exactly as Dapr's
// sidecar injector webhook would, with the injector settings of a Dapr install.
func injectDaprSidecar(pod *corev1.Pod, namespace string, dropAllCapabilities bool) error {
	sidecar := patcher.NewSidecarConfig(pod)
	sidecar.Namespace = namespace
	sidecar.Identity = namespace + ":" + pod.Spec.ServiceAccountName
	sidecar.MTLSEnabled = true
	sidecar.RunAsNonRoot = true
	sidecar.ReadOnlyRootFilesystem = true
	sidecar.SidecarDropALLCapabilities = dropAllCapabilities
	sidecar.SidecarImage = "ghcr.io/dapr/daprd:1.18.2"
	sidecar.ControlPlaneNamespace = "dapr-system"
	sidecar.ControlPlaneTrustDomain = "cluster.local"
	sidecar.SentrySPIFFEID = "spiffe://cluster.local/ns/dapr-system/dapr-sentry"
	sidecar.OperatorAddress = "dapr-api.dapr-system.svc.cluster.local:443"
	sidecar.SentryAddress = "dapr-sentry.dapr-system.svc.cluster.local:443"
	sidecar.KubeClusterDomain = "cluster.local"
	sidecar.SetFromPodAnnotations()
	patch, err := sidecar.GetPatch()
	if err != nil || len(patch) == 0 {
		return err
	}
	original, err := json.Marshal(pod)
	if err != nil {
		return err
	}
	patched, err := patch.Apply(original)
	if err != nil {
		return err
	}
	return json.Unmarshal(patched, pod)
}
