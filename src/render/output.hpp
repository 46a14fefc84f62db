#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
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
  /// Called at each step of a write ("staged", "committed", "moved <path>"); tests throw from
  /// it to leave the folder as a process killed at that step would.
  std::function<void(const std::string& step)> on_step = {};
  /// The scenario rendered (empty: the base spec), recorded in the manifest for `lint --spec`.
  std::string scenario = {};
};

/// The scenario the manifest of `out_dir` records ("" for the base spec), or nullopt when it
/// has no manifest or records none.
std::optional<std::string> recorded_scenario(const std::string& out_dir);

struct WriteResult {
  int exit_code = 0;  ///< 0 done / no drift, 1 drift or refused, 2 unsafe path, 3 I/O failure
  std::vector<std::string> messages;  ///< one line each, for stderr (or stdout for a summary)
  std::vector<std::string> notes;     ///< what was done besides: an interrupted render finished
  int written = 0;
  int unchanged = 0;
  int removed = 0;
};

/// Writes `files` under `out_dir`, all or nothing even when the process is killed: files are
/// staged beside their destinations, a journal of the moves is committed, then the moves are
/// made; the next write (or `finish_interrupted`) completes a journal left behind and removes
/// staged files that have none. It keeps a manifest
/// (`.stackplan-manifest.json`) of what it wrote so that a file edited by hand is never
/// overwritten without `force`. Paths must be relative and stay inside `out_dir`.
WriteResult write_files(const std::vector<File>& files, const std::string& out_dir,
                        const WriteOptions& options);

/// A difference between rendered files and a folder, as `render --check` reports it.
struct Drift {
  enum class Kind {
    missing,      ///< the spec renders it; the folder lacks it
    differs,      ///< the folder's copy differs
    stale,        ///< the manifest lists it, the spec no longer renders it
    unexpected,   ///< in a rendered folder, neither rendered nor in the manifest
    blocked,      ///< a directory (or other non-file) is where the file goes
    interrupted,  ///< a journal of an unfinished render is there
  };
  std::string path;  ///< relative to the output folder
  Kind kind = Kind::differs;
  int line = 0;           ///< first differing line (differs only)
  std::string what = {};  ///< what is in the way (blocked only): "a directory", ...
};

/// Compares `files` with `out_dir` without writing: missing and differing files, every other
/// file under an `owned` folder (stale when the manifest lists it, unexpected when not), and an
/// unfinished render.
std::vector<Drift> find_drift(const std::vector<File>& files, const std::string& out_dir,
                              const std::vector<std::string>& owned);

/// One line saying what a drift is, for `render --check`.
std::string describe(const Drift& drift);

/// Completes a render interrupted after its journal was written, and removes staged files of
/// one interrupted before; returns what it did, one line each. `failed` is 3 when the journal
/// cannot be applied.
std::vector<std::string> finish_interrupted(const std::string& out_dir,
                                            const std::vector<std::string>& owned, int& failed);

/// The manifest of `root` (path -> content hash); empty when there is none.
std::map<std::string, std::string> read_manifest(const std::filesystem::path& root);

/// Whether `path` lies in one of the `owned` folders ("terraform/").
bool owned_by(const std::vector<std::string>& owned, const std::string& path);

/// True when `path` is a safe relative path: no root, no "..", no empty or "." parts, only
/// letters, digits and "._-/".
bool safe_relative_path(const std::string& path);

}  // namespace stackplan::render
