#pragma once
// One file's text with what diagnostics need: byte offset -> line and column,
// the line itself for the caret.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "acct/model/diagnostic.h"

namespace acctool {

// The length of a UTF-8 byte order mark at the start of `bytes`: 3 or 0.
inline std::size_t bom_length(std::string_view bytes) {
    return bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

class SourceText {
  public:
    // `path` is relative to the workspace root. A UTF-8 BOM is dropped.
    SourceText(std::string path, std::string text);

    const std::string& path() const { return path_; }
    std::string_view text() const { return text_; }

    SourceLocation locate(std::uint32_t pos) const;
    Diagnostic diagnose(Severity s, std::uint32_t pos, std::string message) const;

  private:
    std::string path_;
    std::string text_;
    std::vector<std::uint32_t> line_starts_;
};

}  // namespace acctool
