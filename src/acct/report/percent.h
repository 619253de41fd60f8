#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace acctool {

// "91.7": num ÷ den as a percentage with one decimal, rounded half up (SPEC 7);
// none when den is 0 (a figure without a base).
std::optional<std::string> percent(std::int64_t num, std::int64_t den);

}  // namespace acctool
