// Validates CloudFormation templates with cfn-lint (npm), run against the CloudFormation
// resource specification from @aws-cdk/cfnspec rather than the 2019 one cfn-lint ships with.
// Parameters without a default get the kind of value a user passes at deploy time.
// Prints gcc-style lines; exits 1 when any template has an error.
// Usage: node cfnlint.js TEMPLATE...
"use strict";
const fs = require("fs");
const path = require("path");
const yaml = require("js-yaml");

// cfn-lint reads its specification with require(); put the current one in its place.
const specFile = require.resolve("cfn-lint/data/aws_resources_specification.json");
const current = require("@aws-cdk/cfnspec").specification();
require.cache[specFile] = {id: specFile, filename: specFile, loaded: true, exports: current};
const cfnlint = require("cfn-lint/lib/api");

// Known false positives of cfn-lint, each with the reason it is one. Nothing else is excused.
const excused = [
  {
    path: "Resources > CapacityProvider > Properties > AutoScalingGroupProvider > AutoScalingGroupArn",
    message: "Expecting an ARN, got 'mock-ref-AutoScalingGroup'",
    reason:
      "cfn-lint expects every property named *Arn to hold an ARN; AWS documents this one as " +
      "'the ARN that identifies the Auto Scaling group, or the Auto Scaling group name', and " +
      "AWS::AutoScaling::AutoScalingGroup has no Arn attribute, so !Ref (its name) is the way",
  },
];

const intrinsics = ["Ref", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "Not",
  "And", "Or", "FindInMap", "Base64", "GetAZs", "ImportValue", "Cidr", "Condition"];
const schema = yaml.Schema.create(intrinsics.flatMap((name) =>
  ["scalar", "sequence", "mapping"].map((kind) => new yaml.Type("!" + name, {kind}))));

function deployValue(name, p) {
  if (p.Type === "AWS::EC2::VPC::Id") return "vpc-0123456789abcdef0";
  if (p.Type === "List<AWS::EC2::Subnet::Id>") {
    return ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"];
  }
  if (name === "CertificateArn") {
    return "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
  }
  if (name.endsWith("SecretArn")) {
    return "arn:aws:secretsmanager:us-east-1:123456789012:secret:example-AbCdEf";
  }
  return undefined;
}

let errors = 0;
let excusedCount = 0;
for (const file of process.argv.slice(2)) {
  let template;
  try {
    template = yaml.load(fs.readFileSync(file, "utf8"), {schema});
  } catch (e) {
    console.log(`${file}: error: not YAML: ${e.message}`);
    errors++;
    continue;
  }
  const parameters = {};
  for (const [name, p] of Object.entries((template && template.Parameters) || {})) {
    if (p.Default !== undefined) continue;
    const value = deployValue(name, p);
    if (value === undefined) {
      console.log(`${file}: error: no deploy-time value known for parameter ${name} (${p.Type})`);
      errors++;
    } else {
      parameters[name] = value;
    }
  }
  const result = cfnlint.validateFile(path.resolve(file), {parameters, guessParameters: []});
  for (const c of result.errors.crit) {
    if (excused.some((x) => x.path === c.resource && x.message === c.message)) {
      excusedCount++;
      continue;
    }
    console.log(`${file}: error: ${c.message} [${c.resource}]`);
    errors++;
  }
  for (const w of result.errors.warn) {
    console.log(`${file}: warning: ${w.message} [${w.resource}]`);
  }
}
console.log(`cfn-lint: ${process.argv.length - 2} templates, ${errors} errors` +
            (excusedCount ? `, ${excusedCount} known false positives excused` : ""));
process.exit(errors ? 1 : 0);
