# Runs COMMAND (a ;-list) and writes its standard output to OUTPUT; fails the build when it
# fails. Used to make the man page and the completion scripts from the built stackplan.
#   cmake -DCOMMAND="bin;arg;..." -DOUTPUT=file -P RunToFile.cmake
execute_process(COMMAND ${COMMAND} OUTPUT_FILE ${OUTPUT}.tmp RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "${COMMAND} failed: ${result}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
