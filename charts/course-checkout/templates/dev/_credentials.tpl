{{/*
The dev profile's generated credentials, made once per render and kept across upgrades (read back
from the cluster when they exist). `helm template` has no cluster, so it makes new ones each time.
*/}}
{{- define "checkout.dev.credentials" -}}
{{- if not (hasKey .Values.dev "generatedCredentials") -}}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (printf "%s-dev-credentials" (include "checkout.fullname" .)) -}}
{{- $generated := dict
  "postgresql-password" (randAlphaNum 32 | b64enc)
  "rabbitmq-password" (randAlphaNum 32 | b64enc)
  "card-encryption-key" (randBytes 32 | b64enc)
  "activation-token-key" (randBytes 32 | b64enc)
  "pix-webhook-key" (randBytes 32 | b64enc)
  "dapr-api-token" (randAlphaNum 40 | b64enc)
  "app-api-token" (randAlphaNum 40 | b64enc)
  "seller-api-key" (randAlphaNum 40 | b64enc) -}}
{{- $_ := set .Values.dev "generatedCredentials" (mergeOverwrite $generated (dig "data" dict ($existing | default dict))) -}}
{{- end -}}
{{- toYaml .Values.dev.generatedCredentials -}}
{{- end -}}

{{- define "checkout.dev.credential" -}}
{{- get (include "checkout.dev.credentials" .root | fromYaml) .key | b64dec -}}
{{- end -}}

{{- define "checkout.dev.credentialsChecksum" -}}
{{- include "checkout.dev.credentials" . | sha256sum -}}
{{- end -}}
