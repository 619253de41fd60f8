#include "acct/cli/values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <optional>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/load/fields.h"
#include "acct/load/signed_decimal.h"
#include "acct/model/period.h"
#include "acct/model/utf8.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

namespace {

// ISO weekday (1 = Monday) of a weekday's name or its first three letters.
std::optional<unsigned> weekday_of(std::string_view text) {
    static constexpr std::array<std::string_view, 7> names{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (unsigned i = 0; i < names.size(); ++i)
        if (text == names[i] || text == names[i].substr(0, 3)) return i + 1;
    return std::nullopt;
}

}  // namespace

namespace {

// "27.11.2026" and "2026/11/27": dates as people write them elsewhere. The
// dotted day-month-year (Russian, German) is read back to say the same date
// the way acct writes it; a slashed one is ambiguous (US or not), so only the
// form is named.
std::optional<Failure> foreign_date(std::string_view text) {
    int day = 0, month = 0, year = 0;
    char dot1 = 0, dot2 = 0;
    std::string s(text);
    int used = 0;
    if (std::sscanf(s.c_str(), "%2d%c%2d%c%4d%n", &day, &dot1, &month, &dot2, &year, &used) == 5 &&
        used == static_cast<int>(s.size()) && dot1 == '.' && dot2 == '.' && year >= 1000) {
        std::string iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);
        auto d = parse_date(iso);
        if (!d) return Failure{fmt::format("'{}': {}", terminal_safe(text), d.error())};
        return Failure{trf("'{}': write the date as {} (YYYY-MM-DD)", terminal_safe(text), iso)};
    }
    bool digits = text.find_first_of("0123456789") != std::string_view::npos;
    if (digits && text.find_first_not_of("0123456789./") == std::string_view::npos &&
        text.find_first_of("./") != std::string_view::npos)
        return Failure{trf("'{}': write dates as YYYY-MM-DD", terminal_safe(text))};
    return std::nullopt;
}

}  // namespace

Result<Date> parse_when(std::string_view text, Date base) {
    if (text == "today") return base;
    if (text == "tomorrow") return add_days(base, 1);
    if (text == "yesterday") return add_days(base, -1);
    if (auto wd = weekday_of(text)) {
        int ahead = (static_cast<int>(*wd) - static_cast<int>(iso_weekday(base)) + 7) % 7;
        return add_days(base, ahead == 0 ? 7 : ahead);
    }
    if (text.size() >= 8 && text[4] == '-') {
        auto d = parse_date(text);
        if (!d) return Failure{fmt::format("'{}': {}", terminal_safe(text), d.error())};
        return *d;
    }
    auto p = parse_period(text);
    if (p) return add(base, *p);
    if (auto foreign = foreign_date(text)) return *foreign;
    return Failure{
        trf("'{}' is not a date (YYYY-MM-DD), a period (2w, 10d, 1mo) or a weekday (fri): {}",
            terminal_safe(text), p.error())};
}

Result<Date> parse_as_of(std::string_view text, Date today) {
    if (text == "today" || text == "yesterday" || text == "tomorrow")
        return parse_when(text, today);
    if (text.size() < 8 || text[4] != '-') {
        if (auto foreign = foreign_date(text)) return *foreign;
        return Failure{trf("'{}' is not a date (YYYY-MM-DD), today, yesterday or tomorrow",
                           terminal_safe(text))};
    }
    auto d = parse_date(text);
    if (!d) return Failure{fmt::format("'{}': {}", terminal_safe(text), d.error())};
    return *d;
}

Result<Date> parse_date_option(std::string_view option, const std::optional<std::string>& text,
                               Date base) {
    if (!text) return base;
    auto d = parse_when(*text, base);
    if (!d) return Failure{fmt::format("{} {}", option, d.error())};
    return *d;
}

