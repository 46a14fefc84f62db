#pragma once

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

/// The manifest's content hash of a file: "fnv1a64:<16 hex digits>".
std::string content_hash(const std::string& bytes);

/// True when `path` is a safe relative path: no root, no "..", no empty or "." parts, only
/// letters, digits and "._-/".
bool safe_relative_path(const std::string& path);

}  // namespace stackplan::render
