{{/*
Names, labels and the pieces every component's pod shares. A component is one of api, worker,
gateway; helpers that need one take a dict: (dict "root" $ "component" "api").
*/}}

{{- define "microstax.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "microstax.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* <fullname>-<component>, e.g. microstax-worker. */}}
{{- define "microstax.componentName" -}}
{{- printf "%s-%s" (include "microstax.fullname" .root | trunc 54 | trimSuffix "-") .component }}
{{- end }}

{{- define "microstax.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "microstax.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ include "microstax.imageTag" . | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: microstax
{{- end }}

{{- define "microstax.componentLabels" -}}
{{ include "microstax.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Selector labels never change after install: no version in them. */}}
{{- define "microstax.selectorLabels" -}}
app.kubernetes.io/name: {{ include "microstax.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "microstax.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag }}
{{- end }}

{{- define "microstax.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "microstax.imageTag" .) }}
{{- end }}

{{- define "microstax.codecSecretName" -}}
{{- .Values.codec.existingSecret | default (printf "%s-codec" (include "microstax.fullname" .)) }}
{{- end }}

{{- define "microstax.codecSecretKey" -}}
{{- if .Values.codec.existingSecret }}{{ .Values.codec.existingSecretKey }}{{ else }}codec-key{{ end }}
{{- end }}

{{- define "microstax.databaseSecretName" -}}
{{- .Values.database.existingSecret | default (printf "%s-database" (include "microstax.fullname" .)) }}
{{- end }}

{{- define "microstax.databaseSecretKey" -}}
{{- if .Values.database.existingSecret }}{{ .Values.database.existingSecretKey }}{{ else }}database-url{{ end }}
{{- end }}

{{/* Paths inside the containers. */}}
{{/*
The Secret holding the gateway's certificate: an existing one (gateway.tls.secretName), or the one
cert-manager fills (gateway.tls.certManager); empty: the gateway speaks plain HTTP.
*/}}
{{- define "microstax.gatewayTlsSecret" -}}
{{- $tls := .Values.gateway.tls -}}
{{- if and $tls.secretName $tls.certManager.enabled -}}
{{- fail "gateway.tls: set secretName (an existing Secret) or certManager.enabled (cert-manager issues one), not both" -}}
{{- end -}}
{{- if $tls.secretName -}}
{{- $tls.secretName -}}
{{- else if $tls.certManager.enabled -}}
{{- printf "%s-tls" (include "microstax.componentName" (dict "root" . "component" "gateway")) -}}
{{- end -}}
{{- end }}
{{- define "microstax.gatewayTlsDir" -}}/etc/microstax/gateway-tls{{- end }}

{{- define "microstax.temporalTlsDir" -}}/etc/microstax/temporal-tls{{- end }}

{{/*
Settings every process reads: Temporal, its TLS and API key, the codec key and production mode. No
KUBECONFIG: in a pod the processes use their ServiceAccount (KubeClient.fromEnvironment). Values are
checked by values.schema.json.
*/}}
{{- define "microstax.commonEnv" -}}
{{- $v := .Values -}}
- name: NODE_ENV
  value: production
- name: TEMPORAL_ADDRESS
  value: {{ $v.temporal.address | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ $v.temporal.namespace | quote }}
{{- with $v.temporal.tls.secretName }}
- name: TEMPORAL_TLS_CERT_FILE
  value: {{ printf "%s/%s" (include "microstax.temporalTlsDir" $) $v.temporal.tls.certKey | quote }}
- name: TEMPORAL_TLS_KEY_FILE
  value: {{ printf "%s/%s" (include "microstax.temporalTlsDir" $) $v.temporal.tls.keyKey | quote }}
{{- with $v.temporal.tls.caKey }}
- name: TEMPORAL_TLS_CA_FILE
  value: {{ printf "%s/%s" (include "microstax.temporalTlsDir" $) . | quote }}
{{- end }}
{{- end }}
{{- with $v.temporal.tls.serverName }}
- name: TEMPORAL_TLS_SERVER_NAME
  value: {{ . | quote }}
{{- end }}
{{- with $v.temporal.apiKey.existingSecret }}
- name: TEMPORAL_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $v.temporal.apiKey.key }}
{{- end }}
- name: MICROSTAX_CODEC_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "microstax.codecSecretName" . }}
      key: {{ include "microstax.codecSecretKey" . }}
{{- end }}

{{- define "microstax.databaseEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "microstax.databaseSecretName" . }}
      key: {{ include "microstax.databaseSecretKey" . }}
{{- end }}

{{/* The same hardening for every container and pod. */}}
{{- define "microstax.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "microstax.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Volumes every process mounts: /tmp (the root filesystem is read-only) and Temporal TLS. */}}
{{- define "microstax.commonVolumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: 1Gi
{{- with .Values.temporal.tls.secretName }}
- name: temporal-tls
  secret:
    secretName: {{ . }}
    defaultMode: 0440
{{- end }}
{{- end }}

{{- define "microstax.commonVolumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .Values.temporal.tls.secretName }}
- name: temporal-tls
  mountPath: {{ include "microstax.temporalTlsDir" . }}
  readOnly: true
{{- end }}
{{- end }}

{{/*
Scheduling and pod-level settings of a component: nodeSelector, tolerations, affinity, topology
spread (its own constraints, or one soft constraint per topologySpread key over its replicas).
*/}}
{{- define "microstax.scheduling" -}}
{{- $c := index .root.Values .component -}}
{{- with $c.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $c.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $c.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
topologySpreadConstraints:
{{- if $c.topologySpreadConstraints }}
  {{- toYaml $c.topologySpreadConstraints | nindent 2 }}
{{- else }}
{{- range .root.Values.topologySpread.topologyKeys }}
  - maxSkew: 1
    topologyKey: {{ . }}
    whenUnsatisfiable: {{ $.root.Values.topologySpread.whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "microstax.selectorLabels" $ | nindent 8 }}
{{- end }}
{{- end }}
{{- end }}

{{/* The probes a component sets (empty objects are left out). */}}
{{- define "microstax.probes" -}}
{{- $c := index .root.Values .component -}}
{{- with $c.startupProbe }}
startupProbe:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $c.livenessProbe }}
livenessProbe:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $c.readinessProbe }}
readinessProbe:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Restart pods when a Secret the chart renders changes. */}}
{{- define "microstax.configChecksum" -}}
checksum/config: {{ include (print .Template.BasePath "/secrets.yaml") . | sha256sum }}
{{- end }}

{{/* A PodDisruptionBudget for a component with more than one replica (one replica could never be evicted). */}}
{{- define "microstax.pdb" -}}
{{- $c := index .root.Values .component -}}
{{- if and $c.pdb.enabled (gt (int $c.replicas) 1) }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "microstax.componentName" . }}
  labels:
    {{- include "microstax.componentLabels" . | nindent 4 }}
spec:
  minAvailable: {{ $c.pdb.minAvailable }}
  selector:
    matchLabels:
      {{- include "microstax.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{/*
OpenTelemetry: traces go to .Values.tracing.otlpEndpoint when set (standard OTEL_* variables).
*/}}
{{- define "microstax.tracingEnv" -}}
{{- with .root.Values.tracing.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
- name: OTEL_SERVICE_NAME
  value: {{ $.service | quote }}
{{- end }}
{{- end }}
