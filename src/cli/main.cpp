#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>

#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/app.hpp"

namespace {

/// The columns of the terminal `fd` is (COLUMNS when set, as a shell sets it), or 0 when it is
/// not a terminal: output that is not read on a screen keeps its full width.
std::size_t columns(int fd) {
  if (isatty(fd) != 1) {
    return 0;
  }
  if (const char* env = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long n = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && n > 0 && n < 10000) {
      return static_cast<std::size_t>(n);
    }
  }
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    const int code = stackplan::cli::run(
        args, {std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1,
               columns(STDOUT_FILENO), columns(STDERR_FILENO),
               isatty(STDIN_FILENO) == 1 ? &std::cin : nullptr});
    // Output that did not reach its destination (a full disk, a closed pipe) is a failure,
    // never a success with a truncated result.
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "stackplan: error: cannot write the output: " << std::strerror(errno) << "\n";
      return stackplan::cli::k_exit_environment;
    }
    return code;
  } catch (const std::bad_alloc&) {
    std::cerr << "stackplan: error: out of memory\n";
    return stackplan::cli::k_exit_environment;
  } catch (const std::exception& e) {
    std::cerr << "stackplan: internal error: " << e.what() << "\nPlease report this.\n";
    return stackplan::cli::k_exit_environment;
  }
}
