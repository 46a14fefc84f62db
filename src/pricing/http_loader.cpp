#include "pricing/http_loader.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <vector>

// Defined when the program links the client (tests); null otherwise.
extern "C" stackplan::pricing::Http* stackplan_http_client_create(
    const stackplan::pricing::HttpPolicy* policy) __attribute__((weak));

namespace stackplan::pricing {

namespace fs = std::filesystem;

Result<std::unique_ptr<Http>> make_http_client(const HttpPolicy& policy) {
  using Create = Http* (*)(const HttpPolicy*);
  Create create = &stackplan_http_client_create;
  if (create == nullptr) {
    std::error_code ec;
    fs::path exe_dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
    const std::vector<fs::path> candidates = {
        exe_dir / "stackplan-http.so",
        (exe_dir / STACKPLAN_MODULE_DIR / "stackplan-http.so").lexically_normal()};
    const fs::path* found = nullptr;
    for (const auto& candidate : candidates) {
      if (fs::exists(candidate, ec)) {
        found = &candidate;
        break;
      }
    }
    if (found == nullptr) {
      return failure("the network module stackplan-http.so is not installed (looked in " +
                     candidates[0].parent_path().string() + " and " +
                     candidates[1].parent_path().string() + "); reinstall stackplan");
    }
    void* handle = ::dlopen(found->c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      return failure(std::string("cannot load the network module: ") + ::dlerror());
    }
    create = reinterpret_cast<Create>(::dlsym(handle, "stackplan_http_client_create"));
    if (create == nullptr) {
      return failure("the network module " + found->string() + " is not stackplan's");
    }
  }
  return std::unique_ptr<Http>(create(&policy));
}

}  // namespace stackplan::pricing
