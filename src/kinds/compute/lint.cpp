// Launch templates, instances, EBS volumes and Auto Scaling groups.

#include <cctype>
#include <cstdint>
#include <optional>

#include "lint/rules.hpp"

#include "aws/secrets.hpp"
#include "base/pattern.hpp"

namespace stackplan::lint {

namespace {

/// The bytes `text` encodes when it is base64 (at least 16 characters, padding only at the
/// end), or nullopt.
std::optional<std::string> base64_decoded(const std::string& text) {
  if (text.size() < 16 || text.size() % 4 != 0) {
    return std::nullopt;
  }
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  };
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '=') {
      if (i + 2 < text.size() || (i + 1 < text.size() && text[i + 1] != '=')) {
        return std::nullopt;
      }
      break;
    }
    int v = value(text[i]);
    if (v < 0) {
      return std::nullopt;
    }
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

/// The launch template data: Terraform's resource body, CloudFormation's LaunchTemplateData.
const Value* template_data(const Resource& r, bool tf) {
  return tf ? &r.body : r.body.get("LaunchTemplateData");
}

std::vector<const Resource*> launch_templates(const Module& m, bool tf) {
  return m.of_type(tf ? "aws_launch_template" : "AWS::EC2::LaunchTemplate");
}

std::vector<const Resource*> launch_configurations(const Module& m, bool tf) {
  return m.of_type(tf ? "aws_launch_configuration" : "AWS::AutoScaling::LaunchConfiguration");
}

/// Reports an EBS block device that is not encrypted (one created from a snapshot follows the
/// snapshot's encryption).
void check_block_device(const Resource& r, const Value& ebs, bool tf, Reporter& out) {
  if (ebs.get(tf ? "snapshot_id" : "SnapshotId") != nullptr) {
    return;
  }
  const Value* enc = ebs.get(tf ? "encrypted" : "Encrypted");
  if (enc == nullptr || is_false(enc)) {
    out.at(r, enc ? enc : &ebs, label(r) + " creates unencrypted EBS volumes");
  }
}

void imdsv2(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  std::vector<std::pair<const Resource*, const Value*>> all;
  for (const Resource* r : launch_templates(m, tf)) {
    all.emplace_back(r, template_data(*r, tf));
  }
  for (const Resource* r : m.of_type(tf ? "aws_instance" : "AWS::EC2::Instance")) {
    if (tf) {
      all.emplace_back(r, &r->body);
    }
  }
  for (const Resource* r : launch_configurations(m, tf)) {
    all.emplace_back(r, &r->body);
  }
  for (const auto& [r, data] : all) {
    if (data == nullptr) {
      continue;
    }
    const Value* options = data->at({tf ? "metadata_options" : "MetadataOptions"});
    const Value* endpoint =
        options ? options->at({tf ? "http_endpoint" : "HttpEndpoint"}) : nullptr;
    if (endpoint != nullptr && endpoint->is_scalar() && endpoint->text == "disabled") {
      continue;
    }
    const Value* tokens = options ? options->at({tf ? "http_tokens" : "HttpTokens"}) : nullptr;
    if (tokens != nullptr && !tokens->is_known()) {
      continue;
    }
    if (tokens == nullptr || tokens->text != "required") {
      out.at(*r, tokens ? tokens : options,
             label(*r) + " allows IMDSv1: instance credentials are one SSRF away");
    }
  }
}

void ebs_encrypted(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Resource* r : launch_templates(m, tf)) {
    const Value* data = template_data(*r, tf);
    const Value* mappings =
        data ? data->get(tf ? "block_device_mappings" : "BlockDeviceMappings") : nullptr;
    if (mappings == nullptr) {
      continue;
    }
    for (const Value* bd : mappings->as_list()) {
      const Value* ebs = bd->at({tf ? "ebs" : "Ebs"});
      if (ebs == nullptr) {
        continue;
      }
      if (ebs->get(tf ? "snapshot_id" : "SnapshotId") != nullptr) {
        continue;  // encryption follows the snapshot
      }
      const Value* enc = ebs->get(tf ? "encrypted" : "Encrypted");
      if (enc == nullptr || is_false(enc)) {
        out.at(*r, enc ? enc : ebs, label(*r) + " creates unencrypted EBS volumes");
      }
    }
  }
  // Instances and launch configurations: the root and extra block devices they declare.
  std::vector<const Resource*> hosts = m.of_type(tf ? "aws_instance" : "AWS::EC2::Instance");
  for (const Resource* r : launch_configurations(m, tf)) {
    hosts.push_back(r);
  }
  // EBS encryption by default, turned on in the same module, encrypts what a resource leaves
  // unsaid.
  bool by_default = false;
  for (const Resource* r : m.of_type("aws_ebs_encryption_by_default")) {
    const Value* enabled = r->body.get("enabled");
    by_default = by_default || enabled == nullptr || is_true(enabled);
  }
  for (const Resource* r : hosts) {
    if (tf) {
      for (const char* block : {"root_block_device", "ebs_block_device"}) {
        if (const Value* devices = r->body.get(block)) {
          for (const Value* d : devices->as_list()) {
            if (!by_default || (d->get("encrypted") != nullptr && is_false(d->get("encrypted")))) {
              check_block_device(*r, *d, tf, out);
            }
          }
        }
      }
      // No root_block_device (or an empty list of them): the root volume is the AMI's,
      // unencrypted unless its snapshot is.
      const Value* root = r->body.get("root_block_device");
      const bool none = root == nullptr || (root->is_list() && root->items.empty());
      if (none && !by_default) {
        out.at(*r, nullptr,
               label(*r) +
                   " creates an unencrypted root volume (no root_block_device with "
                   "encrypted = true)");
      }
      continue;
    }
    if (const Value* mappings = r->body.get("BlockDeviceMappings")) {
      for (const Value* bd : mappings->as_list()) {
        if (const Value* ebs = bd->get("Ebs")) {
          check_block_device(*r, *ebs, tf, out);
        }
      }
    }
  }
  for (const Resource* r : m.of_type(tf ? "aws_ebs_volume" : "AWS::EC2::Volume")) {
    const Value* enc = r->body.get(tf ? "encrypted" : "Encrypted");
    if (r->body.get(tf ? "snapshot_id" : "SnapshotId") == nullptr &&
        (enc == nullptr || is_false(enc))) {
      out.at(*r, enc, "EBS volume " + label(*r) + " is unencrypted");
    }
  }
}

