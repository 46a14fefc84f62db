#include "pricing/update.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "aws/regions.hpp"
#include "base/file.hpp"
#include "base/spelling.hpp"
#include "pricing/offer_import.hpp"
#include "pricing/services.hpp"

namespace stackplan::pricing {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// Percent-encodes all but RFC 3986's unreserved characters.
std::string url_encode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string replaced(std::string text, std::string_view name, std::string_view value) {
  std::string token = "{" + std::string(name) + "}";
  if (auto at = text.find(token); at != std::string::npos) {
    text.replace(at, token.size(), value);
  }
  return text;
}

/// The ETags of the files a catalog was built from (url -> etag), in DIR/etags.tsv. Its first
/// line names the content hash of the catalog.tsv they produced: an ETag says a file is
/// unchanged since it was imported into that catalog, and into no other.
constexpr std::string_view k_etags_header = "# etags of catalog.tsv ";

std::map<std::string, std::string> read_etags(const fs::path& file,
                                              const std::string& catalog_hash) {
  std::map<std::string, std::string> etags;
  std::ifstream in(file);
  std::string line;
  if (!std::getline(in, line) || line != std::string(k_etags_header) + catalog_hash) {
    return etags;
  }
  while (std::getline(in, line)) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) {
      etags[line.substr(0, tab)] = line.substr(tab + 1);
    }
  }
  return etags;
}

std::string write_etags(const fs::path& file, const std::map<std::string, std::string>& etags,
                        const std::string& catalog_hash) {
  fs::path temp = file;
  temp += ".tmp";
  std::string text = std::string(k_etags_header) + catalog_hash + "\n";
  for (const auto& [url, etag] : etags) {
    text += url + '\t' + etag + '\n';
  }
  if (std::string why = write_file_synced(temp, text); !why.empty()) {
    return why;
  }
  std::error_code ec;
  fs::rename(temp, file, ec);
  return ec ? "cannot replace " + file.string() + ": " + ec.message() : std::string();
}

constexpr std::string_view k_scratch_prefix = ".download.";

/// Removes the downloads that interrupted runs left behind: ".download.<pid>" of a process
/// that no longer exists (an offer file can be gigabytes).
void remove_stale_downloads(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(k_scratch_prefix, 0) != 0) {
      continue;
    }
    const std::string digits = name.substr(k_scratch_prefix.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
        digits.size() > 9) {
      continue;
    }
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) {
      std::error_code removed;
      fs::remove(it->path(), removed);
    }
  }
}

/// While a download is in progress, SIGINT, SIGTERM and SIGHUP remove it before the process
/// ends as the signal says (unlink is safe in a signal handler).
char g_scratch_path[4096];

