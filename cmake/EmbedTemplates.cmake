# Writes OUTPUT: a C++ source with every file under TEMPLATES_DIR named *.mustache, as a table
# of {name, text} sorted by name ("terraform/s3_bucket.tf" for terraform/s3_bucket.tf.mustache).
# Run with cmake -P at build time so template edits are picked up.
file(GLOB_RECURSE files RELATIVE "${TEMPLATES_DIR}" "${TEMPLATES_DIR}/*.mustache")
list(SORT files)
set(delimiter "sp_tmpl")
set(body "")
set(count 0)
foreach(rel IN LISTS files)
  file(READ "${TEMPLATES_DIR}/${rel}" content)
  string(FIND "${content}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${rel} contains the raw-string delimiter")
  endif()
  string(REGEX REPLACE "\\.mustache$" "" name "${rel}")
  string(APPEND body "    {\"${name}\", R\"${delimiter}(${content})${delimiter}\"},\n")
  math(EXPR count "${count} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from templates/ by cmake/EmbedTemplates.cmake; do not edit.\n"
  "#include <cstddef>\n"
  "namespace stackplan::render {\n"
  "struct EmbeddedTemplate {\n  const char* name;\n  const char* text;\n};\n"
  "extern const EmbeddedTemplate k_templates[];\n"
  "extern const std::size_t k_template_count;\n"
  "const EmbeddedTemplate k_templates[] = {\n${body}    {nullptr, nullptr}};\n"
  "const std::size_t k_template_count = ${count};\n"
  "}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