namespace {

// Why text cannot be a record's text, if it cannot.
enum class TextProblem { none, not_utf8, empty };

TextProblem text_problem(std::string_view text) {
    if (find_invalid_utf8(text)) return TextProblem::not_utf8;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return TextProblem::empty;
    return TextProblem::none;
}

}  // namespace

Result<std::string> parse_text(std::string_view text) {
    switch (text_problem(text)) {
        case TextProblem::not_utf8:
            // TRANSLATORS: a predicate after "VALUE для owner:".
            return Failure{tr("is not valid UTF-8")};
        case TextProblem::empty:
            return Failure{tr("is empty")};
        case TextProblem::none:
            break;
    }
    return std::string(text);
}

Result<std::string> parse_text(std::string_view text, std::string_view name) {
    switch (text_problem(text)) {
        case TextProblem::not_utf8:
            return Failure{trf("{} is not valid UTF-8", name)};
        case TextProblem::empty:
            return Failure{trf("{} is empty", name)};
        case TextProblem::none:
            break;
    }
    return std::string(text);
}

Result<std::string> parse_id(std::string_view option, std::string_view text) {
    if (!is_slug(text))
        return Failure{
            trf("{} '{}' is not a valid id: use lower-case letters, digits, '.', '_' "
                "and '-', starting with a letter or digit, at most 64",
                option, terminal_safe(text))};
    return std::string(text);
}

namespace {

// parse_decimal's limits: 13 digits before the point keep every amount in
// minor units far inside 64 bits; 18 in all keep a metric's value in it.
constexpr std::size_t max_whole_digits = 13, max_fraction_digits = 6, max_digits = 18;

enum class NumberKind { number, amount };

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

Result<Decimal> read_number(std::string_view text, NumberKind kind) {
    std::string shown = terminal_safe(text);
    std::string_view s = text;
    bool negative = !s.empty() && s.front() == '-';
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
    std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
    bool shaped = all_digits(whole) && all_digits(frac) && (!whole.empty() || !frac.empty()) &&
                  (dot == std::string_view::npos || !frac.empty());
    if (!shaped) {
        if (has_exponent(s))
            return Failure{
                trf("'{}' has an exponent: write the number out in digits (1000, not 1e3)", shown)};
        if (kind == NumberKind::amount)
            return Failure{
                trf("'{}' is not an amount: write digits with a point before the "
                    "fraction, such as 1500 or 1500.50",
                    shown)};
        return Failure{
            trf("'{}' is not a number: write digits with an optional sign and a "
                "point before the fraction, such as 1200, -3.5 or 0.25",
                shown)};
    }
    while (!whole.empty() && whole.front() == '0')
        whole.remove_prefix(1);
    if (whole.size() > max_whole_digits)
        return Failure{
            trf("'{}' is too large: at most {} digits before the point", shown, max_whole_digits)};
    if (frac.size() > max_fraction_digits)
        return Failure{trf("'{}' has too many digits after the point: at most {}", shown,
                           max_fraction_digits)};
    if (whole.size() + frac.size() > max_digits)
        return Failure{trf("'{}' has too many digits: at most {} in all", shown, max_digits)};
    if (negative && kind == NumberKind::amount)
        return Failure{fmt::format("'{}': {}", shown, tr("an amount must not be negative"))};
    auto d = parse_decimal(fmt::format("0{}{}{}", whole, frac.empty() ? "" : ".", frac));
    if (!d) return Failure{fmt::format("'{}': {}", shown, d.error())};
    return Decimal{negative ? -d->units : d->units, d->scale};
}

}  // namespace

Result<Decimal> parse_number(std::string_view text) {
    return read_number(text, NumberKind::number);
}

Result<Money> parse_money(std::string_view text, const Currency& currency) {
    auto d = read_number(text, NumberKind::amount);
    if (!d) return Failure{d.error()};
    auto m = to_money(*d, currency);
    if (!m) return Failure{fmt::format("'{}': {}", terminal_safe(text), m.error())};
    return *m;
}

}  // namespace acctool::cli
