#include "acct/lang/words.h"

#include <array>

#include <fmt/format.h>

#include "acct/lang/counted_period.h"
#include "acct/lang/translate.h"

namespace acctool {

namespace {

// Month names in the genitive, as a date is said: "27 ноября".
constexpr std::array<std::string_view, 12> ru_months{"января",   "февраля", "марта",  "апреля",
                                                     "мая",      "июня",    "июля",   "августа",
                                                     "сентября", "октября", "ноября", "декабря"};
constexpr std::array<std::string_view, 7> ru_weekdays{"пн", "вт", "ср", "чт", "пт", "сб", "вс"};

bool russian() {
    return current_language() == Language::ru;
}

}  // namespace

std::string russian_date(Date d) {
    return fmt::format("{} {} {}", static_cast<unsigned>(d.day()),
                       ru_months[static_cast<unsigned>(d.month()) - 1], static_cast<int>(d.year()));
}

namespace {

// "-150000.00" -> "-150 000,00".
std::string russian_figure(std::string plain) {
    std::string sign;
    if (!plain.empty() && (plain[0] == '-' || plain[0] == '+')) {
        sign = plain.substr(0, 1);
        plain.erase(0, 1);
    }
    std::size_t point = plain.find('.');
    std::string whole = plain.substr(0, point);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ' ';
        grouped += whole[i];
    }
    if (point != std::string::npos) grouped += ',' + plain.substr(point + 1);
    return sign + grouped;
}

bool plain_figure(std::string_view s) {
    std::size_t i = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
    bool digits = false, point = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9')
            digits = true;
        else if (s[i] == '.' && digits && !point)
            point = true;
        else
            return false;
    }
    return digits && s.back() != '.';
}

}  // namespace

std::string russian_amount(const Money& m) {
    return russian_figure(format_amount(m));
}

std::string say_figure(std::string_view plain) {
    if (!russian() || !plain_figure(plain)) return std::string(plain);
    return russian_figure(std::string(plain));
}

std::string say_date(Date d) {
    return russian() ? russian_date(d) : format_date(d);
}

std::string say_weekday_date(Date d) {
    if (!russian()) return fmt::format("{} {}", weekday_name(d), d);
    return fmt::format("{} {:02}.{:02}", ru_weekdays[iso_weekday(d) - 1],
                       static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()));
}

std::string say_table_date(Date d) {
    if (!russian()) return format_date(d);
    return fmt::format("{:02}.{:02}.{}", static_cast<unsigned>(d.day()),
                       static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
}

std::string say_amount(const Money& m) {
    return russian() ? russian_amount(m) : format_amount(m);
}

std::string say_money(const Money& m) {
    if (!russian()) return fmt::format("{}", m);
    return fmt::format("{} {}", russian_amount(m), m.currency.code);
}

std::string say_decimal(double x, int digits) {
    return say_figure(fmt::format("{:.{}f}", x, digits));
}

std::string say_duration(int minutes) {
    if (!russian()) return format_duration(minutes);
    int h = minutes / 60, m = minutes % 60;
    // TRANSLATORS: time spent, abbreviated as on a timesheet: 30 мин, 2 ч.
    if (h == 0) return trf("{} min", m);
    if (m == 0) return trf("{} h", h);
    return trf("{} h {} min", h, m);
}

std::string say_period(Period p) {
    if (!russian()) return format_period(p);
    auto n = static_cast<unsigned long>(p.count);
    // TRANSLATORS: a length of one unit after "every", "for", "before", said
    // without the number: раз в неделю, на год, за день.
    if (n == 1) switch (p.unit) {
            case PeriodUnit::day:
                return tr("a day");
            case PeriodUnit::week:
                return tr("a week");
            case PeriodUnit::month:
                return tr("a month");
            case PeriodUnit::quarter:
                return tr("a quarter");
            case PeriodUnit::year:
                return tr("a year");
        }
    return say_counted_period(p);
}

}  // namespace acctool
