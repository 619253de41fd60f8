#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace acctool {

// The candidate a user most likely meant by `word` (a typo of a few letters,
// or the same word in other case), if any.
std::optional<std::string_view> closest(std::string_view word,
                                        std::span<const std::string_view> candidates);

}  // namespace acctool
