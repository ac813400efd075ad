// Validates the Kubernetes manifests of ops/k8s against the Kubernetes API schemas (the kubernetes-models package,
// which bundles the OpenAPI schemas of the API) and checks what the schemas cannot: that every reference between
// objects resolves and that the deployment keeps the promises of docs/operations.md.
//
//   node ops/k8s/validate.mjs [DIR]      (default: the directory of this script; npm ci in ops/ first)
//
// Prints one "K8S ok <file> <Kind>/<name>" per object and ends with "K8S valid: N objects" (exit 0) or every error
// with its file, document and JSON path (exit 1).
import { readdirSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] ?? here;
const errors = [];
const objects = [];

const render = (text) => text.replaceAll("IMAGE_TAG", "1-0-0");
const sources = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()
  .map((f) => ({ file: f, text: render(readFileSync(join(dir, f), "utf8")) }));
// The tenants ConfigMap is generated from tenants/ at deploy time: validate what the generator prints now.
const generator = join(here, "tenants-configmap.sh");
try {
  sources.push({ file: "tenants-configmap.sh (output)", text: execFileSync("bash", [generator], { encoding: "utf8" }) });
} catch (e) {
  errors.push(`tenants-configmap.sh: ${e.stderr?.toString().trim() || e.message}`);
}

for (const { file, text } of sources) {
  parseAllDocuments(text).forEach((doc, index) => {
    const where = `${file} (document ${index + 1})`;
    if (doc.errors.length) { doc.errors.forEach((e) => errors.push(`${where}: YAML ${e.message}`)); return; }
    const obj = doc.toJS();
    if (obj == null) return;
    objects.push({ where, file, obj });
  });
}

const modulePath = (apiVersion, kind) => {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  return `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
};

for (const { where, obj } of objects) {
  if (!obj.apiVersion || !obj.kind) { errors.push(`${where}: apiVersion and kind are required`); continue; }
  let Model;
  try {
    Model = (await import(modulePath(obj.apiVersion, obj.kind)))[obj.kind];
  } catch {
    errors.push(`${where}: unknown type ${obj.apiVersion} ${obj.kind}`);
    continue;
  }
  try {
    new Model(obj).validate();
    console.log(`K8S ok ${where.replace(/ \(document 1\)$/, "")} ${obj.kind}/${obj.metadata?.name}`);
  } catch (e) {
    for (const detail of e.errors ?? [{ instancePath: "", message: e.message }])
      errors.push(`${where} ${obj.kind}/${obj.metadata?.name}: ${detail.instancePath || "/"} ${detail.message}`);
  }
}

// References between objects, and the promises the operator relies on.
const find = (kind, name) => objects.find((o) => o.obj.kind === kind && o.obj.metadata?.name === name)?.obj;
const all = (kind) => objects.filter((o) => o.obj.kind === kind).map((o) => o.obj);
const need = (cond, message) => { if (!cond) errors.push(message); };
const podSpecs = [...all("Deployment"), ...all("Job")].map((o) => ({ o, spec: o.spec?.template?.spec ?? {} }));

for (const o of objects.map((x) => x.obj).filter((o) => o.kind !== "Namespace"))
  need(o.metadata?.namespace === "esregions", `${o.kind}/${o.metadata?.name}: must be in namespace esregions`);
for (const { o, spec } of podSpecs) {
  const id = `${o.kind}/${o.metadata.name}`;
  for (const v of spec.volumes ?? []) {
    if (v.configMap) need(find("ConfigMap", v.configMap.name), `${id}: volume ${v.name} uses missing ConfigMap ${v.configMap.name}`);
    if (v.secret) need(find("Secret", v.secret.secretName), `${id}: volume ${v.name} uses missing Secret ${v.secret.secretName}`);
  }
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    for (const m of c.volumeMounts ?? [])
      need((spec.volumes ?? []).some((v) => v.name === m.name), `${id}: container ${c.name} mounts unknown volume ${m.name}`);
    for (const e of c.envFrom ?? []) {
      if (e.configMapRef) need(find("ConfigMap", e.configMapRef.name), `${id}: container ${c.name} envFrom missing ConfigMap ${e.configMapRef.name}`);
      if (e.secretRef) need(find("Secret", e.secretRef.name), `${id}: container ${c.name} envFrom missing Secret ${e.secretRef.name}`);
    }
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref) need(Object.keys({ ...find("Secret", ref.name)?.data, ...find("Secret", ref.name)?.stringData }).includes(ref.key),
        `${id}: container ${c.name} env ${e.name} uses missing secret key ${ref.name}/${ref.key}`);
    }
  }
}
const web = find("Deployment", "esregions");
need(web, "Deployment/esregions is missing");
if (web) {
  need((web.spec.replicas ?? 1) >= 2, "Deployment/esregions: at least 2 replicas");
  const app = web.spec.template.spec.containers.find((c) => c.name === "app");
  need(app?.readinessProbe?.httpGet?.path === "/health/ready", "Deployment/esregions: readiness probe on /health/ready");
  need(app?.livenessProbe?.httpGet?.path === "/health/live", "Deployment/esregions: liveness probe on /health/live");
  const labels = web.spec.template.metadata.labels;
  for (const svc of all("Service"))
    need(Object.entries(svc.spec.selector ?? {}).every(([k, v]) => labels[k] === v), `Service/${svc.metadata.name}: selector matches no pod of Deployment/esregions`);
}
need(all("Job").some((j) => j.spec.template.spec.containers.some((c) => (c.args ?? []).includes("migrate"))), "a Job running `migrate` is required");
for (const ing of all("Ingress")) {
  need(ing.spec.rules.some((r) => r.host?.startsWith("*.")), `Ingress/${ing.metadata.name}: a wildcard host for the regions`);
  for (const r of ing.spec.rules) for (const p of r.http.paths)
    need(find("Service", p.backend.service?.name), `Ingress/${ing.metadata.name}: backend service ${p.backend.service?.name} is missing`);
}
for (const hpa of all("HorizontalPodAutoscaler")) {
  need(find(hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name), `HorizontalPodAutoscaler/${hpa.metadata.name}: target is missing`);
  need(hpa.spec.minReplicas >= 2, `HorizontalPodAutoscaler/${hpa.metadata.name}: minReplicas must be at least 2`);
}
need(all("HorizontalPodAutoscaler").length > 0, "a HorizontalPodAutoscaler is required");

if (errors.length) {
  for (const e of errors) console.error(`K8S error ${e}`);
  console.error(`K8S invalid: ${errors.length} error(s) in ${basename(dir)}`);
  process.exit(1);
}
console.log(`K8S valid: ${objects.length} objects`);
