#pragma once
// Reading typed fields out of a YAML mapping, with a located diagnostic for
// every problem: duplicate keys (the later is ignored), unknown keys (a
// did-you-mean), values of the wrong type or form (at the value).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "acct/load/source_text.h"
#include "acct/load/suggest.h"
#include "acct/load/yaml_tree.h"
#include "acct/model/money.h"
#include "acct/model/period.h"
#include "acct/model/records.h"

namespace acctool {

// What one file's reading shares: its text, its tree, its diagnostics.
struct ReadContext {
    const SourceText& source;
    const YamlDocument& doc;
    std::vector<Diagnostic>& diagnostics;

    const YamlNode& node(std::uint32_t i) const { return doc.node(i); }
    void error(std::uint32_t pos, Message message) const {
        diagnostics.push_back(source.diagnose(Severity::error, pos, std::move(message)));
    }
    void warn(std::uint32_t pos, Message message) const {
        diagnostics.push_back(source.diagnose(Severity::warning, pos, std::move(message)));
    }
    void error(std::uint32_t pos, std::string message) const {
        error(pos, verbatim(std::move(message)));
    }
    void warn(std::uint32_t pos, std::string message) const {
        warn(pos, verbatim(std::move(message)));
    }
};

// [a-z0-9][a-z0-9._-]{0,63}: client ids, contract ids.
bool is_slug(std::string_view s);

class MapFields {
  public:
    // `what` names the record in messages ("a contract"); `consequence` says
    // what a bad value costs ("the contract is skipped").
    // Keys in `elsewhere` are skipped without a warning: the caller says
    // where they belong.
    MapFields(const ReadContext& ctx, std::uint32_t node, std::span<const std::string_view> known,
              std::string_view what, std::string consequence,
              std::span<const std::string_view> elsewhere = {});

    // The value node, or nullptr when the key is absent or its value is null.
    const YamlNode* get(std::string_view key) const;
    std::uint32_t key_pos(std::string_view key) const;
    std::uint32_t first_key_pos() const { return first_key_pos_; }
    bool bad() const { return bad_; }
    void set_consequence(std::string c) { consequence_ = std::move(c); }
    void mark_bad() { bad_ = true; }

    // Each reports a bad value at the value and marks the record bad.
    void fail(const YamlNode& value, std::string_view key, std::string reason);
    bool require(std::string_view key);
    std::optional<std::string> text(std::string_view key);
    std::optional<std::string> slug(std::string_view key);
    std::optional<Date> date(std::string_view key);
    std::optional<Period> period(std::string_view key);
    std::optional<bool> boolean(std::string_view key);
    std::optional<Decimal> decimal(std::string_view key);
    std::optional<int> duration(std::string_view key);
    std::optional<Currency> currency(std::string_view key);
    std::optional<std::string> text_scalar(std::string_view key, const YamlNode& value);

    template <class E>
    std::optional<E> choice(std::string_view key) {
        const YamlNode* v = get(key);
        if (!v) return std::nullopt;
        auto s = text_scalar(key, *v);
        if (!s) return std::nullopt;
        const auto& names = EnumNames<E>::names;
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == *s) return static_cast<E>(i);
        fail(*v, key, unknown_word(*s, names));
        return std::nullopt;
    }

    const ReadContext& context() const { return ctx_; }

  private:
    // The value of `key` converted by `parse` (text -> Result<T>), reporting
    // a failure at the value with the value named.
    template <class T, class Parse>
    std::optional<T> parsed(std::string_view key, Parse parse) {
        const YamlNode* v = get(key);
        if (!v) return std::nullopt;
        auto s = text_scalar(key, *v);
        if (!s) return std::nullopt;
        auto r = parse(*s);
        if (r) return *r;
        fail(*v, key, naming(*s, r.error()));
        return std::nullopt;
    }
    static std::string naming(const std::string& value, const std::string& reason);
    static std::string unknown_word(std::string_view word, std::span<const std::string_view> names);

    struct Entry {
        std::string_view key;
        std::uint32_t key_pos;
        std::uint32_t value;
    };
    const ReadContext& ctx_;
    std::vector<Entry> entries_;
    std::uint32_t first_key_pos_;
    std::string consequence_;
    bool bad_ = false;
};

}  // namespace acctool
