# Every dependency comes from Debian's packages (scripts/setup installs them).
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
# yaml-cpp 0.7 exports the target `yaml-cpp`, without a namespace.
find_package(yaml-cpp 0.7 REQUIRED)
find_package(fmt 9 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
# The cache of parsed files: cereal (header-only) writes it, xxHash checks it.
find_path(CEREAL_INCLUDE_DIR cereal/archives/binary.hpp REQUIRED)
find_path(XXHASH_INCLUDE_DIR xxhash.h REQUIRED)
find_library(XXHASH_LIBRARY xxhash REQUIRED)
