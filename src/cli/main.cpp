#include <exception>
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return stackplan::cli::run(args, {std::cout, std::cerr});
  } catch (const std::bad_alloc&) {
    std::cerr << "stackplan: error: out of memory\n";
    return stackplan::cli::k_exit_environment;
  } catch (const std::exception& e) {
    std::cerr << "stackplan: internal error: " << e.what() << "\nPlease report this.\n";
    return stackplan::cli::k_exit_environment;
  }
}
