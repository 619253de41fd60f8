#include "acct/model/period.h"
#include "acct/model/message.h"

#include <array>
#include <cctype>
#include <utility>

namespace acctool {

namespace {

struct UnitName {
    std::string_view name;
    PeriodUnit unit;
};

constexpr std::array<UnitName, 15> unit_names{{
    {"d", PeriodUnit::day},
    {"day", PeriodUnit::day},
    {"days", PeriodUnit::day},
    {"w", PeriodUnit::week},
    {"week", PeriodUnit::week},
    {"weeks", PeriodUnit::week},
    {"mo", PeriodUnit::month},
    {"month", PeriodUnit::month},
    {"months", PeriodUnit::month},
    {"q", PeriodUnit::quarter},
    {"quarter", PeriodUnit::quarter},
    {"quarters", PeriodUnit::quarter},
    {"y", PeriodUnit::year},
    {"year", PeriodUnit::year},
    {"years", PeriodUnit::year},
}};

constexpr std::array<std::pair<std::string_view, Period>, 6> period_words{{
    {"daily", {1, PeriodUnit::day}},
    {"weekly", {1, PeriodUnit::week}},
    {"biweekly", {2, PeriodUnit::week}},
    {"monthly", {1, PeriodUnit::month}},
    {"quarterly", {1, PeriodUnit::quarter}},
    {"yearly", {1, PeriodUnit::year}},
}};

// The longest period accepted: 100 years, so that date arithmetic stays far
// from the limits of the calendar types.
int max_count(PeriodUnit u) {
    switch (u) {
        case PeriodUnit::day:
            return 36525;
        case PeriodUnit::week:
            return 5218;
        case PeriodUnit::month:
            return 1200;
        case PeriodUnit::quarter:
            return 400;
        case PeriodUnit::year:
            return 100;
    }
    return 0;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

const UnitName* find_unit(std::string_view u) {
    for (const auto& n : unit_names)
        if (n.name == u) return &n;
    return nullptr;
}

std::string_view short_unit(PeriodUnit u) {
    switch (u) {
        case PeriodUnit::day:
            return "d";
        case PeriodUnit::week:
            return "w";
        case PeriodUnit::month:
            return "mo";
        case PeriodUnit::quarter:
            return "q";
        case PeriodUnit::year:
            return "y";
    }
    return "?";
}

}  // namespace

Result<Period> parse_period(std::string_view raw) {
    std::string_view text = trim(raw);
    for (const auto& [word, p] : period_words)
        if (text == word) return p;
    if (text.empty())
        return Failure{words(say("expected a period such as 2w, 30d, 1mo or monthly"))};

    size_t i = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
        ++i;
    std::string_view digits = text.substr(0, i);
    std::string_view unit = trim(text.substr(i));
    if (digits.empty()) {
        std::string l = lower(text);
        for (const auto& [word, p] : period_words)
            if (l == word)
                return Failure{words(say("did you mean '{}'? words are lower case", word))};
        return Failure{words(say("expected a period such as 2w, 30d, 1mo or monthly"))};
    }
    if (digits.size() > 6) return Failure{words(say("a period may be at most 100 years"))};
    int count = std::stoi(std::string(digits));
    if (unit.empty())
        return Failure{words(say("a period needs a unit: did you mean '{}d'?", digits))};
    if (unit == "m" || unit == "M")
        return Failure{
            words(say("'{}m' is ambiguous: write '{}mo' for months ('min' is for durations)",
                      digits, digits))};
    const UnitName* found = find_unit(unit);
    if (!found) {
        std::string l = lower(unit);
        if (const UnitName* near = find_unit(l))
            return Failure{
                words(say("units are lower case: did you mean '{}{}'?", digits, near->name))};
        return Failure{
            words(say("unknown unit '{}': use d, w, mo, q or y (as in '{}d')", unit, digits))};
    }
    if (count < 1)
        return Failure{words(say("a period must be at least 1: did you mean '1{}'?", found->name))};
    if (count > max_count(found->unit))
        return Failure{words(say("a period may be at most 100 years"))};
    return Period{count, found->unit};
}

std::string format_period(Period p) {
    return fmt::format("{}{}", p.count, short_unit(p.unit));
}

Period times(Period p, int k) {
    return Period{p.count * k, p.unit};
}

namespace {

Date shift(Date d, Period p, int sign) {
    switch (p.unit) {
        case PeriodUnit::day:
            return add_days(d, sign * p.count);
        case PeriodUnit::week:
            return add_days(d, sign * 7 * p.count);
        case PeriodUnit::month:
            return add_months(d, sign * p.count);
        case PeriodUnit::quarter:
            return add_months(d, sign * 3 * p.count);
        case PeriodUnit::year:
            return add_months(d, sign * 12 * p.count);
    }
    return d;
}

}  // namespace

Date add(Date d, Period p) {
    return shift(d, p, 1);
}
Date subtract(Date d, Period p) {
    return shift(d, p, -1);
}

int approx_days(Period p) {
    switch (p.unit) {
        case PeriodUnit::day:
            return p.count;
        case PeriodUnit::week:
            return 7 * p.count;
        case PeriodUnit::month:
            return 30 * p.count;
        case PeriodUnit::quarter:
            return 91 * p.count;
        case PeriodUnit::year:
            return 365 * p.count;
    }
    return p.count;
}

Result<int> parse_duration(std::string_view raw) {
    std::string_view text = trim(raw);
    if (text.empty())
        return Failure{words(say("expected a duration such as 45min, 1h30min or 2h"))};
    long total = 0;
    bool seen_h = false, seen_min = false;
    while (!text.empty()) {
        size_t i = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == 0 || i > 5)
            return Failure{words(say("expected a duration such as 45min, 1h30min or 2h"))};
        long n = std::stol(std::string(text.substr(0, i)));
        text = trim(text.substr(i));
        if (text.rfind("min", 0) == 0 && !seen_min) {
            total += n;
            seen_min = true;
            text.remove_prefix(3);
        } else if (text.rfind("h", 0) == 0 && !seen_h && !seen_min) {
            total += 60 * n;
            seen_h = true;
            text.remove_prefix(1);
        } else if (text.empty()) {
            return Failure{words(say("a duration needs a unit: did you mean '{}min'?", n))};
        } else {
            return Failure{words(say("expected a duration such as 45min, 1h30min or 2h"))};
        }
        text = trim(text);
    }
    if (total > 100000) return Failure{words(say("a duration may be at most 100000 minutes"))};
    return static_cast<int>(total);
}

std::string format_duration(int minutes) {
    int h = minutes / 60, m = minutes % 60;
    if (h == 0) return fmt::format("{}min", m);
    if (m == 0) return fmt::format("{}h", h);
    return fmt::format("{}h{}min", h, m);
}

}  // namespace acctool
