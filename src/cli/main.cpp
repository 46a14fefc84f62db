#include <cerrno>
#include <cstring>
#include <exception>
#include <iostream>

#include <unistd.h>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    const int code = stackplan::cli::run(
        args, {std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1});
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
