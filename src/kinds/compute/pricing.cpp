// Which of AWS's EC2 products stackplan prices for the cluster's instances: Linux instance
// hours (on demand, reserved, Savings Plans) and EBS volumes.

#include "kinds/compute/pricing.hpp"

#include <cctype>

#include "pricing/services.hpp"

namespace stackplan::pricing {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool is_volume_type(std::string_view volume) {
  return volume == "gp2" || volume == "gp3" || volume == "io1" || volume == "io2" ||
         volume == "st1" || volume == "sc1";
}

std::optional<std::string> key_of(const Product& p, std::string_view usage) {
  if (p.family == "Compute Instance") {
    bool linux_shared =
        p.attribute("operatingSystem") == "Linux" && p.attribute("tenancy") == "Shared" &&
        p.attribute("preInstalledSw") == "NA" && p.attribute("capacitystatus") == "Used" &&
        lower(p.attribute("licenseModel")) == "no license required" &&
        (p.attribute("marketoption").empty() || p.attribute("marketoption") == "OnDemand");
    if (linux_shared && !p.attribute("instanceType").empty()) {
      return ec2_instance_key(p.attribute("instanceType"));
    }
    return std::nullopt;
  }
  if (p.family == "Storage") {
    std::string_view volume = p.attribute("volumeApiName");
    return is_volume_type(volume) ? std::optional<std::string>(ebs_key(volume)) : std::nullopt;
  }
  if (p.family == "System Operation" && usage == "EBS:VolumeP-IOPS.gp3") {
    return ebs_iops_key("gp3");
  }
  if (p.family == "System Operation" && usage == "EBS:VolumeP-IOPS.piops") {
    return ebs_iops_key("io1");
  }
  if (p.family == "Provisioned Throughput" && usage == "EBS:VolumeP-Throughput.gp3") {
    return std::string(k_ebs_gp3_throughput_key);
  }
  return std::nullopt;
}

/// A compute or EC2 Instance Savings Plan rate for Linux instance hours.
std::optional<std::string> savings_plan_key(std::string_view usage, std::string_view operation) {
  constexpr std::string_view k_box = "BoxUsage:";
  if (usage.substr(0, k_box.size()) == k_box && operation == "RunInstances") {
    return ec2_instance_key(usage.substr(k_box.size()));
  }
  return std::nullopt;
}

bool linux_shared(const PageEntry& e) {
  std::string_view os = e.attribute("Operating System");
  std::string_view sw = e.attribute("Pre Installed S/W");
  std::string_view tenancy = e.attribute("Tenancy");
  return os == "Linux" && (sw.empty() || sw == "NA") && (tenancy.empty() || tenancy == "Shared");
}

/// The instance pages: on-demand rates ("OnDemand Linux-instancetype-t4g.small", or an entry
/// with an "Instance Type") and the reserved rates of the standard and convertible pages.
std::optional<PageMapping> page_entry(const PageEntry& e) {
  if (e.page == "ec2-ondemand-without-sec-sel" || e.page == "ec2") {
    constexpr std::string_view prefix = "OnDemand Linux-instancetype-";
    if (e.label.substr(0, prefix.size()) == prefix) {
      return page_mapping(ec2_instance_key(std::string_view(e.label).substr(prefix.size())), "Hrs");
    }
    std::string_view type = e.attribute("Instance Type");
    if (!type.empty() && linux_shared(e)) {
      return page_mapping(ec2_instance_key(type), "Hrs");
    }
    return std::nullopt;
  }
  if (e.page == "ec2-reservedinstance" || e.page == "ec2-reservedinstance-convertible") {
    std::string_view type = e.attribute("Instance Type");
    auto term = reserved_term(e.attribute("LeaseContractLength"),
                              e.page == "ec2-reservedinstance" ? "standard" : "convertible",
                              e.attribute("PurchaseOption"));
    if (type.empty() || !term || !linux_shared(e)) {
      return std::nullopt;
    }
    PageMapping m = page_mapping(ec2_instance_key(type), "Hrs");
    m.term = *term;
    return m;
  }
  return std::nullopt;
}

}  // namespace

// Listed in pricing/services.cpp.
extern const ServicePricing k_compute_pricing{
    "AmazonEC2",
    {"ec2/instance/", "ec2/ebs/"},
    key_of,
    {
        {"ec2/instance/*", "spot",
         "us-west-1 eu-west-2 eu-west-3 eu-central-1 eu-north-1 ap-* ca-* sa-*",
         "no dated Spot observation for this region; give compute.purchase.spot.hourly_prices"},
        {"ec2/instance/*", "reserved/*",
         "us-west-1 eu-west-2 eu-west-3 eu-north-1 ap-southeast-2 "
         "ap-northeast-1 ap-south-1 ca-central-1 sa-east-1",
         "Reserved Instance pages were found for 7 regions only"},
    },
    {
        "ec2/USD/current/ec2-ondemand-without-sec-sel/{location}/Linux/index.json",
        "ec2/USD/current/ec2-reservedinstance/1%20year/No%20Upfront/{location}/Linux/Shared/"
        "index.json",
        "ec2/USD/current/ec2-reservedinstance/3%20year/No%20Upfront/{location}/Linux/Shared/"
        "index.json",
        "ec2/USD/current/ec2-reservedinstance-convertible/1%20year/No%20Upfront/{location}/Linux/"
        "Shared/index.json",
        "ec2/USD/current/ec2-reservedinstance-convertible/3%20year/No%20Upfront/{location}/Linux/"
        "Shared/index.json",
        "ec2/USD/current/ebs.json",
    },
    {
        // clang-format off
        {"ebs", "Storage General Purpose gp2 GB Mo", {ebs_key("gp2")}, "GB-Mo"},
        {"ebs", "Storage General Purpose gp3 GB Mo", {ebs_key("gp3")}, "GB-Mo"},
        {"ebs", "Storage Provisioned IOPS io1 GB Mo", {ebs_key("io1")}, "GB-Mo"},
        {"ebs", "Storage Provisioned IOPS io2 GB month", {ebs_key("io2")}, "GB-Mo"},
        {"ebs", "Storage Throughput Optimized HDD st1 GB Mo", {ebs_key("st1")}, "GB-Mo"},
        {"ebs", "Storage Cold HDD sc1 GB Mo", {ebs_key("sc1")}, "GB-Mo"},
        {"ebs", "Provisioned EBS IOPS gp3 Volumes per IOPS Mo", {ebs_iops_key("gp3")}, "IOPS-Mo"},
        {"ebs", "Provisioned EBS IOPS io1 Volumes per IOPS Mo", {ebs_iops_key("io1")}, "IOPS-Mo"},
        // Listed per GiBps-month; the cost model prices MiBps-months.
        {"ebs", "Provisioned Throughput gp3 per GiBps mo", {std::string(k_ebs_gp3_throughput_key)}, "MiBps-Mo", {}, {}, 1024},
        // clang-format on
    },
    false,
    page_entry,
    savings_plan_key,
};

}  // namespace stackplan::pricing
