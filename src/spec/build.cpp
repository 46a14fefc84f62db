// Typed model of one merged variant: the top-level keys here, each section in its own file
// (spec/sections.cpp lists them).

#include "spec/load.hpp"
#include "spec/reader.hpp"
#include "spec/section.hpp"

namespace stackplan::spec {

using nlohmann::json;

const char* to_string(PurchaseModel model) {
  switch (model) {
    case PurchaseModel::on_demand:
      return "on-demand";
    case PurchaseModel::spot:
      return "spot";
    case PurchaseModel::savings_plan:
      return "savings-plan";
    case PurchaseModel::reserved:
      return "reserved";
  }
  return "on-demand";
}

bool is_sqlite(Engine e) {
  return e == Engine::sqlite || e == Engine::sqlite_efs || e == Engine::sqlite_s3_sync ||
         e == Engine::sqlite_litestream;
}
bool is_rds(Engine e) {
  return e == Engine::rds_postgres || e == Engine::rds_mysql;
}
bool is_aurora(Engine e) {
  return e == Engine::aurora_postgres || e == Engine::aurora_mysql;
}

Spec build_spec(const json& value, const text::SourceMap& origins, Diagnostics& diags,
                const std::set<std::string>& bad_paths) {
  const Reader r(value, origins, diags, bad_paths);
  Spec s;
  s.version = as_int(r.integer("/version"), 1);
  assign(s.name, r.str("/name"));
  assign(s.region, r.str("/region"));
  assign(s.environment, r.str("/environment"));
  if (const json* tags = r.get("/tags")) {
    for (const auto& [k, v] : tags->items()) {
      s.tags[k] = r.str("/tags/" + text::pointer_token(k)).value_or("");
    }
  }
  // Each section in the order of spec v1's keys: a section may read what those before it built.
  static const std::vector<Type> types = [] {
    std::vector<Type> out;
    for (const Section* section : sections()) {
      out.push_back(section->type());
    }
    return out;
  }();
  for (std::size_t i = 0; i < sections().size(); ++i) {
    check_applies(r, types[i], "/" + std::string(sections()[i]->key));
    sections()[i]->read(r, s);
  }
  assign(s.free_tier, r.boolean("/free_tier"));
  return s;
}

}  // namespace stackplan::spec
