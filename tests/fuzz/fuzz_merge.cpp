// libFuzzer entry point; the body is shared with the regression replay.
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return acctool::fuzz::merge(data, size);
}