void public_ip(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Resource* r : launch_templates(m, tf)) {
    const Value* data = template_data(*r, tf);
    const Value* nics = data ? data->get(tf ? "network_interfaces" : "NetworkInterfaces") : nullptr;
    if (nics == nullptr) {
      continue;
    }
    for (const Value* nic : nics->as_list()) {
      const Value* v = nic->get(tf ? "associate_public_ip_address" : "AssociatePublicIpAddress");
      if (is_true(v)) {
        out.at(*r, v, "instances launched from " + label(*r) + " get public IP addresses");
      }
    }
  }
  for (const Resource* r : launch_configurations(m, tf)) {
    const Value* v = r->body.get(tf ? "associate_public_ip_address" : "AssociatePublicIpAddress");
    if (is_true(v)) {
      out.at(*r, v, "instances launched from " + label(*r) + " get public IP addresses");
    }
  }
  for (const Resource* r : m.of_type(tf ? "aws_instance" : "AWS::EC2::Instance")) {
    std::vector<const Value*> flags;
    if (tf) {
      flags.push_back(r->body.get("associate_public_ip_address"));
    } else if (const Value* nics = r->body.get("NetworkInterfaces")) {
      for (const Value* nic : nics->as_list()) {
        flags.push_back(nic->get("AssociatePublicIpAddress"));
      }
    }
    for (const Value* v : flags) {
      if (is_true(v)) {
        out.at(*r, v, "instance " + label(*r) + " has a public IP address");
      }
    }
  }
}

