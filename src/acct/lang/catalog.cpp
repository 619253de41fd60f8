#include "acct/lang/catalog.h"

#include <cstdint>
#include <optional>

#include <fmt/format.h>

namespace acctool {

namespace {

class Reader {
  public:
    explicit Reader(std::string_view bytes) : b_(bytes) { swap_ = word(0) == 0xde120495u; }
    bool valid_magic() const { return word(0) == 0x950412deu; }
    std::uint32_t word(std::size_t at) const {
        if (at + 4 > b_.size()) return 0;
        std::uint32_t w = 0;
        for (int i = 0; i < 4; ++i)
            w |= static_cast<std::uint32_t>(static_cast<unsigned char>(b_[at + i])) << (8 * i);
        if (swap_) w = (w >> 24) | ((w >> 8) & 0xff00u) | ((w << 8) & 0xff0000u) | (w << 24);
        return w;
    }
    // The string described by the table entry at `at` (length, offset).
    std::optional<std::string_view> string(std::size_t at) const {
        std::uint64_t length = word(at), offset = word(at + 4);
        if (at + 8 > b_.size() || offset + length >= b_.size()) return std::nullopt;
        return b_.substr(offset, length);
    }

  private:
    std::string_view b_;
    bool swap_ = false;
};

std::string_view header_field(std::string_view header, std::string_view name) {
    for (std::size_t start = 0; start < header.size();) {
        std::size_t end = header.find('\n', start);
        if (end == std::string_view::npos) end = header.size();
        std::string_view line = header.substr(start, end - start);
        if (line.substr(0, name.size()) == name && line.substr(name.size(), 1) == ":")
            return line.substr(name.size() + 1);
        start = end + 1;
    }
    return {};
}

}  // namespace

const char* Catalog::find(std::string_view msgid) const {
    auto it = messages_.find(std::string(msgid));
    return it == messages_.end() || it->second.empty() ? nullptr : it->second.c_str();
}

const char* Catalog::find_plural(std::string_view singular, unsigned long n) const {
    auto it = messages_.find(std::string(singular));
    if (it == messages_.end()) return nullptr;
    const std::string& forms = it->second;
    unsigned want = plural_.form(n);
    std::size_t start = 0;
    for (unsigned i = 0; i < want; ++i) {
        start = forms.find('\0', start);
        if (start == std::string::npos) return nullptr;
        ++start;
    }
    if (start >= forms.size() || forms[start] == '\0') return nullptr;
    return forms.c_str() + start;
}

Result<Catalog> parse_mo(std::string_view bytes) {
    Reader r(bytes);
    if (bytes.size() < 28 || !r.valid_magic())
        return Failure{"not a compiled gettext catalog (.mo)"};
    if (r.word(4) >> 16 != 0) return Failure{"unknown .mo format revision"};
    std::uint32_t count = r.word(8), originals = r.word(12), translations = r.word(16);
    if (std::uint64_t(originals) + 8ull * count > bytes.size() ||
        std::uint64_t(translations) + 8ull * count > bytes.size())
        return Failure{"the .mo string tables run past the end of the file"};
    Catalog c;
    for (std::uint32_t i = 0; i < count; ++i) {
        auto id = r.string(originals + 8ull * i);
        auto str = r.string(translations + 8ull * i);
        if (!id || !str) return Failure{fmt::format("string {} runs past the end of the file", i)};
        if (id->empty()) {
            std::string_view forms = header_field(*str, "Plural-Forms");
            if (!forms.empty()) {
                auto rule = parse_plural_forms(forms);
                if (!rule) return Failure{fmt::format("Plural-Forms: {}", rule.error())};
                c.plural_ = *rule;
            }
            continue;
        }
        // A plural message's msgid is "singular\0plural": keyed by the singular.
        std::string_view key = id->substr(0, id->find('\0'));
        c.messages_.emplace(std::string(key), std::string(*str));
    }
    return c;
}

}  // namespace acctool
