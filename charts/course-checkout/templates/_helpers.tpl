{{/* Names and labels shared by every template. */}}

{{- define "checkout.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The labels every object carries; pass (dict "root" $ "component" "marketing"). */}}
{{- define "checkout.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{ include "checkout.selectorLabels" . }}
{{- end -}}

{{- define "checkout.selectorLabels" -}}
app.kubernetes.io/part-of: course-checkout
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .component }}
{{- end -}}

{{/* An image reference: pass (dict "root" $ "name" "checkout-marketing" "override" "..."). */}}
{{- define "checkout.image" -}}
{{- if .override -}}
{{- .override -}}
{{- else -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .name (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{/* The restricted Pod Security level, for pods and for containers. */}}
{{- define "checkout.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid | default 1000 }}
runAsGroup: {{ .uid | default 1000 }}
fsGroup: {{ .uid | default 1000 }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "checkout.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: {{ not .writableRoot }}
privileged: false
capabilities:
  drop: [ALL]
{{- end -}}

{{/* Node placement and image pull secrets, shared by every pod. */}}
{{- define "checkout.podPlacement" -}}
{{- with .Values.nodeSelector }}
nodeSelector: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity: {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets: {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* A service's values merged over serviceDefaults. */}}
{{- define "checkout.serviceValues" -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.serviceDefaults) (deepCopy (default dict .service)) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/*
The OTLP/HTTP collector the services and sidecars trace to: tracing.otlpEndpoint, or else in the
dev profile its own trace viewer; empty, nothing is traced.
*/}}
{{- define "checkout.otlpEndpoint" -}}
{{- if .Values.tracing.otlpEndpoint -}}
{{- .Values.tracing.otlpEndpoint -}}
{{- else if and .Values.dev.enabled .Values.dev.traceViewer -}}
{{- printf "http://%s-dev-traces:%v" (include "checkout.fullname" .) .Values.dev.ports.otlp -}}
{{- end -}}
{{- end -}}
