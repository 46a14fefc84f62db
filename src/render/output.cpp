#include "render/output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "base/file.hpp"

namespace stackplan::render {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* k_manifest = ".stackplan-manifest.json";
constexpr const char* k_journal = ".stackplan-journal.json";
constexpr std::string_view k_temp_suffix = ".stackplan-tmp";

/// The first line where two texts differ, 1-based.
int first_difference(const std::string& a, const std::string& b) {
  int line = 1;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] != b[i]) {
      return line;
    }
    if (a[i] == '\n') {
      ++line;
    }
  }
  return line;
}

void sync_directory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

/// Something other than a regular file at `path` (a directory, a device), by name.
std::string in_the_way(const fs::path& path) {
  std::error_code ec;
  auto status = fs::symlink_status(path, ec);
  if (ec || !fs::exists(status) || fs::is_regular_file(status)) {
    return {};
  }
  return fs::is_directory(status) ? "a directory" : "something other than a file";
}

/// The journal of a render being committed: the staged files to move into place (manifest
/// last) and the files to remove, relative to the output folder. Written (and synced) after
/// every staged file is complete, before the first move; removed after the last.
struct Journal {
  std::vector<std::pair<std::string, std::string>> moves;  ///< staged -> destination
  std::vector<std::string> removals;
};

std::string journal_text(const Journal& j) {
  json moves = json::array();
  for (const auto& [from, to] : j.moves) {
    moves.push_back(json::array({from, to}));
  }
  return json{{"generator", "stackplan"}, {"move", moves}, {"remove", j.removals}}.dump(2) + "\n";
}

std::optional<Journal> parse_journal(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("move") || !j["move"].is_array() || !j.contains("remove") ||
      !j["remove"].is_array()) {
    return std::nullopt;
  }
  Journal out;
  for (const auto& m : j["move"]) {
    if (!m.is_array() || m.size() != 2 || !m[0].is_string() || !m[1].is_string()) {
      return std::nullopt;
    }
    std::string from = m[0].get<std::string>();
    std::string to = m[1].get<std::string>();
    if (!safe_relative_path(from) || !safe_relative_path(to) ||
        from != to + std::string(k_temp_suffix)) {
      return std::nullopt;
    }
    out.moves.emplace_back(std::move(from), std::move(to));
  }
  for (const auto& r : j["remove"]) {
    if (!r.is_string() || !safe_relative_path(r.get<std::string>())) {
      return std::nullopt;
    }
    out.removals.push_back(r.get<std::string>());
  }
  return out;
}

/// Moves staged files into place and removes files, as the journal says; a staged file already
/// moved (by an earlier attempt) is skipped. Returns an error text, empty on success.
std::string apply_journal(const fs::path& root, const Journal& j,
                          const std::function<void(const std::string&)>& on_step = {}) {
  std::error_code ec;
  for (const auto& [from, to] : j.moves) {
    if (!fs::exists(fs::symlink_status(root / from, ec))) {
      continue;
    }
    if (::rename((root / from).c_str(), (root / to).c_str()) != 0) {
      return "cannot move " + (root / from).generic_string() +
             " into place: " + std::strerror(errno);
    }
    if (on_step) {
      on_step("moved " + to);
    }
  }
  for (const auto& path : j.removals) {
    if (::unlink((root / path).c_str()) != 0 && errno != ENOENT) {
      return "cannot remove " + (root / path).generic_string() + ": " + std::strerror(errno);
    }
  }
  sync_directory(root);
  if (::unlink((root / k_journal).c_str()) != 0 && errno != ENOENT) {
    return "cannot remove " + (root / k_journal).generic_string() + ": " + std::strerror(errno);
  }
  return {};
}

