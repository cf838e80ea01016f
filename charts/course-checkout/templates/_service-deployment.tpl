{{/*
One app's Deployment: a service's container beside its injected Dapr sidecar, or (with "sidecar"
false) the storefront's alone, with no sidecar, no service account token and nothing but its port.
Pass (dict "root" $ "name" "marketing" "values" <merged service values> "sidecar" true).
*/}}
{{- define "checkout.service.deployment" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $svc := .values -}}
{{- $fullname := include "checkout.fullname" $root -}}
{{- /* Tilt's live-update containers run a service's sources under tsx watch, not its bundle: the
bundle's measured heap and memory do not fit them, the defaults' roomier resources do. */ -}}
{{- $fromSources := and $root.Values.liveUpdate .sidecar -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}-{{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "checkout.labels" (dict "root" $root "component" $name) | nindent 4 }}
    app.kubernetes.io/component: {{ ternary "service" "frontend" .sidecar }}
spec:
  {{- if not $svc.autoscaling.enabled }}
  replicas: {{ $svc.replicas }}
  {{- end }}
  revisionHistoryLimit: 3
  strategy:
    rollingUpdate: { maxUnavailable: 0, maxSurge: 1 }
  selector:
    matchLabels:
      {{- include "checkout.selectorLabels" (dict "root" $root "component" $name) | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "checkout.labels" (dict "root" $root "component" $name) | nindent 8 }}
        app.kubernetes.io/component: {{ ternary "service" "frontend" .sidecar }}
      annotations:
        {{- if .sidecar }}
        {{- include "checkout.service.daprAnnotations" . | nindent 8 }}
        # Roll the pods when their Dapr resources change, whatever the sidecars' hot-reload setting.
        checksum/dapr-resources: {{ include (print $root.Template.BasePath "/dapr-resources.yaml") $root | sha256sum }}
        {{- if $root.Values.dev.enabled }}
        checksum/dev-credentials: {{ include "checkout.dev.credentialsChecksum" $root }}
        {{- end }}
        {{- else }}
        dapr.io/enabled: 'false'
        {{- end }}
    spec:
      {{- if .sidecar }}
      serviceAccountName: {{ $fullname }}-{{ $name }}
      {{- else }}
      automountServiceAccountToken: false
      {{- end }}
      enableServiceLinks: false
      # The pre-stop wait, the sidecar's hand-off (5 s at most), the drain (10 s at most) and the stop.
      terminationGracePeriodSeconds: {{ ternary 60 30 .sidecar }}
      securityContext:
        {{- include "checkout.podSecurityContext" dict | nindent 8 }}
      containers:
        - name: app
          image: {{ include "checkout.image" (dict "root" $root "name" (printf "checkout-%s" $name) "override" $svc.image) }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - { name: http, containerPort: 3000, protocol: TCP }
            {{- if .sidecar }}
            # Prometheus's /metrics: no Service port and no Ingress rule lead here.
            - { name: metrics, containerPort: 9464, protocol: TCP }
            {{- end }}
          env:
            - { name: NODE_ENV, value: production }
            - { name: LOG_LEVEL, value: {{ $svc.logLevel | default "info" | quote }} }
            # Where buyers reach the platform: links in e-mails, and HSTS when it is https.
            - { name: PUBLIC_URL, value: {{ $root.Values.publicUrl | quote }} }
            - { name: HTTP_KEEP_ALIVE_SECONDS, value: {{ $root.Values.httpKeepAliveSeconds | quote }} }
            {{- if .sidecar }}
            - { name: APP_PORT, value: '3000' }
            - { name: METRICS_PORT, value: '9464' }
            - { name: ALLOWED_ORIGINS, value: {{ join "," $root.Values.allowedOrigins | quote }} }
            # The injector gives both tokens to the sidecar only. The app needs them too: one to call
            # its sidecar, one to know its sidecar is calling (without it those routes refuse all).
            - name: DAPR_API_TOKEN
              valueFrom: { secretKeyRef: { name: {{ $root.Values.dapr.apiTokenSecret }}, key: token } }
            - name: APP_API_TOKEN
              valueFrom: { secretKeyRef: { name: {{ $root.Values.dapr.appTokenSecret }}, key: token } }
            - { name: TRUST_PROXY, value: {{ $root.Values.trustProxy | quote }} }
            # On SIGTERM the sidecar stops first, so the other sidecars send this app's calls to the
            # replicas that stay (packages/service-kit/src/dapr/stop-sidecar-first.ts).
            - { name: STOP_SIDECAR_FIRST, value: 'true' }
            {{- with include "checkout.otlpEndpoint" $root }}
            - { name: OTEL_EXPORTER_OTLP_ENDPOINT, value: {{ . | quote }} }
            - { name: OTEL_TRACES_SAMPLER, value: parentbased_traceidratio }
            - { name: OTEL_TRACES_SAMPLER_ARG, value: {{ $root.Values.tracing.sampleRatio | quote }} }
            {{- end }}
            {{- else }}
            - { name: PORT, value: '3000' }
            {{- end }}
            {{- if and (not $fromSources) $svc.heapMb }}
            # The heap's limits under the container's (values.yaml says where the figures come from).
            - name: NODE_OPTIONS
              value: '--max-old-space-size={{ $svc.heapMb }}{{ with $svc.semiSpaceMb }} --max-semi-space-size={{ . }}{{ end }}'
            {{- end }}
            {{- range $key, $value := $svc.env }}
            - { name: {{ $key }}, value: {{ tpl (toString $value) $root | quote }} }
            {{- end }}
          startupProbe:
            httpGet: { path: /healthz, port: http }
            periodSeconds: 2
            failureThreshold: 30
          readinessProbe:
            httpGet: { path: /readyz, port: http }
            periodSeconds: 5
            failureThreshold: 2
          livenessProbe:
            httpGet: { path: /healthz, port: http }
            periodSeconds: 10
            failureThreshold: 3
          # Keep serving until nothing routes here any more, then drain and exit: 5 s for the Services
          # (the Ingress); with a sidecar 30 s, as other sidecars pick among the addresses they
          # resolved for an app id for 20 s (Dapr 1.18's resolver cache, which their retries under a
          # Resiliency policy do not clear), from a DNS answer up to 5 s old (CoreDNS's default TTL).
          lifecycle:
            preStop:
              sleep: { seconds: {{ ternary 30 5 .sidecar }} }
          resources:
            {{- toYaml (ternary $root.Values.serviceDefaults.resources $svc.resources $fromSources) | nindent 12 }}
          securityContext:
            {{- include "checkout.containerSecurityContext" (dict "writableRoot" $root.Values.liveUpdate) | nindent 12 }}
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
      volumes:
        - name: tmp
          emptyDir: { sizeLimit: 64Mi }
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "checkout.selectorLabels" (dict "root" $root "component" $name) | nindent 14 }}
      {{- include "checkout.podPlacement" $root | nindent 6 }}
{{- end -}}

