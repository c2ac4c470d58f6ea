#!/usr/bin/env python3
"""Writes the large inputs used to measure how fast `flotilla plan` reads manifests.

The files are big (20 MB each): write them outside the checkout, e.g.
    python3 flotilla-kube/src/test/resources/bench/generate_inputs.py /tmp/flotilla-bench
and measure each with
    /usr/bin/time -f '%e s %M KB' java -jar flotilla-cli/target/flotilla-cli-0.1.0-SNAPSHOT-all.jar \\
        plan -f /tmp/flotilla-bench/FILE -o json > /dev/null
Every input is deterministic (seeded), so runs are comparable. Each also holds a NodePool, its
EC2NodeClass and a small Deployment, so that there is something to plan.

  configmap-line.yaml    one ConfigMap whose binaryData is one 20 MB line (base64)
  configmap-keys.yaml    one ConfigMap with about 220,000 keys (20 MB)
  configmap-block.yaml   one ConfigMap with 20 MB of block literals (1,000 lines per key)
  pods-10k.yaml          10,000 pods from 1,000 Deployments and StatefulSets, 200 request shapes
  pods-50k.yaml          50,000 pods from 1,250 Deployments and StatefulSets, 400 request shapes
"""
import base64
import os
import random
import sys

MB = 1024 * 1024

POOL = """apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: general}
spec:
  template:
    spec:
      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      requirements:
        - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand, spot]}
        - {key: karpenter.k8s.aws/instance-category, operator: In, values: [c, m, r]}
        - {key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}
---
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata: {name: default}
spec:
  role: KarpenterNodeRole
  amiSelectorTerms: [{alias: al2023@latest}]
  subnetSelectorTerms: [{tags: {karpenter.sh/discovery: c}}]
  securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: c}}]
"""

SMALL_APP = """---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: default}
spec:
  replicas: 3
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.0
          volumeMounts: [{name: config, mountPath: /etc/app}]
          resources: {requests: {cpu: 500m, memory: 1Gi}}
      volumes: [{name: config, configMap: {name: huge}}]
"""

CONFIGMAP = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge, namespace: default}\n"


def configmap_line(f, rnd):
    blob = base64.b64encode(bytes(rnd.getrandbits(8) for _ in range(15 * MB))).decode()
    f.write(CONFIGMAP + "binaryData:\n  blob: " + blob + "\n")


def configmap_keys(f, rnd):
    f.write(CONFIGMAP + "data:\n")
    written = 0
    key = 0
    while written < 20 * MB:
        value = "v" + "".join(rnd.choice("abcdefghij0123456789") for _ in range(80))
        line = "  key-%d: %s\n" % (key, value)
        f.write(line)
        written += len(line)
        key += 1


def configmap_block(f, rnd):
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 =:_-"
    f.write(CONFIGMAP + "data:\n")
    written = 0
    key = 0
    while written < 20 * MB:
        f.write("  file-%d.conf: |\n" % key)
        for _ in range(1000):
            line = "x" + "".join(rnd.choice(alphabet) for _ in range(rnd.randint(40, 120)))
            f.write("    " + line + "\n")
            written += len(line) + 5
        key += 1


def big(path, body):
    with open(path, "w") as f:
        f.write(POOL)
        f.write(SMALL_APP)
        body(f, random.Random(7))


def shapes(rnd, count):
    result = []
    for _ in range(count):
        cpu = rnd.choice([50, 100, 250, 300, 500, 750, 1000, 1500, 2000, 3000, 4000])
        cpu += rnd.randint(0, 9) * 10
        mem = rnd.choice([64, 128, 256, 512, 1024, 1536, 2048, 4096, 8192]) + rnd.randint(0, 15) * 32
        result.append(("%dm" % cpu, "%dMi" % mem))
    return result


def workload(f, kind, name, ns, replicas, shape, arch):
    cpu, mem = shape
    f.write("---\napiVersion: apps/v1\nkind: %s\n" % kind)
    f.write("metadata: {name: %s, namespace: %s, labels: {app: %s, team: %s}}\n" % (name, ns, name, ns))
    f.write("spec:\n  replicas: %d\n" % replicas)
    if kind == "StatefulSet":
        f.write("  serviceName: %s\n" % name)
    f.write("  selector: {matchLabels: {app: %s}}\n" % name)
    f.write("  template:\n    metadata:\n      labels: {app: %s, team: %s}\n" % (name, ns))
    f.write("      annotations: {prometheus.io/scrape: \"true\"}\n    spec:\n")
    if arch:
        f.write("      nodeSelector: {kubernetes.io/arch: %s}\n" % arch)
    f.write("      tolerations: [{key: dedicated, operator: Equal, value: %s, effect: NoSchedule}]\n" % ns)
    f.write("      containers:\n")
    f.write("        - name: app\n          image: registry.example.com/%s/%s:1.%d\n" % (ns, name, len(name)))
    f.write("          ports: [{containerPort: 8080, name: http}]\n")
    f.write("          env: [{name: MODE, value: production}, {name: LOG_LEVEL, value: info}]\n")
    f.write("          resources:\n            requests: {cpu: %s, memory: %s}\n" % (cpu, mem))
    f.write("            limits: {memory: %s}\n" % mem)
    f.write("        - name: sidecar\n          image: registry.example.com/proxy:2.1\n")
    f.write("          resources: {requests: {cpu: 10m, memory: 32Mi}}\n")


def pods(path, workloads, pods_total, shape_count, seed):
    rnd = random.Random(seed)
    shape_list = shapes(rnd, shape_count)
    # Replicas: a few large workloads, many small ones, summing to pods_total.
    weights = [rnd.paretovariate(1.3) for _ in range(workloads)]
    scale = (pods_total - workloads) / sum(weights)
    replicas = [1 + int(w * scale) for w in weights]
    replicas[0] += pods_total - sum(replicas)
    with open(path, "w") as f:
        f.write(POOL)
        for i, r in enumerate(replicas):
            kind = "StatefulSet" if i % 10 == 9 else "Deployment"
            arch = rnd.choice([None, None, None, "amd64", "arm64"])
            workload(f, kind, "svc-%04d" % i, "team-%02d" % (i % 40), r,
                     shape_list[i % shape_count], arch)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    big(os.path.join(out, "configmap-line.yaml"), configmap_line)
    big(os.path.join(out, "configmap-keys.yaml"), configmap_keys)
    big(os.path.join(out, "configmap-block.yaml"), configmap_block)
    pods(os.path.join(out, "pods-10k.yaml"), 1000, 10000, 200, 10)
    pods(os.path.join(out, "pods-50k.yaml"), 1250, 50000, 400, 50)


if __name__ == "__main__":
    main()
