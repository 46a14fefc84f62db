#pragma once

// What the use cases share: where they write, how they end, and the priced catalog.

#include <iosfwd>
#include <optional>
#include <set>
#include <string>

#include "base/file.hpp"
#include "pricing/catalog.hpp"

namespace stackplan {
class Diagnostics;
}

namespace stackplan::app {

/// Where a use case writes. Tests pass string streams; main passes std::cout and std::cerr.
struct Io {
  std::ostream& out;
  std::ostream& err;
  bool color_out = false;      ///< mark `out` with colours (a terminal, or --color always)
  bool color_err = false;      ///< the same for `err`
  std::size_t width_out = 0;   ///< columns of the terminal `out` is; 0: not a terminal
  std::size_t width_err = 0;   ///< the same for `err`
  std::istream* in = nullptr;  ///< standard input when it is a terminal (questions); else null
};

/// "stackplan: error: ", with "error" in colour when `io.err` takes colours.
std::string error_prefix(const Io& io);
/// "stackplan: warning: ", the same way.
std::string warning_prefix(const Io& io);

/// How a use case ended; the command line maps each to its exit code.
enum class Status {
  ok,
  found,        ///< it found what the user asked it to look for (over budget, findings)
  invalid,      ///< invalid input or usage
  environment,  ///< network, disk, permissions
};

/// Prints every diagnostic to stderr, sorted by place, gcc-style.
void print_diagnostics(Diagnostics& diags, Io io);

/// The catalog a cost command reads (--catalog, $STACKPLAN_CATALOG or the snapshot; only the
/// prices of `regions` when given) with the price book of --prices (or $STACKPLAN_PRICES)
/// applied; `described` names the book for the plan's footer (empty without one). Problems are
/// printed and the result is nullopt.
std::optional<pricing::Catalog> open_priced_catalog(
    const std::string& catalog_option, const std::string& prices_option,
    const std::set<std::string, std::less<>>* regions, std::string& described, Io io);

/// How a plan names its prices: "built-in snapshot (pricing/catalog.tsv)" or "catalog DIR",
/// with the price book when one applies.
std::string catalog_description(const std::string& catalog_option, const std::string& price_book);

/// Locks a directory a command writes (`exclusive`, creating it when missing) or reads whole
/// (shared; nullopt without a message when it does not exist yet, there being nothing to
/// read). While another stackplan holds it, says so on `io.err` and waits up to
/// `lock_timeout()`; when that fails, prints why and `failed` is set (exit 3).
std::optional<DirectoryLock> lock_directory_for(const std::string& dir, bool exclusive, Io io,
                                                bool& failed);

}  // namespace stackplan::app