{{/* The sidecar: identity, tokens, health checks and a restricted security context. */}}
{{- define "checkout.service.daprAnnotations" -}}
{{- $dapr := .root.Values.dapr -}}
dapr.io/enabled: 'true'
dapr.io/app-id: {{ .name }}
dapr.io/app-port: '3000'
dapr.io/app-protocol: http
dapr.io/config: {{ include "checkout.fullname" .root }}-{{ .name }}
dapr.io/enable-app-health-check: 'true'
dapr.io/app-health-check-path: /healthz
dapr.io/app-health-probe-interval: '5'
dapr.io/app-health-threshold: '3'
dapr.io/api-token-secret: {{ $dapr.apiTokenSecret }}
dapr.io/app-token-secret: {{ $dapr.appTokenSecret }}
dapr.io/enable-native-sidecar: 'true'
dapr.io/sidecar-seccomp-profile-type: RuntimeDefault
dapr.io/sidecar-cpu-request: {{ $dapr.sidecar.cpuRequest }}
dapr.io/sidecar-memory-request: {{ $dapr.sidecar.memoryRequest }}
dapr.io/sidecar-memory-limit: {{ $dapr.sidecar.memoryLimit }}
dapr.io/log-level: {{ $dapr.logLevel }}
dapr.io/log-as-json: 'true'
dapr.io/graceful-shutdown-seconds: '20'
{{- end -}}
