#pragma once
#include <fmt/format.h>

#include "acct/model/interned_path.h"

namespace acctool {

// A place in a workspace file: path relative to the root, 1-based line and
// column (columns count characters, not bytes). The path is interned: a
// record's location costs 16 bytes and no allocation.
struct SourceLocation {
    InternedPath file;
    int line = 1;
    int column = 1;

    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

}  // namespace acctool

template <>
struct fmt::formatter<acctool::SourceLocation> : fmt::formatter<std::string_view> {
    template <class Ctx>
    auto format(const acctool::SourceLocation& l, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(
            fmt::format("{}:{}:{}", l.file, l.line, l.column), ctx);
    }
};
