# Writes OUTPUT: a C++ source defining `const char* const NAME` (in namespace NAMESPACE) with
# the bytes of INPUT. Run with cmake -P at build time so edits to INPUT are picked up.
file(READ "${INPUT}" content)
set(delimiter "sp_embed")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT_NAME} by cmake/EmbedFile.cmake; do not edit.\n"
  "namespace ${NAMESPACE} {\n"
  "extern const char* const ${NAME};\n"
  "const char* const ${NAME} = R\"${delimiter}(${content})${delimiter}\";\n"
  "}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
