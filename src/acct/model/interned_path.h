#pragma once
// A file's path kept once per run: every record of a file points at one copy
// instead of holding its own (a workspace of 1,000 clients has ~227,000
// records and ~3,000 paths). Paths are never freed; interning is thread-safe.
#include <compare>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace acctool {

class InternedPath {
  public:
    InternedPath() = default;  // the empty path: records are made empty by the thousand
    InternedPath(std::string_view path);
    InternedPath(const std::string& path) : InternedPath(std::string_view(path)) {}
    InternedPath(const char* path) : InternedPath(std::string_view(path)) {}

    const std::string& str() const { return text_ ? *text_ : empty_text(); }
    operator const std::string&() const { return str(); }
    operator std::string_view() const { return str(); }
    bool empty() const { return !text_; }
    bool starts_with(std::string_view prefix) const { return str().starts_with(prefix); }

    // One copy per text: equal paths are the same pointer.
    friend bool operator==(const InternedPath& a, const InternedPath& b) {
        return a.text_ == b.text_;
    }
    friend bool operator==(const InternedPath& a, std::string_view b) { return a.str() == b; }
    friend bool operator==(const InternedPath& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const InternedPath& a, const char* b) { return a.str() == b; }
    // Ordered as the texts are.
    friend std::strong_ordering operator<=>(const InternedPath& a, const InternedPath& b) {
        return a.text_ == b.text_ ? std::strong_ordering::equal : a.str() <=> b.str();
    }

  private:
    static const std::string& empty_text();
    const std::string* text_ = nullptr;  // none for the empty path
};

}  // namespace acctool

template <>
struct fmt::formatter<acctool::InternedPath> : fmt::formatter<std::string_view> {
    template <class Ctx>
    auto format(const acctool::InternedPath& p, Ctx& ctx) const {
        return fmt::formatter<std::string_view>::format(p.str(), ctx);
    }
};
