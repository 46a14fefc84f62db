#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace stackplan {

/// The bytes of a file, or nullopt when it cannot be opened.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path);

}  // namespace stackplan
