// Writes a synthetic AWS offer file in the real bulk schema at realistic scale: EC2-like
// products (about 30 attributes each), an OnDemand term and six Reserved terms per product.
// One product in eight is Linux/shared/no pre-installed software, as in the real EC2 file.
// Prices are synthetic; this file only measures the importer.
//
// usage: gen_offer OUTPUT [PRODUCTS]   (default 140000 products, about 1.1 GB)

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

const char* k_os[] = {
    "Linux",  "Windows", "RHEL", "SUSE", "Ubuntu Pro", "Linux", "Red Hat Enterprise Linux with HA",
    "Windows"};
const char* k_sizes[] = {"nano",  "micro",  "small",   "medium",
                         "large", "xlarge", "2xlarge", "4xlarge"};
const char* k_families[] = {"t4g", "t3", "m5", "m6g", "m7i", "c6i", "r6g", "c7g", "m7g", "r7i"};

std::string sku(std::uint64_t i) {
  static const char* alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string s(16, 'A');
  std::uint64_t x = i * 2654435761u + 12345;
  for (int k = 15; k >= 0; --k) {
    s[static_cast<std::size_t>(k)] = alphabet[x % 32];
    x /= 32;
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_offer OUTPUT [PRODUCTS]\n");
    return 2;
  }
  std::uint64_t n = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 140000;
  std::FILE* out = std::fopen(argv[1], "wb");
  if (out == nullptr) {
    std::perror(argv[1]);
    return 3;
  }
  std::setvbuf(out, nullptr, _IOFBF, 1 << 20);
  std::fprintf(out,
               "{\n  \"formatVersion\" : \"v1.0\",\n  \"disclaimer\" : \"Synthetic benchmark "
               "data in the AWS offer file schema.\",\n  \"offerCode\" : \"AmazonEC2\",\n  "
               "\"version\" : \"20260101000000\",\n  \"publicationDate\" : "
               "\"2026-01-01T00:00:00Z\",\n  \"products\" : {\n");
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string s = sku(i);
    const char* os = k_os[i % 8];
    std::string type = std::string(k_families[(i / 8) % 10]) + "." + k_sizes[(i / 80) % 8];
    const char* tenancy = (i / 640) % 3 == 0 ? "Dedicated" : "Shared";
    std::fprintf(
        out,
        "    \"%s\" : {\n      \"sku\" : \"%s\",\n      \"productFamily\" : \"Compute "
        "Instance\",\n      \"attributes\" : {\n        \"servicecode\" : \"AmazonEC2\",\n"
        "        \"location\" : \"US East (N. Virginia)\",\n        \"locationType\" : \"AWS "
        "Region\",\n        \"instanceType\" : \"%s\",\n        \"currentGeneration\" : \"Yes\",\n"
        "        \"instanceFamily\" : \"General purpose\",\n        \"vcpu\" : \"%d\",\n"
        "        \"physicalProcessor\" : \"AWS Graviton2 Processor\",\n        \"clockSpeed\" : "
        "\"2.5 GHz\",\n        \"memory\" : \"%d GiB\",\n        \"storage\" : \"EBS only\",\n"
        "        \"networkPerformance\" : \"Up to 5 Gigabit\",\n        \"processorArchitecture\" "
        ": \"64-bit\",\n        \"tenancy\" : \"%s\",\n        \"operatingSystem\" : \"%s\",\n"
        "        \"licenseModel\" : \"No License required\",\n        \"usagetype\" : "
        "\"BoxUsage:%s\",\n        \"operation\" : \"RunInstances\",\n        \"availabilityzone\" "
        ": \"NA\",\n        \"capacitystatus\" : \"Used\",\n        \"classicnetworkingsupport\" : "
        "\"false\",\n        \"dedicatedEbsThroughput\" : \"Up to 2085 Mbps\",\n        "
        "\"ecu\" : \"NA\",\n        \"enhancedNetworkingSupported\" : \"Yes\",\n        "
        "\"gpuMemory\" : \"NA\",\n        \"intelAvxAvailable\" : \"No\",\n        "
        "\"marketoption\" : \"OnDemand\",\n        \"normalizationSizeFactor\" : \"1\",\n        "
        "\"preInstalledSw\" : \"NA\",\n        \"processorFeatures\" : \"AWS Graviton2 "
        "Processor\",\n"
        "        \"regionCode\" : \"us-east-1\",\n        \"servicename\" : \"Amazon Elastic "
        "Compute Cloud\",\n        \"vpcnetworkingsupport\" : \"true\"\n      }\n    }%s\n",
        s.c_str(), s.c_str(), type.c_str(), 2 << ((i / 80) % 4), 4 << ((i / 80) % 4), tenancy, os,
        type.c_str(), i + 1 < n ? "," : "");
  }
  std::fprintf(out, "  },\n  \"terms\" : {\n    \"OnDemand\" : {\n");
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string s = sku(i);
    double price = 0.0042 * static_cast<double>(1 + i % 97);
    std::fprintf(
        out,
        "      \"%s\" : {\n        \"%s.JRTCKXETXF\" : {\n          \"offerTermCode\" : "
        "\"JRTCKXETXF\",\n          \"sku\" : \"%s\",\n          \"effectiveDate\" : "
        "\"2026-01-01T00:00:00Z\",\n          \"priceDimensions\" : {\n            "
        "\"%s.JRTCKXETXF.6YS6EN2CT7\" : {\n              \"rateCode\" : "
        "\"%s.JRTCKXETXF.6YS6EN2CT7\",\n              \"description\" : \"$%.4f per On Demand "
        "instance hour\",\n              \"beginRange\" : \"0\",\n              \"endRange\" : "
        "\"Inf\",\n              \"unit\" : \"Hrs\",\n              \"pricePerUnit\" : {\n"
        "                \"USD\" : \"%.10f\"\n              },\n              \"appliesTo\" : "
        "[ ]\n            }\n          },\n          \"termAttributes\" : { }\n        }\n      "
        "}%s\n",
        s.c_str(), s.c_str(), s.c_str(), s.c_str(), s.c_str(), price, price, i + 1 < n ? "," : "");
  }
  std::fprintf(out, "    },\n    \"Reserved\" : {\n");
  const char* codes[] = {"4NA7Y494T4", "HU7G6KETJZ", "6QCMYABX3D",
                         "BPH4J8HBKS", "38NPMPTW36", "NQ3QZPMQV9"};
  const char* lengths[] = {"1yr", "1yr", "1yr", "3yr", "3yr", "3yr"};
  const char* options[] = {"No Upfront", "Partial Upfront", "All Upfront",
                           "No Upfront", "Partial Upfront", "All Upfront"};
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string s = sku(i);
    std::fprintf(out, "      \"%s\" : {\n", s.c_str());
    for (int t = 0; t < 6; ++t) {
      double hourly = 0.003 * static_cast<double>(1 + (i + static_cast<std::uint64_t>(t)) % 53);
      std::fprintf(
          out,
          "        \"%s.%s\" : {\n          \"offerTermCode\" : \"%s\",\n          \"sku\" : "
          "\"%s\",\n          \"effectiveDate\" : \"2026-01-01T00:00:00Z\",\n          "
          "\"priceDimensions\" : {\n            \"%s.%s.6YS6EN2CT7\" : {\n              "
          "\"rateCode\" : \"%s.%s.6YS6EN2CT7\",\n              \"description\" : \"Linux/UNIX "
          "reserved instance hour\",\n              \"beginRange\" : \"0\",\n              "
          "\"endRange\" : \"Inf\",\n              \"unit\" : \"Hrs\",\n              "
          "\"pricePerUnit\" : {\n                \"USD\" : \"%.10f\"\n              },\n"
          "              \"appliesTo\" : [ ]\n            },\n            \"%s.%s.2TG2D8R56U\" : "
          "{\n              \"rateCode\" : \"%s.%s.2TG2D8R56U\",\n              \"description\" "
          ": \"Upfront Fee\",\n              \"unit\" : \"Quantity\",\n              "
          "\"pricePerUnit\" : {\n                \"USD\" : \"%d\"\n              },\n"
          "              \"appliesTo\" : [ ]\n            }\n          },\n          "
          "\"termAttributes\" : {\n            \"LeaseContractLength\" : \"%s\",\n            "
          "\"OfferingClass\" : \"standard\",\n            \"PurchaseOption\" : \"%s\"\n          "
          "}\n        }%s\n",
          s.c_str(), codes[t], codes[t], s.c_str(), s.c_str(), codes[t], s.c_str(), codes[t],
          hourly, s.c_str(), codes[t], s.c_str(), codes[t], t % 3 == 0 ? 0 : 100 * (t + 1),
          lengths[t], options[t], t < 5 ? "," : "");
    }
    std::fprintf(out, "      }%s\n", i + 1 < n ? "," : "");
  }
  std::fprintf(out, "    }\n  }\n}\n");
  if (std::fclose(out) != 0) {
    std::perror(argv[1]);
    return 3;
  }
  return 0;
}