/// Files under the owned folders of `root`, relative to it (symbolic links not followed).
std::vector<std::string> files_under(const fs::path& root, const std::vector<std::string>& owned) {
  std::vector<std::string> out;
  for (const auto& folder : owned) {
    std::error_code ec;
    fs::path dir = root / folder;
    if (!fs::is_directory(fs::symlink_status(dir, ec))) {
      continue;
    }
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_directory(ec)) {
        out.push_back(it->path().lexically_relative(root).generic_string());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool staged_name(const std::string& path) {
  return std::string_view(path).ends_with(k_temp_suffix);
}

}  // namespace

std::vector<std::string> finish_interrupted(const std::string& out_dir,
                                            const std::vector<std::string>& owned, int& failed) {
  failed = 0;
  std::vector<std::string> messages;
  const fs::path root(out_dir);
  std::error_code ec;
  if (auto text = read_file_bytes(root / k_journal)) {
    auto journal = parse_journal(*text);
    if (!journal) {
      failed = 3;
      messages.push_back((root / k_journal).generic_string() +
                         ": not a journal stackplan wrote; remove it to render again");
      return messages;
    }
    if (std::string why = apply_journal(root, *journal); !why.empty()) {
      failed = 3;
      messages.push_back(why);
      return messages;
    }
    messages.push_back("finished an interrupted render: " + std::to_string(journal->moves.size()) +
                       " files moved into place, " + std::to_string(journal->removals.size()) +
                       " removed");
  }
  // Staged files without a journal belong to a render stopped before it committed.
  int removed = 0;
  for (const auto& path : files_under(root, owned)) {
    if (staged_name(path) && fs::remove(root / path, ec)) {
      ++removed;
    }
  }
  if (fs::remove(root / (std::string(k_manifest) + std::string(k_temp_suffix)), ec)) {
    ++removed;
  }
  if (removed > 0) {
    messages.push_back("removed " + std::to_string(removed) +
                       " staged files of a render that was interrupted before it wrote anything");
  }
  return messages;
}

std::optional<std::string> recorded_scenario(const std::string& out_dir) {
  auto text = read_file_bytes(fs::path(out_dir) / k_manifest);
  if (!text) {
    return std::nullopt;
  }
  json m = json::parse(*text, nullptr, false);
  if (!m.is_object() || !m.contains("scenario") || !m["scenario"].is_string()) {
    return std::nullopt;
  }
  return m["scenario"].get<std::string>();
}

std::map<std::string, std::string> read_manifest(const fs::path& root) {
  std::map<std::string, std::string> manifest;
  if (auto text = read_file_bytes(root / k_manifest)) {
    json m = json::parse(*text, nullptr, false);
    if (m.is_object() && m.contains("files") && m["files"].is_object()) {
      for (auto it = m["files"].begin(); it != m["files"].end(); ++it) {
        if (it.value().is_string() && safe_relative_path(it.key())) {
          manifest[it.key()] = it.value().get<std::string>();
        }
      }
    }
  }
  return manifest;
}

bool owned_by(const std::vector<std::string>& owned, const std::string& path) {
  for (const auto& prefix : owned) {
    if (path.rfind(prefix, 0) == 0) {
      return true;
    }
  }
  return false;
}

std::vector<Drift> find_drift(const std::vector<File>& files, const std::string& out_dir,
                              const std::vector<std::string>& owned) {
  const fs::path root(out_dir);
  std::vector<Drift> out;
  std::error_code ec;
  if (fs::exists(root / k_journal, ec)) {
    out.push_back({k_journal, Drift::Kind::interrupted, 0});
  }
  std::set<std::string> produced;
  for (const File& f : files) {
    produced.insert(f.path);
    if (std::string what = in_the_way(root / f.path); !what.empty()) {
      out.push_back({f.path, Drift::Kind::blocked, 0, what});
      continue;
    }
    auto disk = read_file_bytes(root / f.path);
    if (!disk) {
      out.push_back({f.path, Drift::Kind::missing, 0});
    } else if (*disk != f.content) {
      out.push_back({f.path, Drift::Kind::differs, first_difference(*disk, f.content)});
    }
  }
  const auto manifest = read_manifest(root);
  for (const auto& path : files_under(root, owned)) {
    if (produced.count(path) != 0) {
      continue;
    }
    out.push_back(
        {path, manifest.count(path) != 0 ? Drift::Kind::stale : Drift::Kind::unexpected, 0});
  }
  return out;
}

std::string describe(const Drift& d) {
  switch (d.kind) {
    case Drift::Kind::missing:
      return d.path + ": missing";
    case Drift::Kind::differs:
      return d.path + ": differs from what the spec renders (first at line " +
             std::to_string(d.line) + ")";
    case Drift::Kind::stale:
      return d.path + ": no longer rendered by the spec";
    case Drift::Kind::unexpected:
      return staged_name(d.path)
                 ? d.path + ": a staged file of an interrupted render"
                 : d.path +
                       ": not rendered by the spec, and not in the manifest of what "
                       "stackplan wrote";
    case Drift::Kind::blocked:
      return d.path + ": " + d.what + " is in the way of the file the spec renders";
    case Drift::Kind::interrupted:
      return d.path +
             ": a render was interrupted while moving files into place; run "
             "stackplan render to finish it";
  }
  return d.path;
}

bool safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') {
    return false;
  }
  for (char c : path) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' ||
          c == '/')) {
      return false;
    }
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) {
      end = path.size();
    }
    std::string part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") {
      return false;
    }
    start = end + 1;
  }
  return true;
}

