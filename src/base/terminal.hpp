#pragma once

// Text for a terminal: ANSI colours where the command line decided they are wanted (a
// terminal, `--color`, NO_COLOR and CLICOLOR_FORCE; see cli/app.cpp), and lines wrapped to
// its width. Plain, full-width text otherwise.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stackplan {

/// What a piece of text is, which decides its colour.
enum class Tone {
  error,     ///< bold red: "error"
  warning,   ///< bold magenta: "warning"
  note,      ///< bold cyan: "note"
  hint,      ///< bold green: "hint", and the caret under a problem
  increase,  ///< red: a cost going up
  decrease,  ///< green: a cost going down
  missing,   ///< yellow: a price the catalog lacks, an incomplete total
  heading,   ///< bold: a scenario's or a stack's title
};

/// `text` in the colour of `tone` when `on`, else `text` as it is.
std::string paint(std::string_view text, Tone tone, bool on);

/// The columns `text` takes on a terminal: a UTF-8 character counts once, an ANSI escape
/// sequence not at all.
std::size_t visible_width(std::string_view text);

/// `text` (one line) broken at spaces into lines of at most `width` visible columns, the
/// first `first` columns shorter (what precedes it on its line); a word longer than a line is
/// kept whole. Each piece is returned without its trailing space. Width 0: one piece.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width,
                                    std::size_t first = 0);

/// `label` then `text`, as lines of at most `width` columns (0: one line), each ending in a
/// newline; the lines after the first are indented by `hang` columns. However narrow the
/// width, a line keeps 20 columns for text.
std::string wrap_lines(std::string_view label, std::string_view text, std::size_t width,
                       std::size_t hang);

}  // namespace stackplan
