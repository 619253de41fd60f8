# ASan + UBSan for every target (ACCT_SANITIZE), and libFuzzer targets
# (ACCT_FUZZ, clang only). A finding stops the program: nothing recovers.
option(ACCT_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(ACCT_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)

if(ACCT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
endif()

if(ACCT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ACCT_FUZZ needs clang: configure with CXX=clang++")
  endif()
  # Coverage for libFuzzer in the library; the fuzz targets link its main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
