#include "support/test_catalog.hpp"

#include <sstream>
#include <stdexcept>

namespace stackplan::testing {

pricing::Catalog test_catalog(const std::string& prices, const std::string& date,
                              const std::string& after) {
  const std::string text =
      "# stackplan price catalog v1\n[sources]\n# id\tkind\tdate\treference\nt\tcitation\t" + date +
      "\ttest\n[prices]\n# region\tkey\tterm\tbegin\tend\tunit\tusd\tupfront\tsource\n" + prices +
      after;
  auto parsed = pricing::Catalog::parse(text, "test");
  if (!parsed) {
    throw std::runtime_error("test catalog: " + parsed.error());
  }
  return *parsed;
}

ImportOutcome import_text(const std::string& text) {
  ImportOutcome o;
  std::istringstream in(text);
  o.ok = pricing::import_price_stream(in, "input.json", o.catalog, o.stats, o.error);
  return o;
}

}  // namespace stackplan::testing
