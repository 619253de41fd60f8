#pragma once
// Health fields (SPEC 2.1 client `health`, SPEC 6 acct.yaml `health`). A bad
// value is reported at its place and treated as absent.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "acct/load/fields.h"

namespace acctool {

// The signal names of SPEC 6, in the order of its table (`unpaid_30` beside
// `unpaid`).
constexpr std::array<std::string_view, 8> health_signal_names{
    "silence", "mood", "unpaid", "unpaid_30", "request", "change", "renewal", "report"};

// The client's `health` override, or nullopt when absent or bad.
std::optional<HealthSet> read_client_health(MapFields& client);

// acct.yaml `health` {points: {NAME: integer}, bands: {green, yellow}}.
void read_health_config(const ReadContext& ctx, std::uint32_t node, Config& config);

}  // namespace acctool
