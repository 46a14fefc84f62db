#include "spec/spec_schema.hpp"

#include <algorithm>

#include "aws/facts.hpp"
#include "aws/regions.hpp"
#include "spec/section.hpp"
#include "spec/spec.hpp"

namespace stackplan::spec {

namespace {

Type build() {
  static const Spec k_spec;
  Type spec = object(
      "spec",
      {
          Field{"version", int_one_of({1}), "Spec format version"}.require().ex("1"),
          Field{"name",
                text("^[a-z]([a-z0-9-]*[a-z0-9])?$",
                     "starts with a letter, has only a-z, 0-9 and '-', and does not end with '-'",
                     24),
                "Stack name; the prefix of every resource name"}
              .require()
              .ex("myapp"),
          Field{"region", one_of(aws::regions()), "AWS region"}.require().ex("us-east-1"),
          Field{"environment", text("^[a-z][a-z0-9-]*$", "has only a-z, 0-9 and '-'", 16),
                "Environment name"}
              .def_value(k_spec.environment),
          Field{"tags",
                map_of(text("^[A-Za-z0-9 _.:/=+@-]*$",
                            "has only letters, digits, spaces and _.:/=+@- (AWS's tag characters)",
                            256),
                       "^(?!aws:)[A-Za-z0-9 _.:/=+@-]+$",
                       "are 1 to 128 characters of letters, digits, spaces and _.:/=+@- and do not "
                       "start with aws:",
                       128),
                "Tags applied to every resource"}
              .ex("{Project: myapp}"),
          Field{"free_tier", flag(), "Apply the AWS 12-month free tier where it is eligible"}
              .def_value(k_spec.free_tier),
          Field{"scenarios",
                map_of(any_object(), "^[a-z][a-z0-9_-]*$",
                       "start with a letter and have only a-z, 0-9, '_' and '-' (32 at most)", 32),
                "Named variants; each is a JSON Merge Patch (RFC 7386) over the rest of the spec"}
              .ex("{current: {...}, target: {}}"),
      });
  // The sections, in the order of spec v1's keys, come before free_tier.
  auto at = std::find_if(spec.fields.begin(), spec.fields.end(),
                         [](const Field& f) { return f.name == "free_tier"; });
  for (const Section* section : sections()) {
    at = std::next(spec.fields.insert(
        at, Field{std::string(section->key), section->type(), std::string(section->doc)}));
  }
  return spec;
}

}  // namespace

Type bucket_name() {
  Type t = text("^[a-z0-9][a-z0-9.-]*[a-z0-9]$",
                "is 3 to 63 characters of lowercase letters, digits, '.' and '-', beginning and "
                "ending with a letter or digit",
                63);
  t.min_length = 3;
  return t;
}

const Type& spec_v1() {
  static const Type schema = build();
  return schema;
}

}  // namespace stackplan::spec
