#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stackplan {

/// Levenshtein distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo; empty otherwise.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "did you mean 'x'?" when a close candidate exists; otherwise "allowed: a, b, c".
std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates,
                            std::string_view allowed_label = "allowed");

}  // namespace stackplan
