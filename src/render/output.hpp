#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "render/render.hpp"

namespace stackplan::render {

/// How generated files reach the output folder.
struct WriteOptions {
  bool check = false;  ///< compare only; write nothing
  bool force = false;  ///< overwrite files edited since stackplan wrote them
  /// Folders (relative to the output folder) this render owns: files the manifest lists there
  /// that the render no longer produces are removed. "terraform/", "app/".
  std::vector<std::string> owned;
};

struct WriteResult {
  int exit_code = 0;  ///< 0 done / no drift, 1 drift or refused, 2 unsafe path, 3 I/O failure
  std::vector<std::string> messages;  ///< one line each, for stderr (or stdout for a summary)
  int written = 0;
  int unchanged = 0;
  int removed = 0;
};

/// Writes `files` under `out_dir`, all or nothing, keeping a manifest
/// (`.stackplan-manifest.json`) of what it wrote so that a file edited by hand is never
/// overwritten without `force`. Paths must be relative and stay inside `out_dir`.
WriteResult write_files(const std::vector<File>& files, const std::string& out_dir,
                        const WriteOptions& options);

/// A difference between rendered files and a folder, as `render --check` reports it.
struct Drift {
  enum class Kind { missing, differs, stale };
  std::string path;  ///< relative to the output folder
  Kind kind = Kind::differs;
  int line = 0;  ///< first differing line (differs only)
};

/// Compares `files` with `out_dir` without writing: missing and differing files, and files the
/// manifest lists under an `owned` folder that the render no longer produces.
std::vector<Drift> find_drift(const std::vector<File>& files, const std::string& out_dir,
                              const std::vector<std::string>& owned);

/// The manifest of `root` (path -> content hash); empty when there is none.
std::map<std::string, std::string> read_manifest(const std::filesystem::path& root);

/// Whether `path` lies in one of the `owned` folders ("terraform/").
bool owned_by(const std::vector<std::string>& owned, const std::string& path);

/// True when `path` is a safe relative path: no root, no "..", no empty or "." parts, only
/// letters, digits and "._-/".
bool safe_relative_path(const std::string& path);

}  // namespace stackplan::render
