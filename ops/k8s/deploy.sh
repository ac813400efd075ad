#!/usr/bin/env bash
# Deploys a release to the cluster kubectl points at: namespace, settings, tenants' data, the migration Job (waited
# for), then the Deployment, Service, Ingress and autoscaler, and waits for the rollout.
#
#   ops/k8s/deploy.sh IMAGE_TAG            e.g. ops/k8s/deploy.sh 2026.11.23-1
#
# Secrets are not created here (see secrets.example.yaml and docs/operations.md); the script stops if one is missing.
# ESR_IMAGE (default registry.example.pl/esregions/app) names the image repository.
set -euo pipefail
[[ $# -eq 1 && "$1" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "usage: ops/k8s/deploy.sh IMAGE_TAG" >&2; exit 1; }
TAG="$1"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IMAGE="${ESR_IMAGE:-registry.example.pl/esregions/app}"
NS=esregions
render() { sed -e "s|registry.example.pl/esregions/app:IMAGE_TAG|$IMAGE:$TAG|g" -e "s|IMAGE_TAG|${TAG//./-}|g" "$1"; }

kubectl apply -f "$HERE/namespace.yaml"
for secret in esregions-db esregions-smtp esregions-token-certs esregions-tls; do
  kubectl -n "$NS" get secret "$secret" >/dev/null 2>&1 ||
    { echo "ERROR: secret $secret is missing in namespace $NS (docs/operations.md, Secrets)" >&2; exit 1; }
done
kubectl apply -f "$HERE/configmap.yaml"
"$HERE/tenants-configmap.sh" | kubectl apply -f -

echo "==> migrating (job esregions-migrate-${TAG//./-})"
render "$HERE/migrate-job.yaml" | kubectl apply -f -
if ! kubectl -n "$NS" wait --for=condition=complete --timeout=900s "job/esregions-migrate-${TAG//./-}"; then
  kubectl -n "$NS" logs "job/esregions-migrate-${TAG//./-}" --all-containers --tail=50 >&2 || true
  echo "ERROR: migration failed; the running release is untouched" >&2
  exit 1
fi

for f in deployment.yaml service.yaml ingress.yaml hpa.yaml; do render "$HERE/$f" | kubectl apply -f -; done
# New tenant data is read at start: restart when only the ConfigMap changed (same image tag).
kubectl -n "$NS" rollout restart deployment/esregions
kubectl -n "$NS" rollout status deployment/esregions --timeout=600s
