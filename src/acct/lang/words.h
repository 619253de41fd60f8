#pragma once
// Dates, money and lengths of time as people write them in the current
// language (SPEC 9): "27 ноября 2026", "пт 27.11", "150 000,00 RUB", "2 недели".
// In English they stay as acct has always written them (ISO dates, "2w").
#include <string>
#include <string_view>

#include "acct/model/date.h"
#include "acct/model/money.h"
#include "acct/model/period.h"

namespace acctool {

// en "2026-11-27", ru "27 ноября 2026".
std::string say_date(Date d);
// en "Fri 2026-11-27", ru "пт 27.11" (a day near today: no year).
std::string say_weekday_date(Date d);
// A date in a table column: en "2026-11-27", ru "27.11.2026".
std::string say_table_date(Date d);
// The amount alone: en "150000.00", ru "150 000,00".
std::string say_amount(const Money& m);
// en "150000.00 RUB", ru "150 000,00 RUB".
std::string say_money(const Money& m);
// A figure written plainly ("2400.00", "83.3", "21", "+5.1") as people write it:
// en as it is, ru "2 400,00", "83,3"; anything else ("-", "n/a") as it is.
std::string say_figure(std::string_view plain);
// A figure with `digits` decimals: en "2.17", ru "2,17".
std::string say_decimal(double x, int digits);
// en "2w", ru "2 недели", "неделю" (in the accusative: раз в неделю).
std::string say_period(Period p);
// Time spent: en "1h30min", ru "1 ч 30 мин".
std::string say_duration(int minutes);

// The Russian forms, whatever the current language: for tests and callers
// that write in a client's language.
std::string russian_date(Date d);
std::string russian_amount(const Money& m);

}  // namespace acctool
