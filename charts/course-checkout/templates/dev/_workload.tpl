{{/*
One piece of the dev profile's infrastructure (PostgreSQL, RabbitMQ, the SMTP sink): a single-replica
Deployment on ephemeral storage, its Service, and a NetworkPolicy letting only the release's pods in.
It meets the same restricted security context as the services.
Pass (dict "root" $ "name" "postgresql" "image" "..." "uid" 70 "ports" (list (dict "name" "x" "port" 1))
"env" (list ...) "writablePaths" (list "/var/lib/postgresql/data") "probe" <probe handler yaml>).
*/}}
{{- define "checkout.dev.workload" -}}
{{- $root := .root -}}
{{- $component := printf "dev-%s" .name -}}
{{- $fullname := printf "%s-%s" (include "checkout.fullname" $root) $component -}}
{{- $labels := include "checkout.labels" (dict "root" $root "component" $component) -}}
{{- $selector := include "checkout.selectorLabels" (dict "root" $root "component" $component) -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}
  namespace: {{ $root.Release.Namespace }}
  labels: {{- $labels | nindent 4 }}
spec:
  replicas: 1
  strategy: { type: Recreate }
  selector:
    matchLabels: {{- $selector | nindent 6 }}
  template:
    metadata:
      labels:
        {{- $labels | nindent 8 }}
        app.kubernetes.io/component: dev-infrastructure
      annotations:
        checksum/dev-credentials: {{ include "checkout.dev.credentialsChecksum" $root }}
    spec:
      automountServiceAccountToken: false
      enableServiceLinks: false
      securityContext:
        {{- include "checkout.podSecurityContext" (dict "uid" .uid) | nindent 8 }}
      containers:
        - name: {{ .name }}
          image: {{ .image }}
          {{- with .args }}
          args: {{- toYaml . | nindent 12 }}
          {{- end }}
          ports:
            {{- range .ports }}
            - { name: {{ .name }}, containerPort: {{ .port }}, protocol: TCP }
            {{- end }}
          {{- with .env }}
          env: {{- toYaml . | nindent 12 }}
          {{- end }}
          startupProbe:
            {{- .probe | nindent 12 }}
            periodSeconds: 2
            failureThreshold: 60
          readinessProbe:
            {{- .probe | nindent 12 }}
            periodSeconds: 5
          livenessProbe:
            {{- .probe | nindent 12 }}
            periodSeconds: 15
            timeoutSeconds: 5
          resources:
            requests: { cpu: 50m, memory: 128Mi }
            limits: { memory: 512Mi }
          securityContext:
            {{- include "checkout.containerSecurityContext" dict | nindent 12 }}
          volumeMounts:
            {{- range $index, $path := .writablePaths }}
            - { name: writable-{{ $index }}, mountPath: {{ $path }} }
            {{- end }}
      volumes:
        {{- range $index, $path := .writablePaths }}
        - name: writable-{{ $index }}
          emptyDir: { sizeLimit: 1Gi }
        {{- end }}
      {{- include "checkout.podPlacement" $root | nindent 6 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}
  namespace: {{ $root.Release.Namespace }}
  labels: {{- $labels | nindent 4 }}
spec:
  selector: {{- $selector | nindent 4 }}
  ports:
    {{- range .ports }}
    - { name: {{ .name }}, port: {{ .port }}, targetPort: {{ .name }}, protocol: TCP }
    {{- end }}
{{- if $root.Values.networkPolicy.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}
  namespace: {{ $root.Release.Namespace }}
  labels: {{- $labels | nindent 4 }}
spec:
  podSelector:
    matchLabels: {{- $selector | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/part-of: course-checkout
              app.kubernetes.io/instance: {{ $root.Release.Name }}
      ports:
        {{- range .ports }}
        - { port: {{ .port }}, protocol: TCP }
        {{- end }}
{{- end }}
{{- end -}}