/// Whether a script or configuration text assigns a secret written in the clear:
/// `NAME=value`, `export NAME="value"`, `NAME: value` where the name holds secrets and the value
/// looks like one (aws/secrets.hpp); a value taken from elsewhere ($VAR, $(command)) is not.
bool assigns_secret(const std::string& text) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  std::size_t i = 0;
  while (i < text.size()) {
    if (!word(text[i]) || (i > 0 && word(text[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && word(text[j])) {
      ++j;
    }
    const std::string name = text.substr(i, j - i);
    i = j;
    while (j < text.size() && space(text[j])) {
      ++j;
    }
    if (j >= text.size() || (text[j] != '=' && text[j] != ':') || text.compare(j, 2, "==") == 0 ||
        text.compare(j, 3, "://") == 0) {
      continue;
    }
    ++j;
    while (j < text.size() && space(text[j])) {
      ++j;
    }
    std::string value;
    if (j < text.size() && (text[j] == '"' || text[j] == '\'')) {
      const char quote = text[j];
      const auto end = text.find_first_of(std::string(1, quote) + "\n", j + 1);
      value = text.substr(j + 1, (end == std::string::npos ? text.size() : end) - j - 1);
      i = end == std::string::npos ? text.size() : end;
    } else {
      const auto end = text.find_first_of(" \t\r\n;&|", j);
      value = text.substr(j, (end == std::string::npos ? text.size() : end) - j);
      i = end == std::string::npos ? text.size() : end;
    }
    if (!value.empty() && value[0] != '$' && aws::secret_like_name(name) &&
        aws::secret_like_value(value) && aws::looks_like_secret(name, value)) {
      return true;
    }
  }
  return false;
}

void user_data_secrets(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  // POSIX regexec (Pattern), not std::regex, whose recursion overflows the stack on long
  // user data.
  static const Pattern k_access_key("(AKIA|ASIA)[0-9A-Z]{16}");
  std::vector<std::pair<const Resource*, const Value*>> all;
  for (const Resource* r : launch_templates(m, tf)) {
    const Value* data = template_data(*r, tf);
    if (data != nullptr) {
      all.emplace_back(r, data->get(tf ? "user_data" : "UserData"));
    }
  }
  std::vector<const Resource*> hosts = m.of_type(tf ? "aws_instance" : "AWS::EC2::Instance");
  for (const Resource* r : launch_configurations(m, tf)) {
    hosts.push_back(r);
  }
  for (const Resource* r : hosts) {
    all.emplace_back(r, r->body.get(tf ? "user_data" : "UserData"));
    if (tf) {
      all.emplace_back(r, r->body.get("user_data_base64"));
    }
  }
  for (const auto& [r, v] : all) {
    if (v == nullptr) {
      continue;
    }
    std::string text = all_text(v);
    // User data written already encoded (user_data_base64, a CloudFormation UserData string):
    // read what it encodes.
    if (v->is_scalar()) {
      if (auto decoded = base64_decoded(v->text)) {
        text += "\n" + *decoded;
      }
    }
    if (k_access_key.search(text)) {
      out.at(*r, v, "the user data of " + label(*r) + " contains an AWS access key id");
    } else if (assigns_secret(text)) {
      out.at(*r, v, "the user data of " + label(*r) + " sets a password or secret in plain text");
    }
  }
}

void asg_launch_template(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Resource* r :
       m.of_type(tf ? "aws_autoscaling_group" : "AWS::AutoScaling::AutoScalingGroup")) {
    const Value* lc = r->body.get(tf ? "launch_configuration" : "LaunchConfigurationName");
    if (lc != nullptr) {
      out.at(*r, lc,
             "Auto Scaling group " + label(*r) +
                 " uses a launch configuration (no IMDSv2 defaults, no new instance types)");
    }
  }
  for (const Resource* r :
       m.of_type(tf ? "aws_launch_configuration" : "AWS::AutoScaling::LaunchConfiguration")) {
    out.at(*r, nullptr,
           "launch configuration " + label(*r) +
               " is deprecated: AWS no longer adds new instance types to them");
  }
}

void asg_multi_az(const Module& m, Reporter& out) {
  const bool tf = out.terraform();
  for (const Resource* r :
       m.of_type(tf ? "aws_autoscaling_group" : "AWS::AutoScaling::AutoScalingGroup")) {
    for (const char* key :
         tf ? std::vector<const char*>{"vpc_zone_identifier", "availability_zones"}
            : std::vector<const char*>{"VPCZoneIdentifier", "AvailabilityZones"}) {
      const Value* v = r->body.get(key);
      if (v != nullptr && v->is_list() && v->items.size() == 1) {
        out.at(*r, v,
               "Auto Scaling group " + label(*r) +
                   " launches into one subnet or zone only; an outage of that zone stops it");
      }
    }
  }
}

}  // namespace

