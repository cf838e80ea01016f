{{/*
A service's identity: its ServiceAccount (the sidecar's mTLS identity comes from it) and the right
to read only the Secrets its sidecar resolves (the app's own and the components').
*/}}
{{- define "checkout.service.access" -}}
{{- $root := .root -}}
{{- $name := printf "%s-%s" (include "checkout.fullname" $root) .name -}}
{{- $labels := include "checkout.labels" (dict "root" $root "component" .name) -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $name }}
  namespace: {{ $root.Release.Namespace }}
  labels: {{- $labels | nindent 4 }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: {{ $name }}-secrets
  namespace: {{ $root.Release.Namespace }}
  labels: {{- $labels | nindent 4 }}
rules:
  - apiGroups: ['']
    resources: [secrets]
    verbs: [get]
    resourceNames: {{- toYaml (concat .values.secrets $root.Values.componentSecrets | uniq) | nindent 6 }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: {{ $name }}-secrets
  namespace: {{ $root.Release.Namespace }}
  labels: {{- $labels | nindent 4 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {{ $name }}-secrets
subjects:
  - kind: ServiceAccount
    name: {{ $name }}
    namespace: {{ $root.Release.Namespace }}
{{- end -}}
