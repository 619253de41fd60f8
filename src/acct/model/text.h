#pragma once
// A record's text that lives until the run ends: either copied into a store
// that is never freed, or borrowed from bytes kept mapped for the whole run
// (the cache of parsed files). Eight bytes, and no allocation when borrowed:
// interactions are most of a workspace's records, and `acct due` prints none
// of their texts, so a warm run decodes them without touching their bytes.
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace acctool {

class Text {
  public:
    Text() = default;
    // Copies `s` into the run's store.
    Text(std::string_view s);
    Text(const std::string& s) : Text(std::string_view(s)) {}
    Text(const char* s) : Text(std::string_view(s)) {}

    // `at` points at the text's length (4 bytes, native order) followed by
    // its bytes, which must stay readable until the run ends.
    static Text borrowed(const char* at) {
        Text t;
        t.at_ = at;
        return t;
    }

    std::uint32_t size() const {
        std::uint32_t n = 0;
        if (at_) std::memcpy(&n, at_, sizeof n);
        return n;
    }
    bool empty() const { return size() == 0; }
    std::string_view view() const { return {at_ ? at_ + sizeof(std::uint32_t) : "", size()}; }
    operator std::string_view() const { return view(); }
    std::string str() const { return std::string(view()); }

    friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }
    friend auto operator<=>(const Text& a, std::string_view b) { return a.view() <=> b; }

  private:
    const char* at_ = nullptr;  // null: the empty text
};

// Keeps `what` alive until the run ends (the mapping Text::borrowed points into).
void keep_until_exit(std::shared_ptr<const void> what);

}  // namespace acctool

template <>
struct fmt::formatter<acctool::Text> : fmt::formatter<std::string_view> {
    auto format(const acctool::Text& t, format_context& ctx) const {
        return fmt::formatter<std::string_view>::format(t.view(), ctx);
    }
};
