{{/* How a service is reached and kept available: Service, PodDisruptionBudget, optional HPA. */}}
{{- define "checkout.service.availability" -}}
{{- $root := .root -}}
{{- $svc := .values -}}
{{- $name := printf "%s-%s" (include "checkout.fullname" $root) .name -}}
{{- $labels := include "checkout.labels" (dict "root" $root "component" .name) -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels: {{- $labels | nindent 4 }}
spec:
  type: ClusterIP
  selector: {{- include "checkout.selectorLabels" (dict "root" $root "component" .name) | nindent 4 }}
  ports:
    - { name: http, port: 80, targetPort: http, protocol: TCP }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels: {{- $labels | nindent 4 }}
spec:
  maxUnavailable: {{ $svc.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels: {{- include "checkout.selectorLabels" (dict "root" $root "component" .name) | nindent 6 }}
{{- if $svc.autoscaling.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels: {{- $labels | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $name }}
  minReplicas: {{ $svc.autoscaling.minReplicas }}
  maxReplicas: {{ $svc.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $svc.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
{{- end -}}
