# Warnings on for our own targets; -Werror only when asked, so a newer
# compiler's new warning never breaks a user's build.
option(ACCT_WERROR "Treat warnings as errors" OFF)
function(acct_enable_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wconversion -Wno-sign-conversion)
  if(ACCT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
