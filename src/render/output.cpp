#include "render/output.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "base/file.hpp"

namespace stackplan::render {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* k_manifest = ".stackplan-manifest.json";
constexpr const char* k_temp_suffix = ".stackplan-tmp";

bool write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.flush();
  return static_cast<bool>(out);
}

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

}  // namespace

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
  std::set<std::string> produced;
  for (const File& f : files) {
    produced.insert(f.path);
    auto disk = read_file_bytes(root / f.path);
    if (!disk) {
      out.push_back({f.path, Drift::Kind::missing, 0});
    } else if (*disk != f.content) {
      out.push_back({f.path, Drift::Kind::differs, first_difference(*disk, f.content)});
    }
  }
  for (const auto& [path, hash] : read_manifest(root)) {
    if (!produced.count(path) && owned_by(owned, path) && read_file_bytes(root / path)) {
      out.push_back({path, Drift::Kind::stale, 0});
    }
  }
  return out;
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
      result.messages.push_back(d.kind == Drift::Kind::missing ? d.path + ": missing"
                                : d.kind == Drift::Kind::stale
                                    ? d.path + ": no longer rendered by the spec"
                                    : d.path +
                                          ": differs from what the spec renders (first at line " +
                                          std::to_string(d.line) + ")");
    }
    result.unchanged = static_cast<int>(files.size()) - static_cast<int>(result.messages.size());
    result.exit_code = result.messages.empty() ? 0 : 1;
    return result;
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

  // Stage every file beside its destination, then move them all into place.
  std::vector<std::pair<fs::path, fs::path>> staged;
  auto io_failure = [&](const std::string& message) {
    for (const auto& [tmp, dest] : staged) {
      fs::remove(tmp, ec);
    }
    result.exit_code = 3;
    result.messages.push_back(message);
    return result;
  };
  // Writes `bytes` beside `dest`; false (with the message recorded) when that fails.
  auto stage = [&](const fs::path& dest, const std::string& bytes) {
    fs::path tmp = dest;
    tmp += k_temp_suffix;
    if (!write_file(tmp, bytes)) {
      fs::remove(tmp, ec);
      return false;
    }
    staged.emplace_back(tmp, dest);
    return true;
  };
  for (const Change& c : changes) {
    if (!c.file) {
      continue;
    }
    fs::path dest = root / c.path;
    if (fs::exists(dest, ec) && !fs::is_regular_file(dest, ec)) {
      return io_failure("cannot write " + dest.generic_string() +
                        ": something other than a file is in the way");
    }
    fs::create_directories(dest.parent_path(), ec);
    if (ec) {
      return io_failure("cannot create " + dest.parent_path().generic_string() + ": " +
                        ec.message());
    }
    if (!stage(dest, c.file->content)) {
      return io_failure("cannot write " + dest.generic_string() + k_temp_suffix);
    }
  }
  json m;
  m["generator"] = "stackplan";
  m["files"] = json::object();
  for (const auto& [path, hash] : manifest) {
    if (!owned(path)) {
      m["files"][path] = hash;
    }
  }
  for (const File& f : files) {
    m["files"][f.path] = content_hash(f.content);
  }
  fs::create_directories(root, ec);
  if (!stage(manifest_path, m.dump(2) + "\n")) {
    return io_failure("cannot write " + manifest_path.generic_string() + k_temp_suffix);
  }
  for (const auto& [tmp, dest] : staged) {
    fs::rename(tmp, dest, ec);
    if (ec) {
      return io_failure("cannot move " + tmp.generic_string() + " into place: " + ec.message());
    }
  }
  result.written = static_cast<int>(staged.size()) - 1;
  for (const Change& c : changes) {
    if (!c.file) {
      fs::remove(root / c.path, ec);
      ++result.removed;
    }
  }
  return result;
}

}  // namespace stackplan::render
