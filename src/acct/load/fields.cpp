#include "acct/load/fields.h"

#include <algorithm>

#include "acct/lang/translate.h"

namespace acctool {

bool is_slug(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_or_digit(s[0])) return false;
    for (char c : s)
        if (!lower_or_digit(c) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

// The reason, naming the value unless it already does.
std::string MapFields::naming(const std::string& value, const std::string& reason) {
    if (reason.find(fmt::format("'{}", value)) != std::string::npos) return reason;
    return fmt::format("'{}': {}", value, reason);
}

MapFields::MapFields(const ReadContext& ctx, std::uint32_t node,
                     std::span<const std::string_view> known, std::string_view what,
                     std::string consequence, std::span<const std::string_view> elsewhere)
    : ctx_(ctx), first_key_pos_(ctx.node(node).pos), consequence_(std::move(consequence)) {
    const YamlNode& map = ctx.node(node);
    std::vector<const YamlNode*> seen;  // every key, known or not, for duplicates
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
        const YamlNode& key = ctx.node(map.items[i]);
        if (i == 0) first_key_pos_ = key.pos;
        if (key.kind != YamlNode::Kind::scalar) {
            ctx.warn(key.pos, say("a key in {} must be plain text, found {} (ignored)", what,
                                  describe(key)));
            continue;
        }
        auto dup = std::find_if(seen.begin(), seen.end(),
                                [&](const YamlNode* k) { return k->value == key.value; });
        if (dup != seen.end()) {
            ctx.error(key.pos, say("duplicate key '{}', first at line {} (this one is ignored)",
                                   key.value, ctx.source.locate((*dup)->pos).line));
            continue;
        }
        seen.push_back(&key);
        if (std::find(elsewhere.begin(), elsewhere.end(), key.value) != elsewhere.end()) continue;
        if (std::find(known.begin(), known.end(), key.value) == known.end()) {
            if (auto near = closest(key.value, known))
                ctx.warn(key.pos,
                         say("unknown key '{}' in {}; did you mean '{}'?", key.value, what, *near));
            else
                ctx.warn(key.pos, say("unknown key '{}' in {} (ignored); known keys: {}", key.value,
                                      what, fmt::format("{}", fmt::join(known, ", "))));
            continue;
        }
        entries_.push_back(Entry{key.value, key.pos, map.items[i + 1]});
    }
}

const YamlNode* MapFields::get(std::string_view key) const {
    for (const auto& e : entries_)
        if (e.key == key) {
            const YamlNode& v = ctx_.node(e.value);
            return v.kind == YamlNode::Kind::null ? nullptr : &v;
        }
    return nullptr;
}

std::uint32_t MapFields::key_pos(std::string_view key) const {
    for (const auto& e : entries_)
        if (e.key == key) return e.key_pos;
    return first_key_pos_;
}

void MapFields::fail(const YamlNode& value, std::string_view key, std::string reason) {
    ctx_.error(value.pos, say("{}: {} ({})", key, reason, consequence_));
    bad_ = true;
}

bool MapFields::require(std::string_view key) {
    if (get(key)) return true;
    ctx_.error(first_key_pos_, say("missing '{}' ({})", key, consequence_));
    bad_ = true;
    return false;
}

std::optional<std::string> MapFields::text_scalar(std::string_view key, const YamlNode& value) {
    if (value.kind != YamlNode::Kind::scalar) {
        fail(value, key, words(say("expected text, found {}", describe(value))));
        return std::nullopt;
    }
    return value.value;
}

std::optional<std::string> MapFields::text(std::string_view key) {
    const YamlNode* v = get(key);
    return v ? text_scalar(key, *v) : std::nullopt;
}

std::optional<std::string> MapFields::slug(std::string_view key) {
    auto s = text(key);
    if (s && !is_slug(*s)) {
        fail(*get(key), key,
             words(say("'{}' is not a valid id: use lower-case letters, digits, '.', '_' and "
                       "'-', starting with a letter or digit, at most 64",
                       *s)));
        return std::nullopt;
    }
    return s;
}

std::optional<Date> MapFields::date(std::string_view key) {
    return parsed<Date>(key, [](const std::string& s) -> Result<Date> {
        auto d = parse_date(s);
        if (d) return d;
        if (d.error() == words(say("expected a date as YYYY-MM-DD")))
            return Failure{words(say("{}, found '{}'", d.error(), s))};
        return Failure{words(say("'{}' is not a real date: {}", s, d.error()))};
    });
}

std::optional<Period> MapFields::period(std::string_view key) {
    return parsed<Period>(key, parse_period);
}

std::optional<bool> MapFields::boolean(std::string_view key) {
    return parsed<bool>(key, [](const std::string& s) -> Result<bool> {
        static constexpr std::string_view yes[] = {"true", "True", "TRUE", "yes", "Yes",
                                                   "YES",  "on",   "On",   "ON"};
        static constexpr std::string_view no[] = {"false", "False", "FALSE", "no", "No",
                                                  "NO",    "off",   "Off",   "OFF"};
        if (std::find(std::begin(yes), std::end(yes), s) != std::end(yes)) return true;
        if (std::find(std::begin(no), std::end(no), s) != std::end(no)) return false;
        return Failure{words(say("expected true or false, found '{}'", s))};
    });
}

std::optional<Decimal> MapFields::decimal(std::string_view key) {
    return parsed<Decimal>(key, parse_decimal);
}

std::optional<int> MapFields::duration(std::string_view key) {
    return parsed<int>(key, parse_duration);
}

std::optional<Currency> MapFields::currency(std::string_view key) {
    auto c = parsed<Currency>(key, parse_currency);
    if (c && !c->known)
        ctx_.warn(get(key)->pos,
                  say("{}: '{}' is not an ISO 4217 code; assuming 2 decimal places", key, c->code));
    return c;
}

std::string MapFields::unknown_word(std::string_view word,
                                    std::span<const std::string_view> names) {
    if (auto near = closest(word, names))
        return words(say("unknown value '{}'; did you mean '{}'?", word, *near));
    return words(say("unknown value '{}'; expected one of {}", word,
                     fmt::format("{}", fmt::join(names, ", "))));
}

}  // namespace acctool
