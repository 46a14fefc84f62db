// stackplan render: spec -> view data -> templates -> files, written all or nothing.

#include <filesystem>
#include <ostream>

#include "base/diagnostics.hpp"
#include "cli/app.hpp"
#include "render/output.hpp"
#include "render/render.hpp"
#include "spec/load.hpp"

namespace stackplan::cli {

namespace fs = std::filesystem;

int cmd_render(const RenderOptions& o, Io io) {
  // CLI11 accepts only terraform, cloudformation and all.
  const render::Target target = o.target == "cloudformation" ? render::Target::cloudformation
                                : o.target == "all"          ? render::Target::all
                                                             : render::Target::terraform;
  std::error_code ec;
  if (!o.templates.empty() && !fs::is_directory(o.templates, ec)) {
    io.err << error_prefix(io) << "--templates " << o.templates << " is not a folder\n";
    return k_exit_invalid;
  }
  render::TemplateSet templates(o.templates);
  if (auto unknown = templates.unknown_overrides(); !unknown.empty()) {
    for (const auto& path : unknown) {
      io.err << path << ": error: matches no stackplan template (names are like "
             << "terraform/s3_bucket.tf.mustache; see templates/ in the source)\n";
    }
    return k_exit_invalid;
  }

  Diagnostics diags;
  auto loaded = spec::load_spec(o.spec, diags);
  if (!loaded) {
    print_diagnostics(diags, io);
    return diags.has_environment_failure() ? k_exit_environment : k_exit_invalid;
  }

  // The variant to render: the named scenario, else the spec as written without scenarios.
  render::Origin origin;
  origin.spec = render::spec_name(o.spec);
  auto selected = spec::select_variant(*loaded, o.scenario);
  if (!selected) {
    io.err << error_prefix(io) << o.spec << ' ' << selected.error() << "\n";
    return k_exit_invalid;
  }
  origin.scenario = selected->scenario;
  const spec::Spec* spec = &selected->spec;

  render::Rendered rendered = render::render(*spec, origin, templates, target);
  if (!rendered.errors.empty()) {
    for (const auto& e : rendered.errors) {
      io.err << format_diagnostic(e, io.color_err, io.width_err);
    }
    return k_exit_invalid;
  }
  const std::vector<render::File>& files = rendered.files;
  render::WriteOptions write;
  write.check = o.check;
  write.force = o.force;
  write.owned = render::owned_folders(target);
  write.scenario = origin.scenario;
  for (const auto& note : rendered.notes) {
    io.err << "stackplan: note: " << note << "\n";
  }

  // One render at a time per folder; --check reads it whole, never half written.
  const bool existed = fs::exists(o.out_dir, ec);
  bool lock_failed = false;
  auto lock = app::lock_directory_for(o.out_dir, !o.check, io, lock_failed);
  if (lock_failed) {
    return k_exit_environment;
  }
  render::WriteResult result = render::write_files(files, o.out_dir, write);
  for (const auto& note : result.notes) {
    io.err << "stackplan: note: " << note << "\n";
  }
  if (result.exit_code != 0 && !o.check && !existed) {
    // A failed render leaves no folder it made (write_files removed its own; this is the
    // lock's).
    lock.reset();
    fs::remove(fs::path(o.out_dir) / DirectoryLock::k_file, ec);
    fs::remove(o.out_dir, ec);
  }
  for (const auto& m : result.messages) {
    io.err << (o.check ? std::string("stackplan: drift: ") : error_prefix(io)) << m << "\n";
  }
  if (result.exit_code != 0) {
    if (o.check && result.exit_code == 1) {
      io.err << "stackplan: " << o.out_dir << " differs from what " << o.spec
             << " renders; run stackplan render without --check to update it\n";
    }
    return result.exit_code;
  }
  if (o.check) {
    io.out << o.out_dir << ": up to date (" << files.size() << " files)\n";
  } else {
    io.out << "wrote " << result.written << " of " << files.size() << " files to " << o.out_dir
           << " (" << result.unchanged << " unchanged"
           << (result.removed ? ", " + std::to_string(result.removed) + " removed" : "") << ")\n";
  }
  return k_exit_ok;
}

}  // namespace stackplan::cli
