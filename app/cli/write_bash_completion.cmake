# cmake -DCLI=path/to/mptcpscope-cli -DOUTPUT=file -P write_bash_completion.cmake
# Writes the CLI's bash completion script; a failing CLI fails the build and leaves no file.
execute_process(COMMAND ${CLI} completion bash OUTPUT_FILE ${OUTPUT}.tmp RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    file(REMOVE ${OUTPUT}.tmp)
    message(FATAL_ERROR "${CLI} completion bash failed: ${result}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
