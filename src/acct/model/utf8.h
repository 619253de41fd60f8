#pragma once
// One strict UTF-8 decoder for the whole program: the loader's validation
// and the terminal's width and escaping agree on what a character is.
#include <cstdint>
#include <optional>
#include <string_view>

namespace acctool {

// The code point at s[i], advancing i past it; or -1 for a byte that does not
// start a valid sequence (overlongs, surrogates and code points past U+10FFFF
// included), advancing i by one.
std::int32_t decode_utf8(std::string_view s, std::size_t& i);

// Offset of the first byte that is not valid UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

}  // namespace acctool
