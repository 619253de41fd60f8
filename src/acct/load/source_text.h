#pragma once
// One file's text with what diagnostics need: byte offset -> line and column,
// the line itself for the caret.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
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

// Reads a file's text again, by its path relative to the workspace root.
using ReadAgain = std::function<std::string(const std::string& path)>;

class SourceText {
  public:
    // `path` is relative to the workspace root. A UTF-8 BOM is dropped.
    SourceText(InternedPath path, std::string text);
    // A text not kept in memory: `read` fetches the bytes again the first
    // time a position must be located (rarely: for a diagnostic). One
    // reader serves every file of a workspace.
    SourceText(InternedPath path, std::shared_ptr<const ReadAgain> read);

    const std::string& path() const { return path_.str(); }
    std::string_view text() const;

    SourceLocation locate(std::uint32_t pos) const;
    Diagnostic diagnose(Severity s, std::uint32_t pos, Message message) const;
    Diagnostic diagnose(Severity s, std::uint32_t pos, std::string message) const {
        return diagnose(s, pos, verbatim(std::move(message)));
    }

  private:
    void index(std::string text) const;
    void ensure() const;

    InternedPath path_;  // once per file: every location of it shares the copy
    std::shared_ptr<const ReadAgain> read_;
    mutable std::once_flag loaded_;
    mutable std::string text_;
    mutable std::vector<std::uint32_t> line_starts_;
};

}  // namespace acctool