// Listed in lint/rules.cpp.
void add_ec2_rules(std::vector<Rule>& out) {
  out.push_back({"ec2-imdsv2", Severity::error, "Instances require IMDSv2",
                 "IMDSv1 answers plain GET requests, so a server-side request forgery in any app "
                 "on the instance can read the instance role's credentials.",
                 "add metadata_options { http_tokens = \"required\" }",
                 "set MetadataOptions: {HttpTokens: required} in LaunchTemplateData or the "
                 "LaunchConfiguration",
                 "CKV_AWS_79", "CT.EC2.PR.1", "AVD-AWS-0130, AVD-AWS-0028", imdsv2});
  out.push_back({"ec2-ebs-encrypted", Severity::error, "EBS volumes are encrypted",
                 "Unencrypted volumes and their snapshots can be read by anyone who gets a copy.",
                 "set encrypted = true on every ebs, root_block_device and ebs_block_device block "
                 "and aws_ebs_volume",
                 "set Encrypted: true on every Ebs mapping (launch templates, instances, launch "
                 "configurations) and AWS::EC2::Volume",
                 "CKV_AWS_8", "CT.EC2.PR.14", "cfn_nag F1; AVD-AWS-0131, AVD-AWS-0026",
                 ebs_encrypted,
                 "checkov reads `encrypted = False` (capitalised) as false; it is not an HCL "
                 "boolean and Terraform rejects the file, so lint leaves it as a value it cannot "
                 "know; a root_block_device written as an attribute (`= {...}`) is not valid "
                 "either, and lint reads the value it states. An aws_ebs_encryption_by_default in "
                 "the module turns lint's implicit "
                 "cases off (a missing root_block_device or encrypted), which checkov does not "
                 "look at."});
  out.push_back({"ec2-public-ip", Severity::warning, "Launched instances get no public IP",
                 "Instances with public addresses are reachable from the internet wherever their "
                 "security group allows.",
                 "set associate_public_ip_address = false (launch templates, instances, launch "
                 "configurations) and launch into private subnets with a NAT gateway",
                 "set AssociatePublicIpAddress: false and launch into private subnets with a NAT "
                 "gateway",
                 "CKV_AWS_88", "CT.EC2.PR.9, CT.AUTOSCALING.PR.5", "AVD-AWS-0009", public_ip});
  out.push_back({"ec2-user-data-secret", Severity::error, "User data holds no secrets",
                 "User data is readable by anyone who can describe the instance or launch "
                 "template, and from inside the instance without credentials.",
                 "fetch secrets at boot from Secrets Manager or SSM with the instance role",
                 "fetch secrets at boot from Secrets Manager or SSM with the instance role",
                 "CKV_AWS_46", "", "AVD-AWS-0129, AVD-AWS-0029", user_data_secrets});
  out.push_back({"asg-launch-template", Severity::warning,
                 "Auto Scaling groups use launch templates",
                 "Launch configurations are deprecated: no new instance types, no IMDSv2 "
                 "default, no mixed instances policy.",
                 "replace the aws_launch_configuration with an aws_launch_template",
                 "replace the LaunchConfiguration with an AWS::EC2::LaunchTemplate", "CKV_AWS_315",
                 "CT.AUTOSCALING.PR.8", "", asg_launch_template});
  out.push_back({"asg-multi-az", Severity::warning, "Auto Scaling groups span more than one zone",
                 "A group in one subnet or zone stops serving when that zone has an outage.",
                 "list subnets in at least two availability zones",
                 "list subnets in at least two availability zones", "", "CT.AUTOSCALING.PR.1", "",
                 asg_multi_az});
}

}  // namespace stackplan::lint
