#pragma once
// A record's text that lives until the run ends, in a store that is never
// freed: eight bytes instead of a std::string's 32 and its heap block, as
// interactions (three texts each) are most of a workspace's records.
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
    const char* at_ = nullptr;  // its length (4 bytes), then its bytes; null: empty
};

// Keeps `what` alive until the run ends, with the texts.
void keep_until_exit(std::shared_ptr<const void> what);

}  // namespace acctool

template <>
struct fmt::formatter<acctool::Text> : fmt::formatter<std::string_view> {
    auto format(const acctool::Text& t, format_context& ctx) const {
        return fmt::formatter<std::string_view>::format(t.view(), ctx);
    }
};
