{{/*
What a service pod may talk to, on top of the release's default deny: the ingress controller in
(public services only), sidecar-to-sidecar invocation between the apps that call each other, and
out to DNS, the Dapr control plane, the Kubernetes API (secret store), PostgreSQL, RabbitMQ and,
for notification, SMTP.
*/}}
{{- define "checkout.service.networkPolicy" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $policy := $root.Values.networkPolicy -}}
{{- $callers := list -}}
{{- range $caller, $values := $root.Values.services -}}
{{- if hasKey ($values.invokes | default dict) $name }}{{ $callers = append $callers $caller }}{{ end -}}
{{- end -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "checkout.fullname" $root }}-{{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels: {{- include "checkout.labels" (dict "root" $root "component" $name) | nindent 4 }}
spec:
  podSelector:
    matchLabels: {{- include "checkout.selectorLabels" (dict "root" $root "component" $name) | nindent 6 }}
  policyTypes: [Ingress, Egress]
  {{- if not (or .values.publicPaths $callers $policy.metricsScrapers) }}
  ingress: [] # nothing calls it: it only consumes events from its own sidecar
  {{- else }}
  ingress:
    {{- if .values.publicPaths }}
    - from: {{- toYaml $policy.ingressControllers | nindent 8 }}
      ports: [{ port: http, protocol: TCP }]
    {{- end }}
    {{- range $callers }}
    - from: [{ podSelector: { matchLabels: {{ include "checkout.podMatch" (dict "root" $root "component" .) }} } }]
      ports: [{ port: 50002, protocol: TCP }]
    {{- end }}
    {{- with $policy.metricsScrapers }}
    - from: {{- toYaml . | nindent 8 }}
      ports: [{ port: 9090, protocol: TCP }, { port: metrics, protocol: TCP }]
    {{- end }}
  {{- end }}
  egress:
    {{- include "checkout.egress.dns" $root | nindent 4 }}
    - to: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: {{ $root.Values.dapr.controlPlaneNamespace }} } } }]
      ports:
        - { port: 50001, protocol: TCP } # sentry: workload certificates
        - { port: 6500, protocol: TCP } # operator: components and configuration
        - { port: 50005, protocol: TCP } # placement
        - { port: 50006, protocol: TCP } # scheduler
    - ports:
        {{- range $policy.egress.kubernetesApi.ports }}
        - { port: {{ . }}, protocol: TCP }
        {{- end }}
      {{- with $policy.egress.kubernetesApi.to }}
      to: {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- include "checkout.egress.infrastructure" (dict "root" $root "target" "postgresql") | nindent 4 }}
    {{- include "checkout.egress.infrastructure" (dict "root" $root "target" "rabbitmq") | nindent 4 }}
    {{- if .values.sendsMail }}
    {{- include "checkout.egress.infrastructure" (dict "root" $root "target" "smtp") | nindent 4 }}
    {{- end }}
    {{- include "checkout.egress.traces" $root | nindent 4 }}
    {{- range $callee, $_ := (.values.invokes | default dict) }}
    - to: [{ podSelector: { matchLabels: {{ include "checkout.podMatch" (dict "root" $root "component" $callee) }} } }]
      ports: [{ port: 50002, protocol: TCP }]
    {{- end }}
{{- end -}}

{{- define "checkout.podMatch" -}}
{{- include "checkout.selectorLabels" . | fromYaml | toJson -}}
{{- end -}}

{{- define "checkout.egress.dns" -}}
- to:
    - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }
      podSelector: { matchLabels: { k8s-app: kube-dns } }
  ports:
    - { port: 53, protocol: UDP }
    - { port: 53, protocol: TCP }
{{- end -}}

{{/*
Egress to PostgreSQL, RabbitMQ or SMTP: the chart's own pods in dev, else what values say (no `to`
means any address on that port).
*/}}
{{- define "checkout.egress.infrastructure" -}}
{{- $egress := get .root.Values.networkPolicy.egress .target -}}
{{- if .root.Values.dev.enabled -}}
- to: [{ podSelector: { matchLabels: {{ include "checkout.podMatch" (dict "root" .root "component" (printf "dev-%s" .target)) }} } }]
  ports: [{ port: {{ get .root.Values.dev.ports .target }}, protocol: TCP }]
{{- else -}}
- ports: [{ port: {{ $egress.port }}, protocol: TCP }]
  {{- with $egress.to }}
  to: {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
{{- end -}}

{{/*
Egress to the trace collector, services and sidecars alike, on its URL's port: the dev profile's
trace viewer, or where networkPolicy.egress.traces.to says; nothing when nothing is traced.
*/}}
{{- define "checkout.egress.traces" -}}
{{- with include "checkout.otlpEndpoint" . -}}
{{- $collector := urlParse . -}}
{{- $hostAndPort := splitList ":" $collector.host -}}
{{- $port := ternary "443" "80" (eq $collector.scheme "https") -}}
{{- if eq (len $hostAndPort) 2 }}{{ $port = index $hostAndPort 1 }}{{ end -}}
- ports: [{ port: {{ $port }}, protocol: TCP }]
{{- if and $.Values.dev.enabled $.Values.dev.traceViewer (not $.Values.tracing.otlpEndpoint) }}
  to: [{ podSelector: { matchLabels: {{ include "checkout.podMatch" (dict "root" $ "component" "dev-traces") }} } }]
{{- else }}
  {{- with $.Values.networkPolicy.egress.traces.to }}
  to: {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end -}}
{{- end -}}
