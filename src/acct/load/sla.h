#pragma once
// acct.yaml `sla` (SPEC 2.8): priority -> {ack, handoff, resolve}. What is
// left out keeps its default; `0d` (the same day) is allowed here.
#include <cstdint>

#include "acct/load/fields.h"

namespace acctool {

void read_sla(const ReadContext& ctx, std::uint32_t node, Config& config);

// A period, or `0d` (any day unit with the number 0).
Result<Period> parse_sla_period(std::string_view text);

}  // namespace acctool