extern "C" void remove_scratch_and_reraise(int sig) {
  ::unlink(g_scratch_path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

class ScratchGuard {
 public:
  explicit ScratchGuard(const fs::path& path) {
    const std::string text = path.string();
    if (text.size() < sizeof g_scratch_path) {
      std::memcpy(g_scratch_path, text.c_str(), text.size() + 1);
      for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        m_previous.emplace_back(sig, std::signal(sig, remove_scratch_and_reraise));
      }
    }
  }
  ~ScratchGuard() {
    for (const auto& [sig, handler] : m_previous) {
      std::signal(sig, handler);
    }
  }
  ScratchGuard(const ScratchGuard&) = delete;
  ScratchGuard& operator=(const ScratchGuard&) = delete;

 private:
  std::vector<std::pair<int, void (*)(int)>> m_previous;
};

class Updater {
 public:
  Updater(const UpdateOptions& options, Http& client) : m_options(options), m_client(client) {}

  UpdateReport run() {
    fs::path dir(m_options.catalog_dir);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
      stop("cannot create " + dir.string() + ": " + ec.message());
      return m_report;
    }
    std::string catalog_hash;
    if (fs::exists(dir / "catalog.tsv")) {
      auto existing = Catalog::load(dir.string(), nullptr, &catalog_hash);
      if (!existing) {
        stop(existing.error());
        m_report.invalid_catalog = true;
        return m_report;
      }
      m_catalog = std::move(*existing);
    } else {
      m_catalog = Catalog::snapshot();
    }
    m_etags = read_etags(dir / "etags.tsv", catalog_hash);
    if (m_etags.empty() && fs::exists(dir / "etags.tsv")) {
      say("etags.tsv was made for another catalog.tsv than this one: every file is fetched");
    }
    remove_stale_downloads(dir);
    m_scratch = dir / (std::string(k_scratch_prefix) + std::to_string(::getpid()));
    ScratchGuard guard(m_scratch);
    bool ok = m_options.source == "api"     ? query_api()
              : m_options.source == "pages" ? pages()
                                            : bulk();
    fs::remove(m_scratch, ec);
    if (!ok || !m_report.error.empty()) {
      return m_report;
    }
    if (!m_report.changed && !catalog_hash.empty()) {
      return m_report;  // every file as it was: catalog.tsv and etags.tsv stay as they are
    }
    m_report.changed = true;
    std::string written_hash;
    if (std::string why = m_catalog.write(dir.string(), &written_hash); !why.empty()) {
      stop(why);
      return m_report;
    }
    if (std::string why = write_etags(dir / "etags.tsv", m_etags, written_hash); !why.empty()) {
      say("warning: " + why + "; unchanged files will be fetched again");
    }
    return m_report;
  }

 private:
  /// Records why the update stopped (the first reason wins) and returns false.
  bool stop(std::string why) {
    if (m_report.error.empty()) {
      m_report.error = std::move(why);
    }
    return false;
  }

  /// A string member of an answer from `where`, or empty when it is absent; a member of another
  /// type is a format error naming it (AWS's answers are not trusted to have their shape).
  std::string text_of(const json& object, const char* key, const std::string& where) {
    if (!object.is_object()) {
      return {};
    }
    auto it = object.find(key);
    if (it == object.end()) {
      return {};
    }
    if (!it->is_string()) {
      stop(where + ": \"" + key + "\" is " + it->type_name() + ", not a string");
      return {};
    }
    return it->get<std::string>();
  }

  const std::vector<std::string>& regions() const {
    static const std::vector<std::string> snapshot = Catalog::snapshot().regions();
    return m_options.regions.empty() ? snapshot : m_options.regions;
  }
  const std::vector<std::string>& services() const {
    return m_options.services.empty() ? pricing::known_services() : m_options.services;
  }

  std::string endpoint() const {
    std::string e = m_options.endpoint;
    if (e.empty()) {
      e = m_options.source == "api"     ? "https://api.pricing.us-east-1.amazonaws.com"
          : m_options.source == "pages" ? "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps"
                                        : "https://pricing.us-east-1.amazonaws.com";
    }
    while (!e.empty() && e.back() == '/') {
      e.pop_back();
    }
    return e;
  }

  /// Turns a URL an index gives (`reference`, found in `where`) into one on the endpoint: a
  /// path ("/offers/...") joins the endpoint; a whole URL must be on the endpoint's scheme and
  /// host. Anything else ("@evil.example/x", "//host/x", a relative path) is refused, so an
  /// index cannot send stackplan to another host.
  bool resolve(std::string& reference, const std::string& where) {
    const std::string base = endpoint();
    const std::string origin = base.substr(0, base.find('/', base.find("://") + 3));
    auto plain = [](std::string_view text) {
      return std::none_of(text.begin(), text.end(), [](unsigned char c) {
        return c <= ' ' || c == 0x7f || c == '\\' || c == '#';
      });
    };
    if (reference.size() > 1 && reference[0] == '/' && reference[1] != '/' && plain(reference)) {
      reference = base + reference;
      return true;
    }
    if (reference.rfind(origin + "/", 0) == 0 && plain(reference)) {
      return true;
    }
    return stop(where + ": the index points to '" + reference + "', which is not a path on " +
                origin);
  }

  /// Stops on a request that failed, saying how many times it was tried.
  void fail(const std::string& url, const HttpResult& r) {
    stop(url + ": " + r.error + " (after " + std::to_string(r.attempts) +
         (r.attempts == 1 ? " attempt)" : " attempts)"));
  }

  /// A line of the report, passed on as it is made.
  void say(std::string line) {
    if (m_options.on_line) {
      m_options.on_line(line);
    }
    m_report.lines.push_back(std::move(line));
  }

  /// Says what the next request fetches.
  void fetching(const std::string& what) {
    if (m_options.on_fetch) {
      m_options.on_fetch(what);
    }
  }

  bool get_json(const std::string& url, json& out, const std::string& what) {
    fetching(what);
    HttpResult r = m_client.get(url);
    if (!r.error.empty()) {
      fail(url, r);
      return false;
    }
    out = json::parse(r.body, nullptr, false);
    if (out.is_discarded() || !out.is_object()) {
      stop(url + ": not a JSON object (" + std::to_string(r.body.size()) + " bytes)");
      return false;
    }
    return true;
  }

  /// The pricing pages of every asked service: the files that cover all regions once, the
  /// per-region files for each asked region. Only the asked regions' prices are kept.
  bool pages() {
    for (const auto& service : services()) {
      // Files of b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/: `{location}` is a region's
      // location name, percent-encoded; files without it cover every region.
      std::vector<std::string_view> files;
      for (const ServicePricing* kind : kind_services()) {
        if (kind->service == service) {
          files.insert(files.end(), kind->pages.begin(), kind->pages.end());
        }
      }
      for (std::string_view file : files) {
        std::vector<std::string> urls;
        if (file.find("{location}") == std::string_view::npos) {
          urls.push_back(std::string(file));
        } else {
          for (const auto& region : regions()) {
            auto location = aws::location_of_region(region);
            if (!location) {
              continue;  // a region without a location name has no pages
            }
            urls.push_back(replaced(std::string(file), "location", url_encode(*location)));
          }
        }
        for (const auto& url : urls) {
          if (!fetch_and_import(endpoint() + "/" + url, service + " " + url, true)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /// What a file of an index must be: the layout, the offer code (when the layout has one)
  /// and the one region all its prices are for.
  struct Expected {
    std::string_view layout;
    std::string offer_code;
    std::string region;
  };

  /// Whether an imported file is what was asked for; stops naming the difference when not.
  bool check_expected(const std::string& url, const ImportStats& stats, const Catalog& fetched,
                      const Expected& expected) {
    if (stats.layout != expected.layout) {
      return stop(url + ": a " + (stats.layout.empty() ? "different" : stats.layout) +
                  " file, not the " + std::string(expected.layout) + " file the index points to");
    }
    if (!expected.offer_code.empty() && stats.offer_code != expected.offer_code) {
      return stop(url + ": the offer file of " +
                  (stats.offer_code.empty() ? "no service" : stats.offer_code) + ", not of " +
                  expected.offer_code + " that was asked for");
    }
    for (const auto& p : fetched.prices()) {
      if (p.region != "global" && p.region != expected.region) {
        return stop(url + ": has prices of " + p.region + ", not only of " + expected.region +
                    " that was asked for");
      }
    }
    return true;
  }

  /// Downloads one offer file (unless unchanged) and imports it; with `asked_regions_only`, of
  /// a file that covers several regions only the asked ones' prices are kept. With `expected`,
  /// a file that is not what was asked for is refused.
  bool fetch_and_import(const std::string& url, const std::string& label,
                        bool asked_regions_only = false, const Expected* expected = nullptr) {
    auto known = m_etags.find(url);
    fetching(label);
    HttpResult r =
        m_client.download(url, m_scratch.string(), known == m_etags.end() ? "" : known->second);
    if (!r.error.empty()) {
      fail(url, r);
      return false;
    }
    if (r.not_modified()) {
      say(label + ": unchanged");
      return true;
    }
    ImportStats stats;
    ImportError error;
    Catalog fetched;
    if (!import_price_file(m_scratch.string(), fetched, stats, error, url)) {
      stop(url + ": byte " + std::to_string(error.byte) + ": " + error.message);
      return false;
    }
    if (expected != nullptr && !check_expected(url, stats, fetched, *expected)) {
      return false;
    }
    if (asked_regions_only) {
      const auto& asked = regions();
      Catalog kept;
      for (const auto& [id, source] : fetched.sources()) {
        kept.add_source(source);
      }
      for (const auto& p : fetched.prices()) {
        if (p.region == "global" ||
            std::find(asked.begin(), asked.end(), p.region) != asked.end()) {
          kept.add_price(p);
        }
      }
      stats.prices = kept.prices().size();
      fetched = std::move(kept);
    }
    if (std::string why = m_catalog.merge(std::move(fetched)); !why.empty()) {
      stop(url + ": " + why);
      return false;
    }
    if (!r.etag.empty()) {
      m_etags[url] = r.etag;
    }
    m_report.changed = true;
    say(label + ": " + std::to_string(stats.prices) + " prices (" + stats.source_id + ", " +
        std::to_string(stats.bytes) + " bytes)");
    return true;
  }

  bool bulk() {
    json index;
    if (!get_json(endpoint() + "/offers/v1.0/aws/index.json", index, "the offer index")) {
      return false;
    }
    const json& offers = index.value("offers", json::object());
    bool savings_plans_done = false;
    for (const auto& service : services()) {
      auto offer = offers.find(service);
      if (offer == offers.end()) {
        return stop("the service index has no offer " + service);
      }
      json region_index;
      const std::string index_url = endpoint() + "/offers/v1.0/aws/index.json";
      std::string region_url = text_of(*offer, "currentRegionIndexUrl", index_url);
      if (region_url.empty()) {
        return stop(service + " has no region index");
      }
      if (!resolve(region_url, index_url) ||
          !get_json(region_url, region_index, service + " region index")) {
        return stop(service + " has no region index");
      }
      // Offer region indexes are maps: {"regions": {"us-east-1": {...}}}.
      const json& map = region_index.value("regions", json::object());
      std::vector<std::string> wanted = regions();
      wanted.push_back("global");
      for (const auto& region : wanted) {
        auto entry = map.find(region);
        if (entry == map.end() || !entry->is_object()) {
          if (region == "global") {
            continue;  // most services have no global prices
          }
          return stop(service + "'s region index has no region " + region + " (" + region_url +
                      ")");
        }
        std::string url = text_of(*entry, "currentVersionUrl", region_url + " (" + region + ")");
        const Expected expected{"offer", service, region};
        if (url.empty() || !resolve(url, region_url) ||
            !fetch_and_import(url, service + " " + region, false, &expected)) {
          return stop(service + " " + region + ": no file");
        }
      }
      std::string plans = offer->value("currentSavingsPlanIndexUrl", "");
      if (!plans.empty() && !savings_plans_done &&
          (service == "AmazonEC2" || service == "AmazonECS")) {
        savings_plans_done = true;
        if (!savings_plans(plans)) {
          return false;
        }
      }
    }
    return true;
  }

  bool savings_plans(std::string index_url) {
    json index;
    if (!resolve(index_url, endpoint() + "/offers/v1.0/aws/index.json") ||
        !get_json(index_url, index, "the Savings Plans index")) {
      return false;
    }
    // Savings Plans region indexes are lists: {"regions": [{"regionCode", "versionUrl"}]}.
    auto listed = index.find("regions");
    if (listed == index.end() || !listed->is_array()) {
      return stop(index_url + ": a Savings Plans index without a \"regions\" list");
    }
    const json& list = *listed;
    for (const auto& region : regions()) {
      const bool found = std::any_of(list.begin(), list.end(), [&](const json& entry) {
        return entry.is_object() && entry.value("regionCode", json()) == region;
      });
      if (!found) {
        return stop("the Savings Plans index has no region " + region + " (" + index_url + ")");
      }
      for (const auto& entry : list) {
        if (text_of(entry, "regionCode", index_url) == region) {
          std::string url = text_of(entry, "versionUrl", index_url);
          const Expected expected{"savings-plan", "", region};
          if (url.empty() || !resolve(url, index_url) ||
              !fetch_and_import(url, "Savings Plans " + region, false, &expected)) {
            return stop("Savings Plans " + region + ": no file");
          }
        }
      }
    }
    return true;
  }

  static json filters_for(const std::string& service, const std::string& region) {
    json filters =
        json::array({{{"Type", "TERM_MATCH"}, {"Field", "regionCode"}, {"Value", region}}});
    if (service == "AmazonEC2") {
      for (auto [field, value] : {std::pair{"operatingSystem", "Linux"},
                                  {"tenancy", "Shared"},
                                  {"preInstalledSw", "NA"},
                                  {"capacitystatus", "Used"}}) {
        filters.push_back({{"Type", "TERM_MATCH"}, {"Field", field}, {"Value", value}});
      }
    }
    return filters;
  }

  bool query_api() {
    AwsCredentials credentials = find_credentials();
    if (credentials.access_key_id.empty()) {
      return stop(
          "the Query API needs AWS credentials: set AWS_ACCESS_KEY_ID and "
          "AWS_SECRET_ACCESS_KEY, or a profile in ~/.aws/credentials");
    }
    auto throttled = [](long status, const std::string& body) {
      return status == 400 && body.find("ThrottlingException") != std::string::npos;
    };
    for (const auto& service : services()) {
      for (const auto& region : regions()) {
        json items = json::array();
        std::string token;
        int restarts = 0;
        int pages = 0;
        while (true) {
          json request = {{"ServiceCode", service},
                          {"Filters", filters_for(service, region)},
                          {"FormatVersion", "aws_v1"},
                          {"MaxResults", 100}};
          if (!token.empty()) {
            request["NextToken"] = token;
          }
          fetching("GetProducts " + service + " " + region + " page " + std::to_string(pages + 1));
          HttpResult r = m_client.aws_json_post(endpoint() + "/", "AWSPriceListService.GetProducts",
                                                request.dump(), credentials, "us-east-1", "pricing",
                                                throttled);
          json body = json::parse(r.body, nullptr, false);
          const std::string where = "GetProducts " + service + " " + region;
          std::string type = text_of(body, "__type", where);
          if (type.find("ExpiredNextTokenException") != std::string::npos && restarts < 2) {
            ++restarts;
            token.clear();
            items = json::array();
            continue;  // the token expired: start the listing again without it
          }
          if (!r.error.empty()) {
            std::string message = text_of(body, "message", where);
            if (message.empty()) {
              message = text_of(body, "Message", where);
            }
            return stop("GetProducts " + service + " " + region + ": " + r.error +
                        (type.empty() ? "" : " " + type.substr(type.rfind('#') + 1)) +
                        (message.empty() ? "" : ": " + message));
          }
          if (!body.is_object() || !body.contains("PriceList") || !body["PriceList"].is_array()) {
            return stop("GetProducts " + service + " " + region + ": unexpected response");
          }
          for (auto& item : body["PriceList"]) {
            items.push_back(std::move(item));
          }
          ++pages;
          token = text_of(body, "NextToken", where);
          if (!m_report.error.empty()) {
            return false;
          }
          if (token.empty()) {
            break;
          }
        }
        if (items.empty()) {
          say(service + " " + region + ": no products");
          continue;
        }
        std::istringstream in(json{{"PriceList", items}}.dump());
        ImportStats stats;
        ImportError error;
        if (!import_price_stream(in, "GetProducts " + service + " " + region, m_catalog, stats,
                                 error)) {
          return stop(error.file + ": " + error.message);
        }
        m_report.changed = true;
        say(service + " " + region + ": " + std::to_string(stats.prices) + " prices from " +
            std::to_string(pages) + " pages (" + stats.source_id + ")");
      }
    }
    return true;
  }

  const UpdateOptions& m_options;
  Http& m_client;
  Catalog m_catalog;
  std::map<std::string, std::string> m_etags;
  fs::path m_scratch;
  UpdateReport m_report;
};

std::string trim(std::string s) {
  auto begin = s.find_first_not_of(" \t\r");
  auto end = s.find_last_not_of(" \t\r");
  return begin == std::string::npos ? "" : s.substr(begin, end - begin + 1);
}

}  // namespace

AwsCredentials find_credentials() {
  AwsCredentials c;
  auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v != nullptr ? v : "");
  };
  c.access_key_id = env("AWS_ACCESS_KEY_ID");
  c.secret_access_key = env("AWS_SECRET_ACCESS_KEY");
  c.session_token = env("AWS_SESSION_TOKEN");
  if (!c.access_key_id.empty() && !c.secret_access_key.empty()) {
    return c;
  }
  c = AwsCredentials{};
  std::string file = env("AWS_SHARED_CREDENTIALS_FILE");
  if (file.empty() && !env("HOME").empty()) {
    file = env("HOME") + "/.aws/credentials";
  }
  std::string profile = env("AWS_PROFILE").empty() ? "default" : env("AWS_PROFILE");
  std::ifstream in(file);
  std::string line;
  bool in_profile = false;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') {
      continue;
    }
    if (line.front() == '[' && line.back() == ']') {
      in_profile = trim(line.substr(1, line.size() - 2)) == profile;
      continue;
    }
    auto eq = line.find('=');
    if (!in_profile || eq == std::string::npos) {
      continue;
    }
    std::string key = trim(line.substr(0, eq));
    std::string value = trim(line.substr(eq + 1));
    if (key == "aws_access_key_id") {
      c.access_key_id = value;
    } else if (key == "aws_secret_access_key") {
      c.secret_access_key = value;
    } else if (key == "aws_session_token") {
      c.session_token = value;
    }
  }
  if (c.secret_access_key.empty()) {
    c.access_key_id.clear();
  }
  return c;
}

std::string options_problem(const UpdateOptions& options) {
  for (const auto& region : options.regions) {
    if (!aws::is_region(region)) {
      return "--region " + region + " is not an AWS region code; " +
             suggestion_hint(region, aws::regions(), "known");
    }
  }
  for (const auto& service : options.services) {
    const auto& known = known_services();
    if (std::find(known.begin(), known.end(), service) == known.end()) {
      return "--service " + service + " is not a service stackplan prices; " +
             suggestion_hint(service, known, "known");
    }
  }
  return {};
}

UpdateReport update_catalog(const UpdateOptions& options, Http& client) {
  Updater updater(options, client);
  return updater.run();
}

}  // namespace stackplan::pricing