WriteResult write_files(const std::vector<File>& files, const std::string& out_dir,
                        const WriteOptions& options) {
  WriteResult result;
  const fs::path root(out_dir);
  std::error_code ec;

  // Every path stays inside the output folder, and never through a symbolic link.
  for (const File& f : files) {
    if (!safe_relative_path(f.path)) {
      result.exit_code = 2;
      result.messages.push_back("refusing to write '" + f.path + "': not a plain relative path");
      return result;
    }
    fs::path p = root;
    std::size_t start = 0;
    while (true) {
      std::size_t end = f.path.find('/', start);
      p /= f.path.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (fs::is_symlink(p, ec)) {
        result.exit_code = 2;
        result.messages.push_back("refusing to write through the symbolic link " +
                                  p.generic_string());
        return result;
      }
      if (end == std::string::npos) {
        break;
      }
      start = end + 1;
    }
  }

  if (options.check) {
    for (const Drift& d : find_drift(files, out_dir, options.owned)) {
      result.messages.push_back(describe(d));
    }
    result.unchanged = static_cast<int>(files.size()) - static_cast<int>(result.messages.size());
    result.exit_code = result.messages.empty() ? 0 : 1;
    return result;
  }

  // A render interrupted earlier is finished (or its staged files removed) first.
  {
    int failed = 0;
    for (auto& m : finish_interrupted(out_dir, options.owned, failed)) {
      result.notes.push_back(std::move(m));
    }
    if (failed != 0) {
      result.exit_code = failed;
      result.messages = std::move(result.notes);
      result.notes.clear();
      return result;
    }
  }

  // Something other than a file where a file goes is named as what it is.
  for (const File& f : files) {
    if (std::string what = in_the_way(root / f.path); !what.empty()) {
      result.exit_code = 3;
      result.messages.push_back("cannot write " + (root / f.path).generic_string() + ": " + what +
                                " is in the way");
      return result;
    }
  }

  const fs::path manifest_path = root / k_manifest;
  std::map<std::string, std::string> manifest = read_manifest(root);
  auto owned = [&](const std::string& path) { return owned_by(options.owned, path); };

  struct Change {
    const File* file;  ///< nullptr: remove
    std::string path;
  };
  std::vector<Change> changes;
  std::vector<std::string> edited;
  std::set<std::string> produced;
  for (const File& f : files) {
    produced.insert(f.path);
    auto disk = read_file_bytes(root / f.path);
    if (disk && *disk == f.content) {
      ++result.unchanged;
      continue;
    }
    if (disk) {
      auto it = manifest.find(f.path);
      if (it == manifest.end() || it->second != content_hash(*disk)) {
        edited.push_back(f.path);
      }
    }
    changes.push_back({&f, f.path});
  }
  for (const auto& [path, hash] : manifest) {
    if (produced.count(path) || !owned(path)) {
      continue;
    }
    auto disk = read_file_bytes(root / path);
    if (!disk) {
      continue;
    }
    if (hash != content_hash(*disk)) {
      edited.push_back(path);
    }
    changes.push_back({nullptr, path});
  }

  if (!edited.empty() && !options.force) {
    for (const auto& path : edited) {
      result.messages.push_back((root / path).generic_string() +
                                ": edited since stackplan wrote it (or not written by "
                                "stackplan); not overwritten");
    }
    result.messages.push_back(
        "nothing was written; keep your edits in the spec or a separate file, or use --force "
        "to overwrite");
    result.exit_code = 1;
    return result;
  }

  // Stage every file beside its destination (written and synced), record the moves in the
  // journal, then move them all into place: a render stopped before the journal is written
  // changes nothing, one stopped after it is finished by the next render.
  Journal journal;
  std::vector<fs::path> created;  ///< folders this render made, outermost first
  auto io_failure = [&](const std::string& message) {
    for (const auto& [tmp, dest] : journal.moves) {
      fs::remove(root / tmp, ec);
    }
    for (auto it = created.rbegin(); it != created.rend(); ++it) {
      fs::remove(*it, ec);  // only when empty
    }
    result.exit_code = 3;
    result.messages.push_back(message);
    return result;
  };
  auto make_folders = [&](const fs::path& dir) {
    std::vector<fs::path> missing;
    for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
      missing.push_back(p);
      if (p == p.parent_path()) {
        break;
      }
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      if (!fs::create_directory(*it, ec) && ec) {
        return "cannot create " + it->generic_string() + ": " + ec.message();
      }
      created.push_back(*it);
    }
    return std::string();
  };
  auto stage = [&](const std::string& path, const std::string& bytes) {
    const std::string tmp = path + std::string(k_temp_suffix);
    if (std::string why = write_file_synced(root / tmp, bytes); !why.empty()) {
      return why;
    }
    journal.moves.emplace_back(tmp, path);
    return std::string();
  };
  if (std::string why = make_folders(root); !why.empty()) {
    return io_failure(why);
  }
  for (const Change& c : changes) {
    if (!c.file) {
      journal.removals.push_back(c.path);
      continue;
    }
    if (std::string why = make_folders((root / c.path).parent_path()); !why.empty()) {
      return io_failure(why);
    }
    if (std::string why = stage(c.path, c.file->content); !why.empty()) {
      return io_failure(why);
    }
  }
  json m;
  m["generator"] = "stackplan";
  m["scenario"] = options.scenario;
  m["files"] = json::object();
  for (const auto& [path, hash] : manifest) {
    if (!owned(path)) {
      m["files"][path] = hash;
    }
  }
  for (const File& f : files) {
    m["files"][f.path] = content_hash(f.content);
  }
  if (std::string why = stage(k_manifest, m.dump(2) + "\n"); !why.empty()) {
    return io_failure(why);
  }
  if (options.on_step) {
    options.on_step("staged");
  }
  // The commit point: the journal, written aside and renamed into place.
  const std::string journal_tmp = std::string(k_journal) + std::string(k_temp_suffix);
  if (std::string why = write_file_synced(root / journal_tmp, journal_text(journal));
      !why.empty()) {
    return io_failure(why);
  }
  if (::rename((root / journal_tmp).c_str(), (root / k_journal).c_str()) != 0) {
    fs::remove(root / journal_tmp, ec);
    return io_failure("cannot write " + (root / k_journal).generic_string() + ": " +
                      std::strerror(errno));
  }
  sync_directory(root);
  if (options.on_step) {
    options.on_step("committed");
  }
  if (std::string why = apply_journal(root, journal, options.on_step); !why.empty()) {
    result.exit_code = 3;
    result.messages.push_back(why + "; the next render finishes moving files into place");
    return result;
  }
  result.written = static_cast<int>(journal.moves.size()) - 1;
  result.removed = static_cast<int>(journal.removals.size());
  return result;
}

}  // namespace stackplan::render
