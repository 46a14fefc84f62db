#!/usr/bin/env node
// Writes the subset of the Terraform AWS provider schema that stackplan renders, as compact JSON,
// from the npm package @cdktf/provider-aws (generated from hashicorp/aws; the version is recorded
// in the output). Run once when the provider version or the rendered types change:
//
//   npm install --no-save --ignore-scripts --legacy-peer-deps @cdktf/provider-aws@21.22.1
//   node tests/validators/extract-tf-schema.js > tests/validators/tf-aws-schema.json
//
// Output: {"provider": {...}, "resource": {type: node}, "data": {type: node}} where a node is
// {"attributes": {name: required}, "blocks": {name: {"required", "max_one", ...node}}}.
"use strict";
const fs = require("fs");
const path = require("path");

const RESOURCES = [
  "aws_appautoscaling_policy", "aws_appautoscaling_target", "aws_autoscaling_group",
  "aws_cloudwatch_log_group", "aws_db_instance", "aws_db_subnet_group", "aws_ecs_capacity_provider",
  "aws_ecs_cluster", "aws_ecs_cluster_capacity_providers", "aws_ecs_service",
  "aws_ecs_task_definition", "aws_efs_access_point", "aws_efs_backup_policy", "aws_efs_file_system",
  "aws_efs_mount_target", "aws_eip", "aws_elasticache_replication_group",
  "aws_elasticache_subnet_group", "aws_iam_instance_profile", "aws_iam_role", "aws_iam_role_policy",
  "aws_iam_role_policy_attachment", "aws_internet_gateway", "aws_kms_alias", "aws_kms_key",
  "aws_launch_template", "aws_lb",
  "aws_lb_listener", "aws_lb_listener_rule", "aws_lb_target_group", "aws_nat_gateway",
  "aws_rds_cluster", "aws_rds_cluster_instance", "aws_route", "aws_route53_record", "aws_route53_zone",
  "aws_route_table", "aws_route_table_association", "aws_s3_bucket",
  "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_ownership_controls", "aws_s3_bucket_policy",
  "aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration",
  "aws_s3_bucket_versioning", "aws_secretsmanager_secret", "aws_security_group", "aws_subnet",
  "aws_vpc", "aws_vpc_security_group_egress_rule", "aws_vpc_security_group_ingress_rule",
];
const DATA = [
  "aws_availability_zones", "aws_caller_identity", "aws_partition", "aws_route53_zone",
  "aws_secretsmanager_secret", "aws_ssm_parameter", "aws_vpc",
];
// Arguments every resource accepts that the provider package models outside the Config struct.
const META = ["count", "for_each", "depends_on", "provider", "lifecycle", "connection", "provisioners"];

const pkgDir = path.dirname(require.resolve("@cdktf/provider-aws/package.json"));
const jsii = JSON.parse(fs.readFileSync(path.join(pkgDir, ".jsii"), "utf8"));
const version = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;

function lowerFirst(s) { return s[0].toLowerCase() + s.slice(1); }

// isBlock per attribute, per struct: "<fn prefix>" -> {snake: isBlock}
function blockFlags(jsText) {
  const flags = {};
  const chunks = jsText.split(/\n(?=function \w+ToHclTerraform\(|\s+synthesizeHclAttributes\(\))/);
  const entry = /^\s*(\w+): \{\n\s*value: .*\n\s*isBlock: (true|false),/gm;
  for (const chunk of chunks) {
    const fn = chunk.match(/^function (\w+)ToHclTerraform\(/);
    const scope = fn ? fn[1] : /^\s+synthesizeHclAttributes\(\)/.test(chunk) ? "<root>" : null;
    if (!scope) continue;
    const into = (flags[scope] = flags[scope] || {});
    let m;
    while ((m = entry.exec(chunk))) into[m[1]] = m[2] === "true";
  }
  return flags;
}

function withoutResolvable(t) {
  if (t.union) {
    const rest = t.union.types.filter((x) => x.fqn !== "cdktf.IResolvable");
    return rest.length === 1 ? rest[0] : t;
  }
  return t;
}

function snakeName(prop) {
  const docs = ((prop.docs && prop.docs.remarks) || "") + " " + ((prop.docs && prop.docs.summary) || "");
  const m = docs.match(/#(\w+) \w+#\1\b/);
  return m ? m[1] : prop.name.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
}

function node(fqn, flags, scope) {
  const out = { attributes: {}, blocks: {} };
  for (const prop of jsii.types[fqn].properties || []) {
    const name = snakeName(prop);
    const t = withoutResolvable(prop.type);
    const inner = t.fqn || (t.collection && withoutResolvable(t.collection.elementtype).fqn);
    const struct = inner && jsii.types[inner] && jsii.types[inner].datatype;
    const isBlock = (flags[scope] || {})[name];
    if (struct && isBlock !== false) {
      const innerScope = lowerFirst(inner.split(".").pop());
      out.blocks[name] = { required: !prop.optional, max_one: !!t.fqn, ...node(inner, flags, innerScope) };
    } else {
      out.attributes[name] = !prop.optional;
    }
  }
  return out;
}

function schemaOf(tfType, isData) {
  const short = tfType.replace(/^aws_/, "");
  const dir = path.join(pkgDir, "lib", (isData ? "data-aws-" : "") + short.replace(/_/g, "-"));
  const js = fs.readFileSync(path.join(dir, "index.js"), "utf8");
  const cls = js.match(new RegExp(`(\\w+)\\.tfResourceType = "${tfType}";`));
  if (!cls) throw new Error(`no class for ${tfType} in ${dir}`);
  const ns = path.basename(dir).replace(/-(\w)/g, (_, c) => c.toUpperCase());
  const fqn = `@cdktf/provider-aws.${ns}.${cls[1]}Config`;
  if (!jsii.types[fqn]) throw new Error(`no Config struct ${fqn} for ${tfType}`);
  const result = node(fqn, blockFlags(js), "<root>");
  for (const m of META) delete result.attributes[m];
  return result;
}

const out = { provider: { source: "hashicorp/aws", package: `@cdktf/provider-aws@${version}` },
              resource: {}, data: {} };
for (const t of RESOURCES) out.resource[t] = schemaOf(t, false);
for (const t of DATA) out.data[t] = schemaOf(t, true);
process.stdout.write(JSON.stringify(out, null, 0) + "\n");
